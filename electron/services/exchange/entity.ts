// What the exchange machinery needs to know about one kind of record. The writer, the
// reader and the merge engine are generic; an entity kind plugs a table in.
//
// To add a kind (award records, dossiers …): define an EntityKind in kinds/<area>.ts and
// append it to ENTITY_KINDS in registry.ts. Pick `order` above every kind it references.
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { BundleKind } from '../../../shared/contract/exchange';
import { nfc } from '../../../shared/text/vn';
import { isoTimestamp, recordId, type TopFolder } from './format';

/** A row as stored (snake_case columns). */
export type Row = Record<string, unknown>;

/** Every mergeable record carries these (see ARCHITECTURE.md). */
export const RECORD_COLUMNS = ['id', 'origin_office_id', 'created_at', 'updated_at', 'deleted_at'] as const;

export const recordColumnsShape = {
  id: recordId,
  origin_office_id: recordId,
  created_at: isoTimestamp,
  updated_at: isoTimestamp,
  deleted_at: isoTimestamp.nullable(),
};

/** Which rows of a table go into a bundle. */
export interface ExportScope {
  kind: BundleKind;
  selfOfficeId: string;
  /** the receiving office of a province-to-office bundle */
  targetOfficeId: string | null;
}

/** An opaque file carried with records (documents/…, attachments/…). */
export interface CarriedFile {
  /** path inside the bundle, under `folder` (ASCII, forward slashes) */
  path: string;
  bytes(): Uint8Array;
}

export interface EntityFiles {
  folder: Extract<TopFolder, 'documents' | 'attachments'>;
  /** files to carry for the exported rows */
  collect(sqlite: BetterSqlite3.Database, rows: Row[]): CarriedFile[];
  /**
   * Bundle paths the incoming records need; the reader refuses a bundle whose files in
   * this folder are not exactly these.
   */
  expected(records: Row[]): string[];
  /**
   * Store verified incoming files (called before the apply transaction; must be
   * idempotent, e.g. content-addressed, because the transaction may still roll back).
   */
  store(files: { path: string; bytes: Uint8Array }[], ctx: { dataDir: string }): void | Promise<void>;
}

export interface KeyField {
  column: string;
  label: string;
  format?: (value: unknown) => string;
  /** the column holds the id of a record of this entity: show that record's title */
  ref?: string;
}

export interface EntityKind {
  /** stable bundle name: data/<name>.json (lower case, never renamed) */
  name: string;
  /** SQLite table holding the rows (must have RECORD_COLUMNS) */
  table: string;
  /** Vietnamese label, e.g. 'Cán bộ' */
  label: string;
  /** write order: lower first; a kind must come after every kind it references */
  order: number;
  /** stored columns carried in the bundle, besides RECORD_COLUMNS */
  columns: readonly string[];
  /** zod schema of those columns plus any extras (values carried but not stored) */
  schema: z.ZodObject;
  /** stored columns recomputed on import, never carried (search keys) */
  derived?: Record<string, (row: Row) => unknown>;
  /** foreign keys checked before writing: column → entity name */
  references?: Record<string, string>;
  /** a column pointing at the same table (a tree): rows are written parents first */
  parentColumn?: string;
  /** rows for a bundle; default: own rows (office-to-province), the target's rows (province-to-office), all (full) */
  select?(sqlite: BetterSqlite3.Database, scope: ExportScope): Row[];
  /** values carried alongside a row but not stored in its table */
  exportExtras?(sqlite: BetterSqlite3.Database, row: Row): Row;
  /** runs in the apply transaction before this kind's rows are written (e.g. lookup values) */
  beforeWrite?(sqlite: BetterSqlite3.Database, records: Row[]): void;
  /** incoming rows never applied here (e.g. this office's own profile) */
  ignoreIncoming?(record: Row, selfOfficeId: string): boolean;
  /**
   * rows never change once written (the audit log): an incoming row is inserted when its id is
   * new here and otherwise ignored — never changed, never a conflict, no received-version kept
   */
  appendOnly?: boolean;
  /** short title for previews and conflicts ('Nguyễn Văn An') */
  describe(row: Row): string;
  /** fields shown side by side in a conflict */
  keyFields: KeyField[];
  files?: EntityFiles;
}

// ---- schema helpers for entity kinds -----------------------------------------------

/** NFC text up to `max` characters ('' allowed unless `required`). */
export const text = (max: number, required = false) =>
  z
    .string()
    .max(max * 2)
    .transform(nfc)
    .pipe(required ? z.string().min(1, { error: 'không được để trống' }).max(max) : z.string().max(max));

export const nullableText = (max: number) => text(max).nullable();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'phải là ngày dạng yyyy-mm-dd' });
export const flag = z.union([z.literal(0), z.literal(1)]);
export const ref = recordId.nullable();

// ---- generic row helpers -----------------------------------------------------------

export function storedColumns(kind: EntityKind): string[] {
  return [...RECORD_COLUMNS, ...kind.columns, ...Object.keys(kind.derived ?? {})];
}

/** Columns whose values make up a record's content (what a change changes). */
export function contentColumns(kind: EntityKind): string[] {
  return ['origin_office_id', 'created_at', 'deleted_at', ...kind.columns];
}

export function sameContent(kind: EntityKind, a: Row, b: Row): boolean {
  return contentColumns(kind).every((c) => (a[c] ?? null) === (b[c] ?? null));
}

export function defaultSelect(sqlite: BetterSqlite3.Database, kind: EntityKind, scope: ExportScope): Row[] {
  const cols = [...RECORD_COLUMNS, ...kind.columns].map((c) => `"${c}"`).join(', ');
  const order = kind.parentColumn ? '' : ' ORDER BY id';
  if (scope.kind === 'full') return sqlite.prepare(`SELECT ${cols} FROM "${kind.table}"${order}`).all() as Row[];
  const owner = scope.kind === 'office-to-province' ? scope.selfOfficeId : scope.targetOfficeId;
  return sqlite.prepare(`SELECT ${cols} FROM "${kind.table}" WHERE origin_office_id = ?${order}`).all(owner) as Row[];
}
