// "Xuất dữ liệu kế hoạch (.json)" on one machine, "Nhập kế hoạch" of that file on another: the plan
// arrives whole (outline, appendix grid, review marks) as a new draft; a file that is not such a
// plan is refused in Vietnamese and nothing is stored.
import { describe, expect, it } from 'vitest';
import { importPlanJson } from '../../../electron/services/plans/import';
import { testCore } from '../../support/core';
import { referenceBytes } from './helpers';

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

async function planCount(core: Awaited<ReturnType<typeof testCore>>): Promise<number> {
  return (await core.invoke('plans.list', {})).length;
}

describe('plan .json export → import', () => {
  it('brings a plan to another machine whole, as a new draft with its own id', async () => {
    const a = await testCore();
    const imported = await a.invoke('plans.import', { fileName: 'ke-hoach.docx', fileBase64: b64(referenceBytes('000_a9ce567325fa68b9')) });
    const original = imported.record;
    expect(original.plan.appendices.length + original.plan.sections.length).toBeGreaterThan(0);
    const file = await a.invoke('plans.export', { id: original.id, format: 'json' });
    expect(file.fileName).toMatch(/\.json$/);

    const b = await testCore();
    const r = await b.invoke('plans.import', { fileName: file.fileName, fileBase64: file.base64 });
    expect(r.warnings).toEqual([]);
    expect(r.record.id).not.toBe(original.id);
    expect(r.record.status).toBe('nhap');
    expect(r.record.reviewCount).toBe(original.reviewCount);
    expect({ ...r.record.plan, id: '' }).toEqual({ ...original.plan, id: '' });
    // the same file on the machine it came from: another plan, not the first one overwritten
    const again = await a.invoke('plans.import', { fileName: file.fileName, fileBase64: file.base64 });
    expect(again.record.id).not.toBe(original.id);
    expect(await planCount(a)).toBe(2);
    expect((await a.invoke('plans.get', { id: original.id })).plan).toEqual(original.plan);
    a.close();
    b.close();
  });

  it('normalises decomposed Vietnamese typed into the file by hand', async () => {
    const a = await testCore();
    const { record } = await a.invoke('plans.import', { fileName: 'k.txt', fileBase64: b64('ỦY BAN NHÂN DÂN\nKẾ HOẠCH\nThi đua năm 2026\nI. MỤC ĐÍCH\n1. Động viên cán bộ.') });
    const plan = { ...record.plan, title: ['Thi đua năm 2026 — Phường Đông Hải'.normalize('NFD')] };
    const r = importPlanJson(JSON.stringify(plan));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.plan.title).toEqual(['Thi đua năm 2026 — Phường Đông Hải'.normalize('NFC')]);
    a.close();
  });

  it('refuses what is not a plan the app exported, and stores nothing', async () => {
    const core = await testCore();
    const { record } = await core.invoke('plans.import', { fileName: 'k.txt', fileBase64: b64('KẾ HOẠCH\nThi đua năm 2026\nI. MỤC ĐÍCH\n1. Động viên.') });
    const good = JSON.stringify(record.plan);
    const cases: Array<[string, string, RegExp]> = [
      ['empty', '', /trống/],
      ['not JSON (cut in half)', good.slice(0, good.length / 2), /không đọc được/],
      ['another JSON (a bundle manifest)', JSON.stringify({ format: 'tdkt-bundle', formatVersion: 1 }), /không phải dữ liệu kế hoạch/],
      ['a plan missing its sections', JSON.stringify({ ...record.plan, sections: undefined }), /mục sections/],
      ['a newer version', JSON.stringify({ ...record.plan, schemaVersion: 99 }), /phiên bản TĐKT Desktop mới hơn.*cập nhật/],
      ['arrays nested 200,000 deep', `${'['.repeat(200_000)}${']'.repeat(200_000)}`, /lồng nhau bất thường/],
    ];
    const before = await planCount(core);
    for (const [what, text, message] of cases) {
      await expect(core.invoke('plans.import', { fileName: 'ke-hoach.json', fileBase64: b64(text) }), what).rejects.toThrow(message);
    }
    await expect(core.invoke('plans.import', { fileName: 'ke-hoach.pdf', fileBase64: b64('%PDF') })).rejects.toThrow(/không phải \.docx, \.txt hoặc \.json/);
    expect(await planCount(core)).toBe(before);
    core.close();
  });
});
