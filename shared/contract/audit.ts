// Audit trail of official records: who changed what, when, before → after; and the user
// profiles (hồ sơ người dùng) the changes are attributed to. The log itself is written by
// SQLite triggers (db/migrations.ts, version 8); these procedures only read it.
import { z } from 'zod';
import { id, optionalDate, optionalText, requiredText } from './fields';
import { recordYear } from './records';

/** Tables whose rows are audited (plans only once issued). */
export const AUDIT_TABLES = [
  'award_decision',
  'award_recipient',
  'person_year',
  'unit_year',
  'registration',
  'initiative',
  'discipline',
  'dossier',
  'dossier_nominee',
  'dossier_report',
  'dossier_attachment',
  'dossier_outcome',
  'plan',
] as const;
export type AuditTable = (typeof AUDIT_TABLES)[number];

/**
 * insert / update / delete (hard, never done by the app today); soft_delete and restore are
 * updates of deleted_at; issue is a plan becoming 'da_ban_hanh' (its full content is kept).
 */
export const AUDIT_ACTIONS = ['insert', 'update', 'soft_delete', 'restore', 'delete', 'issue'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** 'local': an edit on this computer; 'import': written by applying an exchange bundle. */
export const AUDIT_SOURCES = ['local', 'import'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/** A stored column value (SQLite has text, integers, reals and NULL). */
export const auditValue = z.union([z.string(), z.number(), z.null()]);
export type AuditValue = z.infer<typeof auditValue>;

export const auditChange = z.object({
  /** column name (snake_case as stored); the renderer labels it */
  field: z.string(),
  before: auditValue,
  after: auditValue,
});
export type AuditChange = z.infer<typeof auditChange>;

export const auditEntry = z.object({
  id: z.string(),
  /** ISO timestamp (UTC) of the change */
  at: z.string(),
  /** the user profile's name, or "Nhập gói dữ liệu từ <office>"; '' when no profile was chosen */
  actor: z.string(),
  actorPosition: z.string(),
  source: z.enum(AUDIT_SOURCES),
  /** the office where the change was made (the log row's origin) */
  originOfficeId: z.string(),
  originOfficeName: z.string(),
  table: z.enum(AUDIT_TABLES),
  recordId: z.string(),
  /** short title of the record ('Số 12/QĐ-UBND — Lao động tiên tiến — năm 2024', a person's name …) */
  recordTitle: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** the fields that changed (insert: the values written; delete: the values removed) */
  changes: z.array(auditChange),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditHistory = z.object({
  /** oldest first */
  entries: z.array(auditEntry),
  /** titles of the records that reference columns point to (staff, units, decisions …), by id */
  refs: z.record(z.string(), z.string()),
  /** more rows matched than were returned (audit.list) */
  truncated: z.boolean(),
});
export type AuditHistory = z.infer<typeof auditHistory>;

export const AUDIT_LIST_LIMIT = 2000;

export const userProfile = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string(),
});
export type UserProfile = z.infer<typeof userProfile>;

export const userProfiles = z.object({
  profiles: z.array(userProfile),
  /** the profile changes on this computer are attributed to; null when none is chosen */
  currentId: z.string().nullable(),
});
export type UserProfiles = z.infer<typeof userProfiles>;

const auditTable = z.enum(AUDIT_TABLES, { error: 'Loại bản ghi không có nhật ký thay đổi.' });

export const auditForRecordInput = z.union([
  /** one record, and for a decision / a dossier its parts (recipients; nominees, reports, attachments, outcomes) */
  z.object({ table: auditTable, id: id() }),
  /** a person's year: their rating row and the registrations, initiatives, disciplines and awards of that year */
  z.object({ table: z.literal('person_year'), staffId: id(), year: recordYear() }),
]);
export type AuditForRecordInput = z.input<typeof auditForRecordInput>;

export const auditListInput = z.object({
  from: optionalDate('Từ ngày'),
  to: optionalDate('Đến ngày'),
  table: auditTable.nullable().optional().default(null),
  /** part of the actor's name, with or without diacritics */
  actor: optionalText('Người thực hiện', 100),
});
export type AuditListInput = z.input<typeof auditListInput>;

export const profileInput = z.object({
  id: id().nullable().optional().default(null),
  name: requiredText('Họ và tên', 100),
  position: optionalText('Chức vụ', 200),
  /** make it the current profile after saving */
  makeCurrent: z.boolean().optional().default(false),
});
export type ProfileInput = z.input<typeof profileInput>;

export const auditProcedures = {
  'audit.forRecord': { input: auditForRecordInput, output: auditHistory },
  'audit.list': { input: auditListInput, output: auditHistory },
  'audit.profiles.list': { input: z.object({}).optional(), output: userProfiles },
  'audit.profiles.save': { input: profileInput, output: userProfiles },
  'audit.profiles.setCurrent': { input: z.object({ id: id().nullable() }), output: userProfiles },
  'audit.profiles.remove': { input: z.object({ id: id() }), output: userProfiles },
} as const;
