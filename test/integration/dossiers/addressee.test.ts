// Whom a new dossier is addressed to and what the tờ trình asks of them, by the office's place:
// a unit under a Sở sends a Bằng khen tỉnh to the Sở's director, who proposes it to the
// province's chairman; a Sở sends it to the chairman; a Bằng khen Thủ tướng goes from a Sở to
// the Prime Minister's level as before.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { openCore } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function office(levelCode: string, name: string, superiorName: string) {
  const core = await openCore();
  cores.push(core);
  await core.invoke('office.save', { name, levelCode, placeName: 'Lào Cai', abbreviation: 'X', parentAgency: '', headTitle: 'Giám đốc', headName: 'Lê Văn A', superiorName });
  const unit = (await core.invoke('units.create', { name: 'Phòng Hành chính' })).id;
  const s = await core.invoke('staff.create', { fullName: 'Nguyễn Thị Mai', gender: 'nu', unitId: unit });
  return { core, staffId: s.id };
}

const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a new dossier: addressee and what the tờ trình asks', () => {
  it('a unit under a Sở: the Sở director, asked to propose it to the province', async () => {
    const { core, staffId } = await office('co_so', 'Trung tâm Dịch vụ việc làm', 'Sở Nội vụ tỉnh Lào Cai');
    const d = await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    expect(d.addressee).toBe('Giám đốc Sở Nội vụ tỉnh Lào Cai');
    await core.invoke('dossiers.addNominees', { id: d.id, nominees: [{ kind: 'person', staffId }] });
    const html = plain((await core.invoke('dossiers.previewHtml', { id: d.id, kind: 'to_trinh' })).html);
    expect(html).toContain('Kính gửi: Giám đốc Sở Nội vụ tỉnh Lào Cai');
    expect(html).toContain('kính trình Giám đốc Sở Nội vụ tỉnh Lào Cai xem xét, đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho 01 cá nhân');
  });

  it('a Sở: the province chairman decides it; a Bằng khen Thủ tướng is asked of the Prime Minister', async () => {
    const { core } = await office('so_nganh', 'Sở Nội vụ', 'UBND tỉnh Lào Cai');
    expect((await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' })).addressee).toBe('Chủ tịch Ủy ban nhân dân tỉnh Lào Cai');
    expect((await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TTG' })).addressee).toBe('Thủ tướng Chính phủ');
    expect((await core.invoke('dossiers.create', { year: 2025, awardCode: 'CSTDCS' })).addressee).toBe('Giám đốc Sở Nội vụ');
  });
});
