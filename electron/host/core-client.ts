// Host side of the core worker: both hosts relay calls through this. A worker that stops while
// the app runs (out of memory on a huge file, an error nothing caught) is written to the error
// log and started again, so the window keeps working without a restart; the calls it was
// answering fail — SQLite rolls back what they had not committed — and say to try again.
import { Worker } from 'node:worker_threads';
import { AppError, type Result } from '../../shared/contract/errors';
import type { CoreOptions } from '../core/core';
import type { FromWorker, ToWorker } from '../core/protocol';
import { appendErrorLog } from '../services/diagnostics/error-log';

export interface CoreClient {
  call(proc: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

export interface RestartPolicy {
  /** restarts allowed within `windowMs`; one more stop within it and the core stays stopped */
  max: number;
  windowMs: number;
}

const DEFAULT_RESTARTS: RestartPolicy = { max: 3, windowMs: 10 * 60_000 };

export const CRASH_MESSAGE =
  'Lõi xử lý dữ liệu vừa gặp sự cố nên thao tác này chưa hoàn tất (phần chưa ghi xong không được ghi). Ứng dụng đã tự khởi động lại lõi — hãy kiểm tra rồi thử lại.';
export const DEAD_MESSAGE =
  'Lõi xử lý dữ liệu gặp sự cố nhiều lần liên tiếp và đã dừng. Hãy khởi động lại ứng dụng; nếu vẫn lỗi, hãy gửi nhật ký lỗi (Cài đặt → Nhật ký lỗi) cho bộ phận hỗ trợ.';

const CLOSED_MESSAGE = 'Lõi xử lý dữ liệu đã đóng (ứng dụng đang tắt).';

interface Running {
  worker: Worker;
  /** set once the worker stopped or was asked to close: its events no longer count */
  over: boolean;
}

export function startCoreWorker(workerFile: string, opts: CoreOptions, restarts: RestartPolicy = DEFAULT_RESTARTS): Promise<CoreClient> {
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; running: Running }>();
  let nextId = 1;
  let dead: AppError | null = null;
  let closing = false;
  let current: Running | null = null;
  /** while a stopped worker's successor starts, calls wait for it */
  let starting: Promise<Running | null> | null = null;
  const stops: number[] = [];

  const log = (message: string, stack?: string) =>
    appendErrorLog(opts.dbPath, {
      source: 'worker',
      where: 'lõi xử lý dữ liệu',
      message,
      ...(stack ? { stack } : {}),
      ...(opts.version ? { version: opts.version } : {}),
    });

  const failCalls = (of: Running, error: { code: AppError['code']; message: string }) => {
    for (const [id, p] of pending) {
      if (p.running !== of) continue;
      pending.delete(id);
      p.resolve({ ok: false, error });
    }
  };

  /** Starts a worker; resolves once its core is ready, rejects when it stops (or says it cannot start) first. */
  const spawn = (): Promise<Running> =>
    new Promise((resolve, reject) => {
      const running: Running = { worker: new Worker(workerFile, { workerData: opts }), over: false };
      let ready = false;
      let stopError: Error | null = null;
      const stopped = (why: Error) => {
        if (running.over) return;
        running.over = true;
        if (!ready) {
          log(`Khởi động: ${why.message}`, why.stack);
          reject(new AppError('INTERNAL', `Lõi xử lý dữ liệu gặp sự cố khi khởi động: ${why.message}. Hãy khởi động lại ứng dụng.`));
          return;
        }
        onStopped(running, why);
      };
      running.worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          ready = true;
          resolve(running);
        } else if (m.type === 'fatal') {
          // the core could not start at all (not a file it could not open: that is recovery)
          const err = new AppError(m.error.code, m.error.message);
          if (!ready) {
            running.over = true;
            log(`Khởi động: ${m.error.message}`);
            reject(err);
            void running.worker.terminate();
          }
        } else if (m.type === 'result') {
          const p = pending.get(m.id);
          pending.delete(m.id);
          p?.resolve(m.result);
        }
      });
      running.worker.on('error', (e) => {
        // an 'exit' follows: the error is what it says
        stopError = e;
      });
      running.worker.on('exit', (code) => {
        if (closing && running === current) {
          running.over = true;
          return;
        }
        stopped(stopError ?? new Error(`Lõi xử lý dữ liệu dừng (mã thoát ${code}).`));
      });
    });

  const onStopped = (running: Running, why: Error) => {
    log(why.message, why.stack);
    const now = Date.now();
    while (stops.length && now - stops[0]! > restarts.windowMs) stops.shift();
    stops.push(now);
    if (stops.length > restarts.max) {
      dead = new AppError('INTERNAL', DEAD_MESSAGE);
      failCalls(running, { code: 'INTERNAL', message: DEAD_MESSAGE });
      return;
    }
    failCalls(running, { code: 'INTERNAL', message: CRASH_MESSAGE });
    if (current !== running) return;
    current = null;
    starting = spawn().then(
      (next) => {
        starting = null;
        if (closing) {
          // its exit is the close's, not a stop to log and restart
          next.over = true;
          void next.worker.terminate();
          return null;
        }
        current = next;
        return next;
      },
      (e: unknown) => {
        starting = null;
        log(`Không khởi động lại được lõi xử lý dữ liệu: ${e instanceof Error ? e.message : String(e)}`);
        dead = new AppError('INTERNAL', DEAD_MESSAGE);
        return null;
      },
    );
  };

  const send = (running: Running, proc: string, input: unknown): Promise<Result<unknown>> => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { resolve, running });
      running.worker.postMessage({ type: 'call', id, proc, input } satisfies ToWorker);
    });
  };

  const client: CoreClient = {
    async call(proc, input) {
      if (closing) return { ok: false, error: { code: 'INTERNAL', message: CLOSED_MESSAGE } };
      const running = current ?? (starting ? await starting : null);
      if (!running || dead) {
        const err = dead ?? new AppError('INTERNAL', DEAD_MESSAGE);
        return { ok: false, error: { code: err.code, message: err.message } };
      }
      return send(running, proc, input);
    },
    close() {
      closing = true;
      const running = current;
      if (!running || running.over) return Promise.resolve();
      return new Promise<void>((resolve) => {
        running.worker.on('message', (m: FromWorker) => {
          if (m.type === 'closed') resolve();
        });
        running.worker.on('exit', () => resolve());
        running.worker.postMessage({ type: 'close' } satisfies ToWorker);
        setTimeout(() => void running.worker.terminate().then(() => resolve()), 5000).unref();
      });
    },
  };

  return spawn().then((running) => {
    current = running;
    return client;
  });
}
