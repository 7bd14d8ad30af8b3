// The .tdkt bundle format: a zip with manifest.json, data/<entity>.json (numbered parts
// data/<entity>.2.json, .3 … when an entity's data is large), documents/…, attachments/….
// Limits, the manifest schema and the path rules live here so the writer and the reader
// cannot drift apart.
import { z } from 'zod';
import { BUNDLE_KINDS } from '../../../shared/contract/exchange';

export const BUNDLE_FORMAT = 'tdkt-bundle';
export const FORMAT_VERSION = 1;
export const BUNDLE_EXT = '.tdkt';
export const MANIFEST_PATH = 'manifest.json';

/** Top-level folders a bundle may contain besides manifest.json. */
export const TOP_FOLDERS = ['data', 'documents', 'attachments'] as const;
export type TopFolder = (typeof TOP_FOLDERS)[number];

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Caps checked against the zip's declared sizes BEFORE anything is inflated, then
 * enforced while inflating (an entry that inflates past its declared size is refused).
 */
export interface BundleLimits {
  /** size of the .tdkt file itself */
  maxFileSize: number;
  /** sum of declared uncompressed sizes */
  maxTotalSize: number;
  /** one entry (documents, attachments) */
  maxEntrySize: number;
  /** one data part, data/<entity>[.<n>].json (parsed in memory, one part at a time) */
  maxDataEntrySize: number;
  maxManifestSize: number;
  maxEntries: number;
  /** uncompressed/compressed, for entries above ratioMinSize */
  maxRatio: number;
  ratioMinSize: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxFileSize: 2 * GiB,
  maxTotalSize: 2 * GiB,
  maxEntrySize: 512 * MiB,
  maxDataEntrySize: 256 * MiB,
  maxManifestSize: 16 * MiB,
  maxEntries: 50_000,
  maxRatio: 200,
  ratioMinSize: 1 * MiB,
};

/**
 * The writer cuts an entity's data into a new part once a part would pass this size: well
 * under maxDataEntrySize, and a part's JSON text stays far from V8's string length limit.
 */
export const DEFAULT_PART_SIZE = 64 * MiB;

const ISO_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
export const isoTimestamp = z.string().regex(ISO_TS, { error: 'phải là thời điểm dạng ISO (UTC)' });
export const recordId = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, { error: 'mã bản ghi không hợp lệ' });

export const manifestEntry = z.object({
  path: z.string().min(1).max(240),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'mã kiểm tra sha256 không hợp lệ' }),
});
export type ManifestEntry = z.infer<typeof manifestEntry>;

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  appVersion: z.string().max(50),
  bundleId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: 'mã gói không phải UUID' }),
  kind: z.enum(BUNDLE_KINDS),
  originOfficeId: recordId,
  originOfficeName: z.string().max(300),
  targetOfficeId: recordId.nullable().optional().default(null),
  createdAt: isoTimestamp,
  entries: z.array(manifestEntry).max(DEFAULT_LIMITS.maxEntries),
  counts: z.record(z.string().max(64), z.number().int().min(0)),
  /**
   * The data parts of each entity split into more than one, in order (partPath(entity, 1),
   * (…, 2), …). An entity not listed has at most one part, data/<entity>.json — the only
   * form older bundles have; older readers refuse a numbered part as unknown data.
   */
  parts: z.record(z.string().max(64), z.array(z.string().max(240)).min(1).max(DEFAULT_LIMITS.maxEntries)).optional(),
});
export type Manifest = z.output<typeof manifestSchema>;

/**
 * Why a bundle path is unsafe, or null when it is fine. Rules: forward slashes only, no
 * absolute paths, drive letters, `.`/`..` segments, empty segments or control characters,
 * and only manifest.json or a file under one of TOP_FOLDERS.
 */
export function unsafePathReason(p: string): string | null {
  if (p.length === 0) return 'tên tệp rỗng';
  if (p.length > 240) return 'tên tệp quá dài';
  if (p.includes('\\')) return 'có dấu gạch ngược (\\)';
  if (p.startsWith('/')) return 'là đường dẫn tuyệt đối';
  if (/^[A-Za-z]:/.test(p)) return 'có ký hiệu ổ đĩa';
  if (/[\u0000-\u001f\u007f]/.test(p)) return 'có ký tự điều khiển';
  if (p.endsWith('/')) return 'là một thư mục';
  const parts = p.split('/');
  if (parts.some((s) => s === '..')) return 'trỏ ra ngoài gói (..)';
  if (parts.some((s) => s === '' || s === '.')) return 'có đoạn đường dẫn rỗng';
  if (parts.length === 1) return p === MANIFEST_PATH ? null : 'nằm ngoài các thư mục cho phép';
  if (!(TOP_FOLDERS as readonly string[]).includes(parts[0]!)) return `nằm trong thư mục "${parts[0]}" không được phép`;
  return null;
}

export const ENTITY_NAME = /^[a-z][a-z0-9_]*$/;

export function dataPath(entity: string): string {
  return `data/${entity}.json`;
}

/** Path of an entity's data part `n` (1-based): data/<entity>.json, then data/<entity>.<n>.json. */
export function partPath(entity: string, n: number): string {
  return n === 1 ? dataPath(entity) : `data/${entity}.${n}.json`;
}

/** Entity and part number of a data part path, or null (".1", leading zeros: not part names). */
export function dataPartOfPath(p: string): { entity: string; part: number } | null {
  const m = /^data\/([a-z][a-z0-9_]*)(?:\.([2-9]|[1-9][0-9]{1,5}))?\.json$/.exec(p);
  return m ? { entity: m[1]!, part: m[2] ? Number(m[2]) : 1 } : null;
}

// Messages: say what is wrong and what to do. Shared by reader, writer and tests.
const REEXPORT = 'Hãy xuất lại gói từ cơ quan gửi.';
export const MSG = {
  empty: 'Tệp gói dữ liệu rỗng (0 byte) — có thể việc chép ra USB chưa xong. Hãy chép lại tệp từ máy gửi.',
  notZip: 'Tệp này không phải gói dữ liệu TĐKT (.tdkt). Hãy chọn đúng tệp gói dữ liệu xuất từ TĐKT Desktop.',
  truncated: 'Gói dữ liệu bị cắt cụt (tệp không đầy đủ) — có thể USB bị rút ra khi đang chép. Hãy chép lại tệp từ máy gửi hoặc xuất lại gói.',
  fileTooBig: (size: number, max: number) =>
    `Tệp gói dữ liệu quá lớn (${mb(size)}; tối đa ${mb(max)}). Hãy kiểm tra lại tệp hoặc chia nhỏ dữ liệu khi xuất.`,
  zipBroken: (why: string) => `Gói dữ liệu bị hỏng (cấu trúc tệp nén không hợp lệ: ${why}). ${REEXPORT}`,
  zip64: 'Gói dữ liệu dùng định dạng nén ZIP64 mà TĐKT Desktop không dùng — tệp không do ứng dụng tạo ra. ' + REEXPORT,
  encrypted: (p: string) => `Gói dữ liệu có tệp ${p} bị mã hóa bằng mật khẩu — gói không do TĐKT Desktop tạo ra. ${REEXPORT}`,
  badMethod: (p: string) => `Gói dữ liệu có tệp ${p} nén theo cách không được hỗ trợ. ${REEXPORT}`,
  badName: 'Gói dữ liệu có tên tệp không đọc được (không phải UTF-8). ' + REEXPORT,
  unsafePath: (p: string, why: string) =>
    `Gói dữ liệu không an toàn: tệp "${p}" ${why}. Không mở gói này; hãy xuất lại gói từ cơ quan gửi và báo cho người phụ trách tin học.`,
  duplicate: (p: string) => `Gói dữ liệu không hợp lệ: tệp ${p} xuất hiện hai lần. ${REEXPORT}`,
  tooManyEntries: (n: number, max: number) => `Gói dữ liệu có quá nhiều tệp (${n}; tối đa ${max}). ${REEXPORT}`,
  entryTooBig: (p: string, size: number, max: number) =>
    `Gói dữ liệu bị từ chối: tệp ${p} khai báo kích thước giải nén ${mb(size)}, vượt giới hạn ${mb(max)} (có thể là "bom nén"). ${REEXPORT}`,
  totalTooBig: (size: number, max: number) =>
    `Gói dữ liệu bị từ chối: tổng dung lượng giải nén ${mb(size)} vượt giới hạn ${mb(max)}. ${REEXPORT}`,
  ratio: (p: string, ratio: number) =>
    `Gói dữ liệu bị từ chối: tệp ${p} có tỉ lệ nén bất thường (${Math.round(ratio)} lần — dấu hiệu "bom nén"). ${REEXPORT}`,
  sizeMismatch: (p: string) => `Gói dữ liệu bị hỏng hoặc bị sửa đổi: tệp ${p} có kích thước khác với khai báo. ${REEXPORT}`,
  inflateFailed: (p: string) => `Gói dữ liệu bị hỏng hoặc bị sửa đổi: tệp ${p} không giải nén được. ${REEXPORT}`,
  changedSince: (p: string) =>
    `Tệp gói dữ liệu đã thay đổi trong lúc nhập (tệp ${p} trong gói khác với lúc kiểm tra) — có thể USB bị rút ra hoặc tệp bị chép đè. Chưa ghi gì vào dữ liệu. Hãy chép lại tệp gói rồi nhập lại.`,
  hashMismatch: (p: string) => `Gói dữ liệu bị hỏng hoặc bị sửa đổi: tệp ${p} không khớp mã kiểm tra. ${REEXPORT}`,
  noManifest: 'Gói dữ liệu thiếu tệp manifest.json (danh mục gói) — tệp không phải gói TĐKT hoặc đã bị sửa. ' + REEXPORT,
  manifestJson: 'Danh mục gói (manifest.json) bị hỏng: không đọc được nội dung JSON. ' + REEXPORT,
  notBundle: 'Tệp nén này không phải gói dữ liệu TĐKT (manifest.json không đúng định dạng tdkt-bundle). Hãy chọn đúng tệp .tdkt.',
  newerVersion: (v: unknown) =>
    `Gói dữ liệu được tạo bởi phiên bản TĐKT Desktop mới hơn (định dạng gói phiên bản ${String(v)}; máy này đọc được phiên bản ${FORMAT_VERSION}). Hãy cập nhật TĐKT Desktop rồi mở lại gói.`,
  badVersion: (v: unknown) => `Gói dữ liệu có phiên bản định dạng không hợp lệ (${shownValue(v)}). ${REEXPORT}`,
  manifestInvalid: (detail: string) => `Danh mục gói (manifest.json) không hợp lệ hoặc đã bị sửa: ${detail}. ${REEXPORT}`,
  notListed: (p: string) => `Gói dữ liệu bị sửa đổi: tệp ${p} không có trong danh mục gói (manifest.json). ${REEXPORT}`,
  missingEntry: (p: string) => `Gói dữ liệu thiếu tệp ${p} được ghi trong danh mục gói. ${REEXPORT}`,
  partMissing: (p: string, label: string, n: number, total: number) =>
    `Gói dữ liệu không đầy đủ: thiếu tệp ${p} (phần ${n}/${total} của dữ liệu ${label}) — gói bị hỏng hoặc chép chưa hết. ${REEXPORT}`,
  partExtra: (p: string, label: string) =>
    `Gói dữ liệu bị hỏng hoặc bị sửa đổi: tệp ${p} là một phần dữ liệu ${label} mà danh mục gói (manifest.json) không ghi. ${REEXPORT}`,
  partTwice: (p: string, label: string) =>
    `Gói dữ liệu bị hỏng hoặc bị sửa đổi: danh mục gói ghi tệp ${p} (dữ liệu ${label}) hai lần. ${REEXPORT}`,
  partOrder: (p: string, label: string, pos: number, expected: string) =>
    `Gói dữ liệu bị hỏng hoặc bị sửa đổi: danh mục gói ghi các phần dữ liệu ${label} sai thứ tự (vị trí thứ ${pos} là tệp ${p}, đúng ra là ${expected}). ${REEXPORT}`,
  unknownEntity: (p: string) =>
    `Gói dữ liệu chứa loại dữ liệu (${p}) mà phiên bản TĐKT Desktop này chưa hỗ trợ. Hãy cập nhật ứng dụng rồi mở lại gói.`,
  dataJson: (p: string) => `Gói dữ liệu bị hỏng: tệp ${p} không phải JSON hợp lệ. ${REEXPORT}`,
  dataInvalid: (p: string, detail: string) => `Gói dữ liệu có dữ liệu không hợp lệ trong ${p}: ${detail}. ${REEXPORT}`,
  countMismatch: (label: string, declared: number, actual: number) =>
    `Gói dữ liệu bị sửa đổi: danh mục gói ghi ${declared} bản ghi ${label} nhưng tệp dữ liệu có ${actual}. ${REEXPORT}`,
  selfOrigin:
    'Gói dữ liệu này do chính cơ quan bạn tạo ra (cùng mã cơ quan), nên không nhập vào máy này. Hãy mở gói nhận từ cơ quan khác; gói do máy này xuất chỉ dùng để gửi đi.',
  wrongTarget: (name: string) =>
    `Gói dữ liệu này được gửi cho cơ quan khác${name ? ` (${name})` : ''}, không phải cơ quan của bạn. Hãy kiểm tra lại tệp nhận được.`,
  foreignRecords: (label: string) =>
    `Gói dữ liệu gửi lên có bản ghi ${label} của một cơ quan khác với cơ quan gửi — gói đã bị sửa hoặc ghép sai. ${REEXPORT}`,
} as const;

/** A value read from the file, for a message: short, never "undefined" or "[object Object]". */
function shownValue(v: unknown): string {
  if (v === undefined) return 'không ghi';
  if (v === null) return 'để trống';
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function mb(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2).replace('.', ',')} GB`;
}
