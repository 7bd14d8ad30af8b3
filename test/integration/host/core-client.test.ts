// The hosts' side of the core worker (electron/host/core-client.ts) against a stand-in worker
// that speaks the same protocol and can be made to fail: a worker that stops while the app runs
// is logged and started again, the calls it held fail with what to do, later calls go to the
// new one; too many stops in a row leave it stopped with a message; closing never restarts it.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { CRASH_MESSAGE, DEAD_MESSAGE, startCoreWorker } from '../../../electron/host/core-client';
import { readErrorLog } from '../../../electron/services/diagnostics/error-log';
import { tempDir } from '../../support/tmp';

const WORKER = `
const { parentPort, workerData, threadId } = require('node:worker_threads');
if (workerData.failStart) throw new Error('không khởi động được');
parentPort.on('message', (m) => {
  if (m.type === 'close') {
    parentPort.postMessage({ type: 'closed' });
    parentPort.close();
    return;
  }
  if (m.proc === 'throw') setImmediate(() => { throw new Error('hỏng trong lõi'); });
  else if (m.proc === 'exit') process.exit(7);
  else if (m.proc === 'hang') {}
  else parentPort.postMessage({ type: 'result', id: m.id, result: { ok: true, data: { threadId, proc: m.proc } } });
});
parentPort.postMessage({ type: 'ready' });
`;

function setup(extra: Record<string, unknown> = {}) {
  const dir = tempDir('tdkt-core-client-');
  const file = path.join(dir, 'fake-worker.cjs');
  fs.writeFileSync(file, WORKER);
  const dbPath = path.join(dir, 'tdkt.sqlite');
  return { file, dbPath, opts: { dbPath, host: 'web' as const, version: '4.5.6', ...extra } };
}

type Data = { threadId: number; proc: string };

describe('the core worker, restarted after it stops', () => {
  it('an uncaught error: the calls it held fail with what to do, the next call is answered by a new worker, the log says why', async () => {
    const { file, dbPath, opts } = setup();
    const client = await startCoreWorker(file, opts);
    const first = await client.call('a', {});
    expect(first.ok).toBe(true);
    const firstThread = (first as { data: Data }).data.threadId;

    const held = client.call('hang', {});
    const crashed = await client.call('throw', {});
    expect(crashed).toEqual({ ok: false, error: { code: 'INTERNAL', message: CRASH_MESSAGE } });
    expect(await held).toEqual({ ok: false, error: { code: 'INTERNAL', message: CRASH_MESSAGE } });

    const next = await client.call('b', {});
    expect(next.ok).toBe(true);
    expect((next as { data: Data }).data).toEqual({ threadId: expect.any(Number), proc: 'b' });
    expect((next as { data: Data }).data.threadId).not.toBe(firstThread);

    const log = readErrorLog(dbPath);
    expect(log.total).toBe(1);
    expect(log.entries[0]).toMatchObject({ source: 'worker', where: 'lõi xử lý dữ liệu', message: 'hỏng trong lõi', version: '4.5.6' });
    expect(log.entries[0]!.stack).toContain('hỏng trong lõi');
    await client.close();
  });

  it('a worker that exits: restarted too; more stops than the policy allows leave the core stopped, saying so', async () => {
    const { file, dbPath, opts } = setup();
    const client = await startCoreWorker(file, opts, { max: 1, windowMs: 60_000 });
    expect(await client.call('exit', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: CRASH_MESSAGE } });
    expect((await client.call('a', {})).ok).toBe(true);
    // a second stop within the window: no more restarts
    expect(await client.call('exit', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: DEAD_MESSAGE } });
    expect(await client.call('a', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: DEAD_MESSAGE } });
    const log = readErrorLog(dbPath);
    expect(log.entries.map((e) => e.message)).toEqual(['Lõi xử lý dữ liệu dừng (mã thoát 7).', 'Lõi xử lý dữ liệu dừng (mã thoát 7).']);
    await client.close();
  });

  it('stops spread over time are each restarted', async () => {
    const { file, opts } = setup();
    // a window of 0 ms: earlier stops are forgotten at once
    const client = await startCoreWorker(file, opts, { max: 1, windowMs: 0 });
    for (let i = 0; i < 3; i++) {
      expect((await client.call('throw', {})).ok).toBe(false);
      await new Promise((r) => setTimeout(r, 5));
      expect((await client.call('a', {})).ok).toBe(true);
    }
    await client.close();
  });

  it('closed while a stopped worker is being replaced: the replacement is ended quietly', async () => {
    const { file, dbPath, opts } = setup();
    const client = await startCoreWorker(file, opts);
    expect((await client.call('throw', {})).ok).toBe(false);
    await client.close();
    await new Promise((r) => setTimeout(r, 600));
    // the one stop, not the replacement's end
    expect(readErrorLog(dbPath).entries.map((e) => e.message)).toEqual(['hỏng trong lõi']);
  });

  it('a worker that cannot start rejects the start with a message; closing does not restart', async () => {
    const { file, dbPath, opts } = setup({ failStart: true });
    await expect(startCoreWorker(file, opts)).rejects.toThrow(/Lõi xử lý dữ liệu gặp sự cố khi khởi động: không khởi động được/);
    // written too: the desktop app's console is nowhere to be read
    expect(readErrorLog(dbPath).entries.map((e) => e.message)).toEqual(['Khởi động: không khởi động được']);

    const ok = setup();
    const client = await startCoreWorker(ok.file, ok.opts);
    await client.close();
    expect(await client.call('a', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Lõi xử lý dữ liệu đã đóng (ứng dụng đang tắt).' } });
    expect(readErrorLog(ok.dbPath).total).toBe(0);
  });
});
