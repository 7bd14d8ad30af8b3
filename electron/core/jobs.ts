// Progress and cancellation for long operations. The renderer passes a jobId with the
// call and polls 'jobs.get'; the operation reports progress and checks for cancel
// between chunks, before anything is written.
import { AppError } from '../../shared/contract/errors';
import type { JobProgress } from '../../shared/contract/system';

export interface Job {
  progress(phase: string, done: number, total: number): void;
  /** throws AppError('CANCELLED') if the user asked to cancel */
  checkCancelled(): void;
}

const KEEP_FINISHED_MS = 60_000;

export class JobRegistry {
  private jobs = new Map<string, JobProgress & { finishedAt?: number }>();

  start(jobId: string | undefined): Job & { finish(): void } {
    const id = jobId ?? '';
    const state: JobProgress & { finishedAt?: number } = {
      jobId: id,
      phase: 'start',
      done: 0,
      total: 0,
      cancelled: this.jobs.get(id)?.cancelled ?? false,
      finished: false,
    };
    if (id) this.jobs.set(id, state);
    this.sweep();
    return {
      progress: (phase, done, total) => {
        state.phase = phase;
        state.done = done;
        state.total = total;
      },
      checkCancelled: () => {
        if (state.cancelled) throw new AppError('CANCELLED', 'Đã hủy thao tác. Dữ liệu không thay đổi.');
      },
      finish: () => {
        state.finished = true;
        state.finishedAt = Date.now();
      },
    };
  }

  get(jobId: string): JobProgress | null {
    const j = this.jobs.get(jobId);
    if (!j) return null;
    const { finishedAt: _f, ...rest } = j;
    return rest;
  }

  cancel(jobId: string): boolean {
    const j = this.jobs.get(jobId);
    if (j) {
      if (j.finished) return false;
      j.cancelled = true;
      return true;
    }
    // cancel may arrive before the job starts: remember it
    this.jobs.set(jobId, { jobId, phase: 'start', done: 0, total: 0, cancelled: true, finished: false });
    return true;
  }

  private sweep() {
    const now = Date.now();
    for (const [k, v] of this.jobs) if (v.finishedAt && now - v.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(k);
  }
}

/** Yield to the event loop so the worker can answer progress polls and cancels. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
