// Worker-thread entry: owns the database (single writer) and answers calls from the host.
import { parentPort, workerData } from 'node:worker_threads';
import type { CoreOptions } from './core';
import { openCore } from './recovery';
import { isAppError } from '../../shared/contract/errors';
import type { FromWorker, ToWorker } from './protocol';

async function main() {
  const port = parentPort;
  if (!port) throw new Error('core worker must run in a worker thread');
  const opts = workerData as CoreOptions;
  let core;
  try {
    // a database that cannot be opened starts the core in recovery (recovery.ts), not a dead window
    core = await openCore(opts);
  } catch (e) {
    const msg: FromWorker = {
      type: 'fatal',
      error: isAppError(e) ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: String(e) },
    };
    port.postMessage(msg);
    return;
  }
  const c = core;
  port.on('message', (m: ToWorker) => {
    if (m.type === 'call') {
      void c.call(m.proc, m.input).then((result) => port.postMessage({ type: 'result', id: m.id, result } satisfies FromWorker));
    } else if (m.type === 'close') {
      c.close();
      port.postMessage({ type: 'closed' } satisfies FromWorker);
      port.close();
    }
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

void main();
