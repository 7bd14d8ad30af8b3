// Quarterly task tracker: tasks (from a plan's appendix, from the TĐKT calendar, or by hand),
// status (overdue computed from ctx.today()), progress notes, evidence attachments, copying a
// year, the home panel and progress reports.
import { AppError } from '../../shared/contract/errors';
import type { ProcParsedInput } from '../../shared/contract';
import type { PlanSyncItem, PlanSyncPreview, Task, TaskAttachment, TaskDetail, TaskNote, TaskSource } from '../../shared/contract/tasks';
import { foldQuery, foldVi, formatDocNumber, matchesQuery, type FoldedQuery } from '../../shared/text/vn';
import { planSchema, type Plan } from '../../shared/plans/model';
import {
  currentYearQuarter,
  displayStatus,
  effectiveDueDate,
  effectiveQuarter,
  isDueWithin,
  isOverdue,
  isQuarter,
  quarterOfIso,
  yearOfIso,
  type Quarter,
  type TaskStatus,
} from '../../shared/tasks/status';
import { planTaskItems, type PlanTaskItem } from '../../shared/tasks/from-plan';
import { TDKT_CALENDAR, calendarDueDate } from '../../shared/tasks/calendar';
import { copyTaskToYear } from '../../shared/tasks/copy';
import { shiftYearsInText } from '../../shared/plans/years';
import { toOffice } from '../../db/repositories/office';
import { unitsLite } from '../../db/repositories/records';
import { spansOffices, unitDisplayLabels } from '../../shared/units/tree';
import { getPlan } from '../../db/repositories/plans';
import { getStaff } from '../../db/repositories/staff';
import { getUnit, listUnits, type UnitRow } from '../../db/repositories/units';
import { getSetting, setSetting } from '../../db/repositories/settings';
import {
  calendarKeysOfYear,
  copiedFromIdsOfYear,
  getAttachment,
  getNote,
  getTask,
  insertAttachment,
  insertNote,
  insertTask,
  listAttachments,
  listNotes,
  listTaskUnits,
  maxSortOrder,
  queryTasks,
  replaceTaskUnits,
  softDeleteAttachment,
  softDeleteNote,
  softDeleteTasks,
  taskIdsForUnit,
  taskYears,
  touchTask,
  updateTask,
  type TaskAttachmentRow,
  type TaskColumns,
  type TaskNoteRow,
  type TaskQuery,
  type TaskRow,
  type TaskUnitColumns,
  type TaskUnitRow,
} from '../../db/repositories/tasks';
import { unitMatcher, type UnitMatch, type UnitMatcher } from '../services/tasks/units';
import { computePlanSync, type LinkedTask, type SyncPlan } from '../services/tasks/sync';
import { dataDirOf, guessMime, readStored, safeFileName, storeBytes, uploadedBytes } from '../services/files/content-store';
import { EVIDENCE_MAX_BYTES } from '../../shared/contract/fields';
import { XLSX_MIME } from '../services/xlsx/style';
import { DOCX_MIME, renderReportDocx, renderReportXlsx, reportAwards, reportFileName, type ReportTask } from '../services/tasks/report';
import { awardStats, awardStatsByOffice } from '../services/records/timeline';
import { registrationFacts } from '../services/records/lists';
import { listDossierSummaries } from '../services/dossiers/service';
import type { CoreContext } from '../core/context';
import type { HandlerMap } from './types';
import { requireOffice } from './office';

const CALENDAR_DEFAULTS_KEY = 'tasks.calendar_defaults';

// ---------------------------------------------------------------------------------------------
// Mapping

interface UnitsIndex {
  byId: Map<string, UnitRow>;
  match: UnitMatcher;
}

async function unitsIndex(ctx: CoreContext): Promise<UnitsIndex> {
  const units = await listUnits(ctx.db, true);
  return { byId: new Map(units.map((u) => [u.id, u])), match: unitMatcher(units) };
}

function toTask(r: TaskRow, units: readonly TaskUnitRow[], idx: UnitsIndex, today: string): Task {
  const refs = (role: 'lead' | 'coordinating') =>
    units
      .filter((u) => u.role === role)
      .map((u) => ({ unitId: u.unit_id, name: (u.unit_id && idx.byId.get(u.unit_id)?.name) || u.unit_name }));
  const quarter = isQuarter(r.quarter) ? r.quarter : null;
  const fields = { year: r.year, quarter, dueDate: r.due_date, status: r.status as TaskStatus };
  return {
    id: r.id,
    year: r.year,
    quarter,
    dueDate: r.due_date,
    effectiveDue: effectiveDueDate(fields),
    effectiveQuarter: effectiveQuarter(fields),
    title: r.title,
    description: r.description,
    timing: r.timing,
    lead: refs('lead'),
    coordinating: refs('coordinating'),
    responsibleStaffId: r.responsible_staff_id,
    responsibleName: r.staff_name ?? r.responsible_name,
    status: fields.status,
    overdue: isOverdue(fields, today),
    displayStatus: displayStatus(fields, today),
    completedOn: r.completed_on,
    source: r.source as TaskSource,
    planId: r.plan_id,
    planTaskId: r.plan_task_id,
    calendarKey: r.calendar_key,
    noteCount: Number(r.note_count),
    attachmentCount: Number(r.attachment_count),
    latestNote: r.latest_note_body != null && r.latest_note_date != null ? { date: r.latest_note_date, text: r.latest_note_body } : null,
    updatedAt: r.updated_at,
  };
}

/** Tasks with their units, in the tracker's order: year, quarter shown, then plan/creation order. */
/** What the task lists search, folded: the title. */
export function taskSearchText(t: Task): string {
  return foldVi(t.title);
}

export function taskMatches(t: Task, key: FoldedQuery): boolean {
  return matchesQuery(taskSearchText(t), key);
}

async function loadTasks(ctx: CoreContext, q: TaskQuery): Promise<Task[]> {
  const rows = await queryTasks(ctx.db, q);
  const unitRows = await listTaskUnits(ctx.db, rows.length > 2000 ? null : rows.map((r) => r.id));
  const byTask = new Map<string, TaskUnitRow[]>();
  for (const u of unitRows) {
    const list = byTask.get(u.task_id);
    if (list) list.push(u);
    else byTask.set(u.task_id, [u]);
  }
  const idx = await unitsIndex(ctx);
  const today = ctx.today();
  const tasks = rows.map((r) => toTask(r, byTask.get(r.id) ?? [], idx, today));
  const pos = new Map(tasks.map((t, i) => [t.id, i]));
  return tasks.sort((a, b) => a.year - b.year || a.effectiveQuarter - b.effectiveQuarter || pos.get(a.id)! - pos.get(b.id)!);
}

async function mustTaskRow(ctx: CoreContext, id: string): Promise<TaskRow> {
  const r = await getTask(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ (có thể đã bị xóa). Hãy tải lại danh sách.');
  return r;
}

async function loadTask(ctx: CoreContext, id: string): Promise<Task> {
  const r = await mustTaskRow(ctx, id);
  return toTask(r, await listTaskUnits(ctx.db, [id]), await unitsIndex(ctx), ctx.today());
}

function toNote(n: TaskNoteRow): TaskNote {
  return {
    id: n.id,
    taskId: n.task_id,
    date: n.note_date,
    text: n.body,
    statusChange: (n.status_change as TaskStatus | null) ?? null,
    createdAt: n.created_at,
  };
}

function toAttachment(a: TaskAttachmentRow): TaskAttachment {
  return { id: a.id, taskId: a.task_id, fileName: a.file_name, mimeType: a.mime_type, size: a.size, sha256: a.sha256, createdAt: a.created_at };
}

// ---------------------------------------------------------------------------------------------
// Writing

type TaskInputParsed = ProcParsedInput<'tasks.create'>;

function dedupeUnits(units: TaskUnitColumns[]): TaskUnitColumns[] {
  const seen = new Set<string>();
  return units.filter((u) => {
    const k = `${u.role}:${u.unit_id ?? `name:${u.name_key}`}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function unitColumns(role: 'lead' | 'coordinating', m: UnitMatch): TaskUnitColumns {
  return { role, unit_id: m.unitId, unit_name: m.name, name_key: m.nameKey };
}

/** Units named on a task input: a chosen unit must exist; a typed name is matched or kept as text. */
function resolveUnits(idx: UnitsIndex, input: Pick<TaskInputParsed, 'lead' | 'coordinating'>): TaskUnitColumns[] {
  const one = (role: 'lead' | 'coordinating', ref: { unitId: string | null; name: string }): TaskUnitColumns | null => {
    if (ref.unitId) {
      const u = idx.byId.get(ref.unitId);
      if (!u) throw new AppError('NOT_FOUND', `Đơn vị "${ref.name || ref.unitId}" không còn trong danh sách đơn vị. Hãy chọn lại đơn vị.`);
      return { role, unit_id: u.id, unit_name: u.name, name_key: foldVi(u.name) };
    }
    if (!ref.name) return null;
    return unitColumns(role, idx.match(ref.name));
  };
  const out: TaskUnitColumns[] = [];
  for (const r of input.lead) {
    const c = one('lead', r);
    if (c) out.push(c);
  }
  for (const r of input.coordinating) {
    const c = one('coordinating', r);
    if (c) out.push(c);
  }
  return dedupeUnits(out);
}

async function checkStaff(ctx: CoreContext, staffId: string | null): Promise<void> {
  if (staffId && !(await getStaff(ctx.db, staffId))) {
    throw new AppError('NOT_FOUND', 'Cán bộ phụ trách đã chọn không còn trong danh sách. Hãy chọn lại người phụ trách.');
  }
}

function completedOn(newStatus: TaskStatus, oldStatus: TaskStatus | null, oldCompleted: string | null, on: string): string | null {
  if (newStatus !== 'hoan_thanh') return null;
  return oldStatus === 'hoan_thanh' && oldCompleted ? oldCompleted : on;
}

// ---------------------------------------------------------------------------------------------
// Plans → tasks

function mustPlanModel(content: string): Plan {
  let raw: unknown = null;
  try {
    raw = JSON.parse(content);
  } catch {
    /* handled below */
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('DB_ERROR', 'Nội dung kế hoạch trong cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu.');
  return parsed.data;
}

interface PlanSyncState {
  planId: string;
  planTitle: string;
  year: number;
  source: 'quarterly' | 'table';
  items: PlanTaskItem[];
  sync: SyncPlan;
}

async function planSyncState(ctx: CoreContext, planId: string, yearIn: number | null): Promise<PlanSyncState> {
  const row = await getPlan(ctx.db, planId);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch (có thể đã bị xóa). Hãy tải lại danh sách kế hoạch.');
  const plan = mustPlanModel(row.content);
  const year = yearIn ?? row.year;
  if (year === null) throw new AppError('INVALID_INPUT', `Kế hoạch "${row.title}" không ghi năm. Hãy chọn năm của các nhiệm vụ rồi thử lại.`);
  const { items, source } = planTaskItems(plan, year);
  if (source === 'none' || items.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      `Kế hoạch "${row.title}" không có bảng nhiệm vụ ở phụ lục (các cột Nội dung, Chủ trì hoặc Phối hợp, chia theo quý hoặc theo tháng). Hãy bổ sung bảng nhiệm vụ vào phụ lục của kế hoạch, hoặc thêm nhiệm vụ bằng tay.`,
    );
  }
  const linked: LinkedTask[] = (await loadTasks(ctx, { planId })).map((t) => ({
    id: t.id,
    title: t.title,
    status: t.status,
    planTaskId: t.planTaskId,
    timing: t.timing,
    quarter: t.quarter,
    dueDate: t.dueDate,
    lead: t.lead,
    coordinating: t.coordinating,
  }));
  const idx = await unitsIndex(ctx);
  return { planId, planTitle: row.title, year, source, items, sync: computePlanSync(items, linked, idx.match) };
}

function syncItem(
  item: PlanTaskItem | null,
  task: LinkedTask | null,
  changes: string[] = [],
  units?: { lead: UnitMatch[]; coordinating: UnitMatch[] },
): PlanSyncItem {
  return {
    title: item?.title ?? task?.title ?? '',
    quarter: item ? item.quarter : (task?.quarter ?? null),
    dueDate: item ? item.dueDate : (task?.dueDate ?? null),
    lead: units ? units.lead.map((u) => u.name) : (task?.lead.map((u) => u.name) ?? []),
    coordinating: units ? units.coordinating.map((u) => u.name) : (task?.coordinating.map((u) => u.name) ?? []),
    taskId: task?.id ?? null,
    changes,
    status: task?.status ?? null,
  };
}

function toPreview(s: PlanSyncState): PlanSyncPreview {
  return {
    planId: s.planId,
    planTitle: s.planTitle,
    year: s.year,
    source: s.source,
    add: s.sync.add.map((a) => syncItem(a.item, null, [], a)),
    update: s.sync.update.filter((u) => !u.relinkOnly).map((u) => syncItem(u.item, u.task, u.changes, u)),
    unchanged: s.sync.unchanged,
    skippedDone: s.sync.skippedDone.map((u) => syncItem(u.item, u.task, u.changes, u)),
    vanished: s.sync.vanished.map((t) => syncItem(null, t)),
    unmatchedUnits: s.sync.unmatchedUnits,
  };
}

function planCitation(plan: Plan, title: string): string {
  const dn = plan.header.docNumber;
  const d = plan.header.date;
  if (dn?.number) {
    const num = formatDocNumber(dn.number, dn.typeCode, dn.agencyAbbr).replace(/^Số:\s*/, '');
    const date = d?.day && d.month ? ` ngày ${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}` : '';
    return `Kế hoạch số ${num}${date}`;
  }
  const t = title.trim();
  return `Kế hoạch ${t.charAt(0).toLocaleLowerCase('vi')}${t.slice(1)}`;
}

// ---------------------------------------------------------------------------------------------
// Calendar defaults (the office's last chosen due dates, day and month)

async function calendarDefaults(ctx: CoreContext): Promise<Record<string, { month: number; day: number }>> {
  const raw = await getSetting(ctx.db, CALENDAR_DEFAULTS_KEY);
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as Record<string, { month: number; day: number }>;
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------------------------------------

type TasksProc =
  | 'tasks.list'
  | 'tasks.years'
  | 'tasks.get'
  | 'tasks.create'
  | 'tasks.update'
  | 'tasks.setStatus'
  | 'tasks.delete'
  | 'tasks.addNote'
  | 'tasks.deleteNote'
  | 'tasks.addAttachment'
  | 'tasks.getAttachment'
  | 'tasks.deleteAttachment'
  | 'tasks.planPreview'
  | 'tasks.fromPlan'
  | 'tasks.copyYear'
  | 'tasks.calendar'
  | 'tasks.generateCalendar'
  | 'tasks.upcoming'
  | 'tasks.report';

/**
 * The registrations of the year, and with `awarded` its awards — at the province by office too —
 * and the office's own dossiers.
 */
function yearAwards(ctx: CoreContext, year: number, awarded: boolean, officeName: string) {
  const sqlite = ctx.conn.sqlite;
  const stats = awarded ? awardStats(sqlite, { yearFrom: year, yearTo: year, unitId: null }) : [];
  return reportAwards(
    stats,
    awarded ? listDossierSummaries({ sqlite, officeId: ctx.officeId, dbPath: ctx.conn.path, today: ctx.today() }, { scope: 'own', year }) : [],
    registrationFacts(sqlite, year),
    awarded && spansOffices(unitsLite(sqlite)) ? awardStatsByOffice(sqlite, stats, { id: ctx.officeId, name: officeName }) : [],
  );
}

export const tasksHandlers: HandlerMap<TasksProc> = {
  'tasks.list': async (f, ctx) => {
    let rows = await loadTasks(ctx, { year: f.year, planId: f.planId });
    if (f.unitId) {
      const u = await getUnit(ctx.db, f.unitId);
      if (!u) throw new AppError('NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại đơn vị.');
      const ids = await taskIdsForUnit(ctx.db, u.id, foldVi(u.name), f.unitRole);
      rows = rows.filter((t) => ids.has(t.id));
    }
    if (f.quarter) rows = rows.filter((t) => t.effectiveQuarter === f.quarter);
    if (f.status !== 'all') rows = rows.filter((t) => t.displayStatus === f.status);
    const key = foldQuery(f.search);
    if (key.words.length) rows = rows.filter((t) => taskMatches(t, key));
    return { rows, total: rows.length, today: ctx.today() };
  },

  'tasks.years': async (_input, ctx) => {
    const today = ctx.today();
    const years = new Set(await taskYears(ctx.db));
    years.add(yearOfIso(today));
    return { years: [...years].sort((a, b) => a - b), today };
  },

  'tasks.get': async ({ id }, ctx): Promise<TaskDetail> => {
    const t = await loadTask(ctx, id);
    const [notes, attachments] = await Promise.all([listNotes(ctx.db, id), listAttachments(ctx.db, id)]);
    return { ...t, notes: notes.map(toNote), attachments: attachments.map(toAttachment) };
  },

  'tasks.create': async (input, ctx) => {
    const idx = await unitsIndex(ctx);
    const units = resolveUnits(idx, input);
    const id = await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await checkStaff(tctx, input.responsibleStaffId);
      const cols: TaskColumns = {
        year: input.year,
        quarter: input.quarter,
        due_date: input.dueDate,
        title: input.title,
        title_key: foldVi(input.title),
        description: input.description,
        timing: input.timing,
        status: input.status,
        completed_on: completedOn(input.status, null, null, ctx.today()),
        responsible_staff_id: input.responsibleStaffId,
        responsible_name: input.responsibleStaffId ? '' : input.responsibleName,
        source: 'manual',
        plan_id: null,
        plan_task_id: null,
        calendar_key: null,
        copied_from_id: null,
        sort_order: (await maxSortOrder(trx, input.year)) + 1,
      };
      const tid = await insertTask(trx, ctx.officeId, cols);
      await replaceTaskUnits(trx, ctx.officeId, tid, units);
      return tid;
    });
    return loadTask(ctx, id);
  },

  'tasks.update': async ({ id, data, expectedUpdatedAt }, ctx) => {
    const idx = await unitsIndex(ctx);
    const units = resolveUnits(idx, data);
    await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const row = await mustTaskRow(tctx, id);
      if (expectedUpdatedAt && row.updated_at !== expectedUpdatedAt) {
        throw new AppError('CONFLICT', 'Nhiệm vụ vừa được sửa ở nơi khác (cửa sổ khác). Hãy tải lại nhiệm vụ rồi sửa tiếp.');
      }
      await checkStaff(tctx, data.responsibleStaffId);
      await updateTask(trx, id, {
        year: data.year,
        quarter: data.quarter,
        due_date: data.dueDate,
        title: data.title,
        title_key: foldVi(data.title),
        description: data.description,
        timing: data.timing,
        status: data.status,
        completed_on: completedOn(data.status, row.status as TaskStatus, row.completed_on, ctx.today()),
        responsible_staff_id: data.responsibleStaffId,
        responsible_name: data.responsibleStaffId ? '' : data.responsibleName,
      });
      await replaceTaskUnits(trx, ctx.officeId, id, units);
    });
    return loadTask(ctx, id);
  },

  'tasks.setStatus': async ({ id, status, note, date }, ctx) => {
    const on = date ?? ctx.today();
    await ctx.db.transaction().execute(async (trx) => {
      const row = await mustTaskRow({ ...ctx, db: trx }, id);
      const changed = row.status !== status;
      if (changed) await updateTask(trx, id, { status, completed_on: completedOn(status, row.status as TaskStatus, row.completed_on, on) });
      if (changed || note.trim()) {
        await insertNote(trx, ctx.officeId, { task_id: id, note_date: on, body: note.trim(), status_change: changed ? status : null });
        if (!changed) await touchTask(trx, id);
      }
    });
    return loadTask(ctx, id);
  },

  'tasks.delete': async ({ id }, ctx) => {
    await mustTaskRow(ctx, id);
    return { deleted: (await softDeleteTasks(ctx.db, [id])) > 0 };
  },

  'tasks.addNote': async ({ taskId, date, text }, ctx) => {
    const nid = await ctx.db.transaction().execute(async (trx) => {
      await mustTaskRow({ ...ctx, db: trx }, taskId);
      const n = await insertNote(trx, ctx.officeId, { task_id: taskId, note_date: date ?? ctx.today(), body: text, status_change: null });
      await touchTask(trx, taskId);
      return n;
    });
    return toNote((await getNote(ctx.db, nid))!);
  },

  'tasks.deleteNote': async ({ id }, ctx) => {
    const n = await getNote(ctx.db, id);
    if (!n) throw new AppError('NOT_FOUND', 'Không tìm thấy ghi chú tiến độ (có thể đã bị xóa). Hãy tải lại nhiệm vụ.');
    const deleted = await ctx.db.transaction().execute(async (trx) => {
      const d = await softDeleteNote(trx, id);
      await touchTask(trx, n.task_id);
      return d;
    });
    return { deleted };
  },

  'tasks.addAttachment': async ({ taskId, fileName, mimeType, ...source }, ctx) => {
    await mustTaskRow(ctx, taskId);
    const name = safeFileName(fileName);
    const bytes = uploadedBytes(source, `Tệp "${name}"`, EVIDENCE_MAX_BYTES);
    if (bytes.length === 0) throw new AppError('FILE_INVALID', `Tệp "${name}" trống (0 byte). Hãy chọn đúng tệp minh chứng.`);
    // bytes first (content-addressed, atomic), then the row: a failed insert leaves at most an unreferenced file
    const { sha256, size } = storeBytes(dataDirOf(ctx.conn.path), bytes);
    const aid = await ctx.db.transaction().execute(async (trx) => {
      const a = await insertAttachment(trx, ctx.officeId, { task_id: taskId, file_name: name, mime_type: mimeType || guessMime(name), size, sha256 });
      await touchTask(trx, taskId);
      return a;
    });
    return toAttachment((await getAttachment(ctx.db, aid))!);
  },

  'tasks.getAttachment': async ({ id }, ctx) => {
    const a = await getAttachment(ctx.db, id);
    if (!a) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng (có thể đã bị xóa). Hãy tải lại nhiệm vụ.');
    const bytes = readStored(dataDirOf(ctx.conn.path), a.sha256, a.size, a.file_name, 'Tệp minh chứng');
    return { fileName: a.file_name, mimeType: a.mime_type, base64: bytes.toString('base64') };
  },

  'tasks.deleteAttachment': async ({ id }, ctx) => {
    const a = await getAttachment(ctx.db, id);
    if (!a) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng (có thể đã bị xóa). Hãy tải lại nhiệm vụ.');
    // the bytes stay on disk: other records (or a restore of this one) may use the same content
    const deleted = await ctx.db.transaction().execute(async (trx) => {
      const d = await softDeleteAttachment(trx, id);
      await touchTask(trx, a.task_id);
      return d;
    });
    return { deleted };
  },

  'tasks.planPreview': async ({ planId, year }, ctx) => toPreview(await planSyncState(ctx, planId, year)),

  'tasks.fromPlan': async ({ planId, year, removeVanished }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const s = await planSyncState(tctx, planId, year);
      const base = await maxSortOrder(trx, s.year);
      for (const a of s.sync.add) {
        const tid = await insertTask(trx, ctx.officeId, {
          year: s.year,
          quarter: a.item.quarter,
          due_date: a.item.dueDate,
          title: a.item.title,
          title_key: foldVi(a.item.title),
          description: a.item.note,
          timing: a.item.timing,
          status: 'chua_thuc_hien',
          completed_on: null,
          responsible_staff_id: null,
          responsible_name: '',
          source: 'plan',
          plan_id: planId,
          plan_task_id: a.item.key,
          calendar_key: null,
          copied_from_id: null,
          sort_order: base + a.order,
        });
        await replaceTaskUnits(trx, ctx.officeId, tid, [
          ...a.lead.map((u) => unitColumns('lead', u)),
          ...a.coordinating.map((u) => unitColumns('coordinating', u)),
        ]);
      }
      for (const u of s.sync.update) {
        if (u.relinkOnly) {
          await updateTask(trx, u.task.id, { plan_task_id: u.item.key });
          continue;
        }
        await updateTask(trx, u.task.id, {
          title: u.item.title,
          title_key: foldVi(u.item.title),
          timing: u.item.timing,
          plan_task_id: u.item.key,
        });
        await replaceTaskUnits(trx, ctx.officeId, u.task.id, [
          ...u.lead.map((x) => unitColumns('lead', x)),
          ...u.coordinating.map((x) => unitColumns('coordinating', x)),
        ]);
      }
      const removed = removeVanished ? await softDeleteTasks(trx, s.sync.vanished.map((t) => t.id)) : 0;
      return {
        created: s.sync.add.length,
        updated: s.sync.update.filter((u) => !u.relinkOnly).length,
        unchanged: s.sync.unchanged,
        skippedDone: s.sync.skippedDone.length,
        removed,
        vanished: s.sync.vanished.length,
        year: s.year,
      };
    }),

  'tasks.copyYear': async ({ fromYear, toYear: toYearIn, planId }, ctx) => {
    const toYear = toYearIn ?? fromYear + 1;
    const source = await loadTasks(ctx, { year: fromYear });
    if (source.length === 0) throw new AppError('NOT_FOUND', `Năm ${fromYear} chưa có nhiệm vụ nào để sao chép.`);
    let planItems: PlanTaskItem[] = [];
    if (planId) {
      const row = await getPlan(ctx.db, planId);
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch năm mới đã chọn (có thể đã bị xóa). Hãy chọn lại kế hoạch.');
      planItems = planTaskItems(mustPlanModel(row.content), toYear).items;
    }
    const idx = await unitsIndex(ctx);
    return ctx.db.transaction().execute(async (trx) => {
      const copied = await copiedFromIdsOfYear(trx, toYear);
      const existing = await queryTasks(trx, { year: toYear });
      const titles = new Set(existing.map((t) => t.title_key));
      const links = new Set(existing.filter((t) => t.plan_id).map((t) => `${t.plan_id}#${t.plan_task_id}`));
      const usedItems = new Set<string>();
      let base = await maxSortOrder(trx, toYear);
      let created = 0;
      let skipped = 0;
      let linked = 0;
      for (const t of source) {
        const c = copyTaskToYear(t, toYear);
        const key = foldVi(c.title);
        if (copied.has(t.id) || titles.has(key)) {
          skipped++;
          continue;
        }
        const item = planItems.find((i) => !usedItems.has(i.key) && foldVi(i.title) === key);
        if (item && links.has(`${planId}#${item.key}`)) {
          skipped++;
          continue;
        }
        if (item) usedItems.add(item.key);
        const tid = await insertTask(trx, ctx.officeId, {
          year: toYear,
          quarter: c.quarter,
          due_date: c.dueDate,
          title: c.title,
          title_key: key,
          description: t.description,
          timing: shiftYearsInText(t.timing, fromYear, toYear - fromYear).text,
          status: 'chua_thuc_hien',
          completed_on: null,
          responsible_staff_id: t.responsibleStaffId,
          responsible_name: t.responsibleStaffId ? '' : t.responsibleName,
          source: item ? 'plan' : t.source === 'plan' ? 'manual' : t.source,
          plan_id: item ? planId : null,
          plan_task_id: item ? item.key : null,
          calendar_key: t.calendarKey,
          copied_from_id: t.id,
          sort_order: ++base,
        });
        const units = [...t.lead.map((u) => ({ ...u, role: 'lead' as const })), ...t.coordinating.map((u) => ({ ...u, role: 'coordinating' as const }))].map(
          (u): TaskUnitColumns => {
            const m = u.unitId && idx.byId.has(u.unitId) ? { unitId: u.unitId, name: u.name, nameKey: foldVi(u.name) } : idx.match(u.name);
            return unitColumns(u.role, m);
          },
        );
        await replaceTaskUnits(trx, ctx.officeId, tid, dedupeUnits(units));
        titles.add(key);
        created++;
        if (item) linked++;
      }
      return { created, skipped, linked, toYear };
    });
  },

  'tasks.calendar': async ({ year }, ctx) => {
    const defaults = await calendarDefaults(ctx);
    const existing = await calendarKeysOfYear(ctx.db, year);
    return TDKT_CALENDAR.map((d) => {
      const md = defaults[d.key] ?? { month: d.month, day: d.day };
      return { key: d.key, quarter: d.quarter, title: d.title(year), dueDate: calendarDueDate(year, md.month, md.day), exists: existing.has(d.key) };
    });
  },

  'tasks.generateCalendar': async ({ year, items, saveDefaults }, ctx) => {
    const defaults = await calendarDefaults(ctx);
    const chosen = new Map((items ?? []).map((i) => [i.key, i]));
    for (const k of chosen.keys())
      if (!TDKT_CALENDAR.some((d) => d.key === k)) throw new AppError('INVALID_INPUT', `Mục lịch "${k}" không có trong lịch công tác TĐKT.`);
    return ctx.db.transaction().execute(async (trx) => {
      const existing = await calendarKeysOfYear(trx, year);
      let base = await maxSortOrder(trx, year);
      let created = 0;
      let skipped = 0;
      const newDefaults = { ...defaults };
      for (const d of TDKT_CALENDAR) {
        const pick = chosen.get(d.key);
        if (items && (!pick || pick.include === false)) continue;
        const md = defaults[d.key] ?? { month: d.month, day: d.day };
        const due = pick?.dueDate ?? calendarDueDate(year, md.month, md.day);
        if (pick?.dueDate) newDefaults[d.key] = { month: Number(due.slice(5, 7)), day: Number(due.slice(8, 10)) };
        if (existing.has(d.key)) {
          skipped++;
          continue;
        }
        const title = d.title(year);
        await insertTask(trx, ctx.officeId, {
          year,
          quarter: yearOfIso(due) === year ? quarterOfIso(due) : d.quarter,
          due_date: due,
          title,
          title_key: foldVi(title),
          description: '',
          timing: '',
          status: 'chua_thuc_hien',
          completed_on: null,
          responsible_staff_id: null,
          responsible_name: '',
          source: 'calendar',
          plan_id: null,
          plan_task_id: null,
          calendar_key: d.key,
          copied_from_id: null,
          sort_order: ++base,
        });
        created++;
      }
      if (saveDefaults) await setSetting(trx, CALENDAR_DEFAULTS_KEY, JSON.stringify(newDefaults));
      return { created, skipped };
    });
  },

  'tasks.upcoming': async (input, ctx) => {
    const days = input?.days ?? 14;
    const today = ctx.today();
    const { year } = currentYearQuarter(today);
    const open = await loadTasks(ctx, { notDone: true, yearTo: year + 1 });
    const byDue = (a: Task, b: Task) => a.effectiveDue.localeCompare(b.effectiveDue);
    return {
      today,
      days,
      overdue: open.filter((t) => t.overdue).sort(byDue),
      dueSoon: open.filter((t) => isDueWithin(t, today, days)).sort(byDue),
    };
  },

  'tasks.report': async ({ year, period, format }, ctx) => {
    const office = await requireOffice(ctx);
    const tasks = await loadTasks(ctx, { year });
    const planRefs: string[] = [];
    for (const pid of [...new Set(tasks.map((t) => t.planId).filter((x): x is string => !!x))]) {
      const row = await getPlan(ctx.db, pid);
      if (!row) continue;
      try {
        planRefs.push(planCitation(mustPlanModel(row.content), row.title));
      } catch {
        planRefs.push(`Kế hoạch ${row.title}`);
      }
    }
    // a province has twenty "Văn phòng": a shared name is followed by its parents
    const labels = unitDisplayLabels(unitsLite(ctx.conn.sqlite, ctx.officeId));
    const unitLabel = (u: { unitId: string | null; name: string }) => (u.unitId && labels.get(u.unitId)) || u.name;
    const rows: ReportTask[] = tasks.map((t) => ({
      title: t.title,
      lead: t.lead.map(unitLabel),
      coordinating: t.coordinating.map(unitLabel),
      effectiveDue: t.effectiveDue,
      effectiveQuarter: t.effectiveQuarter as Quarter,
      status: t.status,
      displayStatus: t.displayStatus,
      completedOn: t.completedOn,
      latestNote: t.latestNote?.text ?? '',
      responsible: t.responsibleName,
    }));
    const input = {
      year,
      period,
      today: ctx.today(),
      office: toOffice(office),
      tasks: rows,
      planRefs,
      // the report of 6 months also gives the year's registrations; the yearly one what the
      // year brought in awards too, as the statistics count them (the workbook: a sheet of its own)
      awards: period === 'Y' || period === 'H1' ? yearAwards(ctx, year, period === 'Y', office.name) : null,
    };
    const bytes = format === 'docx' ? await renderReportDocx(input) : await renderReportXlsx(input);
    return {
      fileName: reportFileName(period, year, format),
      mimeType: format === 'docx' ? DOCX_MIME : XLSX_MIME,
      base64: Buffer.from(bytes).toString('base64'),
    };
  },
};
