// Audit trail of official records.
//
// How it is written: SQLite triggers (migration 8) on the audited tables append a row to
// audit_log for every insert, update that changes a logged column, soft delete, restore and
// delete — whoever writes (handlers, the CLI, an exchange import, a bench script). Plans are
// logged only once issued: issuing (action 'issue', with the full content at that moment),
// later edits, un-issuing, deletion. Each row: a UUIDv7-like id (random bits, so unique across
// offices), origin_office_id = this office, when, the actor, table, record id, the record it
// belongs to (owner: a decision for its recipients, a dossier for its nominees, reports,
// attachments and outcomes), action, and before/after JSON of the logged columns (only the
// changed ones for updates; the full row for inserts, deletes and soft deletes).
//
// The actor: main-schema triggers cannot read TEMP tables ("no such table: main.x"), so the
// actor is read from main tables through the view audit_actor: this computer's current user
// profile (setting 'audit.current_profile' → user_profile), or — while an exchange bundle is
// applied — the row of audit_session written at the start of the apply transaction and removed
// at its end ("Nhập gói dữ liệu từ <office>", source 'import'). Both happen in one SQLite
// transaction, so no other write can see the import actor and a crash leaves nothing behind.
// Because the actor lives in the database, every connection audits the same way and a restore
// needs nothing but keeping this computer's current profile (carryProfile).
//
// Exchange: the audit_log entity kind (exchange/kinds/audit.ts) carries the log rows of the
// records a bundle carries; the receiver inserts rows it does not have and ignores the others
// (append-only, never a conflict). The receiver's own triggers also log the import's writes,
// attributed to the import actor — so a record's history shows the sender's edits (their
// users) and when the record arrived here.
import type BetterSqlite3 from 'better-sqlite3';
import { DISCIPLINE_LABELS, type DisciplineForm } from '../../../shared/awards';
import { AppError } from '../../../shared/contract/errors';
import {
  AUDIT_ACTIONS,
  AUDIT_LIST_LIMIT,
  AUDIT_TABLES,
  type AuditAction,
  type AuditChange,
  type AuditEntry,
  type AuditHistory,
  type AuditTable,
  type AuditValue,
  type UserProfiles,
} from '../../../shared/contract/audit';
import type { ProcParsedInput } from '../../../shared/contract';
import { foldVi } from '../../../shared/text/vn';
import {
  auditRowsOfOwner,
  auditRowsOfRecords,
  endImportActor,
  getCurrentProfileId,
  getProfile,
  idsWhere,
  insertProfile,
  listAuditRows,
  listProfiles,
  officeNames,
  rowById,
  setCurrentProfileId,
  softDeleteProfile,
  updateProfile,
  upsertProfileRow,
  type AuditLogRow,
  type UserProfileRow,
} from '../../../db/repositories/audit';
import { awardShortName } from '../records/award-names';

type Db = BetterSqlite3.Database;
type Row = Record<string, unknown>;

/** Tables whose rows belong to another record's history (the owner); the rest own themselves. */
export const AUDIT_OWNERS: Partial<Record<AuditTable, AuditTable>> = {
  award_recipient: 'award_decision',
  dossier_nominee: 'dossier',
  dossier_report: 'dossier',
  dossier_attachment: 'dossier',
  dossier_outcome: 'dossier',
};

// ---- the import actor ------------------------------------------------------------------

export const importActorName = (officeName: string) => `Nhập gói dữ liệu từ ${officeName || 'cơ quan khác'}`;

// ---- connections and restore -----------------------------------------------------------

/** On open: an import session can only be left over by a tool that wrote it outside a transaction. */
export function prepareAudit(db: Db): void {
  const stale = db.prepare('SELECT 1 FROM audit_session').get();
  if (stale) endImportActor(db);
}

/** This computer's current profile, to keep across a restore (the restored file may not know it). */
export function captureProfile(db: Db): UserProfileRow | null {
  const id = getCurrentProfileId(db);
  const p = id ? getProfile(db, id) : undefined;
  return p && !p.deleted_at ? p : null;
}

/** After a restore: the same person keeps working at this computer. */
export function carryProfile(db: Db, p: UserProfileRow | null): void {
  prepareAudit(db);
  if (!p) return;
  db.transaction(() => {
    const there = getProfile(db, p.id);
    if (!there || there.deleted_at) upsertProfileRow(db, p);
    setCurrentProfileId(db, p.id);
  })();
}

// ---- user profiles ---------------------------------------------------------------------

export function profilesState(db: Db): UserProfiles {
  const profiles = listProfiles(db).map((p) => ({ id: p.id, name: p.name, position: p.position }));
  const cur = getCurrentProfileId(db);
  return { profiles, currentId: cur && profiles.some((p) => p.id === cur) ? cur : null };
}

function mustProfile(db: Db, id: string): UserProfileRow {
  const p = getProfile(db, id);
  if (!p || p.deleted_at) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ người dùng này (có thể đã bị xóa). Hãy tải lại trang Cài đặt.');
  return p;
}

export function saveProfile(db: Db, input: ProcParsedInput<'audit.profiles.save'>): UserProfiles {
  db.transaction(() => {
    const dup = listProfiles(db).find((p) => p.id !== input.id && foldVi(p.name) === foldVi(input.name) && foldVi(p.position) === foldVi(input.position));
    if (dup) throw new AppError('CONFLICT', `Đã có hồ sơ người dùng "${dup.name}${dup.position ? ` — ${dup.position}` : ''}". Hãy chọn hồ sơ đó thay vì tạo thêm.`);
    let id = input.id;
    if (id) {
      mustProfile(db, id);
      updateProfile(db, id, input.name, input.position);
    } else id = insertProfile(db, input.name, input.position);
    if (input.makeCurrent || !getCurrentProfileId(db)) setCurrentProfileId(db, id);
  })();
  return profilesState(db);
}

export function setCurrentProfile(db: Db, id: string | null): UserProfiles {
  if (id) mustProfile(db, id);
  setCurrentProfileId(db, id);
  return profilesState(db);
}

export function removeProfile(db: Db, id: string): UserProfiles {
  db.transaction(() => {
    mustProfile(db, id);
    softDeleteProfile(db, id);
    if (getCurrentProfileId(db) === id) setCurrentProfileId(db, null);
  })();
  return profilesState(db);
}

// ---- reading the log -------------------------------------------------------------------

export function historyForRecord(db: Db, input: ProcParsedInput<'audit.forRecord'>): AuditHistory {
  if ('staffId' in input) return toHistory(db, personYearRows(db, input.staffId, input.year), false);
  const rows = AUDIT_OWNERS[input.table] ? auditRowsOfRecords(db, input.table, [input.id]) : auditRowsOfOwner(db, input.table, input.id);
  return toHistory(db, rows, false);
}

/** A person's year: rating rows, registrations, initiatives, disciplines begun that year, awards of that year. */
function personYearRows(db: Db, staffId: string, year: number): AuditLogRow[] {
  const sets: [AuditTable, string[]][] = [
    ['person_year', idsWhere(db, 'person_year', 'staff_id = ? AND year = ?', [staffId, year])],
    ['registration', idsWhere(db, 'registration', "subject_kind = 'person' AND staff_id = ? AND year = ?", [staffId, year])],
    ['initiative', idsWhere(db, 'initiative', 'staff_id = ? AND year = ?', [staffId, year])],
    ['discipline', idsWhere(db, 'discipline', "staff_id = ? AND substr(from_date, 1, 4) = ?", [staffId, String(year)])],
    [
      'award_recipient',
      idsWhere(db, 'award_recipient', "subject_kind = 'person' AND staff_id = ? AND decision_id IN (SELECT id FROM award_decision WHERE year = ?)", [staffId, year]),
    ],
  ];
  const rows = sets.flatMap(([t, ids]) => auditRowsOfRecords(db, t, ids));
  return rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.seq - b.seq));
}

/** Local calendar day → UTC ISO instant (the log stores UTC). */
function dayStart(isoDate: string, addDays = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

export function listLog(db: Db, input: ProcParsedInput<'audit.list'>): AuditHistory {
  const actorKey = foldVi(input.actor);
  const filter = { from: input.from ? dayStart(input.from) : null, to: input.to ? dayStart(input.to, 1) : null, table: input.table };
  let rows: AuditLogRow[];
  if (actorKey) {
    rows = listAuditRows(db, { ...filter, limit: -1 }).filter((r) => foldVi(r.actor).includes(actorKey)).slice(0, AUDIT_LIST_LIMIT + 1);
  } else rows = listAuditRows(db, { ...filter, limit: AUDIT_LIST_LIMIT + 1 });
  const truncated = rows.length > AUDIT_LIST_LIMIT;
  return toHistory(db, rows.slice(0, AUDIT_LIST_LIMIT), truncated);
}

// ---- shaping entries ---------------------------------------------------------------------

function parseJson(s: string | null): Row | null {
  if (s == null) return null;
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Row) : null;
  } catch {
    return null;
  }
}

const asValue = (v: unknown): AuditValue => (v == null ? null : typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v));
const isEmpty = (v: unknown) => v == null || v === '';

function changesOf(action: AuditAction, before: Row | null, after: Row | null): AuditChange[] {
  const b = before ?? {};
  const a = after ?? {};
  let fields: string[];
  switch (action) {
    case 'insert':
      fields = Object.keys(a).filter((k) => !isEmpty(a[k]));
      return fields.map((f) => ({ field: f, before: null, after: asValue(a[f]) }));
    case 'delete':
      fields = Object.keys(b).filter((k) => !isEmpty(b[k]));
      return fields.map((f) => ({ field: f, before: asValue(b[f]), after: null }));
    case 'soft_delete':
      // before is the full row; after holds what changed besides deleted_at (usually nothing)
      fields = Object.keys(a);
      break;
    default:
      // update, restore, issue: before holds exactly the changed columns
      fields = Object.keys(b).length ? Object.keys(b) : Object.keys(a);
  }
  return fields.map((f) => ({ field: f, before: asValue(b[f]), after: asValue(a[f]) }));
}

const REF_TABLES: Record<string, string> = {
  staff_id: 'staff',
  unit_id: 'unit',
  decision_id: 'award_decision',
  campaign_id: 'campaign',
  dossier_id: 'dossier',
  nominee_id: 'dossier_nominee',
};

const str = (v: unknown) => (v == null ? '' : String(v));

class Titles {
  private cache = new Map<string, string>();
  constructor(private db: Db) {}

  /** title of a referenced record ('' when unknown here) */
  ref(table: string, id: string): string {
    const k = `${table}:${id}`;
    let t = this.cache.get(k);
    if (t === undefined) {
      const row = rowById(this.db, table, id);
      t = row ? this.describe(table, row) : '';
      this.cache.set(k, t);
    }
    return t;
  }

  describe(table: string, r: Row): string {
    const year = r.year != null ? `năm ${str(r.year)}` : '';
    const join = (...parts: string[]) => parts.filter(Boolean).join(' — ');
    switch (table) {
      case 'staff':
        return str(r.full_name);
      case 'unit':
      case 'campaign':
        return str(r.name);
      case 'award_decision':
        return join(r.number ? `Quyết định số ${str(r.number)}` : 'Quyết định (chưa có số)', awardShortName(r.award_code) || str(r.other_form), year);
      case 'award_recipient':
        return join(str(r.name), str(r.unit_name));
      case 'person_year':
        return join(this.subject(r), year);
      case 'unit_year':
        return join(this.subject(r), year);
      case 'registration':
        return join(this.subject(r), `đăng ký ${awardShortName(r.award_code)}`, year);
      case 'initiative':
        return join(this.subject(r), str(r.title));
      case 'discipline':
        return join(this.subject(r), `kỷ luật ${DISCIPLINE_LABELS[r.form as DisciplineForm] ?? str(r.form)}`);
      case 'dossier':
      case 'plan':
        return str(r.title);
      case 'dossier_nominee':
        return str(r.name);
      case 'dossier_report':
        return join('Báo cáo thành tích', typeof r.nominee_id === 'string' ? this.ref('dossier_nominee', r.nominee_id) : '');
      case 'dossier_attachment':
        return str(r.file_name);
      case 'dossier_outcome':
        return join(r.outcome === 'approved' ? 'Kết quả: duyệt' : 'Kết quả: trả lại', r.submission_no != null ? `lần gửi ${str(r.submission_no)}` : '');
      default:
        return '';
    }
  }

  private subject(r: Row): string {
    if (typeof r.staff_id === 'string') return this.ref('staff', r.staff_id);
    if (typeof r.unit_id === 'string') return this.ref('unit', r.unit_id);
    return '';
  }
}

function toHistory(db: Db, rows: AuditLogRow[], truncated: boolean): AuditHistory {
  const titles = new Titles(db);
  const offices = officeNames(db);
  const refs: Record<string, string> = {};
  const recordTitle = new Map<string, string>();
  const titleOf = (r: AuditLogRow, snapshot: Row) => {
    const k = `${r.record_table}:${r.record_id}`;
    let t = recordTitle.get(k);
    if (t === undefined) {
      const live = rowById(db, r.record_table, r.record_id);
      t = titles.describe(r.record_table, live ?? snapshot);
      recordTitle.set(k, t);
    }
    return t;
  };
  const entries: AuditEntry[] = [];
  for (const r of rows) {
    if (!(AUDIT_TABLES as readonly string[]).includes(r.record_table) || !(AUDIT_ACTIONS as readonly string[]).includes(r.action)) continue;
    const action = r.action as AuditAction;
    const before = parseJson(r.before_json);
    const after = parseJson(r.after_json);
    const changes = changesOf(action, before, after);
    for (const c of changes) {
      const target = REF_TABLES[c.field];
      if (!target) continue;
      for (const v of [c.before, c.after]) if (typeof v === 'string' && !(v in refs)) refs[v] = titles.ref(target, v);
    }
    entries.push({
      id: r.id,
      at: r.created_at,
      actor: r.actor,
      actorPosition: r.actor_position,
      source: r.source === 'import' ? 'import' : 'local',
      originOfficeId: r.origin_office_id,
      originOfficeName: offices.get(r.origin_office_id) ?? '',
      table: r.record_table as AuditTable,
      recordId: r.record_id,
      recordTitle: titleOf(r, { ...(before ?? {}), ...(after ?? {}) }),
      action,
      changes,
    });
  }
  for (const k of Object.keys(refs)) if (!refs[k]) delete refs[k];
  return { entries, refs, truncated };
}
