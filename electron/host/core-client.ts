// Host side of the core worker: both hosts relay calls through this.
import { Worker } from 'node:worker_threads';
import { AppError, type Result } from '../../shared/contract/errors';
import type { CoreOptions } from '../core/core';
import type { FromWorker, ToWorker } from '../core/protocol';

export interface CoreClient {
  call(proc: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

export function startCoreWorker(workerFile: string, opts: CoreOptions): Promise<CoreClient> {
  const worker = new Worker(workerFile, { workerData: opts });
  const pending = new Map<number, (r: Result<unknown>) => void>();
  let nextId = 1;
  let dead: AppError | null = null;

  const failAll = (err: AppError) => {
    dead = err;
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: err.code, message: err.message } });
    pending.clear();
  };

  return new Promise((resolveStart, rejectStart) => {
    let started = false;
    let closedResolve: (() => void) | null = null;
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') {
        started = true;
        resolveStart(client);
      } else if (m.type === 'fatal') {
        const err = new AppError(m.error.code, m.error.message);
        failAll(err);
        if (!started) rejectStart(err);
      } else if (m.type === 'result') {
        const r = pending.get(m.id);
        pending.delete(m.id);
        r?.(m.result);
      } else if (m.type === 'closed') {
        closedResolve?.();
      }
    });
    worker.on('error', (e) => {
      const err = new AppError('INTERNAL', `Lõi xử lý dữ liệu gặp sự cố: ${e.message}. Hãy khởi động lại ứng dụng.`);
      failAll(err);
      if (!started) rejectStart(err);
    });
    worker.on('exit', () => {
      if (!dead) failAll(new AppError('INTERNAL', 'Lõi xử lý dữ liệu đã dừng. Hãy khởi động lại ứng dụng.'));
      closedResolve?.();
    });

    const client: CoreClient = {
      call(proc, input) {
        if (dead) return Promise.resolve({ ok: false, error: { code: dead.code, message: dead.message } });
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, resolve);
          worker.postMessage({ type: 'call', id, proc, input } satisfies ToWorker);
        });
      },
      close() {
        return new Promise<void>((resolve) => {
          if (dead) return resolve();
          closedResolve = resolve;
          worker.postMessage({ type: 'close' } satisfies ToWorker);
          setTimeout(() => void worker.terminate().then(() => resolve()), 5000).unref();
        });
      },
    };
  });
}
