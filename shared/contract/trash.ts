// Thùng rác: what was deleted on this computer's office — staff, campaigns, plans, tasks, award
// records, dossiers, the nominees taken out of a dossier, evidence files, a task's files and notes — listed newest first and brought back with what was deleted with it.
// Deleting only ever sets deleted_at (records travel between offices), so nothing needs a copy.
import { z } from 'zod';
import { id, optionalText } from './fields';

/** In the order several are put back at once: what others hang on first (a person, then their records). */
export const TRASH_KINDS = ['staff', 'campaign', 'plan', 'task', 'decision', 'initiative', 'discipline', 'registration', 'dossier', 'nominee', 'evidence', 'task_file', 'task_note'] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];

/** What each kind is called (the screen's column, and words the search finds it by). */
export const TRASH_KIND_LABELS: Readonly<Record<TrashKind, string>> = {
  staff: 'Cán bộ',
  campaign: 'Phong trào',
  plan: 'Kế hoạch',
  task: 'Nhiệm vụ',
  decision: 'Quyết định khen thưởng',
  initiative: 'Sáng kiến, đề tài',
  discipline: 'Kỷ luật',
  registration: 'Đăng ký thi đua',
  dossier: 'Hồ sơ đề nghị',
  nominee: 'Người được đề nghị',
  evidence: 'Minh chứng của hồ sơ',
  task_file: 'Tệp của nhiệm vụ',
  task_note: 'Ghi chú tiến độ',
};

/** Rows a trash.list call returns at most (the rest: "Xem thêm"). */
export const TRASH_PAGE = 200;
/** The most rows one trash.list call returns. */
export const TRASH_MAX = 5000;

const trashKind = z.enum(TRASH_KINDS, { error: 'Loại bản ghi không khôi phục được ở Thùng rác.' });

export const trashListInput = z
  .object({
    kind: trashKind.nullable().optional().default(null),
    /** words of the title, details or kind, with or without diacritics */
    search: optionalText('Tìm kiếm', 200),
    limit: z.number().int().min(1).max(TRASH_MAX).optional().default(TRASH_PAGE),
  })
  .optional()
  .default({ kind: null, search: '', limit: TRASH_PAGE });
export type TrashListInput = z.input<typeof trashListInput>;

export const trashItem = z.object({
  kind: trashKind,
  id: z.string(),
  /** what the record is called on its own screen ('Nguyễn Văn An', 'Số 12/QĐ-UBND …') */
  title: z.string(),
  /** what tells it apart: unit, year, how many people it names … */
  detail: z.string(),
  /** ISO timestamp of the deletion */
  deletedAt: z.string(),
  /** the user profile that deleted it, where the audit trail records it ('' otherwise) */
  deletedBy: z.string(),
  /** people and collectives deleted with it that come back too (a decision's recipients, a dossier's nominees) */
  parts: z.number().int(),
  /** why it cannot be restored now (null: it can) */
  blocked: z.string().nullable(),
  /** a person merged into another (its name): restoring splits the records apart again ("Tách lại") */
  mergedInto: z.string().nullable(),
});
export type TrashItem = z.infer<typeof trashItem>;

export const trashList = z.object({
  items: z.array(trashItem),
  /** how many match the filter (items holds the newest `limit`) */
  total: z.number().int(),
  /** how many of each kind the bin holds (the search not applied) */
  counts: z.record(trashKind, z.number().int()),
});
export type TrashList = z.infer<typeof trashList>;

export const trashRestoreInput = z.object({ kind: trashKind, id: id() });

/** Several records deleted together (the staff list's "Xóa" on the people chosen): back together or not at all. */
export const trashRestoreManyInput = z.object({ items: z.array(trashRestoreInput).min(1).max(50_000) });

export const trashRestoreResult = z.object({
  kind: trashKind,
  id: z.string(),
  title: z.string(),
  parts: z.number().int(),
  /** the record a merged person was split from (parts: the records that went back to them) */
  splitFrom: z.string().nullable(),
});
export type TrashRestoreResult = z.infer<typeof trashRestoreResult>;

export const trashProcedures = {
  'trash.list': { input: trashListInput, output: trashList },
  'trash.restore': { input: trashRestoreInput, output: trashRestoreResult },
  'trash.restoreMany': { input: trashRestoreManyInput, output: z.object({ restored: z.number().int() }) },
} as const;
