// Errors are values at the boundary: handlers throw AppError, the dispatcher turns it
// into { ok: false, error }. Messages are Vietnamese and say what to do.
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'OFFICE_NOT_SET'
  | 'FILE_INVALID'
  | 'IMPORT_REJECTED'
  | 'CANCELLED'
  | 'UNKNOWN_PROCEDURE'
  | 'FORBIDDEN'
  | 'DB_ERROR'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** optional structured details (row errors of an import, field paths …) */
  details?: unknown;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
