// Evidence attachments: stored under <db folder>/attachments/<prefix>/<sha256>, hash recorded,
// bytes round-trip, corrupt uploads refused, a damaged stored file reported.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { tempDir } from '../../support/tmp';

describe('task attachments', () => {
  it('stores by SHA-256, round-trips the bytes, refuses corrupt base64, detects a damaged file', async () => {
    const dir = tempDir();
    const core = await testCore({ dbPath: path.join(dir, 'office.sqlite') });
    const task = await core.invoke('tasks.create', { year: 2026, quarter: 1, title: 'Kiểm tra công tác TĐKT' });
    const bytes = crypto.randomBytes(70_000);
    bytes.write('%PDF-1.4', 0);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');

    const a = await core.invoke('tasks.addAttachment', { taskId: task.id, fileName: 'Biên bản kiểm tra.pdf', fileBase64: bytes.toString('base64') });
    expect(a).toMatchObject({ taskId: task.id, fileName: 'Biên bản kiểm tra.pdf', size: bytes.length, sha256: sha, mimeType: 'application/pdf' });
    const stored = path.join(dir, 'attachments', sha.slice(0, 2), sha);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
    // nothing half-written is left next to it
    expect(fs.readdirSync(path.dirname(stored))).toEqual([sha]);

    const back = await core.invoke('tasks.getAttachment', { id: a.id });
    expect(back.fileName).toBe('Biên bản kiểm tra.pdf');
    expect(Buffer.from(back.base64, 'base64').equals(bytes)).toBe(true);
    const detail = await core.invoke('tasks.get', { id: task.id });
    expect(detail.attachments.map((x) => x.sha256)).toEqual([sha]);
    expect(detail.attachmentCount).toBe(1);

    // the same content again: a second record, one stored file
    await core.invoke('tasks.addAttachment', { taskId: task.id, fileName: 'ban-sao.pdf', fileBase64: bytes.toString('base64') });
    expect(fs.readdirSync(path.dirname(stored))).toEqual([sha]);
    // a path in the name is dropped
    const named = await core.invoke('tasks.addAttachment', { taskId: task.id, fileName: 'C:\\Users\\x\\anh.png', fileBase64: Buffer.from('png').toString('base64') });
    expect(named).toMatchObject({ fileName: 'anh.png', mimeType: 'image/png' });

    // corrupt base64 is refused and writes nothing
    for (const bad of ['abc', 'QUJD=', 'QU$D', 'QUJDRA=x']) {
      const r = await core.call('tasks.addAttachment', { taskId: task.id, fileName: 'x.pdf', fileBase64: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(['INVALID_INPUT', 'FILE_INVALID']).toContain(r.error.code);
        expect(r.error.message).toMatch(/hỏng/);
      }
    }
    const empty = await core.call('tasks.addAttachment', { taskId: task.id, fileName: 'x.pdf', fileBase64: '' });
    expect(empty.ok).toBe(false);
    expect((await core.invoke('tasks.get', { id: task.id })).attachments).toHaveLength(3);

    // a stored file damaged on disk is reported, not handed out
    fs.writeFileSync(stored, Buffer.concat([bytes.subarray(0, 100), Buffer.from('x'), bytes.subarray(101)]));
    const damaged = await core.call('tasks.getAttachment', { id: a.id });
    expect(damaged).toMatchObject({ ok: false, error: { code: 'FILE_INVALID' } });
    fs.rmSync(stored);
    const missing = await core.call('tasks.getAttachment', { id: a.id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // delete is soft (the record keeps its hash for bundles and restores)
    expect(await core.invoke('tasks.deleteAttachment', { id: named.id })).toEqual({ deleted: true });
    expect((await core.invoke('tasks.get', { id: task.id })).attachments).toHaveLength(2);
    core.close();
  });

  it('a file chosen in the desktop app is read from where it lies, for a task and a dossier alike; one missing, too large, or given twice is refused', async () => {
    const dir = tempDir();
    const core = await testCore({ dbPath: path.join(dir, 'office.sqlite') });
    const task = await core.invoke('tasks.create', { year: 2026, quarter: 1, title: 'Kiểm tra công tác TĐKT' });
    const usb = path.join(dir, 'USB');
    fs.mkdirSync(usb);
    const scan = path.join(usb, 'Biên bản (bản quét).pdf');
    const bytes = crypto.randomBytes(300_000);
    fs.writeFileSync(scan, bytes);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');

    const a = await core.invoke('tasks.addAttachment', { taskId: task.id, fileName: 'Biên bản (bản quét).pdf', path: scan });
    expect(a).toMatchObject({ fileName: 'Biên bản (bản quét).pdf', size: bytes.length, sha256: sha });
    expect(Buffer.from((await core.invoke('tasks.getAttachment', { id: a.id })).base64, 'base64').equals(bytes)).toBe(true);

    const dossier = await core.invoke('dossiers.create', { year: 2025, awardCode: 'LDTT' });
    const detail = await core.invoke('dossiers.addAttachment', { dossierId: dossier.id, nomineeId: null, fileName: 'Biên bản (bản quét).pdf', path: scan });
    expect(detail.attachments.map((x) => [x.fileName, x.size])).toEqual([['Biên bản (bản quét).pdf', bytes.length]]);

    const big = path.join(usb, 'qua-lon.pdf');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 50 * 1024 * 1024 + 1);
    const refusals = [
      [{ path: path.join(usb, 'khong-co.pdf') }, 'không đọc được tệp'],
      [{ path: usb }, 'không đọc được tệp'],
      [{ path: big }, 'lớn quá 50 MB'],
      [{ path: scan, fileBase64: bytes.toString('base64') }, 'Hãy chọn một tệp minh chứng'],
      [{}, 'Hãy chọn một tệp minh chứng'],
    ] as const;
    for (const [source, says] of refusals) {
      const t = await core.call('tasks.addAttachment', { taskId: task.id, fileName: 'x.pdf', ...source });
      expect(t.ok || t.error.message).toContain(says);
      const d = await core.call('dossiers.addAttachment', { dossierId: dossier.id, nomineeId: null, fileName: 'x.pdf', ...source });
      expect(d.ok || d.error.message).toContain(says);
    }
    expect((await core.invoke('tasks.get', { id: task.id })).attachments).toHaveLength(1);
    expect((await core.invoke('dossiers.get', { id: dossier.id })).attachments).toHaveLength(1);
    core.close();
  });
});
