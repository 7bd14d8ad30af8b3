// Bytes of dossier attachments and generated documents: stored once per content under
// <folder of the database>/attachments/<first 2 hex>/<SHA-256> (the same store as task
// attachments), written atomically; reading back checks size and hash.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { sha256Hex } from '../tasks/attachments';
import { writeFileAtomic } from '../files/atomic';

export function storeRoot(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

export function dataDirOf(dbPath: string): string {
  return path.dirname(path.resolve(dbPath));
}

export function storedPath(dataDir: string, sha256: string): string {
  return path.join(storeRoot(dataDir), sha256.slice(0, 2), sha256);
}

/** Store bytes (idempotent: the same content is written once). */
export function storeBytes(dataDir: string, bytes: Uint8Array): { sha256: string; size: number } {
  const sha256 = sha256Hex(bytes);
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

/** Read stored bytes back; refuses a missing or damaged file with a message saying what to do. */
export function readStored(dataDir: string, sha256: string, size: number, fileName: string, what = 'Tệp'): Buffer {
  const file = storedPath(dataDir, sha256);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `${what} "${fileName}" không còn trong thư mục ${storeRoot(dataDir)}. Thư mục này phải đi cùng tệp dữ liệu; hãy khôi phục từ bản sao lưu, tải tệp lên lại hoặc tạo lại văn bản.`,
    );
  }
  if (bytes.length !== size || sha256Hex(bytes) !== sha256) {
    throw new AppError('FILE_INVALID', `${what} "${fileName}" đã bị thay đổi hoặc hỏng (mã kiểm tra SHA-256 không khớp). Hãy khôi phục từ bản sao lưu hoặc tạo lại.`);
  }
  return bytes;
}
