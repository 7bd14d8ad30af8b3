// Quick search: one query asked of each list by that list's own procedure, so a kind is found
// here exactly as on its screen (people by the staff index, a plan by its number or a document
// it cites, a dossier by a nominee's name …); the first few hits of each kind and their total.
import type { SearchGroup, SearchHit, SearchKind } from '../../shared/contract/search';
import { STATUS_LABELS } from '../../shared/staff/labels';
import { TASK_STATUS_LABELS } from '../../shared/tasks/labels';
import { foldQuery, foldVi, formatDateVi, matchesQuery } from '../../shared/text/vn';
import { buildUnitTree, flattenUnitTree, officeUnitLabels, parentPath, spansOffices, subtreeTotals, unitMatches, unitOwnKey } from '../../shared/units/tree';
import type BetterSqlite3 from 'better-sqlite3';
import type { AwardDecisionSummary } from '../../shared/contract/records';
import type { Task } from '../../shared/contract/tasks';
import type { Unit } from '../../shared/contract/units';
import { officeNameOf } from '../../db/repositories/exchange';
import { writesToken } from '../../db/repositories/staff';
import type { CoreContext } from '../core/context';
import { decisionSearchText } from '../services/records/decisions';
import { dossiersHandlers } from './dossiers';
import { plansHandlers } from './plans';
import { recordsHandlers } from './records';
import { staffHandlers } from './staff';
import { taskSearchText, tasksHandlers } from './tasks';
import type { HandlerMap } from './types';
import { unitsHandlers } from './units';

const join = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' · ');

const hit = (kind: SearchKind, id: string, title: string, detail: string, at: Partial<Pick<SearchHit, 'year' | 'quarter' | 'unitId' | 'received'>> = {}): SearchHit => ({
  kind,
  id,
  title,
  detail,
  year: at.year ?? null,
  quarter: at.quarter ?? null,
  unitId: at.unitId ?? null,
  received: at.received ?? false,
});

/**
 * The lists a search filters in memory — units with their counts, two years of tasks, every
 * decision: ≈150 ms to read at province scale, and a query typed key by key asks again and
 * again — kept while nothing is written (by this connection: total_changes; by another:
 * data_version) and the day is the same (a task's status reads it).
 */
interface KeptLists {
  key: string;
  /** each unit's on-screen label (a shared name with its parent) */
  labels: ReadonlyMap<string, string>;
  /** in the tree's order, with what the units screen's search reads of each */
  unitRows: Array<{ unit: Unit; parents: string; office: string; own: string; parentsKey: string; total: number }>;
  /** each with the text its list searches, folded once */
  tasks: Array<{ task: Task; text: string }>;
  decisions: Array<{ decision: AwardDecisionSummary; text: string }>;
}
const keptLists = new WeakMap<BetterSqlite3.Database, KeptLists>();

async function listsOf(ctx: CoreContext, years: readonly number[]): Promise<KeptLists> {
  const sqlite = ctx.conn.sqlite;
  const key = `${writesToken(sqlite)}.${ctx.today()}`;
  const kept = keptLists.get(sqlite);
  if (kept?.key === key) return kept;
  const tasks: KeptLists['tasks'] = [];
  for (const year of years) {
    const { rows } = await tasksHandlers['tasks.list']({ year, quarter: null, unitId: null, unitRole: 'any', status: 'all', search: '', planId: null }, ctx);
    for (const task of rows) tasks.push({ task, text: taskSearchText(task) });
  }
  const units = await unitsHandlers['units.list']({ includeInactive: true }, ctx);
  const byId = new Map(units.map((u) => [u.id, u]));
  const tree = buildUnitTree(units);
  const totals = subtreeTotals(tree);
  const decisions = await recordsHandlers['records.listDecisions']({ year: null, search: '' }, ctx);
  // at the province, units of several offices: a label two offices share names its office, and
  // each unit found says whose it is
  const multiOffice = spansOffices(units);
  const officeName = officeNameOf(sqlite);
  const lists: KeptLists = {
    key,
    labels: officeUnitLabels(units, officeName),
    unitRows: flattenUnitTree(tree).map(({ unit }) => {
      const parents = parentPath(byId, unit.id);
      return { unit, parents, office: multiOffice ? officeName(unit.officeId) : '', own: unitOwnKey(unit), parentsKey: foldVi(parents), total: totals.get(unit.id)! };
    }),
    tasks,
    decisions: decisions.map((decision) => ({ decision, text: decisionSearchText(decision) })),
  };
  keptLists.set(sqlite, lists);
  return lists;
}

async function searchAll(query: string, limit: number, ctx: CoreContext): Promise<SearchGroup[]> {
  const q = foldQuery(query);
  if (q.words.length === 0) return [];
  const groups: SearchGroup[] = [];
  const add = (kind: SearchKind, all: SearchHit[], total = all.length) => {
    if (total > 0) groups.push({ kind, total, hits: all.slice(0, limit) });
  };
  // tasks: this year's and last year's (a report of the last quarter is still asked for in January)
  const thisYear = Number(ctx.today().slice(0, 4));
  const lists = await listsOf(ctx, [thisYear, thisYear - 1]);

  const { labels } = lists;

  // people: everyone, retired too (their records stay), as the staff screen's search finds them
  const staff = await staffHandlers['staff.list']({ search: query, unitId: null, includeSubunits: true, status: 'all', officeId: null, offset: 0, limit }, ctx);
  add(
    'staff',
    staff.rows.map((s) =>
      hit('staff', s.id, s.fullName, join(s.unitId ? labels.get(s.unitId) : '', s.position, s.birthDate && `sinh ${formatDateVi(s.birthDate)}`, s.status !== 'dang_cong_tac' && STATUS_LABELS[s.status]), {
        unitId: s.unitId,
      }),
    ),
    staff.total,
  );

  // units in the tree's order, by the units screen's rule (words may name a parent)
  add(
    'unit',
    lists.unitRows
      .filter((r) => unitMatches(r.own, r.parentsKey, q))
      .map(({ unit: u, parents, office, total }) =>
        hit('unit', u.id, u.name, join(office, parents, `${total.toLocaleString('vi-VN')} người`, !u.active && 'ngừng hoạt động'), { unitId: u.id }),
      ),
  );

  const campaigns = await plansHandlers['campaigns.list']({ search: query, year: null }, ctx);
  add(
    'campaign',
    campaigns.map((c) => hit('campaign', c.id, c.name, join(c.yearFrom === c.yearTo ? `năm ${c.yearFrom}` : `${c.yearFrom}–${c.yearTo}`, c.planCount > 0 && `${c.planCount} kế hoạch`))),
  );

  const plans = await plansHandlers['plans.list']({ campaignId: null, search: query }, ctx);
  add('plan', plans.map((p) => hit('plan', p.id, p.title, join(p.numberLine || 'chưa có số', p.year !== null && `năm ${p.year}`, p.status === 'da_ban_hanh' ? 'đã ban hành' : 'dự thảo'), { year: p.year })));

  const taskHits: SearchHit[] = [];
  for (const { task: t, text } of lists.tasks) {
    if (!matchesQuery(text, q)) continue;
    const lead = t.lead.map((r) => (r.unitId && labels.get(r.unitId)) || r.name).join('; ');
    taskHits.push(hit('task', t.id, t.title, join(`hạn ${formatDateVi(t.effectiveDue)}`, `quý ${t.effectiveQuarter}/${t.year}`, TASK_STATUS_LABELS[t.displayStatus], lead), { year: t.year, quarter: t.effectiveQuarter }));
  }
  add('task', taskHits);

  const decisionHits: SearchHit[] = [];
  for (const { decision: d, text } of lists.decisions) {
    if (!matchesQuery(text, q)) continue;
    const detail = join(d.decisionDate && formatDateVi(d.decisionDate), `năm ${d.year}`, d.issuer, `${d.recipientCount.toLocaleString('vi-VN')} người, tập thể`);
    decisionHits.push(hit('decision', d.id, join(d.number || 'Quyết định chưa có số', d.formLabel), detail, { year: d.year }));
  }
  add('decision', decisionHits);

  const dossierHits: SearchHit[] = [];
  for (const scope of ['own', 'received'] as const) {
    for (const d of await dossiersHandlers['dossiers.list']({ scope, year: null, search: query }, ctx)) {
      const found = d.matchedNominees.length > 0 ? `có ${d.matchedNominees.join(', ')}${d.moreMatchedNominees > 0 ? ` và ${d.moreMatchedNominees} người khác` : ''}` : '';
      dossierHits.push(hit('dossier', d.id, d.title, join(scope === 'received' && d.originOfficeName, `năm ${d.year}`, `${d.nomineeCount} đề nghị`, found), { year: d.year, received: scope === 'received' }));
    }
  }
  add('dossier', dossierHits);
  return groups;
}

export const searchHandlers: HandlerMap<'search.all'> = {
  'search.all': async ({ query, limit }, ctx) => ({ query, groups: await searchAll(query, limit, ctx), today: ctx.today() }),
};
