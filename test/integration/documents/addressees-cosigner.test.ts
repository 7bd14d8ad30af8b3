// The optional model parts added for the dossier's documents: "Kính gửi:" addressees, a
// co-signer in the left column (biên bản, báo cáo thành tích) and a signer's note line —
// in DOCX and in the HTML print view; documents without them render as before.
import { describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { renderDocx } from '../../../electron/services/documents/docx';
import { renderHtmlBody } from '../../../shared/documents/html';
import type { OfficialDocument } from '../../../shared/documents/model';
import { all, attr, child, children, first, isOn, openDocx, paragraphsContaining, wText } from '../../support/docx-xml';
import { samplePlan } from './sample';

const doc = (over: Partial<OfficialDocument>): OfficialDocument => ({
  header: { agency: 'Sở Nội vụ', numberLine: 'Số: 05/TTr-SNV', place: 'Lào Cai', date: { year: 2025, month: 11, day: 20 } },
  docType: 'TỜ TRÌNH',
  title: ['Về việc đề nghị khen thưởng'],
  bases: [],
  preamble: [],
  body: [{ kind: 'paragraph', runs: [{ text: 'Nội dung.' }] }],
  closing: [],
  recipients: ['Như trên', 'Lưu: VT, SNV'],
  signer: { position: 'Giám đốc', name: 'Nguyễn Văn Bình' },
  appendices: [],
  ...over,
});

const bodyTables = (bytes: Uint8Array) => children(first(openDocx(bytes).document, 'w:body')!, 'w:tbl');
const jc = (p: Element) => attr(child(p, 'w:pPr', 'w:jc'), 'w:val');

describe('"Kính gửi:" addressees', () => {
  it('one addressee: a centred 14 pt line right under the title rule', async () => {
    const parts = openDocx(await renderDocx(doc({ addressees: ['Chủ tịch Ủy ban nhân dân tỉnh Lào Cai'] })));
    const p = paragraphsContaining(parts.document, 'Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lào Cai')[0]!;
    expect(jc(p)).toBe('center');
    expect(attr(child(first(p, 'w:r')!, 'w:rPr', 'w:sz'), 'w:val')).toBe('28');
    // after the title, before the body
    const texts = all(parts.document, 'w:p').map((x) => wText(x)).filter(Boolean);
    expect(texts.indexOf('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lào Cai')).toBe(texts.indexOf('Về việc đề nghị khen thưởng') + 1);
    expect(renderHtmlBody(doc({ addressees: ['Chủ tịch UBND tỉnh'] }))).toContain('<p class="od-kg">Kính gửi: Chủ tịch UBND tỉnh</p>');
  });

  it('several addressees: "Kính gửi:" then a list "- …;" / "- …."', async () => {
    const parts = openDocx(await renderDocx(doc({ addressees: ['Chủ tịch UBND tỉnh', 'Ban Thi đua - Khen thưởng tỉnh'] })));
    const texts = all(parts.document, 'w:p').map((x) => wText(x));
    expect(texts).toContain('Kính gửi:');
    expect(texts).toContain('- Chủ tịch UBND tỉnh;');
    expect(texts).toContain('- Ban Thi đua - Khen thưởng tỉnh.');
    const html = renderHtmlBody(doc({ addressees: ['A', 'B'] }));
    expect(html).toContain('<div class="od-kg-list"><p>Kính gửi:</p><p class="od-kg-item">- A;</p><p class="od-kg-item">- B.</p></div>');
  });

  it('no addressees: nothing is added (older documents render as before)', async () => {
    const before = openDocx(await renderDocx(samplePlan()));
    expect(paragraphsContaining(before.document, 'Kính gửi').length).toBe(0);
    expect(renderHtmlBody(samplePlan())).not.toContain('od-kg');
  });
});

describe('co-signer and signer note', () => {
  it('two signers side by side, with notes in italic; no Nơi nhận', async () => {
    const bytes = await renderDocx(
      doc({
        recipients: ['Như trên'],
        signer: { position: 'Người báo cáo thành tích', note: '(Ký, ghi rõ họ và tên)', name: 'Nguyễn Văn An' },
        coSigner: { position: 'Thủ trưởng đơn vị xác nhận, đề nghị', note: '(Ký, đóng dấu)', name: 'Đỗ Văn Hải' },
      }),
    );
    const sig = bodyTables(bytes).at(-1)!;
    const [left, right] = children(children(sig, 'w:tr')[0]!, 'w:tc');
    expect(all(left!, 'w:p').map((p) => wText(p))).toEqual(['THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', '(Ký, đóng dấu)', 'Đỗ Văn Hải']);
    expect(all(right!, 'w:p').map((p) => wText(p))).toEqual(['NGƯỜI BÁO CÁO THÀNH TÍCH', '(Ký, ghi rõ họ và tên)', 'Nguyễn Văn An']);
    const note = all(left!, 'w:r').find((r) => wText(r) === '(Ký, đóng dấu)')!;
    expect(isOn(child(note, 'w:rPr'), 'w:i')).toBe(true);
    expect(isOn(child(note, 'w:rPr'), 'w:b')).toBe(false);
    const name = all(left!, 'w:r').find((r) => wText(r) === 'Đỗ Văn Hải')!;
    expect(isOn(child(name, 'w:rPr'), 'w:b')).toBe(true);
    expect(all(left!, 'w:p').every((p) => jc(p) === 'center')).toBe(true);
    expect(wText(openDocx(bytes).document)).not.toContain('Nơi nhận');

    const html = renderHtmlBody(doc({ coSigner: { position: 'Thư ký', name: 'Lý Thị Mai' }, signer: { position: 'Chủ tọa', name: 'Đỗ Văn Hải' }, recipients: [] }));
    expect(html).toContain('<td class="l co"><p class="od-sign-title">THƯ KÝ</p><p class="od-sign-name">Lý Thị Mai</p></td>');
    expect(html).not.toContain('Nơi nhận');
  });

  it('a signer note without a co-signer keeps the Nơi nhận column', async () => {
    const bytes = await renderDocx(doc({ signer: { position: 'Giám đốc', note: '(Đã ký)', name: 'Nguyễn Văn Bình' } }));
    const sig = bodyTables(bytes).at(-1)!;
    const [left, right] = children(children(sig, 'w:tr')[0]!, 'w:tc');
    expect(wText(left!)).toContain('Nơi nhận:');
    expect(all(right!, 'w:p').map((p) => wText(p))).toEqual(['GIÁM ĐỐC', '(Đã ký)', 'Nguyễn Văn Bình']);
  });
});
