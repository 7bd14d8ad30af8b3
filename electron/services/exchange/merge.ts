// The merge engine: compare a bundle with this database as its parts are verified (preview),
// then write it all-or-nothing (apply), reading the parts again inside the transaction. The
// plan keeps a number per record, never the rows: a province's full bundle carries a million.
// Conflicts — both sides changed since the last exchange — are never written without the
// user's choice.
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
import { scanBundle, type IncomingRecord, type ReadHooks, type ReadOptions, type ScannedBundle } from './reader';
import type { ByteSource } from './zip-read';

const STATUSES: readonly MergeStatus[] = ['new', 'changed', 'same', 'conflict', 'deleted'];
/** the low bits of a record's number: its status's index in STATUSES */
const STATUS = 7;
const WRITE = 8;
const REMEMBER = 16;
const CONFLICT = STATUSES.indexOf('conflict');

/**
 * What the plan keeps of one kind. No rows: a province's bundle carries a million records, so
 * the plan keeps a number per record that writes, is remembered or conflicts, and the apply
 * reads the rows again from the bundle.
 */
export interface KindPlan {
  kind: EntityKind;
  /** record id → its status's index in STATUSES | WRITE | REMEMBER */
  flags: Map<string, number>;
  /** record id → the local row's updated_at, for records written or in conflict over a local row */
  localUpdated: Map<string, string>;
  /** a tree's ids, parents first */
  order: string[] | null;
  /** record id → the carried files it needs (records that write or conflict) */
  files: Map<string, string[]>;
}

export interface MergePlan {
  bundle: ScannedBundle;
  /** every kind, in write order */
  kinds: KindPlan[];
  /** applicable incoming records */
  records: number;
  totals: MergeTotals;
  groups: MergeGroup[];
  conflicts: MergeConflict[];
  /** the incoming rows to be written of the kinds asked for (`keepWrites`) */
  writes: Map<string, Row[]>;
}

export interface PlanOptions extends ReadOptions {
  /** kinds whose rows to be written the caller reads (the preview's notes) */
  keepWrites?: readonly string[];
}

export function classify(
  kind: EntityKind,
  local: Row | null,
  inc: IncomingRecord,
  lastReceived: string | null,
): { status: MergeStatus; write: boolean; remember: boolean } {
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

/** Whether a record is written under these choices (a conflict only when its incoming side is taken). */
export function writesUnder(kp: KindPlan, id: string, choices: Map<string, ConflictChoice>): boolean {
  const f = kp.flags.get(id);
  if (f === undefined) return false;
  return (f & WRITE) !== 0 || ((f & STATUS) === CONFLICT && choices.get(`${kp.kind.name}:${id}`) === 'incoming');
}

/** A reference a record to be written makes, with what the error would name. */
interface PendingRef {
  kind: EntityKind;
  target: EntityKind;
  id: string;
  title: string;
}

/**
 * Verify the bundle and compare it with this database as its parts pass (the reader's
 * visitor), keeping per record only what the apply and the preview need.
 */
export async function planMerge(sqlite: BetterSqlite3.Database, src: ByteSource, opts: PlanOptions): Promise<MergePlan> {
  const hooks = opts.hooks ?? {};
  const kinds = new Map<EntityKind, KindPlan>(
    entityKinds().map((kind) => [kind, { kind, flags: new Map(), localUpdated: new Map(), order: null, files: new Map() }]),
  );
  // titles of the kinds conflicts name (from the bundle first), ids of the kinds referenced
  const titleKinds = new Set(['office', ...entityKinds().flatMap((k) => k.keyFields.flatMap((f) => (f.ref ? [f.ref] : [])))]);
  const titles = new Map<string, Map<string, string>>([...titleKinds].map((n) => [n, new Map()]));
  const targetKinds = new Set(entityKinds().flatMap((k) => Object.values(k.references ?? {})));
  const inBundle = new Map<string, Set<string>>([...targetKinds].map((n) => [n, new Set()]));
  const pending = new Map<string, PendingRef>();
  const trees = new Map<EntityKind, IncomingRecord[]>();
  const conflictRows: Array<{ kind: EntityKind; incoming: IncomingRecord; local: Row }> = [];
  const keep = new Set(opts.keepWrites ?? []);
  const writes = new Map<string, Row[]>([...keep].map((n) => [n, []]));
  const totals = emptyTotals();
  const groups = new Map<string, { kind: EntityKind; origin: string; counts: MergeTotals }>();
  let records = 0;

  const visit = (kind: EntityKind, list: IncomingRecord[]) => {
    const kp = kinds.get(kind)!;
    const named = titles.get(kind.name);
    // a record applied or not (this office's own profile) names itself as the bundle has it
    if (named) for (const r of list) named.set(r.row.id as string, kind.describe(r.row));
    const applicable = kind.ignoreIncoming ? list.filter((r) => !kind.ignoreIncoming!(r.row, opts.selfOfficeId)) : list;
    const ids = applicable.map((r) => r.row.id as string);
    const locals = loadRows(sqlite, kind.table, ids);
    const received = receivedVersions(sqlite, kind.name, ids);
    const targeted = inBundle.get(kind.name);
    for (const inc of applicable) {
      const row = inc.row;
      const id = row.id as string;
      const local = locals.get(id) ?? null;
      const c = classify(kind, local, inc, received.get(id) ?? null);
      records++;
      totals[c.status]++;
      const origin = row.origin_office_id as string;
      const gk = `${kind.name}\u0000${origin}`;
      let g = groups.get(gk);
      if (!g) groups.set(gk, (g = { kind, origin, counts: emptyTotals() }));
      g.counts[c.status]++;
      targeted?.add(id);
      if (kind.parentColumn) {
        let t = trees.get(kind);
        if (!t) trees.set(kind, (t = []));
        t.push(inc);
      }
      const conflict = c.status === 'conflict';
      if (!c.write && !c.remember && !conflict) continue;
      kp.flags.set(id, STATUSES.indexOf(c.status) | (c.write ? WRITE : 0) | (c.remember ? REMEMBER : 0));
      if (!c.write && !conflict) continue;
      if (local) kp.localUpdated.set(id, local.updated_at as string);
      if (kind.files) {
        const paths = kind.files.expected([row]);
        if (paths.length) kp.files.set(id, paths);
      }
      for (const [col, targetName] of Object.entries(kind.references ?? {})) {
        const v = row[col];
        if (typeof v !== 'string') continue;
        const mk = `${targetName}:${v}`;
        if (!pending.has(mk)) pending.set(mk, { kind, target: entityKind(targetName)!, id: v, title: kind.describe(row) });
      }
      if (conflict) conflictRows.push({ kind, incoming: inc, local: local! });
      else if (keep.has(kind.name)) writes.get(kind.name)!.push(row);
    }
  };
  // each part is checked and compared in one pass: its bytes are the progress of both
  const scanHooks: ReadHooks = { ...hooks, progress: (phase, done, total) => hooks.progress?.(phase === 'verify' ? 'compare' : phase, done, total) };
  const bundle = await scanBundle(src, { ...opts, hooks: scanHooks }, visit);

  for (const [kind, list] of trees) kinds.get(kind)!.order = parentsFirst(kind, list);
  checkReferences(sqlite, pending, inBundle);

  const lookup = new TitleLookup(sqlite, titles);
  const officeName = (id: string) => lookup.title('office', id) || (id === bundle.manifest.originOfficeId ? bundle.manifest.originOfficeName : id);
  const conflicts = conflictRows.map((c) => describeConflict(c.kind, c.incoming.row, c.local, lookup, officeName(c.incoming.row.origin_office_id as string)));
  return {
    bundle,
    kinds: [...kinds.values()],
    records,
    totals,
    groups: [...groups.values()].map((g) => ({
      entity: g.kind.name,
      entityLabel: g.kind.label,
      originOfficeId: g.origin,
      originOfficeName: officeName(g.origin),
      ...g.counts,
    })),
    conflicts,
    writes,
  };
}

/** A tree's ids ordered so a parent is written before its children; refuse cycles. */
function parentsFirst(kind: EntityKind, list: IncomingRecord[]): string[] {
  const col = kind.parentColumn!;
  const byId = new Map(list.map((r) => [r.row.id as string, r]));
  const out: string[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (r: IncomingRecord) => {
    const id = r.row.id as string;
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) throw new AppError('FILE_INVALID', `Gói dữ liệu có ${kind.label.toLowerCase()} "${kind.describe(r.row)}" nằm trong một vòng lặp cấp trên – cấp dưới. Hãy kiểm tra lại dữ liệu ở cơ quan gửi rồi xuất lại gói.`);
    state.set(id, 1);
    const parent = r.row[col];
    const p = typeof parent === 'string' ? byId.get(parent) : undefined;
    if (p) visit(p);
    state.set(id, 2);
    out.push(id);
  };
  for (const r of list) visit(r);
  return out;
}

/** Every reference of a record that may be written must resolve in the bundle or locally. */
function checkReferences(sqlite: BetterSqlite3.Database, pending: Map<string, PendingRef>, inBundle: Map<string, Set<string>>) {
  const byTarget = new Map<EntityKind, PendingRef[]>();
  for (const m of pending.values()) {
    if (inBundle.get(m.target.name)?.has(m.id)) continue;
    let refs = byTarget.get(m.target);
    if (!refs) byTarget.set(m.target, (refs = []));
    refs.push(m);
  }
  for (const [target, refs] of byTarget) {
    const found = loadRows(sqlite, target.table, refs.map((m) => m.id));
    for (const m of refs) {
      if (found.has(m.id)) continue;
      throw new AppError(
        'FILE_INVALID',
        `Gói dữ liệu thiếu ${target.label.toLowerCase()} (mã ${m.id}) mà ${m.kind.label.toLowerCase()} "${m.title}" tham chiếu tới, và máy này cũng chưa có. Hãy xuất lại gói đầy đủ từ cơ quan gửi.`,
      );
    }
  }
}

/** Titles of referenced records: from the bundle first, then from this database. */
class TitleLookup {
  private cache = new Map<string, string>();
  constructor(
    private sqlite: BetterSqlite3.Database,
    private inBundle: Map<string, Map<string, string>>,
  ) {}
  title(entity: string, id: string): string {
    const carried = this.inBundle.get(entity)?.get(id);
    if (carried !== undefined) return carried;
    const ck = `${entity}:${id}`;
    const hit = this.cache.get(ck);
    if (hit !== undefined) return hit;
    const kind = entityKind(entity);
    let t = '';
    if (kind) {
      const row = this.sqlite.prepare(`SELECT * FROM "${kind.table}" WHERE id = ?`).get(id) as Row | undefined;
      if (row) t = kind.describe(row);
    }
    this.cache.set(ck, t);
    return t;
  }
}

function describeConflict(kind: EntityKind, I: Row, L: Row, titles: TitleLookup, originName: string): MergeConflict {
  const show = (f: EntityKind['keyFields'][number], v: unknown): string => {
    if (v == null || v === '') return '';
    if (f.ref && typeof v === 'string') return titles.title(f.ref, v) || String(v);
    return f.format ? f.format(v) : String(v);
  };
  const fields = kind.keyFields.map((f) => ({
    column: f.column,
    label: f.label,
    local: show(f, L[f.column]),
    incoming: show(f, I[f.column]),
    differs: (L[f.column] ?? null) !== (I[f.column] ?? null),
  }));
  const otherDiffers = kind.columns.filter((c) => !kind.keyFields.some((f) => f.column === c) && (L[c] ?? null) !== (I[c] ?? null));
  if (otherDiffers.length) fields.push({ column: '*', label: 'Thông tin khác', local: '', incoming: `khác nhau ở ${otherDiffers.length} trường`, differs: true });
  if (!!L.deleted_at !== !!I.deleted_at) {
    fields.push({ column: 'deleted_at', label: 'Tình trạng', local: L.deleted_at ? 'Đã xóa' : 'Còn dùng', incoming: I.deleted_at ? 'Đã xóa' : 'Còn dùng', differs: true });
  }
  return {
    key: `${kind.name}:${I.id as string}`,
    entity: kind.name,
    entityLabel: kind.label,
    id: I.id as string,
    originOfficeId: I.origin_office_id as string,
    originOfficeName: originName,
    title: kind.describe(I) || kind.describe(L),
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

/**
 * Write the plan in one SQLite transaction: each kind's records read again from the bundle
 * (part by part, hashes checked again) and written in kind order (parents first), the received
 * versions, the history row. Synchronous — better-sqlite3's fastest path, and nothing else can
 * interleave.
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
  const run = sqlite.transaction((): ApplyOutcome => {
    // a second apply of the same bundle (even racing another window) changes nothing
    if (findAppliedBundle(sqlite, m.bundleId)) return { alreadyApplied: true, written: 0, keptLocal: 0, tookIncoming: 0 };
    // the audit triggers log the writes below as "Nhập gói dữ liệu từ <office>", not as the local user's edits
    beginImportActor(sqlite, importActorName(m.originOfficeName));
    const remember = recordStateUpserter(sqlite);
    let written = 0;
    for (const kp of plan.kinds) {
      if (kp.flags.size === 0) continue;
      const kind = kp.kind;
      // the plan was made before the transaction: a row edited meanwhile must not be overwritten
      const current = sqlite.prepare(`SELECT updated_at FROM "${kind.table}" WHERE id = ?`);
      const cols = storedColumns(kind);
      const stmt = sqlite.prepare(
        `INSERT INTO "${kind.table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${cols
           .filter((c) => c !== 'id')
           .map((c) => `"${c}" = excluded."${c}"`)
           .join(', ')}`,
      );
      const check = (row: Row) => {
        const id = row.id as string;
        const now = current.get(id) as { updated_at: string } | undefined;
        if ((now?.updated_at ?? null) !== (kp.localUpdated.get(id) ?? null)) {
          throw new AppError('CONFLICT', `Dữ liệu trên máy này vừa thay đổi trong lúc nhập gói (${kind.label.toLowerCase()} "${kind.describe(row)}"). Chưa ghi gì — hãy mở lại gói để xem trước rồi nhập lại.`);
        }
      };
      const put = (row: Row) => {
        const params: Row = {};
        for (const c of cols) params[c] = kind.derived?.[c] ? kind.derived[c]!(row) : (row[c] ?? null);
        stmt.run(params);
        written++;
      };
      // a kind with a step before its writes, or a tree, is written once all its rows are read
      const held: Row[] | null = kind.beforeWrite || kp.order ? [] : null;
      // received versions after the kind's rows: one table's pages at a time
      const remembered: Array<[string, string]> = [];
      plan.bundle.rescan(
        kind,
        (id) => writesUnder(kp, id, choices),
        (r) => {
          const f = kp.flags.get(r.id);
          if (f === undefined) return;
          if (f & REMEMBER) remembered.push([r.id, r.updatedAt]);
          if (!r.incoming) return;
          check(r.incoming.row);
          if (held) held.push(r.incoming.row);
          else put(r.incoming.row);
        },
      );
      if (held && held.length > 0) {
        // (every row checked above, before the step may touch the table)
        kind.beforeWrite?.(sqlite, held);
        if (kp.order) {
          const byId = new Map(held.map((row) => [row.id as string, row]));
          for (const id of kp.order) {
            const row = byId.get(id);
            if (row) put(row);
          }
        } else for (const row of held) put(row);
      }
      for (const [id, updatedAt] of remembered) remember(kind.name, id, updatedAt, m.originOfficeId, m.bundleId);
    }
    endImportActor(sqlite);
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
    return { alreadyApplied: false, written, keptLocal, tookIncoming };
  });
  return run.immediate();
}
