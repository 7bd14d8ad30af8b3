// The content-addressed file store beside the database: evidence attachments, generated
// documents and files received in exchange bundles. Bytes live once per content under
// <folder of the database>/attachments/<first 2 hex of SHA-256>/<SHA-256>, written
// atomically; reading back checks size and hash, so a damaged file is reported, never served.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import { writeFileAtomic } from './atomic';

/** The folder of the database file: where attachments/ and backups/ live. */
export function dataDirOf(dbPath: string): string {
  return path.dirname(path.resolve(dbPath));
}

export function storeRoot(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

export function storedPath(dataDir: string, sha256: string): string {
  return path.join(storeRoot(dataDir), sha256.slice(0, 2), sha256);
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Store bytes (idempotent: the same content is written once); `expectedSha256` guards received files. */
export function storeBytes(dataDir: string, bytes: Uint8Array, expectedSha256?: string): { sha256: string; size: number } {
  const sha256 = sha256Hex(bytes);
  if (expectedSha256 !== undefined && expectedSha256 !== sha256) {
    throw new AppError('FILE_INVALID', 'Tệp nhận được không khớp mã kiểm tra SHA-256 (bị hỏng hoặc bị sửa). Hãy lấy lại tệp từ nơi gửi.');
  }
  const file = storedPath(dataDir, sha256);
  try {
    const st = fs.statSync(file);
    if (st.isFile() && st.size === bytes.length) return { sha256, size: bytes.length };
  } catch {
    /* not stored yet */
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, bytes);
  return { sha256, size: bytes.length };
}

/** Read stored bytes back; a missing or damaged file is refused with a message saying what to do. */
export function readStored(dataDir: string, sha256: string, size: number | null, fileName: string, what = 'Tệp'): Buffer {
  const file = storedPath(dataDir, sha256);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `${what} "${fileName}" không còn trong thư mục ${storeRoot(dataDir)}. Thư mục này phải đi cùng tệp dữ liệu; hãy khôi phục từ bản sao lưu hoặc tải tệp lên lại.`,
    );
  }
  if ((size !== null && bytes.length !== size) || sha256Hex(bytes) !== sha256) {
    throw new AppError('FILE_INVALID', `${what} "${fileName}" đã bị thay đổi hoặc hỏng (mã kiểm tra SHA-256 không khớp). Hãy khôi phục từ bản sao lưu hoặc tải tệp lên lại.`);
  }
  return bytes;
}

/**
 * An uploaded file's bytes: its base64 decoded, or the file read from where the desktop app's
 * window says it lies (checked for size before it is read).
 */
export function uploadedBytes(src: { fileBase64?: string; path?: string }, label: string, maxBytes: number): Buffer {
  if (src.path === undefined) return decodeBase64Strict(src.fileBase64 ?? '', label);
  const st = fs.statSync(src.path, { throwIfNoEntry: false });
  if (!st?.isFile()) throw new AppError('NOT_FOUND', `${label}: không đọc được tệp "${src.path}". Kiểm tra tệp còn ở đó (USB đã cắm chưa?) rồi chọn lại.`);
  if (st.size > maxBytes) throw new AppError('FILE_INVALID', `${label}: tệp lớn quá ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  return fs.readFileSync(src.path);
}

/** Decode base64 strictly: anything that does not round-trip is refused (a corrupt upload). */
export function decodeBase64Strict(b64: string, label = 'Tệp'): Buffer {
  const s = b64.replace(/\s+/g, '');
  const bytes = Buffer.from(s, 'base64');
  if (s.length % 4 !== 0 || bytes.toString('base64') !== s) {
    throw new AppError('FILE_INVALID', `${label}: nội dung tải lên bị hỏng (không phải base64 hợp lệ). Hãy chọn lại tệp và tải lên lần nữa.`);
  }
  return bytes;
}

const MIME_BY_EXT: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  txt: 'text/plain',
  zip: 'application/zip',
};

export function guessMime(fileName: string): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXT[ext] ?? 'application/octet-stream';
}

/** A file name safe to offer as a download (no folders, no control characters). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return cleaned || 'tep-minh-chung';
}
