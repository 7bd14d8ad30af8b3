import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../electron/cli/tdkt';
import { tempDb, tempDir } from '../../support/tmp';
import { REFERENCE_DIR } from '../plans/helpers';
import { docxPlainText } from '../../../electron/services/documents/docx-text';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');

describe('tdkt plan …', () => {
  it('imports a plan, lists it, exports DOCX, JSON and PDF atomically', async () => {
    const db = tempDb();
    const out = tempDir();
    const src = path.join(REFERENCE_DIR, '004_604d1ccd06bf0239.docx');
    const imp = await cli(['--db', db, 'plan', 'import', src]);
    expect(imp.code).toBe(0);
    const id = imp.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const list = await cli(['--db', db, 'plan', 'list', '--json']);
    expect(JSON.parse(list.out)).toMatchObject([{ id }]);

    const asJson = await cli(['--db', db, 'plan', 'import', src, '--json']);
    const plan = JSON.parse(asJson.out) as { signer: { prefix: string; name: string }; title: string[] };
    expect(plan.signer).toMatchObject({ prefix: 'KT.', name: 'Nguyễn Thị Hồng Minh' });

    const docxPath = path.join(out, 'kh.docx');
    expect((await cli(['--db', db, 'plan', 'export', id, '--format', 'docx', '--out', docxPath])).code).toBe(0);
    expect(docxPlainText(fs.readFileSync(docxPath))).toContain('Công tác thi đua, khen thưởng của Sở Lao động');
    // nothing but the final file is left in the folder
    expect(fs.readdirSync(out)).toEqual(['kh.docx']);

    const jsonRes = await cli(['--db', db, 'plan', 'export', id, '--format', 'json', '--out', out]);
    expect(jsonRes.code).toBe(0);
    const jsonFile = fs.readdirSync(out).find((f) => f.endsWith('.json'));
    expect(jsonFile).toBeTruthy();
    // …imported on another machine's file: the same plan, under an id of its own
    const other = tempDb();
    const back = await cli(['--db', other, 'plan', 'import', path.join(out, jsonFile!), '--json']);
    expect(back.code, back.err).toBe(0);
    const original = JSON.parse(fs.readFileSync(path.join(out, jsonFile!), 'utf8')) as { id: string };
    const arrived = JSON.parse(back.out) as { id: string };
    expect(arrived.id).not.toBe(original.id);
    expect({ ...arrived, id: '' }).toEqual({ ...original, id: '' });

    if (hasChromium) {
      const pdfPath = path.join(out, 'kh.pdf');
      const pdf = await cli(['--db', db, 'plan', 'export', id, '--format', 'pdf', '--out', pdfPath]);
      expect(pdf.code, pdf.err).toBe(0);
      expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('refuses bad input with non-zero exits', async () => {
    const db = tempDb();
    const empty = path.join(tempDir(), 'empty.docx');
    fs.writeFileSync(empty, '');
    const r = await cli(['--db', db, 'plan', 'import', empty]);
    expect(r.code).toBe(1);
    expect(r.err.length).toBeGreaterThan(10);
    expect((await cli(['--db', db, 'plan', 'export', 'nope', '--format', 'docx', '--out', '/tmp/x.docx'])).code).toBe(1);
    expect((await cli(['--db', db, 'plan', 'export', 'nope', '--format', 'odt', '--out', '/tmp/x.odt'])).code).toBe(2);
    expect(JSON.parse((await cli(['--db', db, 'plan', 'list', '--json'])).out)).toEqual([]);
  });
});
