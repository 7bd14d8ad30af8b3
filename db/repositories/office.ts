import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, OfficeTable } from '../schema';
import { nowIso } from '../ids';

export type OfficeRow = Selectable<OfficeTable>;

export interface OfficeFields {
  name: string;
  parentAgency: string;
  levelCode: string;
  placeName: string;
  abbreviation: string;
  headTitle: string;
  headName: string;
  superiorName: string;
}

export function toOffice(r: OfficeRow) {
  return {
    id: r.id,
    name: r.name,
    parentAgency: r.parent_agency,
    levelCode: r.level_code,
    placeName: r.place_name,
    abbreviation: r.abbreviation,
    headTitle: r.head_title,
    headName: r.head_name,
    superiorName: r.superior_name,
    updatedAt: r.updated_at,
  };
}

/** Live units, staff, plans and tasks, and whether any past record is kept (each count reads one index). */
export async function setupCounts(db: Kysely<DB>): Promise<{ units: number; staff: number; records: boolean; plans: number; tasks: number }> {
  const r = await sql<{ units: number; staff: number; records: number; plans: number; tasks: number }>`
    SELECT (SELECT count(*) FROM unit WHERE deleted_at IS NULL) AS units,
           (SELECT count(*) FROM staff WHERE deleted_at IS NULL) AS staff,
           (EXISTS (SELECT 1 FROM person_year WHERE deleted_at IS NULL) OR EXISTS (SELECT 1 FROM award_recipient WHERE deleted_at IS NULL)) AS records,
           (SELECT count(*) FROM plan WHERE deleted_at IS NULL) AS plans,
           (SELECT count(*) FROM task WHERE deleted_at IS NULL) AS tasks`.execute(db);
  const row = r.rows[0]!;
  return { units: row.units, staff: row.staff, records: row.records === 1, plans: row.plans, tasks: row.tasks };
}

export async function getOffice(db: Kysely<DB>, id: string): Promise<OfficeRow | undefined> {
  return db.selectFrom('office').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Insert or update the office profile whose id is `id` (the office's own id). */
export async function upsertOffice(db: Kysely<DB>, id: string, f: OfficeFields): Promise<OfficeRow> {
  const now = nowIso();
  const cols = {
    name: f.name,
    parent_agency: f.parentAgency,
    level_code: f.levelCode,
    place_name: f.placeName,
    abbreviation: f.abbreviation,
    head_title: f.headTitle,
    head_name: f.headName,
    superior_name: f.superiorName,
    updated_at: now,
  };
  await db
    .insertInto('office')
    .values({ id, origin_office_id: id, created_at: now, deleted_at: null, superior_id: null, ...cols })
    .onConflict((oc) => oc.column('id').doUpdateSet(cols))
    .execute();
  return (await getOffice(db, id))!;
}

export async function listLevels(db: Kysely<DB>) {
  const rows = await db.selectFrom('office_level').selectAll().orderBy('sort_order').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, sortOrder: r.sort_order }));
}

export async function levelExists(db: Kysely<DB>, code: string): Promise<boolean> {
  return !!(await db.selectFrom('office_level').select('code').where('code', '=', code).executeTakeFirst());
}

export async function saveLevel(db: Kysely<DB>, code: string, name: string, sortOrder: number): Promise<void> {
  await db
    .insertInto('office_level')
    .values({ code, name, sort_order: sortOrder })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name, sort_order: sortOrder }))
    .execute();
}
