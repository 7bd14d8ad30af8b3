import type { ApiError, Result } from '../../shared/contract/errors';

export type ToWorker = { type: 'call'; id: number; proc: string; input: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'closed' }
  | { type: 'fatal'; error: ApiError }
  | { type: 'result'; id: number; result: Result<unknown> };
