import { z } from 'zod';

export const HOST_KINDS = ['electron', 'web', 'cli', 'test'] as const;

export const appInfo = z.object({
  version: z.string(),
  host: z.enum(HOST_KINDS),
  dbPath: z.string(),
  schemaVersion: z.number(),
  officeConfigured: z.boolean(),
  /** why the app runs in the browser instead of its own window, when it does */
  fallbackReason: z.string().nullable(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const jobProgress = z.object({
  jobId: z.string(),
  phase: z.string(),
  done: z.number(),
  total: z.number(),
  cancelled: z.boolean(),
  finished: z.boolean(),
});
export type JobProgress = z.infer<typeof jobProgress>;

export const integrityReport = z.object({
  ok: z.boolean(),
  messages: z.array(z.string()),
  schemaVersion: z.number(),
  latestVersion: z.number(),
  foreignKeyViolations: z.number(),
});

export const systemProcedures = {
  'app.info': { input: z.object({}).optional(), output: appInfo },
  'jobs.get': { input: z.object({ jobId: z.string().max(64) }), output: jobProgress.nullable() },
  'jobs.cancel': { input: z.object({ jobId: z.string().max(64) }), output: z.object({ cancelled: z.boolean() }) },
  'db.check': { input: z.object({}).optional(), output: integrityReport },
} as const;
