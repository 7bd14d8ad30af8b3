// Inputs that are not plans: every one gives ok:false with a Vietnamese message, never a throw.
import { describe, expect, it } from 'vitest';
import { importPlanDocx, importPlanText } from '../../../electron/services/plans/import';
import { docxWithBrokenXml, docxWithoutBody, zipWithoutDocument } from './fixture-docx';
import { referenceBytes } from './helpers';
import { Document, Packer, Paragraph } from 'docx';

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

function expectError(r: ReturnType<typeof importPlanDocx>, code: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(VIETNAMESE);
  expect(r.error.message.normalize('NFC')).toBe(r.error.message);
}

describe('bad docx input', () => {
  it('empty file', () => {
    expectError(importPlanDocx(new Uint8Array()), 'EMPTY_FILE');
  });

  it('corrupt zip (a real .docx cut in half)', () => {
    const bytes = referenceBytes('004_604d1ccd06bf0239');
    expectError(importPlanDocx(bytes.slice(0, Math.floor(bytes.length / 2))), 'CORRUPT_ZIP');
  });

  it('corrupt zip (bytes overwritten inside the compressed document part)', () => {
    const bytes = referenceBytes('000_a9ce567325fa68b9').slice();
    for (let i = 2000; i < 6000; i++) bytes[i] = (bytes[i]! * 7 + 13) & 0xff;
    const r = importPlanDocx(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['CORRUPT_ZIP', 'CORRUPT_XML', 'NOT_DOCX']).toContain(r.error.code);
  });

  it('random bytes', () => {
    let seed = 42;
    const bytes = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed & 0xff));
    expectError(importPlanDocx(bytes), 'NOT_DOCX');
  });

  it('a Word 97-2003 .doc', () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectError(importPlanDocx(bytes), 'LEGACY_DOC');
  });

  it('a zip that is not a Word document', () => {
    expectError(importPlanDocx(zipWithoutDocument()), 'NOT_DOCX');
  });

  it('a docx with no body', () => {
    expectError(importPlanDocx(docxWithoutBody()), 'NO_BODY');
  });

  it('a docx with broken XML', () => {
    expectError(importPlanDocx(docxWithBrokenXml()), 'CORRUPT_XML');
  });

  it('a docx with only empty paragraphs', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({}), new Paragraph({})] }] });
    expectError(importPlanDocx(new Uint8Array(await Packer.toBuffer(doc))), 'EMPTY_DOCUMENT');
  });

  it('a docx that is not a plan', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('Danh sách liên hệ'), new Paragraph('Nguyễn Văn A - 0912 345 678')] }],
    });
    expectError(importPlanDocx(new Uint8Array(await Packer.toBuffer(doc))), 'NOT_A_PLAN');
  });
});

describe('bad text input', () => {
  it('empty text', () => {
    expectError(importPlanText(''), 'EMPTY_FILE');
    expectError(importPlanText('\ufeff  \n\n  '), 'EMPTY_FILE');
  });

  it('text that is not a plan', () => {
    expectError(importPlanText('Ghi chú họp giao ban\nSáng thứ Hai họp lúc 8 giờ.'), 'NOT_A_PLAN');
  });

  it('binary data passed as text', () => {
    expectError(importPlanText('PK\u0003\u0004\u0000\u0000garbage'), 'NOT_A_PLAN');
  });
});
