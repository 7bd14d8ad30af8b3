import { z } from 'zod';

/**
 * Where an error written to the error log came from: a call the core failed on unexpectedly, a
 * screen that crashed while drawing, an error nothing in the window caught (or the window's page
 * process dying, in the desktop app), the core worker stopping, an automatic backup that failed,
 * the desktop app's main process.
 */
export const ERROR_SOURCES = ['core', 'screen', 'window', 'worker', 'backup', 'app'] as const;
export type ErrorSource = (typeof ERROR_SOURCES)[number];

/** How the error log names where an error came from (Cài đặt → Nhật ký lỗi, `tdkt errors list`). */
export const ERROR_SOURCE_LABELS: Record<ErrorSource, string> = {
  core: 'Thao tác',
  screen: 'Màn hình',
  window: 'Cửa sổ',
  worker: 'Lõi xử lý dữ liệu',
  backup: 'Sao lưu',
  app: 'Ứng dụng',
};

export const errorLogEntry = z.object({
  /** ISO time */
  at: z.string(),
  source: z.enum(ERROR_SOURCES),
  /** the procedure, screen or task it happened in */
  where: z.string(),
  message: z.string(),
  stack: z.string().optional(),
  /** the app's version that wrote it */
  version: z.string().optional(),
});
export type ErrorLogEntry = z.infer<typeof errorLogEntry>;

export const diagnosticsProcedures = {
  /** The window reports what it could not handle: a screen that crashed, an uncaught error. */
  'errors.report': {
    input: z.object({
      source: z.enum(['screen', 'window']),
      where: z.string().max(200),
      message: z.string().max(4000),
      stack: z.string().max(16000).optional(),
    }),
    output: z.object({ logged: z.boolean() }),
  },
  /** The newest entries first, where the log lies, and how many it holds. */
  'errors.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).optional(),
    output: z.object({ file: z.string(), total: z.number(), entries: z.array(errorLogEntry) }),
  },
  'errors.clear': { input: z.object({}).optional(), output: z.object({ cleared: z.literal(true) }) },
} as const;
