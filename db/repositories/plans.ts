import { sql, type Kysely, type Selectable } from 'kysely';
import type { CampaignTable, DB, DocReferenceTable, OwnColumns, PlanTable } from '../schema';
import { newId, nowIso } from '../ids';

export type CampaignRow = Selectable<CampaignTable> & { plan_count: number };
export type PlanRow = Selectable<PlanTable>;
export type DocReferenceRow = Selectable<DocReferenceTable>;

export type CampaignColumns = OwnColumns<CampaignTable>;

export interface PlanColumns {
  campaign_id: string | null;
  title: string;
  title_key: string;
  year: number | null;
  status: string;
  doc_number: number | null;
  review_count: number;
  source_file: string | null;
  content: string;
}

const planCount = sql<number>`(SELECT COUNT(*) FROM plan p WHERE p.campaign_id = c.id AND p.deleted_at IS NULL)`.as('plan_count');

export async function listCampaigns(db: Kysely<DB>, opts: { year: number | null }): Promise<CampaignRow[]> {
  let q = db.selectFrom('campaign as c').selectAll('c').select(planCount).where('c.deleted_at', 'is', null);
  if (opts.year !== null) q = q.where('c.year_from', '<=', opts.year).where('c.year_to', '>=', opts.year);
  return q.orderBy('c.year_from', 'desc').execute();
}

/** The folded search text of every live reference of campaigns or of plans, by owner. */
export async function referenceKeys(db: Kysely<DB>, ownerType: 'campaign' | 'plan'): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('doc_reference')
    .select(['owner_id', 'search_key'])
    .where('owner_type', '=', ownerType)
    .where('deleted_at', 'is', null)
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.owner_id);
    if (list) list.push(r.search_key);
    else out.set(r.owner_id, [r.search_key]);
  }
  return out;
}

export async function getCampaign(db: Kysely<DB>, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaign as c').selectAll('c').select(planCount).where('c.id', '=', id).where('c.deleted_at', 'is', null).executeTakeFirst();
}

export async function insertCampaign(db: Kysely<DB>, originOfficeId: string, c: CampaignColumns): Promise<string> {
  const now = nowIso();
  const id = newId();
  await db.insertInto('campaign').values({ id, origin_office_id: originOfficeId, created_at: now, updated_at: now, deleted_at: null, ...c }).execute();
  return id;
}

export async function updateCampaign(db: Kysely<DB>, id: string, c: CampaignColumns): Promise<void> {
  await db.updateTable('campaign').set({ ...c, updated_at: nowIso() }).where('id', '=', id).execute();
}

export async function softDelete(db: Kysely<DB>, table: 'campaign' | 'plan', id: string): Promise<boolean> {
  const now = nowIso();
  const r = await db.updateTable(table).set({ deleted_at: now, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listReferences(db: Kysely<DB>, ownerType: 'campaign' | 'plan', ownerId: string): Promise<DocReferenceRow[]> {
  return db
    .selectFrom('doc_reference')
    .selectAll()
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface ReferenceColumns {
  number: string;
  kind: string | null;
  doc_date: string | null;
  issuer: string | null;
  title: string;
  search_key: string;
}

/** Replace an owner's references (old ones are soft-deleted so the change travels in bundles). */
export async function replaceReferences(
  db: Kysely<DB>,
  originOfficeId: string,
  ownerType: 'campaign' | 'plan',
  ownerId: string,
  refs: ReferenceColumns[],
): Promise<void> {
  const now = nowIso();
  await db
    .updateTable('doc_reference')
    .set({ deleted_at: now, updated_at: now })
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .execute();
  for (const r of refs) {
    await db
      .insertInto('doc_reference')
      .values({ id: newId(), origin_office_id: originOfficeId, created_at: now, updated_at: now, deleted_at: null, owner_type: ownerType, owner_id: ownerId, ...r })
      .execute();
  }
}

export async function listPlans(db: Kysely<DB>, opts: { campaignId: string | null }): Promise<PlanRow[]> {
  let q = db.selectFrom('plan').selectAll().where('deleted_at', 'is', null);
  if (opts.campaignId) q = q.where('campaign_id', '=', opts.campaignId);
  return q.orderBy('updated_at', 'desc').execute();
}

export async function getPlan(db: Kysely<DB>, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plan').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertPlan(db: Kysely<DB>, id: string, originOfficeId: string, p: PlanColumns): Promise<void> {
  const now = nowIso();
  await db.insertInto('plan').values({ id, origin_office_id: originOfficeId, created_at: now, updated_at: now, deleted_at: null, ...p }).execute();
}

export async function updatePlan(db: Kysely<DB>, id: string, p: Partial<PlanColumns>): Promise<void> {
  await db.updateTable('plan').set({ ...p, updated_at: nowIso() }).where('id', '=', id).execute();
}
