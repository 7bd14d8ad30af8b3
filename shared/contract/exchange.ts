// Exchange bundles (.tdkt) carried on a USB stick between an office and the province.
import { z } from 'zod';
import { base64, fileOut, oneFileSource, optionalText } from './fields';

export const BUNDLE_KINDS = ['office-to-province', 'province-to-office', 'full'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

export const MERGE_STATUSES = ['new', 'changed', 'same', 'conflict', 'deleted'] as const;
export type MergeStatus = (typeof MERGE_STATUSES)[number];

/** The largest bundle the browser host's window may upload; the desktop app and the CLI give a path. */
export const BUNDLE_UPLOAD_MAX_BYTES = 64 * 1024 * 1024;

/** A bundle to read: uploaded bytes (the browser host) or a path (the desktop app, the CLI). */
const bundleSourceFields = z.object({
  fileName: optionalText('Tên tệp', 300),
  fileBase64: base64('Gói dữ liệu', BUNDLE_UPLOAD_MAX_BYTES).optional(),
  path: z.string().min(1).max(4096).optional(),
  jobId: z.string().max(64).optional(),
});
const oneSource = oneFileSource('Hãy chọn một tệp gói dữ liệu (.tdkt).');
export const bundleSource = bundleSourceFields.refine(oneSource.check, oneSource.params);
export type BundleSource = z.input<typeof bundleSource>;

export const entityCount = z.object({ entity: z.string(), label: z.string(), count: z.number() });

export const bundleInfo = z.object({
  bundleId: z.string(),
  kind: z.enum(BUNDLE_KINDS),
  formatVersion: z.number(),
  appVersion: z.string(),
  originOfficeId: z.string(),
  originOfficeName: z.string(),
  targetOfficeId: z.string().nullable(),
  createdAt: z.string(),
  fileName: z.string(),
  /** size of the .tdkt file */
  fileSize: z.number(),
  /** sum of the entries' uncompressed sizes */
  totalSize: z.number(),
  entryCount: z.number(),
  counts: z.array(entityCount),
});
export type BundleInfo = z.infer<typeof bundleInfo>;

export const mergeTotals = z.object({
  new: z.number(),
  changed: z.number(),
  same: z.number(),
  conflict: z.number(),
  deleted: z.number(),
});
export type MergeTotals = z.infer<typeof mergeTotals>;

export const mergeGroup = mergeTotals.extend({
  entity: z.string(),
  entityLabel: z.string(),
  originOfficeId: z.string(),
  originOfficeName: z.string(),
});
export type MergeGroup = z.infer<typeof mergeGroup>;

export const conflictField = z.object({
  column: z.string(),
  label: z.string(),
  local: z.string(),
  incoming: z.string(),
  differs: z.boolean(),
});

export const mergeConflict = z.object({
  /** `${entity}:${id}` — the key of a resolution */
  key: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  id: z.string(),
  originOfficeId: z.string(),
  originOfficeName: z.string(),
  title: z.string(),
  localUpdatedAt: z.string(),
  incomingUpdatedAt: z.string(),
  localDeleted: z.boolean(),
  incomingDeleted: z.boolean(),
  fields: z.array(conflictField),
});
export type MergeConflict = z.infer<typeof mergeConflict>;

export const mergePreview = z.object({
  info: bundleInfo,
  /** when this bundle was already imported here (importing again changes nothing) */
  alreadyAppliedAt: z.string().nullable(),
  totals: mergeTotals,
  groups: z.array(mergeGroup),
  conflicts: z.array(mergeConflict),
  /** what the import replaces besides the rows it writes (records typed in by hand that the bundle's supersede) */
  notes: z.array(z.string()),
});
export type MergePreview = z.infer<typeof mergePreview>;

export const CONFLICT_CHOICES = ['local', 'incoming'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export const conflictResolution = z.object({
  key: z.string().max(200),
  choice: z.enum(CONFLICT_CHOICES, { error: 'Cách xử lý xung đột: chọn giữ bản ở máy này hoặc lấy bản trong gói.' }),
});

export const applyInput = bundleSourceFields
  .extend({
    resolutions: z.array(conflictResolution).max(1_000_000).optional().default([]),
    /** resolve every conflict the same way (CLI --keep-local / --take-incoming) */
    resolveAll: z.enum(CONFLICT_CHOICES).nullable().optional().default(null),
  })
  .refine(oneSource.check, oneSource.params);

export const applyResult = z.object({
  bundleId: z.string(),
  alreadyApplied: z.boolean(),
  appliedAt: z.string(),
  /** records written (inserted or updated) */
  written: z.number(),
  totals: mergeTotals,
  keptLocal: z.number(),
  tookIncoming: z.number(),
});
export type ApplyResult = z.infer<typeof applyResult>;

export const exportInput = z.object({
  kind: z.enum(BUNDLE_KINDS, { error: 'Loại gói: chọn gửi lên cấp trên, gửi về cơ quan hoặc toàn bộ dữ liệu.' }),
  targetOfficeId: z.string().max(64).nullable().optional().default(null),
  /** write the bundle into this folder (USB stick); absent → return the bytes for download */
  folder: z.string().max(4096).nullable().optional().default(null),
  jobId: z.string().max(64).optional(),
});

export const exportResult = z.object({
  bundleId: z.string(),
  fileName: z.string(),
  /** where it was written and verified, when a folder was given */
  path: z.string().nullable(),
  file: fileOut.nullable(),
  sizeBytes: z.number(),
  counts: z.array(entityCount),
});
export type ExportResult = z.infer<typeof exportResult>;

export const historyRow = z.object({
  id: z.string(),
  bundleId: z.string(),
  direction: z.enum(['in', 'out']),
  kind: z.string(),
  originOfficeId: z.string(),
  originOfficeName: z.string(),
  targetOfficeId: z.string().nullable(),
  fileName: z.string(),
  records: z.record(z.string(), z.number()),
  result: mergeTotals.nullable(),
  createdAt: z.string(),
  appliedAt: z.string(),
  status: z.string(),
});
export type HistoryRow = z.infer<typeof historyRow>;

export const knownOffice = z.object({
  id: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  staffCount: z.number(),
  lastReceivedAt: z.string().nullable(),
});
export type KnownOffice = z.infer<typeof knownOffice>;

export const exchangeProcedures = {
  'exchange.exportBundle': { input: exportInput, output: exportResult },
  'exchange.verify': { input: bundleSource, output: bundleInfo },
  'exchange.preview': { input: bundleSource, output: mergePreview },
  'exchange.apply': { input: applyInput, output: applyResult },
  'exchange.history': { input: z.object({ limit: z.number().int().min(1).max(1000).optional().default(200) }).optional(), output: z.array(historyRow) },
  /** other offices whose data this installation holds (targets of province-to-office bundles) */
  'exchange.offices': { input: z.object({}).optional(), output: z.array(knownOffice) },
} as const;
