// Building a bundle: pick the rows each entity kind contributes for this bundle kind,
// validate them with the same schemas the receiver uses (a bad local row is reported
// here, not at the province), and stream them through a BundleWriter in numbered data
// parts — kind by kind, so only one part's text is in memory at a time.
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { BundleKind } from '../../../shared/contract/exchange';
import { foldVi } from '../../../shared/text/vn';
import { allReceivedVersions } from '../../../db/repositories/exchange';
import { RECORD_COLUMNS, defaultSelect, type CarriedFile, type EntityKind, type ExportScope, type Row } from './entity';
import { BUNDLE_EXT, DEFAULT_PART_SIZE, type Manifest } from './format';
import { entityKinds } from './registry';
import { recordSchema, type ReadHooks } from './reader';
import { DataPartWriter, type BundleWriter } from './writer';

export interface ExportRequest {
  kind: BundleKind;
  targetOfficeId: string | null;
  selfOfficeId: string;
  officeName: string;
  appVersion: string;
  bundleId: string;
  createdAt: string;
}

export interface ExportOptions {
  /** cut an entity's data into a new part past this many bytes (default DEFAULT_PART_SIZE) */
  partSize?: number;
  hooks?: ReadHooks;
  /**
   * A read-only connection of its own on the same file, where the file is in WAL mode (a reader
   * there never holds up the user's edits): the kinds are read one at a time from one snapshot,
   * so only one kind's rows are in memory. Without it every kind is read before the first yield.
   */
  openReader?: () => BetterSqlite3.Database;
}

/** What the export handler uses; tests lower partSize to split small bundles into parts. */
export const exportSettings: { partSize: number } = { partSize: DEFAULT_PART_SIZE };

/** Yield (progress, cancel) every this many records. */
const TICK_EVERY = 5000;

/**
 * Select, validate and write every entity kind's records into `w`, then the carried files
 * and the manifest. A record that fails validation stops the export with a message naming
 * it (the caller discards what was written).
 */
export async function writeBundle(sqlite: BetterSqlite3.Database, req: ExportRequest, w: BundleWriter, opts: ExportOptions = {}): Promise<Manifest> {
  const hooks = opts.hooks ?? {};
  const scope = { kind: req.kind, selfOfficeId: req.selfOfficeId, targetOfficeId: req.targetOfficeId };
  const kinds = entityKinds();
  const files: { kind: EntityKind; file: CarriedFile }[] = [];
  const counts: Record<string, number> = {};
  const parts: Record<string, string[]> = {};
  // a consistent bundle even if the user edits records while it is being written: one read
  // transaction on a connection of its own, or every read before the first yield
  const reader = req.kind !== 'province-to-office' && opts.openReader ? openOrNull(opts.openReader) : null;
  try {
    if (reader) {
      reader.exec('BEGIN');
      // the snapshot is taken at the first read
      reader.prepare('SELECT count(*) FROM sqlite_master').get();
    }
    const source = reader ?? sqlite;
    const selectRows = (kind: EntityKind) => (kind.select ? kind.select(source, scope) : defaultSelect(source, kind, scope));
    const selected = new Map<string, Row[]>();
    const basesOf = new Map<string, Map<string, string>>();
    if (!reader) {
      for (const kind of kinds) {
        selected.set(kind.name, selectRows(kind));
        basesOf.set(kind.name, allReceivedVersions(sqlite, kind.name));
      }
      // a bundle sent down must be self-contained: pull in what the rows reference (e.g. a
      // province unit an office's staff member was moved to)
      if (req.kind === 'province-to-office') addReferenced(sqlite, kinds, selected);
    }
    const total = reader ? kinds.reduce((s, k) => s + countRows(reader, k, scope), 0) : [...selected.values()].reduce((s, rows) => s + rows.length, 0);
    let done = 0;
    for (const kind of kinds) {
      hooks.progress?.('collect', done, total);
      await hooks.tick?.();
      const rows = selected.get(kind.name) ?? selectRows(kind);
      const bases = basesOf.get(kind.name) ?? allReceivedVersions(source, kind.name);
      const schema = recordSchema(kind);
      const out = new DataPartWriter(w, kind.name, opts.partSize ?? DEFAULT_PART_SIZE);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        const rec: Row = { ...row, ...(kind.exportExtras?.(source, row) ?? {}), _base: bases.get(row.id as string) ?? null };
        const r = schema.safeParse(rec);
        if (!r.success) {
          const issue = r.error.issues[0]!;
          throw new AppError(
            'CONFLICT',
            `Chưa xuất được gói: ${kind.label.toLowerCase()} "${kind.describe(row)}" có dữ liệu không hợp lệ (trường ${issue.path.join('.')}: ${issue.message}). Hãy sửa bản ghi này rồi xuất lại.`,
          );
        }
        out.add(rec);
        if ((i + 1) % TICK_EVERY === 0) {
          hooks.progress?.('collect', done + i + 1, total);
          await hooks.tick?.();
        }
      }
      const paths = out.end();
      // listed only when split, so a bundle that fits in one part per kind looks as before
      if (paths.length > 1) parts[kind.name] = paths;
      counts[kind.name] = rows.length;
      done += rows.length;
      if (kind.files) for (const f of kind.files.collect(source, rows)) files.push({ kind, file: f });
      selected.delete(kind.name);
    }
    hooks.progress?.('collect', total, total);
  } finally {
    if (reader?.inTransaction) reader.exec('COMMIT');
    reader?.close();
  }
  for (const f of files) {
    const p = `${f.kind.files!.folder}/${f.file.path}`;
    // documents and attachments are mostly compressed formats already
    w.add(p, f.file.bytes(), { store: /\.(pdf|jpe?g|png|docx|xlsx|zip)$/i.test(p) });
  }
  return w.finish({
    appVersion: req.appVersion,
    bundleId: req.bundleId,
    kind: req.kind,
    originOfficeId: req.selfOfficeId,
    originOfficeName: req.officeName,
    targetOfficeId: req.targetOfficeId,
    createdAt: req.createdAt,
    counts,
    ...(Object.keys(parts).length > 0 ? { parts } : {}),
  });
}

/** A second connection that cannot be opened (the folder moved while the app runs): read up front instead. */
function openOrNull(open: () => BetterSqlite3.Database): BetterSqlite3.Database | null {
  try {
    return open();
  } catch {
    return null;
  }
}

/** How many rows a kind gives, for the progress bar (a kind with a selection of its own: its table's rows, at most). */
function countRows(sqlite: BetterSqlite3.Database, kind: EntityKind, scope: ExportScope): number {
  const owner = scope.kind === 'office-to-province' ? scope.selfOfficeId : scope.targetOfficeId;
  const filtered = !kind.select && scope.kind !== 'full';
  const row = sqlite.prepare(`SELECT count(*) AS n FROM "${kind.table}"${filtered ? ' WHERE origin_office_id = ?' : ''}`).get(...(filtered ? [owner] : [])) as { n: number };
  return row.n;
}

/** Add the rows referenced by selected rows, kinds from the highest order down (references point down). */
function addReferenced(sqlite: BetterSqlite3.Database, kinds: EntityKind[], selected: Map<string, Row[]>) {
  const needed = new Map<string, Set<string>>();
  const need = (kindName: string, id: unknown) => {
    if (typeof id !== 'string') return;
    let s = needed.get(kindName);
    if (!s) needed.set(kindName, (s = new Set()));
    s.add(id);
  };
  for (const kind of [...kinds].reverse()) {
    const rows = selected.get(kind.name)!;
    const have = new Set(rows.map((r) => r.id as string));
    const cols = [...RECORD_COLUMNS, ...kind.columns].map((c) => `"${c}"`).join(', ');
    const selfRefs = Object.entries(kind.references ?? {}).filter(([, t]) => t === kind.name).map(([c]) => c);
    for (const r of rows) for (const c of selfRefs) need(kind.name, r[c]);
    // fixpoint: added rows may reference further rows of the same kind (tree parents)
    for (;;) {
      const missing = [...(needed.get(kind.name) ?? [])].filter((id) => !have.has(id));
      if (missing.length === 0) break;
      for (const id of missing) {
        have.add(id);
        const row = sqlite.prepare(`SELECT ${cols} FROM "${kind.table}" WHERE id = ?`).get(id) as Row | undefined;
        if (!row) continue;
        rows.push(row);
        for (const c of selfRefs) need(kind.name, row[c]);
      }
    }
    for (const [c, target] of Object.entries(kind.references ?? {})) if (target !== kind.name) for (const r of rows) need(target, r[c]);
  }
}

const KIND_TAG: Record<BundleKind, string> = {
  'office-to-province': 'gui-cap-tren',
  'province-to-office': 'gui-ve',
  full: 'toan-bo',
};

/** TDKT_<ABBR>_<kind>[_<TARGET>]_<yyyymmdd-hhmmss>.tdkt — ASCII, safe on FAT32 sticks. */
export function bundleFileName(abbr: string, kind: BundleKind, targetAbbr: string | null, when: Date): string {
  const ascii = (s: string) =>
    foldVi(s)
      .toUpperCase()
      .replace(/[^A-Z0-9-]+/g, '')
      .slice(0, 30) || 'COQUAN';
  const p2 = (n: number) => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}${p2(when.getMonth() + 1)}${p2(when.getDate())}-${p2(when.getHours())}${p2(when.getMinutes())}${p2(when.getSeconds())}`;
  return ['TDKT', ascii(abbr), KIND_TAG[kind], ...(targetAbbr !== null ? [ascii(targetAbbr)] : []), stamp].join('_') + BUNDLE_EXT;
}
