import { z } from 'zod';

export const HOST_KINDS = ['electron', 'web', 'cli', 'test'] as const;

/**
 * Why the database could not be opened, when the hosts started in recovery instead: damaged
 * (or not a TĐKT file), written by a newer version, or unavailable (locked, no permission).
 */
export const RECOVERY_KINDS = ['damaged', 'too_new', 'unavailable'] as const;
export type RecoveryKind = (typeof RECOVERY_KINDS)[number];

export const appInfo = z.object({
  version: z.string(),
  host: z.enum(HOST_KINDS),
  dbPath: z.string(),
  schemaVersion: z.number(),
  officeConfigured: z.boolean(),
  /** why the app runs in the browser instead of its own window, when it does */
  fallbackReason: z.string().nullable(),
  /** set when the database could not be opened: only recovery (restore, a new file, retry) works */
  recovery: z.object({ kind: z.enum(RECOVERY_KINDS), message: z.string() }).nullable(),
  /** signs that the open database is damaged inside (the window shows them until a check passes or a restore) */
  damage: z.string().nullable(),
  /** the data file is on a network drive (a shared folder): opened without WAL, and one machine at a time */
  dataOnNetwork: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfo>;

/** What the file holds so far, for the home screen's first steps (units, staff, past records, plans, tasks). */
export const setupProgress = z.object({
  units: z.number(),
  staff: z.number(),
  /** any person's year (rating) or award recipient recorded */
  records: z.boolean(),
  plans: z.number(),
  tasks: z.number(),
});
export type SetupProgress = z.infer<typeof setupProgress>;

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

export const folderListing = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  folders: z.array(z.object({ name: z.string(), path: z.string() })),
  roots: z.array(z.object({ label: z.string(), path: z.string(), kind: z.enum(['home', 'drive', 'removable']) })),
  /** whether this computer's user may write here (a read-only USB stick, a system folder) */
  writable: z.boolean(),
});
export type FolderListing = z.infer<typeof folderListing>;

export const systemProcedures = {
  'app.info': { input: z.object({}).optional(), output: appInfo },
  'app.setup': { input: z.object({}).optional(), output: setupProgress },
  'jobs.get': { input: z.object({ jobId: z.string().max(64) }), output: jobProgress.nullable() },
  'jobs.cancel': { input: z.object({ jobId: z.string().max(64) }), output: z.object({ cancelled: z.boolean() }) },
  'db.check': { input: z.object({}).optional(), output: integrityReport },
  /** sub-folders of a folder (home when null), for choosing where to save */
  'files.folders': { input: z.object({ path: z.string().max(4096).nullable().optional().default(null) }), output: folderListing },
} as const;
