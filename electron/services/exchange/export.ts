// Building a bundle: pick the rows each entity kind contributes for this bundle kind,
// validate them with the same schemas the receiver uses (a bad local row is reported
// here, not at the province), serialise, and write through a BundleWriter.
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { BundleKind } from '../../../shared/contract/exchange';
import { foldVi } from '../../../shared/text/vn';
import { allReceivedVersions } from '../../../db/repositories/exchange';
import { RECORD_COLUMNS, defaultSelect, type CarriedFile, type EntityKind, type Row } from './entity';
import { BUNDLE_EXT, dataPath } from './format';
import { entityKinds } from './registry';
import { recordSchema, type ReadHooks } from './reader';
import type { BundleWriter, ManifestHeader } from './writer';

export interface CollectedBundle {
  header: ManifestHeader;
  data: { kind: EntityKind; json: Uint8Array; count: number }[];
  files: { kind: EntityKind; file: CarriedFile }[];
}

export interface CollectRequest {
  kind: BundleKind;
  targetOfficeId: string | null;
  selfOfficeId: string;
  officeName: string;
  appVersion: string;
  bundleId: string;
  createdAt: string;
}

export async function collectBundle(sqlite: BetterSqlite3.Database, req: CollectRequest, hooks: ReadHooks = {}): Promise<CollectedBundle> {
  const scope = { kind: req.kind, selfOfficeId: req.selfOfficeId, targetOfficeId: req.targetOfficeId };
  const kinds = entityKinds();
  const data: CollectedBundle['data'] = [];
  const files: CollectedBundle['files'] = [];
  const counts: Record<string, number> = {};
  const selected = new Map<string, Row[]>();
  for (const kind of kinds) selected.set(kind.name, kind.select ? kind.select(sqlite, scope) : defaultSelect(sqlite, kind, scope));
  // a bundle sent down must be self-contained: pull in what the rows reference (e.g. a
  // province unit an office's staff member was moved to)
  if (req.kind === 'province-to-office') addReferenced(sqlite, kinds, selected);
  let i = 0;
  for (const kind of kinds) {
    hooks.progress?.('collect', i++, kinds.length);
    await hooks.tick?.();
    const rows = selected.get(kind.name)!;
    const bases = allReceivedVersions(sqlite, kind.name);
    const schema = recordSchema(kind);
    const out: Row[] = [];
    for (const row of rows) {
      const rec: Row = { ...row, ...(kind.exportExtras?.(sqlite, row) ?? {}), _base: bases.get(row.id as string) ?? null };
      const r = schema.safeParse(rec);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        throw new AppError(
          'CONFLICT',
          `Chưa xuất được gói: ${kind.label.toLowerCase()} "${kind.describe(row)}" có dữ liệu không hợp lệ (trường ${issue.path.join('.')}: ${issue.message}). Hãy sửa bản ghi này rồi xuất lại.`,
        );
      }
      out.push(rec);
    }
    data.push({ kind, json: new TextEncoder().encode(JSON.stringify(out)), count: out.length });
    counts[kind.name] = out.length;
    if (kind.files) for (const f of kind.files.collect(sqlite, rows)) files.push({ kind, file: f });
  }
  return {
    header: {
      appVersion: req.appVersion,
      bundleId: req.bundleId,
      kind: req.kind,
      originOfficeId: req.selfOfficeId,
      originOfficeName: req.officeName,
      targetOfficeId: req.targetOfficeId,
      createdAt: req.createdAt,
      counts,
    },
    data,
    files,
  };
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

/** Write a collected bundle (synchronous: the writer streams into its sink). */
export function writeCollected(w: BundleWriter, c: CollectedBundle) {
  for (const d of c.data) w.add(dataPath(d.kind.name), d.json);
  for (const f of c.files) {
    const p = `${f.kind.files!.folder}/${f.file.path}`;
    // documents and attachments are mostly compressed formats already
    w.add(p, f.file.bytes(), { store: /\.(pdf|jpe?g|png|docx|xlsx|zip)$/i.test(p) });
  }
  return w.finish(c.header);
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
