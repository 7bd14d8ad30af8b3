// Bundle reader and verifier. Order matters: zip structure and declared sizes, path
// safety, the manifest, the entry set and each entity's data parts, then every entry's
// sha256 while inflating, each data part's JSON against its entity schema (part by part, in
// order: only one part's bytes and records are held at a time — a visitor takes each part's
// records, a province's bundle of a million records is never held whole). Any failure is an
// AppError with a Vietnamese message; nothing here writes.
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import {
  DEFAULT_LIMITS,
  ENTITY_NAME,
  MANIFEST_PATH,
  MSG,
  FORMAT_VERSION,
  BUNDLE_FORMAT,
  dataPartOfPath,
  manifestSchema,
  partPath,
  unsafePathReason,
  isoTimestamp,
  type BundleLimits,
  type Manifest,
} from './format';
import { listZipEntries, readEntry, readEntrySync, type ByteSource, type ZipEntry } from './zip-read';
import { recordColumnsShape, type EntityKind, type Row } from './entity';
import { entityKind, entityKinds } from './registry';

export interface IncomingRecord {
  /** validated, NFC-normalised columns and extras */
  row: Row;
  /** the sender's last received updated_at for this record (its merge base), or null */
  base: string | null;
}

/** A record read again by `rescan`: validated into a row only when asked for. */
export interface RescannedRecord {
  id: string;
  updatedAt: string;
  incoming: IncomingRecord | null;
}

export interface ScannedBundle {
  manifest: Manifest;
  fileSize: number;
  totalSize: number;
  entryCount: number;
  /** documents/… and attachments/… entries (hash already verified) */
  files: Map<string, ZipEntry>;
  /** inflate one carried file again, re-checking its hash */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Read one kind's records again, part by part and synchronously (an apply does it inside its
   * transaction), each part's hash checked again against the manifest, so they are the records
   * scanned. Only the records `want` picks are validated into rows.
   */
  rescan(kind: EntityKind, want: (id: string) => boolean, each: (r: RescannedRecord) => void): void;
}

/** Takes one data part's records once the part's hash and every record in it are checked. */
export type RecordVisitor = (kind: EntityKind, records: IncomingRecord[]) => void | Promise<void>;

export interface ReadHooks {
  progress?(phase: string, done: number, total: number): void;
  /** between chunks: check for cancel and yield to the event loop */
  tick?(): Promise<void>;
}

export interface ReadOptions {
  selfOfficeId: string;
  /** the writer's read-back check reads its own bundle */
  allowSelf?: boolean;
  limits?: BundleLimits;
  hooks?: ReadHooks;
}

const invalid = (m: string) => new AppError('FILE_INVALID', m);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(utf8.decode(bytes));
}

// zod's Vietnamese messages for the generic checks (our own field messages win)
const viLocale = z.locales.vi().localeError;
/** zod's Vietnamese messages, except a missing field: "thiếu trường này", not "nhận được undefined". */
const VI = {
  error: ((issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'thiếu trường này' : viLocale(issue))) as typeof viLocale,
};

function describeIssues(err: z.ZodError, prefix: (path: PropertyKey[]) => string): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${prefix(i.path)}${i.message}`)
    .join('; ');
}

export function recordSchema(kind: EntityKind) {
  return z.object({ ...recordColumnsShape, ...kind.schema.shape, _base: isoTimestamp.nullable().optional() }).strict();
}

/** Verify the whole bundle, handing each data part's records to `visit` as they are checked. */
export async function scanBundle(src: ByteSource, opts: ReadOptions, visit?: RecordVisitor): Promise<ScannedBundle> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const hooks = opts.hooks ?? {};
  hooks.progress?.('read', 0, 0);
  const entries = listZipEntries(src, limits);
  for (const e of entries) {
    const why = unsafePathReason(e.name);
    if (why) throw invalid(MSG.unsafePath(e.name, why));
  }
  const byName = new Map(entries.map((e) => [e.name, e]));

  // manifest
  const me = byName.get(MANIFEST_PATH);
  if (!me) throw invalid(MSG.noManifest);
  if (me.size > limits.maxManifestSize) throw invalid(MSG.entryTooBig(MANIFEST_PATH, me.size, limits.maxManifestSize));
  const mBytes = (await readEntry(src, me, true)).bytes!;
  let raw: unknown;
  try {
    raw = parseJson(mBytes);
  } catch {
    throw invalid(MSG.manifestJson);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BUNDLE_FORMAT) throw invalid(MSG.notBundle);
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) throw invalid(MSG.newerVersion(version));
  if (version !== FORMAT_VERSION) throw invalid(MSG.badVersion(version));
  const parsed = manifestSchema.safeParse(raw, VI);
  if (!parsed.success) throw invalid(MSG.manifestInvalid(describeIssues(parsed.error, (p) => (p.length ? `trường ${p.join('.')}: ` : ''))));
  const manifest = parsed.data;

  // who sent it, to whom
  if (!opts.allowSelf && manifest.originOfficeId === opts.selfOfficeId) throw invalid(MSG.selfOrigin);
  if (manifest.kind === 'province-to-office') {
    if (!manifest.targetOfficeId) throw invalid(MSG.manifestInvalid('gói gửi về cơ quan nhưng không ghi cơ quan nhận'));
    if (!opts.allowSelf && manifest.targetOfficeId !== opts.selfOfficeId) throw invalid(MSG.wrongTarget(''));
  }

  // the entry set: exactly the manifest's entries plus manifest.json
  const listed = new Map<string, Manifest['entries'][number]>();
  for (const m of manifest.entries) {
    const why = m.path === MANIFEST_PATH ? 'không được liệt kê trong chính danh mục' : unsafePathReason(m.path);
    if (why) throw invalid(MSG.manifestInvalid(`tệp "${m.path}" ${why}`));
    if (listed.has(m.path)) throw invalid(MSG.manifestInvalid(`tệp ${m.path} được liệt kê hai lần`));
    listed.set(m.path, m);
  }
  for (const e of entries) if (e.name !== MANIFEST_PATH && !listed.has(e.name)) throw invalid(MSG.notListed(e.name));
  for (const m of listed.values()) {
    const e = byName.get(m.path);
    if (!e) throw invalid(MSG.missingEntry(m.path));
    if (e.size !== m.size) throw invalid(MSG.sizeMismatch(m.path));
  }
  const dataParts = checkDataParts(manifest, entries, limits);

  // every entry's hash: data parts first, entity by entity in part order (records are
  // concatenated in that order), then the carried files
  const totalSize = entries.reduce((s, e) => s + e.size, 0);
  let done = 0;
  const verified = async (e: ZipEntry, collect: boolean): Promise<Uint8Array | null> => {
    const base = done;
    const r = await readEntry(src, e, collect, {
      onChunk: async (n) => {
        hooks.progress?.('verify', base + n, totalSize);
        await hooks.tick?.();
      },
    });
    if (r.sha256 !== listed.get(e.name)!.sha256) throw invalid(MSG.hashMismatch(e.name));
    done += e.size;
    hooks.progress?.('verify', done, totalSize);
    await hooks.tick?.();
    return r.bytes;
  };
  // each part's records are checked and handed on, then dropped; what the later checks need
  // (counts, a foreign record, the files the records name) is tallied as they pass
  const counts = new Map<string, number>();
  /** parts whose records validation left as they were: read again, they need no validating */
  const asRead = new Set<string>();
  let foreign: string | null = null;
  const expected = new Set<string>();
  for (const k of entityKinds()) {
    const seen = new Set<string>();
    let n = 0;
    for (const e of dataParts.get(k.name) ?? []) {
      const { list, unchanged } = parseRecords(k, e.name, (await verified(e, true))!, seen);
      if (unchanged) asRead.add(e.name);
      n += list.length;
      if (manifest.kind === 'office-to-province' && foreign === null && list.some((r) => r.row.origin_office_id !== manifest.originOfficeId)) foreign = k.label;
      if (k.files) for (const p of k.files.expected(list.map((r) => r.row))) expected.add(p);
      await visit?.(k, list);
    }
    counts.set(k.name, n);
  }
  const files = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (e.name === MANIFEST_PATH || e.name.startsWith('data/')) continue;
    await verified(e, false);
    files.set(e.name, e);
  }

  // counts and ownership
  const names = new Set([...Object.keys(manifest.counts), ...counts.keys()]);
  for (const name of names) {
    const declared = manifest.counts[name] ?? 0;
    const actual = counts.get(name) ?? 0;
    if (declared !== actual) throw invalid(MSG.countMismatch(entityKind(name)?.label ?? name, declared, actual));
  }
  if (foreign !== null) throw invalid(MSG.foreignRecords(foreign));

  // carried files must be exactly those the records need
  for (const p of files.keys()) if (!expected.has(p)) throw invalid(MSG.manifestInvalid(`tệp ${p} không thuộc bản ghi nào trong gói`));
  for (const p of expected) if (!files.has(p)) throw invalid(MSG.missingEntry(p));
  // (the manifest, read first, is not counted as it goes)
  hooks.progress?.('verify', totalSize, totalSize);

  return {
    manifest,
    fileSize: src.size,
    totalSize,
    entryCount: entries.length,
    files,
    async readFile(p) {
      const e = files.get(p);
      if (!e) throw invalid(MSG.missingEntry(p));
      const r = await readEntry(src, e, true);
      if (r.sha256 !== listed.get(p)!.sha256) throw invalid(MSG.hashMismatch(p));
      return r.bytes!;
    },
    rescan(kind, want, each) {
      const schema = recordSchema(kind);
      for (const e of dataParts.get(kind.name) ?? []) {
        let bytes: Uint8Array;
        try {
          const r = readEntrySync(src, e);
          if (r.sha256 !== listed.get(e.name)!.sha256) throw new Error('changed');
          bytes = r.bytes;
        } catch {
          // the file was checked whole before: what differs now was changed or cut off since
          throw invalid(MSG.changedSince(e.name));
        }
        const same = asRead.has(e.name);
        for (const item of parseJson(bytes) as Array<Record<string, unknown>>) {
          const id = item.id as string;
          if (!want(id)) {
            each({ id, updatedAt: item.updated_at as string, incoming: null });
            continue;
          }
          // the same bytes (the hash above) that validated to themselves are their own rows
          let data: Row = item;
          if (!same) {
            const r = schema.safeParse(item, VI);
            if (!r.success) throw invalid(MSG.changedSince(e.name));
            data = r.data as Row;
          }
          const { _base, ...row } = data as Row & { _base?: string | null };
          each({ id, updatedAt: row.updated_at as string, incoming: { row, base: _base ?? null } });
        }
      }
    },
  };
}

/**
 * The data entries of each entity in part order. Every data entry must be a part of a
 * registered entity and within the per-part cap; an entity's parts must be exactly those
 * the manifest lists for it (`parts`), or just data/<entity>.json when it lists none.
 */
function checkDataParts(manifest: Manifest, entries: ZipEntry[], limits: BundleLimits): Map<string, ZipEntry[]> {
  const present = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (!e.name.startsWith('data/')) continue;
    const dp = dataPartOfPath(e.name);
    if (!dp || !entityKind(dp.entity)) throw invalid(MSG.unknownEntity(e.name));
    if (e.size > limits.maxDataEntrySize) throw invalid(MSG.entryTooBig(e.name, e.size, limits.maxDataEntrySize));
    present.set(e.name, e);
  }
  const declared = new Map<string, string[]>();
  for (const [name, paths] of Object.entries(manifest.parts ?? {})) {
    if (!ENTITY_NAME.test(name)) throw invalid(MSG.manifestInvalid(`trường parts: tên loại dữ liệu "${name.slice(0, 40)}" không hợp lệ`));
    const kind = entityKind(name);
    if (!kind) throw invalid(MSG.unknownEntity(partPath(name, 1)));
    const seen = new Set<string>();
    paths.forEach((p, i) => {
      if (seen.has(p)) throw invalid(MSG.partTwice(p, kind.label));
      seen.add(p);
      if (p !== partPath(name, i + 1)) throw invalid(MSG.partOrder(p, kind.label, i + 1, partPath(name, i + 1)));
    });
    declared.set(name, paths);
  }
  const declaredPaths = new Set([...declared.values()].flat());
  const out = new Map<string, ZipEntry[]>();
  for (const e of present.values()) {
    const { entity, part } = dataPartOfPath(e.name)!;
    const expected = declared.has(entity) ? declaredPaths.has(e.name) : part === 1;
    if (!expected) throw invalid(MSG.partExtra(e.name, entityKind(entity)!.label));
    if (!out.has(entity)) out.set(entity, []);
  }
  for (const name of declared.keys()) if (!out.has(name)) out.set(name, []);
  for (const [name, list] of out) {
    const paths = declared.get(name) ?? [partPath(name, 1)];
    paths.forEach((p, i) => {
      // (a part the manifest's entries list but the zip lacks was refused above: missingEntry)
      const e = present.get(p);
      if (!e) throw invalid(MSG.partMissing(p, entityKind(name)!.label, i + 1, paths.length));
      list.push(e);
    });
  }
  return out;
}

/**
 * Parse and validate one data part's records; ids are unique across all parts. `unchanged`:
 * validation changed no record (no text normalised, nothing added or converted).
 */
function parseRecords(kind: EntityKind, p: string, bytes: Uint8Array, seen: Set<string>): { list: IncomingRecord[]; unchanged: boolean } {
  const out: IncomingRecord[] = [];
  let unchanged = true;
  let json: unknown;
  try {
    json = parseJson(bytes);
  } catch {
    throw invalid(MSG.dataJson(p));
  }
  if (!Array.isArray(json)) throw invalid(MSG.dataInvalid(p, 'nội dung phải là một danh sách bản ghi'));
  const schema = recordSchema(kind);
  json.forEach((item, i) => {
    const r = schema.safeParse(item, VI);
    if (!r.success) {
      const id = typeof (item as { id?: unknown })?.id === 'string' ? ` (mã ${(item as { id: string }).id})` : '';
      throw invalid(MSG.dataInvalid(p, `bản ghi thứ ${i + 1}${id}: ${describeIssues(r.error, (path) => (path.length ? `trường ${path.join('.')}: ` : ''))}`));
    }
    if (unchanged) unchanged = sameValues(item as Row, r.data as Row);
    const { _base, ...row } = r.data as Row & { _base?: string | null };
    const id = row.id as string;
    if (seen.has(id)) throw invalid(MSG.dataInvalid(p, `mã bản ghi ${id} xuất hiện hai lần`));
    seen.add(id);
    out.push({ row, base: _base ?? null });
  });
  return { list: out, unchanged };
}

/** The same keys holding the very same values (an object value, never the same after validation, counts as changed). */
function sameValues(a: Row, b: Row): boolean {
  for (const k in b) if (a[k] !== b[k]) return false;
  for (const k in a) if (!(k in b)) return false;
  return true;
}
