import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, UnitTable } from '../schema';
import { newId, nowIso } from '../ids';

export type UnitRow = Selectable<UnitTable> & { staff_count: number };

export interface UnitFields {
  name: string;
  nameKey: string;
  parentId: string | null;
  code: string | null;
  kind: string;
  sortOrder: number;
  note: string;
}

export async function listUnits(db: Kysely<DB>, includeInactive: boolean): Promise<UnitRow[]> {
  let q = db
    .selectFrom('unit as u')
    .selectAll('u')
    .select(
      sql<number>`(SELECT COUNT(*) FROM staff s WHERE s.unit_id = u.id AND s.deleted_at IS NULL AND s.status = 'dang_cong_tac')`.as(
        'staff_count',
      ),
    )
    .where('u.deleted_at', 'is', null);
  if (!includeInactive) q = q.where('u.active', '=', 1);
  return q.execute();
}

export async function getUnit(db: Kysely<DB>, id: string): Promise<UnitRow | undefined> {
  return db
    .selectFrom('unit as u')
    .selectAll('u')
    .select(
      sql<number>`(SELECT COUNT(*) FROM staff s WHERE s.unit_id = u.id AND s.deleted_at IS NULL AND s.status = 'dang_cong_tac')`.as(
        'staff_count',
      ),
    )
    .where('u.id', '=', id)
    .where('u.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertUnit(db: Kysely<DB>, originOfficeId: string, f: UnitFields): Promise<string> {
  const now = nowIso();
  const id = newId();
  await db
    .insertInto('unit')
    .values({
      id,
      origin_office_id: originOfficeId,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      parent_id: f.parentId,
      name: f.name,
      name_key: f.nameKey,
      code: f.code,
      kind: f.kind,
      active: 1,
      sort_order: f.sortOrder,
      note: f.note,
    })
    .execute();
  return id;
}

export async function updateUnit(db: Kysely<DB>, id: string, f: UnitFields): Promise<void> {
  await db
    .updateTable('unit')
    .set({
      parent_id: f.parentId,
      name: f.name,
      name_key: f.nameKey,
      code: f.code,
      kind: f.kind,
      sort_order: f.sortOrder,
      note: f.note,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setUnitParent(db: Kysely<DB>, id: string, parentId: string | null): Promise<void> {
  await db.updateTable('unit').set({ parent_id: parentId, updated_at: nowIso() }).where('id', '=', id).execute();
}

export async function setUnitsActive(db: Kysely<DB>, ids: string[], active: boolean): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('unit')
    .set({ active: active ? 1 : 0, updated_at: nowIso() })
    .where('id', 'in', ids)
    .where('active', '=', active ? 0 : 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Ids of the unit and all its descendants (recursive CTE). */
export async function subtreeIds(db: Kysely<DB>, id: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE sub(id) AS (
      SELECT id FROM unit WHERE id = ${id}
      UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id WHERE u.deleted_at IS NULL
    ) SELECT id FROM sub`.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function findUnitBySiblingName(
  db: Kysely<DB>,
  parentId: string | null,
  nameKey: string,
  originOfficeId: string,
  exceptId?: string,
): Promise<string | undefined> {
  let q = db.selectFrom('unit').select('id').where('name_key', '=', nameKey).where('deleted_at', 'is', null);
  q = parentId === null ? q.where('parent_id', 'is', null).where('origin_office_id', '=', originOfficeId) : q.where('parent_id', '=', parentId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst())?.id;
}

/** The highest sort order among a unit's live children (the office's top units when parentId is null); 0 when none. */
export async function maxChildSortOrder(db: Kysely<DB>, parentId: string | null, originOfficeId: string): Promise<number> {
  const r = await db
    .selectFrom('unit')
    .select(sql<number | null>`MAX(sort_order)`.as('m'))
    .where('deleted_at', 'is', null)
    .where('origin_office_id', '=', originOfficeId)
    .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
    .executeTakeFirst();
  return Math.max(0, Number(r?.m ?? 0));
}

/** A unit's live direct sub-units (id, name, name key). */
export async function childUnits(db: Kysely<DB>, id: string): Promise<Array<{ id: string; name: string; name_key: string }>> {
  return db.selectFrom('unit').select(['id', 'name', 'name_key']).where('parent_id', '=', id).where('deleted_at', 'is', null).orderBy('sort_order').execute();
}

/** The people at work in a unit (those retired or gone stay where they last were on a merge). */
export async function workingStaffIds(db: Kysely<DB>, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('staff').select('id').where('unit_id', '=', unitId).where('deleted_at', 'is', null).where('status', '=', 'dang_cong_tac').execute();
  return rows.map((r) => r.id);
}

export async function setUnitNote(db: Kysely<DB>, id: string, note: string): Promise<void> {
  await db.updateTable('unit').set({ note, updated_at: nowIso() }).where('id', '=', id).execute();
}
