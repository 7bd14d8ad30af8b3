import type { Kysely, Selectable } from 'kysely';
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
