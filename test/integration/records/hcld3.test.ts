// Huân chương Lao động hạng Ba through the app: ratings from the year-end grid, a Bằng khen
// Thủ tướng from a decision, then the checker's answer, its Excel lists, a dossier's proposals
// and the CLI all name the one who qualifies, and say what the other lacks.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { cliOn } from '../../support/cli';
import { readBook, sheetRows } from '../../support/xlsx';
import { historyOffice } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

const RATINGS: Record<number, 'HTTNV' | 'HTXSNV'> = { 2021: 'HTTNV', 2022: 'HTXSNV', 2023: 'HTTNV', 2024: 'HTTNV', 2025: 'HTXSNV' };

/**
 * An (the one who qualifies), Bích (the same, one CSTĐCS fewer: gần đủ) and Cường (An's years
 * without a Bằng khen Thủ tướng, after which the five years count: chưa đủ).
 */
async function office() {
  const o = await historyOffice('2026-01-15');
  cores.push(o.core);
  const { core, ids, units } = o;
  for (const [y, rating] of Object.entries(RATINGS)) {
    const year = Number(y);
    const row = (staffId: string, cstdcs: boolean) => ({ staffId, rating, maternityLeave: false, underReview: false, titles: { LDTT: year < 2025, CSTDCS: cstdcs } });
    await core.invoke('records.saveYearGrid', {
      unitId: units.vp,
      year,
      rows: [row(ids.A, year === 2022 || year === 2024), row(ids.B, year === 2022)],
    });
    await core.invoke('records.saveYearGrid', { unitId: units.ncc, year, rows: [row(ids.C, year === 2022 || year === 2024)] });
  }
  await core.invoke('records.saveDecision', {
    data: {
      number: '1234/QĐ-TTg',
      decisionDate: '15/03/2021',
      issuer: 'Thủ tướng Chính phủ',
      awardCode: 'BK_TTG',
      year: 2020,
      recipients: [
        { kind: 'person', staffId: ids.A },
        { kind: 'person', staffId: ids.B },
      ],
    } as never,
  });
  return o;
}

describe('Huân chương Lao động hạng Ba in the checker and what reads it', () => {
  it('the check, its lists and a dossier propose the one who qualifies; the CLI says the same', async () => {
    const { core, ids } = await office();
    const view = await core.invoke('eligibility.check', { year: 2025 });
    expect(view.codes.individual).toContain('HCLD_HANG_BA');
    expect(view.counts.HCLD_HANG_BA).toMatchObject({ du_dieu_kien: 1, gan_du: 1 });
    const verdictOf = (id: string) => {
      const p = view.people.find((x) => x.id === id)!;
      return p.candidates.map((i) => view.candidates[i]!).find((x) => x.code === 'HCLD_HANG_BA')!;
    };
    expect(verdictOf(ids.B).verdict).toBe('gan_du');
    // five good years, an HTXSNV and three CSTĐCS, but no Bằng khen Thủ tướng: years away, not one condition
    expect(verdictOf(ids.C).verdict).toBe('chua_du');
    expect(verdictOf(ids.C).items.map((i) => view.items[i]!.message)).toContain('Chưa có Bằng khen của Thủ tướng Chính phủ theo công trạng (thường xuyên)');
    const an = view.people.find((p) => p.id === ids.A)!;
    const c = an.candidates.map((i) => view.candidates[i]!).find((x) => x.code === 'HCLD_HANG_BA')!;
    expect(c.verdict).toBe('du_dieu_kien');
    expect(c.items.map((i) => view.items[i]!.message)).toContain('Đã được tặng Bằng khen Thủ tướng năm 2020 (QĐ số 1234/QĐ-TTg)');
    expect(c.items.map((i) => view.items[i]!.message)).toContain(
      'Hoàn thành tốt nhiệm vụ trở lên 5 năm liên tục 2021–2025 (sau Bằng khen Thủ tướng năm 2020); hoàn thành xuất sắc nhiệm vụ 2 năm: 2022 và 2025; CSTĐCS 3 lần: 2022, 2024 và 2025',
    );

    // the council's lists: a sheet for the order, An đủ, Bích gần đủ with what she lacks, not Cường
    const wb = await readBook(await core.invoke('eligibility.export', { year: 2025 }));
    const sheet = wb.getWorksheet('HCLĐ hạng Ba')!;
    expect(sheet).toBeDefined();
    const text = sheetRows(sheet).flat().map(String).join('\n');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('Trần Thị Bích');
    expect(text).toContain('thiếu 1 lần CSTĐCS trong chuỗi (cần 3, có 2)');
    expect(text).not.toContain('Lê Văn Cường');

    // a dossier for the order takes An from the checker's proposals
    const d = await core.invoke('dossiers.create', { year: 2025, awardCode: 'HCLD_HANG_BA' });
    const cands = await core.invoke('dossiers.candidates', { id: d.id });
    expect(cands.eligible.map((x) => x.id)).toEqual([ids.A]);
    expect(cands.nearly.map((x) => x.id)).toEqual([ids.B]);
    // addressed to the Prime Minister, who proposes it to the President (Luật TĐKT 2022 Đ.84)
    await core.invoke('dossiers.addNominees', { id: d.id, nominees: cands.eligible.map((x) => ({ kind: x.kind, staffId: x.id })) });
    expect((await core.invoke('dossiers.get', { id: d.id })).addressee).toBe('Thủ tướng Chính phủ');
    const toTrinh = (await core.invoke('dossiers.previewHtml', { id: d.id, kind: 'to_trinh' })).html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(toTrinh).toContain('kính trình Thủ tướng Chính phủ xem xét, trình Chủ tịch nước tặng Huân chương Lao động hạng Ba cho 01 cá nhân');

    const { run, out } = cliOn(core, 'eligibility');
    expect(await run(['--year', '2025'])).toBe(0);
    const printed = out.join('\n');
    const block = printed.slice(printed.indexOf('Nguyễn Văn An —'));
    expect(block.split('\n\n')[0]).toMatch(/Đủ điều kiện: .*Huân chương Lao động hạng Ba/);
    expect(printed).toContain('Gần đủ Huân chương Lao động hạng Ba: thiếu 1 lần CSTĐCS trong chuỗi (cần 3, có 2)');
    expect(printed).not.toContain('Gần đủ Huân chương Lao động hạng Ba: chưa có Bằng khen Thủ tướng');
  });

  it('a year under NĐ 91/2017 does not judge it', async () => {
    const { core } = await office();
    const view = await core.invoke('eligibility.check', { year: 2023 });
    expect(view.codes.individual).not.toContain('HCLD_HANG_BA');
  });
});
