// Plans through the core: import each reference plan, store, export DOCX, compare the text;
// templates, duplication, autosave guard, campaigns with searchable references, bad input.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testCore } from '../../support/core';
import { extractDocReferences } from '../../../shared/plans/references';
import { REFERENCE_DIR } from '../plans/helpers';
import { charSimilarity, normalizeForCompare } from '../plans/similarity';
import { docxPlainText } from '../../../electron/services/documents/docx-text';
import { openDocx, all, attr } from '../../support/docx-xml';

const REFS = ['000_a9ce567325fa68b9', '002_8c4a9ec5550026db', '004_604d1ccd06bf0239'];

function b64(file: string) {
  return readFileSync(join(REFERENCE_DIR, file)).toString('base64');
}

describe('plans through the core', () => {
  it.each(REFS)('imports %s.docx, stores it, and exports a DOCX whose text matches the source (at least 0.99)', async (name) => {
    const core = await testCore();
    const { record, warnings } = await core.invoke('plans.import', { fileName: `${name}.docx`, fileBase64: b64(`${name}.docx`) });
    expect(Array.isArray(warnings)).toBe(true);
    expect(record.plan.sections.length).toBeGreaterThan(1);
    expect(record.plan.signer?.name).toBeTruthy();
    expect(record.plan.recipients.at(-1)).toMatch(/^Lưu/);
    // stored: list and reload give the same model
    const list = await core.invoke('plans.list');
    expect(list.map((p) => p.id)).toContain(record.id);
    const again = await core.invoke('plans.get', { id: record.id });
    expect(again.plan).toEqual(record.plan);

    const file = await core.invoke('plans.export', { id: record.id, format: 'docx' });
    expect(file.fileName).toMatch(/\.docx$/);
    const text = docxPlainText(Buffer.from(file.base64, 'base64'));
    const source = readFileSync(join(REFERENCE_DIR, `${name}.txt`), 'utf8');
    const ratio = charSimilarity(normalizeForCompare(text), normalizeForCompare(source));
    expect(ratio).toBeGreaterThanOrEqual(0.99);
    core.close();
  });

  it('exported DOCX is A4 with NĐ 30 margins and Times New Roman', async () => {
    const core = await testCore();
    const { record } = await core.invoke('plans.import', { fileName: 'x.docx', fileBase64: b64(`${REFS[2]}.docx`) });
    const file = await core.invoke('plans.export', { id: record.id, format: 'docx' });
    const d = openDocx(Buffer.from(file.base64, 'base64'));
    const pgSz = all(d.document, 'w:pgSz')[0]!;
    expect(attr(pgSz, 'w:w')).toBe('11906');
    expect(attr(pgSz, 'w:h')).toBe('16838');
    const mar = all(d.document, 'w:pgMar')[0]!;
    expect(attr(mar, 'w:left')).toBe('1701');
    // the quarterly appendix is on a landscape section
    expect(all(d.document, 'w:pgSz').some((s) => attr(s, 'w:orient') === 'landscape')).toBe(true);
    expect(all(d.styles, 'w:rFonts').some((f) => attr(f, 'w:ascii') === 'Times New Roman')).toBe(true);
    core.close();
  });

  it('creates from a template with the office filled in, duplicates with years shifted, exports JSON and HTML', async () => {
    const core = await testCore();
    const rec = await core.invoke('plans.createFromTemplate', { templateId: 'tdkt-work-plan', year: 2026 });
    expect(rec.plan.header.docNumber).toMatchObject({ number: null, typeCode: 'KH', agencyAbbr: 'SLĐTBXH' });
    expect(rec.plan.header.place).toBe('Lào Cai');
    expect(rec.plan.title.join(' ')).toContain('2026');
    expect(rec.year).toBe(2026);
    const dup = await core.invoke('plans.duplicate', { id: rec.id, yearDelta: 1 });
    expect(dup.id).not.toBe(rec.id);
    expect(dup.plan.title.join(' ')).toContain('2027');
    expect(dup.plan.title.join(' ')).not.toContain('2026');
    expect(dup.year).toBe(2027);
    const json = await core.invoke('plans.export', { id: dup.id, format: 'json' });
    expect(JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8')).title).toEqual(dup.plan.title);
    const html = Buffer.from((await core.invoke('plans.export', { id: dup.id, format: 'html' })).base64, 'base64').toString('utf8');
    expect(html).toContain('KẾ HOẠCH');
    expect(html).toContain('@page');
    core.close();
  });

  it('autosave stores edits and refuses to overwrite a newer version', async () => {
    const core = await testCore();
    const rec = await core.invoke('plans.createFromTemplate', { templateId: 'annual-campaign', year: 2026 });
    const edited = { ...rec.plan, title: ['Phát động phong trào thi đua "Dân vận khéo" năm 2026'] };
    const saved = await core.invoke('plans.save', { id: rec.id, plan: edited, expectedUpdatedAt: rec.updatedAt });
    expect(saved.title).toBe('Phát động phong trào thi đua "Dân vận khéo" năm 2026');
    expect((await core.invoke('plans.list', { search: 'dan van kheo' })).map((p) => p.id)).toEqual([rec.id]);
    const stale = await core.call('plans.save', { id: rec.id, plan: rec.plan, expectedUpdatedAt: '2000-01-01T00:00:00.000Z' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await core.invoke('plans.get', { id: rec.id })).plan.title).toEqual(edited.title);
    const bad = await core.call('plans.save', { id: rec.id, plan: { ...rec.plan, sections: 'oops' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    core.close();
  });

  it('bad files give a clear message and create nothing', async () => {
    const core = await testCore();
    const cases: [string, string, RegExp][] = [
      ['empty.docx', '', /trống|rỗng|không có nội dung/i],
      ['corrupt.docx', Buffer.from('PK\u0003\u0004 this is not really a zip').toString('base64'), /hỏng|không đọc được|không phải/i],
      ['random.docx', Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)).toString('base64'), /hỏng|không đọc được|không phải/i],
      ['plan.pdf', Buffer.from('%PDF-1.4').toString('base64'), /không phải \.docx, \.txt hoặc \.json/],
      ['old.doc', Buffer.from('\xD0\xCF\x11\xE0').toString('base64'), /\.docx/],
    ];
    for (const [fileName, fileBase64, msg] of cases) {
      const r = await core.call('plans.import', { fileName, fileBase64 });
      expect(r.ok, fileName).toBe(false);
      if (!r.ok) expect(r.error.message, fileName).toMatch(msg);
    }
    // a Word 97–2003 file named .doc, or renamed .docx: the same advice
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]).toString('base64');
    const named = await core.call('plans.import', { fileName: 'old.doc', fileBase64: ole });
    const renamed = await core.call('plans.import', { fileName: 'renamed.docx', fileBase64: ole });
    expect(named.ok || renamed.ok).toBe(false);
    if (!named.ok && !renamed.ok) {
      expect(renamed.error.message).toBe(named.error.message);
      expect(named.error.message).toContain('lưu lại dưới dạng .docx');
    }
    expect(await core.invoke('plans.list')).toEqual([]);
    core.close();
  });

  it('campaigns hold phases, deadlines and searchable superior documents', async () => {
    const core = await testCore();
    const c = await core.invoke('campaigns.create', {
      name: 'Phong trào thi đua "Cả nước chung tay vì người nghèo"',
      kind: 'dac_biet',
      yearFrom: 2021,
      yearTo: 2025,
      phases: [
        { name: 'Giai đoạn 1', yearFrom: 2021, yearTo: 2023, review: 'so_ket', reviewDate: '15/12/2023' },
        { name: 'Giai đoạn 2', yearFrom: 2024, yearTo: 2025, review: 'tong_ket', reviewDate: null },
      ],
      deadlines: [{ label: 'Gửi hồ sơ đề nghị khen thưởng', day: 1, month: 12 }],
      references: [{ number: '05/KH-UBND', kind: 'Kế hoạch', date: '29/01/2022', issuer: 'UBND tỉnh Lào Cai', title: 'triển khai công tác thi đua' }],
    });
    expect(c.phases[0]!.reviewDate).toBe('2023-12-15');
    expect(c.references[0]).toMatchObject({ number: '05/KH-UBND', date: '2022-01-29' });
    expect((await core.invoke('campaigns.list', { search: '05/kh-ubnd' })).map((x) => x.id)).toEqual([c.id]);
    expect((await core.invoke('campaigns.list', { search: 'ubnd tinh lao cai' })).map((x) => x.id)).toEqual([c.id]);
    expect(await core.invoke('campaigns.list', { search: 'khong co' })).toEqual([]);
    expect((await core.invoke('campaigns.list', { year: 2024 })).length).toBe(1);
    expect((await core.invoke('campaigns.list', { year: 2030 })).length).toBe(0);

    const bad = await core.call('campaigns.create', { name: 'X', kind: 'dac_biet', yearFrom: 2025, yearTo: 2021 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('Năm kết thúc phải bằng hoặc sau năm bắt đầu.');

    const plan = await core.invoke('plans.createFromTemplate', { templateId: 'thematic-campaign', year: 2024, campaignId: c.id });
    expect(plan.campaignId).toBe(c.id);
    const del = await core.call('campaigns.delete', { id: c.id });
    expect(del).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    core.close();
  });

  it("campaigns' deadlines and review dates coming up (campaigns.upcoming), ended campaigns left out", async () => {
    const core = await testCore({ today: '2025-11-23' });
    const running = await core.invoke('campaigns.create', {
      name: 'Phong trào thi đua "Dân vận khéo"',
      kind: 'chuyen_de',
      yearFrom: 2025,
      yearTo: 2027,
      phases: [{ name: 'Giai đoạn 2025-2026', yearFrom: 2025, yearTo: 2026, review: 'so_ket', reviewDate: '28/11/2025' }],
      deadlines: [{ label: 'Gửi hồ sơ đề nghị khen thưởng', day: 1, month: 12 }],
    });
    const ended = await core.invoke('campaigns.create', {
      name: 'Phong trào đã kết thúc',
      kind: 'chuyen_de',
      yearFrom: 2025,
      yearTo: 2025,
      deadlines: [{ label: 'Báo cáo', day: 25, month: 11 }],
    });
    await core.invoke('campaigns.update', { id: ended.id, data: { name: ended.name, kind: 'chuyen_de', yearFrom: 2025, yearTo: 2025, status: 'da_ket_thuc', deadlines: ended.deadlines } });
    const r = await core.invoke('campaigns.upcoming', { days: 14 });
    expect(r.today).toBe('2025-11-23');
    expect(r.dates.map((d) => [d.campaignId, d.kind, d.label, d.date])).toEqual([
      [running.id, 'so_ket', 'Giai đoạn 2025-2026', '2025-11-28'],
      [running.id, 'deadline', 'Gửi hồ sơ đề nghị khen thưởng', '2025-12-01'],
    ]);
    expect((await core.invoke('campaigns.upcoming', { days: 6 })).dates.map((d) => d.date)).toEqual(['2025-11-28']);
    core.close();
  });

  it('campaigns and plans are searched as every list is: words in any order, each at the start of a word', async () => {
    const core = await testCore();
    const c = await core.invoke('campaigns.create', {
      name: 'Phong trào thi đua "Dân vận khéo"',
      kind: 'chuyen_de',
      yearFrom: 2025,
      yearTo: 2025,
      references: [{ number: '128/KH-UBND', kind: 'Kế hoạch', date: '02/03/2025', issuer: 'UBND tỉnh Lào Cai', title: 'thi đua Dân vận khéo' }],
    });
    const other = await core.invoke('campaigns.create', { name: 'Phong trào thi đua "Thanh niên tình nguyện"', kind: 'chuyen_de', yearFrom: 2025, yearTo: 2025 });
    const ids = async (search: string) => (await core.invoke('campaigns.list', { search })).map((x) => x.id).sort();
    expect(await ids('kheo dan van')).toEqual([c.id]); // words in any order
    expect(await ids('DÂN VẬN')).toEqual([c.id]);
    expect(await ids('lao cai 128')).toEqual([c.id]); // the words of a cited document
    expect(await ids('thanh')).toEqual([other.id]); // "thanh" at the start of a word only
    expect(await ids('nien anh')).toEqual([]); // "anh" is inside "thanh", not at a word's start
    expect(await ids('thi dua')).toEqual([c.id, other.id].sort());

    const p = await core.invoke('plans.createFromTemplate', { templateId: 'thematic-campaign', year: 2025, campaignId: c.id, theme: 'Dân vận khéo' });
    const basis = 'Căn cứ Kế hoạch số 07/KH-BTĐKT ngày 10/01/2025 của Ban Thi đua - Khen thưởng tỉnh về thi đua năm 2025;';
    const numbered = {
      ...p.plan,
      header: { ...p.plan.header, docNumber: { ...p.plan.header.docNumber!, number: 25 } },
      bases: [...p.plan.bases, { id: 'b-cited', text: basis, refs: extractDocReferences(basis) }],
    };
    await core.invoke('plans.save', { id: p.id, plan: numbered, expectedUpdatedAt: p.updatedAt });
    const q = await core.invoke('plans.createFromTemplate', { templateId: 'tdkt-work-plan', year: 2025 });
    const plans = async (search: string, campaignId: string | null = null) => (await core.invoke('plans.list', { search, campaignId })).map((x) => x.id).sort();
    const numberLine = (await core.invoke('plans.get', { id: p.id })).numberLine;
    expect(numberLine).toMatch(/^Số: 25\/KH-/);
    expect(await plans(numberLine.slice('Số: '.length))).toEqual([p.id]); // the number as written
    expect(await plans('kh 25')).toEqual([p.id]); // its parts, in any order
    expect(await plans('07/kh-btdkt')).toEqual([p.id]); // a document it cites
    expect(await plans('ban thi dua khen thuong tinh')).toEqual([p.id]);
    expect(await plans('kheo van dan')).toEqual([p.id]); // its title, words in any order
    expect(await plans('kheo', other.id)).toEqual([]); // within the campaign chosen
    expect(await plans('')).toEqual([p.id, q.id].sort());
    core.close();
  });
});
