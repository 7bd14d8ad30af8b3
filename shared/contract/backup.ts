import { z } from 'zod';
import { base64, fileOut, optionalText } from './fields';

/** Why a backup was made; part of its file name (tdkt-YYYYMMDD-HHmmss-<reason>.sqlite). */
export const BACKUP_REASONS = ['start', 'quit', 'daily', 'manual', 'before-restore', 'unopened'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
/** Reasons the app makes on its own; only these are pruned to the keep count. */
export const AUTO_BACKUP_REASONS = ['start', 'quit', 'daily'] as const satisfies readonly BackupReason[];
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  start: 'Khi mở ứng dụng',
  quit: 'Khi đóng ứng dụng',
  daily: 'Hằng ngày',
  manual: 'Sao lưu thủ công',
  'before-restore': 'Trước khi khôi phục',
  unopened: 'Tệp không mở được, cất riêng',
};

export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 100;
export const BACKUP_KEEP_DEFAULT = 10;
/** Largest backup backup.download sends (base64 in one JSON answer); larger ones go to a chosen folder. */
export const BACKUP_DOWNLOAD_MAX_BYTES = 72 * 1024 * 1024;
/** Largest uploaded backup accepted by backup.restore (the browser host's body limit is 100 MB). */
export const BACKUP_UPLOAD_MAX_BYTES = 72 * 1024 * 1024;

export const backupInfo = z.object({
  fileName: z.string(),
  path: z.string(),
  /** ISO time the backup was made (from its name) */
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  size: z.number(),
  /** integrity_check of the copy: true ok, false damaged, null not checked (unreadable) */
  integrityOk: z.boolean().nullable(),
  schemaVersion: z.number().nullable(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const backupSettings = z.object({
  keep: z.number(),
  /** folder of the automatic backups: <folder of the database>/backups */
  folder: z.string(),
});
export type BackupSettings = z.infer<typeof backupSettings>;

const keepCount = z
  .number({ error: 'Số bản sao lưu tự động cần giữ: phải là một số.' })
  .int({ error: 'Số bản sao lưu tự động cần giữ: phải là số nguyên.' })
  .min(BACKUP_KEEP_MIN, { error: `Số bản sao lưu tự động cần giữ: ít nhất ${BACKUP_KEEP_MIN}.` })
  .max(BACKUP_KEEP_MAX, { error: `Số bản sao lưu tự động cần giữ: nhiều nhất ${BACKUP_KEEP_MAX}.` });

export const backupRestoreInput = z.union(
  [
    z.object({ path: z.string().min(1, { error: 'Chọn bản sao lưu cần khôi phục.' }).max(4096) }),
    // a file the user chose on this computer ("Khôi phục từ tệp…" in the desktop app, which knows
    // its place): copied from disk whatever its size, checked as an upload is
    z.object({ chosenPath: z.string().min(1, { error: 'Chọn tệp sao lưu cần khôi phục.' }).max(4096) }),
    z.object({
      fileName: optionalText('Tên tệp', 300),
      fileBase64: base64('Tệp sao lưu', BACKUP_UPLOAD_MAX_BYTES),
    }),
  ],
  { error: 'Chọn bản sao lưu trong danh sách hoặc tải lên một tệp sao lưu (.sqlite).' },
);

export const backupRestoreResult = z.object({
  restoredFrom: z.string(),
  /** the database as it was just before the restore */
  safetyBackup: backupInfo,
  schemaVersion: z.number(),
});

/** Days after which the app reminds that no backup left this computer's disk. */
export const EXTERNAL_BACKUP_REMIND_DAYS = 30;

/**
 * The newest backup written outside the automatic folder (a USB stick, a network folder): the
 * automatic ones sit on the same disk as the data and die with it.
 */
export const externalBackup = z.object({ path: z.string(), createdAt: z.string() });
export type ExternalBackup = z.infer<typeof externalBackup>;

export const backupProcedures = {
  /** what the home screen's reminder needs, without listing (and checking) the backup files */
  'backup.status': {
    input: z.object({}).optional(),
    output: z.object({
      lastExternal: externalBackup.nullable(),
      /** whole days since lastExternal (null: none ever) */
      daysSinceExternal: z.number().nullable(),
      /** the database holds data and no backup left the disk in EXTERNAL_BACKUP_REMIND_DAYS days */
      remind: z.boolean(),
      /** the last automatic backup of this run failed (none has succeeded since): when, why */
      autoFailed: z.object({ at: z.string(), message: z.string() }).nullable(),
    }),
  },
  'backup.list': {
    input: z.object({}).optional(),
    output: z.object({ folder: z.string(), keep: z.number(), backups: z.array(backupInfo) }),
  },
  /** manual backup; destDir defaults to the automatic backups folder */
  'backup.create': {
    input: z.object({ destDir: z.string({ error: 'Thư mục lưu bản sao lưu: phải là đường dẫn.' }).trim().max(4096).optional() }).optional(),
    output: backupInfo,
  },
  /** a fresh consistent backup as a download (browser host) */
  'backup.download': { input: z.object({}).optional(), output: fileOut },
  'backup.restore': { input: backupRestoreInput, output: backupRestoreResult },
  /** recovery (app.info.recovery set): open the database again, freed by another program or given permission */
  'recovery.retry': { input: z.object({}).optional(), output: z.object({ opened: z.boolean() }) },
  /** recovery: set the file that cannot be opened aside (kept, listed as 'unopened') and start on a new empty one */
  'recovery.startNew': { input: z.object({}).optional(), output: z.object({ setAside: backupInfo }) },
  'backup.settings.get': { input: z.object({}).optional(), output: backupSettings },
  'backup.settings.set': { input: z.object({ keep: keepCount }), output: backupSettings },
  /** the automatic backup when the app quits (called by the hosts) */
  'backup.quit': { input: z.object({}).optional(), output: backupInfo.nullable() },
} as const;
