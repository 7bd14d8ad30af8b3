// The merge engine: compare a verified bundle with this database (preview), then write
// it all-or-nothing (apply). Conflicts — both sides changed since the last exchange —
// are never written without the user's choice.
//
// Per record we know: the local row L, the incoming row I, `lr` = the updated_at of this
// record last received here (exchange_record_state), and `base` = the updated_at the
// sender had last received (carried in the bundle). Then:
//   no L                               → new (a tombstone of an unknown record is stored silently)
//   same content                       → same
//   I.updated_at <= lr                 → same (this version, or a newer one, already arrived)
//   L.updated_at is lr or base         → changed / deleted (only the sender edited)
//   otherwise                          → conflict (both edited)
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { ConflictChoice, MergeConflict, MergeGroup, MergeStatus, MergeTotals } from '../../../shared/contract/exchange';
import { newId } from '../../../db/ids';
import { findAppliedBundle, insertExchangeHistory, receivedVersions, recordStateUpserter } from '../../../db/repositories/exchange';
import { beginImportActor, endImportActor } from '../../../db/repositories/audit';
import { importActorName } from '../audit';
import { sameContent, storedColumns, type EntityKind, type Row } from './entity';
import { entityKinds, entityKind } from './registry';
import type { IncomingRecord, ReadHooks, VerifiedBundle } from './reader';

export interface PlanItem {
  kind: EntityKind;
  /** `${entity}:${id}` */
  key: string;
  incoming: IncomingRecord;
  local: Row | null;
  status: MergeStatus;
  /** write the incoming row (a conflict is written only when the user takes it) */
  write: boolean;
  /** remember incoming.updated_at as received */
  remember: boolean;
}

export interface MergePlan {
  bundle: VerifiedBundle;
  /** every applicable incoming record, kinds in write order, tree parents first */
  items: PlanItem[];
  totals: MergeTotals;
  groups: MergeGroup[];
  conflicts: MergeConflict[];
}

export function classify(
  kind: EntityKind,
  local: Row | null,
  inc: IncomingRecord,
  lastReceived: string | null,
): Pick<PlanItem, 'status' | 'write' | 'remember'> {
  const I = inc.row;
  if (kind.appendOnly) return local ? { status: 'same', write: false, remember: false } : { status: 'new', write: true, remember: false };
  if (!local) return { status: I.deleted_at ? 'same' : 'new', write: true, remember: true };
  const iu = I.updated_at as string;
  const lu = local.updated_at as string;
  if (sameContent(kind, local, I)) return { status: 'same', write: false, remember: lu === iu && lastReceived !== iu };
  if (lastReceived !== null && iu <= lastReceived) return { status: 'same', write: false, remember: false };
  const localUnchanged = lu === lastReceived || (inc.base !== null && lu === inc.base);
  if (localUnchanged) return { status: I.deleted_at && !local.deleted_at ? 'deleted' : 'changed', write: true, remember: true };
  return { status: 'conflict', write: false, remember: true };
}

function loadRows(sqlite: BetterSqlite3.Database, table: string, ids: string[]): Map<string, Row> {
  const out = new Map<string, Row>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = sqlite.prepare(`SELECT * FROM "${table}" WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as Row[];
    for (const r of rows) out.set(r.id as string, r);
  }
  return out;
}

const emptyTotals = (): MergeTotals => ({ new: 0, changed: 0, same: 0, conflict: 0, deleted: 0 });

export async function planMerge(sqlite: BetterSqlite3.Database, bundle: VerifiedBundle, selfOfficeId: string, hooks: ReadHooks = {}): Promise<MergePlan> {
  const items: PlanItem[] = [];
  const kinds = entityKinds();
  const totalRecords = kinds.reduce((s, k) => s + bundle.records.get(k.name)!.length, 0);
  let done = 0;
  for (const kind of kinds) {
    const list = bundle.records.get(kind.name)!.filter((r) => !kind.ignoreIncoming?.(r.row, selfOfficeId));
    const ids = list.map((r) => r.row.id as string);
    const locals = loadRows(sqlite, kind.table, ids);
    const received = receivedVersions(sqlite, kind.name, ids);
    const kindItems: PlanItem[] = [];
    for (const inc of list) {
      const id = inc.row.id as string;
      const local = locals.get(id) ?? null;
      kindItems.push({ kind, key: `${kind.name}:${id}`, incoming: inc, local, ...classify(kind, local, inc, received.get(id) ?? null) });
    }
    // a loop, not push(...spread): hundreds of thousands of records would overflow the call stack
    for (const item of kind.parentColumn ? parentsFirst(kind, kindItems) : kindItems) items.push(item);
    done += bundle.records.get(kind.name)!.length;
    hooks.progress?.('compare', done, totalRecords);
    await hooks.tick?.();
  }
  checkReferences(sqlite, items);

  const titles = new TitleLookup(sqlite, bundle);
  const officeName = (id: string) => titles.title('office', id) || (id === bundle.manifest.originOfficeId ? bundle.manifest.originOfficeName : id);
  const totals = emptyTotals();
  const groups = new Map<string, MergeGroup>();
  const conflicts: MergeConflict[] = [];
  for (const it of items) {
    const origin = it.incoming.row.origin_office_id as string;
    const gk = `${it.kind.name}\u0000${origin}`;
    let g = groups.get(gk);
    if (!g) {
      g = { entity: it.kind.name, entityLabel: it.kind.label, originOfficeId: origin, originOfficeName: officeName(origin), ...emptyTotals() };
      groups.set(gk, g);
    }
    g[it.status]++;
    totals[it.status]++;
    if (it.status === 'conflict') conflicts.push(describeConflict(it, titles, officeName(origin)));
  }
  return { bundle, items, totals, groups: [...groups.values()], conflicts };
}

/** Order a tree's rows so a parent is written before its children; refuse cycles. */
function parentsFirst(kind: EntityKind, list: PlanItem[]): PlanItem[] {
  const col = kind.parentColumn!;
  const byId = new Map(list.map((i) => [i.incoming.row.id as string, i]));
  const out: PlanItem[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (it: PlanItem) => {
    const id = it.incoming.row.id as string;
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) throw new AppError('FILE_INVALID', `Gói dữ liệu có ${kind.label.toLowerCase()} "${kind.describe(it.incoming.row)}" nằm trong một vòng lặp cấp trên – cấp dưới. Hãy kiểm tra lại dữ liệu ở cơ quan gửi rồi xuất lại gói.`);
    state.set(id, 1);
    const parent = it.incoming.row[col];
    const p = typeof parent === 'string' ? byId.get(parent) : undefined;
    if (p) visit(p);
    state.set(id, 2);
    out.push(it);
  };
  for (const it of list) visit(it);
  return out;
}

/** Every reference of a record that may be written must resolve locally or in the bundle. */
function checkReferences(sqlite: BetterSqlite3.Database, items: PlanItem[]) {
  const inBundle = new Map<string, Set<string>>();
  for (const it of items) {
    let s = inBundle.get(it.kind.name);
    if (!s) inBundle.set(it.kind.name, (s = new Set()));
    s.add(it.incoming.row.id as string);
  }
  const missing = new Map<string, { kind: EntityKind; target: EntityKind; item: PlanItem; id: string }>();
  for (const it of items) {
    if (!it.write && it.status !== 'conflict') continue;
    for (const [col, targetName] of Object.entries(it.kind.references ?? {})) {
      const v = it.incoming.row[col];
      if (typeof v !== 'string' || inBundle.get(targetName)?.has(v)) continue;
      const mk = `${targetName}:${v}`;
      if (!missing.has(mk)) missing.set(mk, { kind: it.kind, target: entityKind(targetName)!, item: it, id: v });
    }
  }
  if (missing.size === 0) return;
  const byTarget = new Map<EntityKind, string[]>();
  for (const m of missing.values()) byTarget.set(m.target, [...(byTarget.get(m.target) ?? []), m.id]);
  for (const [target, ids] of byTarget) {
    const found = loadRows(sqlite, target.table, ids);
    for (const id of ids) {
      if (found.has(id)) continue;
      const m = missing.get(`${target.name}:${id}`)!;
      throw new AppError(
        'FILE_INVALID',
        `Gói dữ liệu thiếu ${target.label.toLowerCase()} (mã ${id}) mà ${m.kind.label.toLowerCase()} "${m.kind.describe(m.item.incoming.row)}" tham chiếu tới, và máy này cũng chưa có. Hãy xuất lại gói đầy đủ từ cơ quan gửi.`,
      );
    }
  }
}

/** Titles of referenced records: from the bundle first, then from this database. */
class TitleLookup {
  private cache = new Map<string, string>();
  private index = new Map<string, Map<string, Row>>();
  constructor(
    private sqlite: BetterSqlite3.Database,
    private bundle: VerifiedBundle,
  ) {}
  title(entity: string, id: string): string {
    const ck = `${entity}:${id}`;
    const hit = this.cache.get(ck);
    if (hit !== undefined) return hit;
    const kind = entityKind(entity);
    let t = '';
    if (kind) {
      let idx = this.index.get(entity);
      if (!idx) this.index.set(entity, (idx = new Map((this.bundle.records.get(entity) ?? []).map((r) => [r.row.id as string, r.row]))));
      const row = idx.get(id) ?? (this.sqlite.prepare(`SELECT * FROM "${kind.table}" WHERE id = ?`).get(id) as Row | undefined);
      if (row) t = kind.describe(row);
    }
    this.cache.set(ck, t);
    return t;
  }
}

function describeConflict(it: PlanItem, titles: TitleLookup, originName: string): MergeConflict {
  const L = it.local!;
  const I = it.incoming.row;
  const show = (f: EntityKind['keyFields'][number], v: unknown): string => {
    if (v == null || v === '') return '';
    if (f.ref && typeof v === 'string') return titles.title(f.ref, v) || String(v);
    return f.format ? f.format(v) : String(v);
  };
  const fields = it.kind.keyFields.map((f) => ({
    column: f.column,
    label: f.label,
    local: show(f, L[f.column]),
    incoming: show(f, I[f.column]),
    differs: (L[f.column] ?? null) !== (I[f.column] ?? null),
  }));
  const otherDiffers = it.kind.columns.filter((c) => !it.kind.keyFields.some((f) => f.column === c) && (L[c] ?? null) !== (I[c] ?? null));
  if (otherDiffers.length) fields.push({ column: '*', label: 'Thông tin khác', local: '', incoming: `khác nhau ở ${otherDiffers.length} trường`, differs: true });
  if (!!L.deleted_at !== !!I.deleted_at) {
    fields.push({ column: 'deleted_at', label: 'Tình trạng', local: L.deleted_at ? 'Đã xóa' : 'Còn dùng', incoming: I.deleted_at ? 'Đã xóa' : 'Còn dùng', differs: true });
  }
  return {
    key: it.key,
    entity: it.kind.name,
    entityLabel: it.kind.label,
    id: I.id as string,
    originOfficeId: I.origin_office_id as string,
    originOfficeName: originName,
    title: it.kind.describe(I) || it.kind.describe(L),
    localUpdatedAt: L.updated_at as string,
    incomingUpdatedAt: I.updated_at as string,
    localDeleted: !!L.deleted_at,
    incomingDeleted: !!I.deleted_at,
    fields,
  };
}

export interface ApplyMeta {
  fileName: string;
  appliedAt: string;
}

export interface ApplyOutcome {
  alreadyApplied: boolean;
  written: number;
  keptLocal: number;
  tookIncoming: number;
}

/** Conflicts the choices leave open (apply refuses while any remain). */
export function unresolvedConflicts(plan: MergePlan, choices: Map<string, ConflictChoice>): MergeConflict[] {
  return plan.conflicts.filter((c) => !choices.has(c.key));
}

/** Items whose incoming row will be written under these choices. */
export function rowsToWrite(plan: MergePlan, choices: Map<string, ConflictChoice>): PlanItem[] {
  return plan.items.filter((it) => it.write || (it.status === 'conflict' && choices.get(it.key) === 'incoming'));
}

/**
 * Write the plan in one SQLite transaction: rows in kind order (parents first), the
 * received versions, the history row. Synchronous — better-sqlite3's fastest path, and
 * nothing else can interleave.
 */
export function applyPlan(sqlite: BetterSqlite3.Database, plan: MergePlan, choices: Map<string, ConflictChoice>, meta: ApplyMeta): ApplyOutcome {
  const open = unresolvedConflicts(plan, choices);
  if (open.length > 0) {
    const list = open.slice(0, 10).map((c) => `- ${c.entityLabel}: ${c.title}`).join('\n');
    throw new AppError(
      'CONFLICT',
      `Còn ${open.length} xung đột chưa chọn cách xử lý (bản ghi bị sửa ở cả máy này và cơ quan gửi). Chưa ghi gì. Hãy chọn "giữ bản ở máy này" hoặc "lấy bản trong gói" cho từng xung đột:\n${list}${open.length > 10 ? '\n…' : ''}`,
      open.map((c) => ({ key: c.key, title: c.title, entity: c.entity })),
    );
  }
  const m = plan.bundle.manifest;
  const writes = rowsToWrite(plan, choices);
  const run = sqlite.transaction((): ApplyOutcome => {
    // a second apply of the same bundle (even racing another window) changes nothing
    if (findAppliedBundle(sqlite, m.bundleId)) return { alreadyApplied: true, written: 0, keptLocal: 0, tookIncoming: 0 };
    // the audit triggers log the writes below as "Nhập gói dữ liệu từ <office>", not as the local user's edits
    beginImportActor(sqlite, importActorName(m.originOfficeName));
    for (const kind of entityKinds()) {
      const mine = writes.filter((w) => w.kind === kind);
      if (mine.length === 0) continue;
      // the plan was made before the transaction: a row edited meanwhile must not be overwritten
      const current = sqlite.prepare(`SELECT updated_at FROM "${kind.table}" WHERE id = ?`);
      for (const w of mine) {
        const now = current.get(w.incoming.row.id) as { updated_at: string } | undefined;
        if ((now?.updated_at ?? null) !== ((w.local?.updated_at as string | undefined) ?? null)) {
          throw new AppError('CONFLICT', `Dữ liệu trên máy này vừa thay đổi trong lúc nhập gói (${kind.label.toLowerCase()} "${kind.describe(w.incoming.row)}"). Chưa ghi gì — hãy mở lại gói để xem trước rồi nhập lại.`);
        }
      }
      kind.beforeWrite?.(sqlite, mine.map((w) => w.incoming.row));
      const cols = storedColumns(kind);
      const stmt = sqlite.prepare(
        `INSERT INTO "${kind.table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${cols
           .filter((c) => c !== 'id')
           .map((c) => `"${c}" = excluded."${c}"`)
           .join(', ')}`,
      );
      for (const w of mine) {
        const row = w.incoming.row;
        const params: Row = {};
        for (const c of cols) params[c] = kind.derived?.[c] ? kind.derived[c]!(row) : (row[c] ?? null);
        stmt.run(params);
      }
    }
    endImportActor(sqlite);
    const remember = recordStateUpserter(sqlite);
    for (const it of plan.items) if (it.remember) remember(it.kind.name, it.incoming.row.id as string, it.incoming.row.updated_at as string, m.originOfficeId, m.bundleId);
    insertExchangeHistory(sqlite, {
      id: newId(),
      bundle_id: m.bundleId,
      direction: 'in',
      kind: m.kind,
      origin_office_id: m.originOfficeId,
      origin_office_name: m.originOfficeName,
      target_office_id: m.targetOfficeId ?? null,
      file_name: meta.fileName,
      counts_json: JSON.stringify({ records: m.counts, result: plan.totals }),
      created_at: m.createdAt,
      applied_at: meta.appliedAt,
      status: 'applied',
    });
    let keptLocal = 0;
    let tookIncoming = 0;
    for (const c of plan.conflicts) if (choices.get(c.key) === 'incoming') tookIncoming++;
    else keptLocal++;
    return { alreadyApplied: false, written: writes.length, keptLocal, tookIncoming };
  });
  return run.immediate();
}
