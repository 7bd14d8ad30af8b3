// Tasks, their units, notes and attachments: queries only (rules live in shared/tasks and the
// handlers). Every list excludes soft-deleted rows.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, OwnColumns, TaskAttachmentTable, TaskNoteTable, TaskTable, TaskUnitTable } from '../schema';
import { newId, nowIso } from '../ids';

export type TaskRow = Selectable<TaskTable> & {
  staff_name: string | null;
  note_count: number;
  attachment_count: number;
  latest_note_date: string | null;
  latest_note_body: string | null;
};
export type TaskUnitRow = Selectable<TaskUnitTable>;
export type TaskNoteRow = Selectable<TaskNoteTable>;
export type TaskAttachmentRow = Selectable<TaskAttachmentTable>;

export type TaskColumns = OwnColumns<TaskTable>;

export interface TaskUnitColumns {
  role: 'lead' | 'coordinating';
  unit_id: string | null;
  unit_name: string;
  name_key: string;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('task as t')
    .leftJoin('staff as s', 's.id', 't.responsible_staff_id')
    .selectAll('t')
    .select([
      's.full_name as staff_name',
      sql<number>`(SELECT COUNT(*) FROM task_note n WHERE n.task_id = t.id AND n.deleted_at IS NULL)`.as('note_count'),
      sql<number>`(SELECT COUNT(*) FROM task_attachment a WHERE a.task_id = t.id AND a.deleted_at IS NULL)`.as('attachment_count'),
      sql<string | null>`(SELECT n.note_date FROM task_note n WHERE n.task_id = t.id AND n.deleted_at IS NULL AND n.body != '' ORDER BY n.note_date DESC, n.created_at DESC, n.id DESC LIMIT 1)`.as(
        'latest_note_date',
      ),
      sql<string | null>`(SELECT n.body FROM task_note n WHERE n.task_id = t.id AND n.deleted_at IS NULL AND n.body != '' ORDER BY n.note_date DESC, n.created_at DESC, n.id DESC LIMIT 1)`.as(
        'latest_note_body',
      ),
    ])
    .where('t.deleted_at', 'is', null);
}

export interface TaskQuery {
  year?: number | null;
  /** years from..to inclusive (home panel: this year and around) */
  yearFrom?: number | null;
  yearTo?: number | null;
  planId?: string | null;
  ids?: readonly string[] | null;
  notDone?: boolean;
}

export async function queryTasks(db: Kysely<DB>, q: TaskQuery = {}): Promise<TaskRow[]> {
  let qb = baseQuery(db);
  if (q.year != null) qb = qb.where('t.year', '=', q.year);
  if (q.yearFrom != null) qb = qb.where('t.year', '>=', q.yearFrom);
  if (q.yearTo != null) qb = qb.where('t.year', '<=', q.yearTo);
  if (q.planId) qb = qb.where('t.plan_id', '=', q.planId);
  if (q.ids) {
    if (q.ids.length === 0) return [];
    qb = qb.where('t.id', 'in', [...q.ids]);
  }
  if (q.notDone) qb = qb.where('t.status', '!=', 'hoan_thanh');
  return qb.orderBy('t.year').orderBy('t.sort_order').orderBy('t.created_at').orderBy('t.id').execute();
}

export async function getTask(db: Kysely<DB>, id: string): Promise<TaskRow | undefined> {
  return baseQuery(db).where('t.id', '=', id).executeTakeFirst();
}

export async function insertTask(db: Kysely<DB>, originOfficeId: string, c: TaskColumns): Promise<string> {
  const now = nowIso();
  const id = newId();
  await db.insertInto('task').values({ id, origin_office_id: originOfficeId, created_at: now, updated_at: now, deleted_at: null, ...c }).execute();
  return id;
}

export async function updateTask(db: Kysely<DB>, id: string, c: Partial<TaskColumns>): Promise<void> {
  await db.updateTable('task').set({ ...c, updated_at: nowIso() }).where('id', '=', id).execute();
}

export async function softDeleteTasks(db: Kysely<DB>, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const now = nowIso();
  const r = await db
    .updateTable('task')
    .set({ deleted_at: now, updated_at: now })
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function taskYears(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('task').select('year').distinct().where('deleted_at', 'is', null).orderBy('year').execute();
  return rows.map((r) => r.year);
}

/** The largest sort_order of a year's tasks (new tasks go after it). */
export async function maxSortOrder(db: Kysely<DB>, year: number): Promise<number> {
  const r = await db
    .selectFrom('task')
    .select(sql<number>`COALESCE(MAX(sort_order), 0)`.as('m'))
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

/** Calendar keys already present in a year. */
export async function calendarKeysOfYear(db: Kysely<DB>, year: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('task')
    .select('calendar_key')
    .where('year', '=', year)
    .where('calendar_key', 'is not', null)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.calendar_key!));
}

/** Ids of the tasks a year's tasks were copied from (copying twice never duplicates). */
export async function copiedFromIdsOfYear(db: Kysely<DB>, year: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('task')
    .select('copied_from_id')
    .where('year', '=', year)
    .where('copied_from_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.copied_from_id!));
}

// ---------------------------------------------------------------------------------------------
// Units of tasks

/** Tasks of `fromYear` and later, not yet completed, that name a unit (lead or coordinating), with their office. */
export async function openTasksNamingUnit(db: Kysely<DB>, unitId: string, fromYear: number): Promise<Array<{ id: string; origin_office_id: string }>> {
  return db
    .selectFrom('task_unit as tu')
    .innerJoin('task as t', 't.id', 'tu.task_id')
    .select(['t.id', 't.origin_office_id'])
    .distinct()
    .where('tu.unit_id', '=', unitId)
    .where('tu.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('t.status', '!=', 'hoan_thanh')
    .where('t.year', '>=', fromYear)
    .execute();
}

export async function listTaskUnits(db: Kysely<DB>, taskIds: readonly string[] | null): Promise<TaskUnitRow[]> {
  let q = db.selectFrom('task_unit').selectAll().where('deleted_at', 'is', null);
  if (taskIds) {
    if (taskIds.length === 0) return [];
    // chunk: SQLite limits bound parameters
    if (taskIds.length > 500) {
      const out: TaskUnitRow[] = [];
      for (let i = 0; i < taskIds.length; i += 500) out.push(...(await listTaskUnits(db, taskIds.slice(i, i + 500))));
      return out;
    }
    q = q.where('task_id', 'in', [...taskIds]);
  }
  return q.orderBy('task_id').orderBy('role').orderBy('sort_order').execute();
}

/** Tasks naming a unit: by its id, or by its folded name where the unit was kept as text. */
export async function taskIdsForUnit(
  db: Kysely<DB>,
  unitId: string,
  nameKey: string,
  role: 'any' | 'lead' | 'coordinating',
): Promise<Set<string>> {
  let q = db
    .selectFrom('task_unit')
    .select('task_id')
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('unit_id', '=', unitId), eb.and([eb('unit_id', 'is', null), eb('name_key', '=', nameKey)])]));
  if (role !== 'any') q = q.where('role', '=', role);
  return new Set((await q.execute()).map((r) => r.task_id));
}

/**
 * Replace a task's units. Nothing is written when they are the same; otherwise the old rows are
 * soft-deleted (so the change travels in exchange bundles) and the new ones inserted.
 */
export async function replaceTaskUnits(
  db: Kysely<DB>,
  originOfficeId: string,
  taskId: string,
  units: readonly TaskUnitColumns[],
): Promise<boolean> {
  const current = await listTaskUnits(db, [taskId]);
  const sig = (r: { role: string; unit_id: string | null; unit_name: string }) => `${r.role}\u0000${r.unit_id ?? ''}\u0000${r.unit_name}`;
  const ordered = (rows: { role: string; unit_id: string | null; unit_name: string }[]) =>
    [...rows.filter((r) => r.role === 'lead'), ...rows.filter((r) => r.role === 'coordinating')].map(sig).join('\n');
  if (ordered(current) === ordered([...units])) return false;
  const now = nowIso();
  await db
    .updateTable('task_unit')
    .set({ deleted_at: now, updated_at: now })
    .where('task_id', '=', taskId)
    .where('deleted_at', 'is', null)
    .execute();
  let i = 0;
  for (const u of units) {
    await db
      .insertInto('task_unit')
      .values({
        id: newId(),
        origin_office_id: originOfficeId,
        created_at: now,
        updated_at: now,
        deleted_at: null,
        task_id: taskId,
        role: u.role,
        unit_id: u.unit_id,
        unit_name: u.unit_name,
        name_key: u.name_key,
        sort_order: i++,
      })
      .execute();
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Notes

export async function listNotes(db: Kysely<DB>, taskId: string): Promise<TaskNoteRow[]> {
  return db
    .selectFrom('task_note')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('deleted_at', 'is', null)
    .orderBy('note_date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function getNote(db: Kysely<DB>, id: string): Promise<TaskNoteRow | undefined> {
  return db.selectFrom('task_note').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertNote(
  db: Kysely<DB>,
  originOfficeId: string,
  n: { task_id: string; note_date: string; body: string; status_change: string | null },
): Promise<string> {
  const now = nowIso();
  const id = newId();
  await db.insertInto('task_note').values({ id, origin_office_id: originOfficeId, created_at: now, updated_at: now, deleted_at: null, ...n }).execute();
  return id;
}

export async function softDeleteNote(db: Kysely<DB>, id: string): Promise<boolean> {
  const now = nowIso();
  const r = await db.updateTable('task_note').set({ deleted_at: now, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Touch a task's updated_at (a note or attachment changed what it shows). */
export async function touchTask(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('task').set({ updated_at: nowIso() }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------
// Attachments

export async function listAttachments(db: Kysely<DB>, taskId: string): Promise<TaskAttachmentRow[]> {
  return db
    .selectFrom('task_attachment')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function getAttachment(db: Kysely<DB>, id: string): Promise<TaskAttachmentRow | undefined> {
  return db.selectFrom('task_attachment').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertAttachment(
  db: Kysely<DB>,
  originOfficeId: string,
  a: { task_id: string; file_name: string; mime_type: string; size: number; sha256: string },
): Promise<string> {
  const now = nowIso();
  const id = newId();
  await db
    .insertInto('task_attachment')
    .values({ id, origin_office_id: originOfficeId, created_at: now, updated_at: now, deleted_at: null, ...a })
    .execute();
  return id;
}

export async function softDeleteAttachment(db: Kysely<DB>, id: string): Promise<boolean> {
  const now = nowIso();
  const r = await db
    .updateTable('task_attachment')
    .set({ deleted_at: now, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
