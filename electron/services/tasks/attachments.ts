// Evidence attachments (minh chứng): bytes stored once per content under
// <folder of the database>/attachments/<first 2 hex of SHA-256>/<SHA-256>, written atomically
// (temp file, fsync, rename). The database row keeps the file name, size and hash; reading back
// checks the hash, so a damaged file is reported instead of handed out.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import { writeFileAtomic } from '../files/atomic';

export function attachmentsRoot(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'attachments');
}

export function attachmentPath(dbPath: string, sha256: string): string {
  return path.join(attachmentsRoot(dbPath), sha256.slice(0, 2), sha256);
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
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

/** Store bytes; returns their hash and size. The same content is stored once. */
export function storeAttachment(dbPath: string, bytes: Uint8Array): { sha256: string; size: number } {
  const sha256 = sha256Hex(bytes);
  const file = attachmentPath(dbPath, sha256);
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

/** Read stored bytes back, checking size and hash. */
export function readAttachment(dbPath: string, sha256: string, size: number, fileName: string): Buffer {
  const file = attachmentPath(dbPath, sha256);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `Không tìm thấy tệp minh chứng "${fileName}" trong thư mục ${attachmentsRoot(dbPath)}. Thư mục này phải đi cùng tệp dữ liệu; hãy khôi phục nó từ bản sao lưu hoặc tải tệp lên lại.`,
    );
  }
  if (bytes.length !== size || sha256Hex(bytes) !== sha256) {
    throw new AppError(
      'FILE_INVALID',
      `Tệp minh chứng "${fileName}" đã bị thay đổi hoặc hỏng (mã kiểm tra SHA-256 không khớp). Hãy khôi phục từ bản sao lưu hoặc tải tệp lên lại.`,
    );
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
