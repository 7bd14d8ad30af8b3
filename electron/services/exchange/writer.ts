// Streaming bundle writer: entries are deflated into a sink as they are added (memory for
// downloads, a file for USB), hashed on the way; manifest.json goes last because it lists
// every entry's sha256.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { AppError } from '../../../shared/contract/errors';
import { BUNDLE_FORMAT, FORMAT_VERSION, MANIFEST_PATH, unsafePathReason, type Manifest, type ManifestEntry } from './format';

export interface BundleSink {
  write(chunk: Uint8Array): void;
}

export type ManifestHeader = Omit<Manifest, 'format' | 'formatVersion' | 'entries'>;

export class BundleWriter {
  private readonly zip: Zip;
  private readonly entries: ManifestEntry[] = [];
  private failure: Error | null = null;
  private bytesOut = 0;

  constructor(sink: BundleSink) {
    this.zip = new Zip((err, chunk) => {
      if (err) {
        this.failure = err;
        return;
      }
      this.bytesOut += chunk.length;
      sink.write(chunk);
    });
  }

  get size(): number {
    return this.bytesOut;
  }

  /** Add one file; `store` skips compression (already compressed files: PDF, JPEG, DOCX). */
  add(p: string, bytes: Uint8Array, opts: { store?: boolean } = {}): void {
    const why = unsafePathReason(p);
    if (why || p === MANIFEST_PATH) throw new Error(`bundle path "${p}" is not allowed: ${why ?? 'reserved'}`);
    if (this.entries.some((e) => e.path === p)) throw new Error(`bundle path "${p}" added twice`);
    this.entries.push({ path: p, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    this.push(p, bytes, opts.store ?? false);
  }

  /** Write manifest.json and the zip's central directory. */
  finish(header: ManifestHeader): Manifest {
    const manifest: Manifest = { format: BUNDLE_FORMAT, formatVersion: FORMAT_VERSION, ...header, entries: this.entries };
    this.push(MANIFEST_PATH, new TextEncoder().encode(JSON.stringify(manifest, null, 1)), false);
    this.zip.end();
    if (this.failure) throw this.failure;
    return manifest;
  }

  private push(p: string, bytes: Uint8Array, store: boolean) {
    const f = store ? new ZipPassThrough(p) : new ZipDeflate(p, { level: 6 });
    this.zip.add(f);
    f.push(bytes, true);
    if (this.failure) throw this.failure;
  }
}

/** Collect a bundle in memory (browser download). */
export function memorySink(): BundleSink & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    write: (c) => {
      chunks.push(c);
    },
    bytes: () => Buffer.concat(chunks),
  };
}

function describeFsError(e: unknown, folder: string): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('INVALID_INPUT', `Không tìm thấy thư mục "${folder}". Hãy cắm USB hoặc chọn thư mục khác.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError('INVALID_INPUT', `Không ghi được vào thư mục "${folder}" (không có quyền ghi hoặc USB đang khóa ghi). Hãy chọn thư mục khác.`);
  if (code === 'ENOSPC') return new AppError('INVALID_INPUT', `Thư mục "${folder}" (USB) đã đầy. Hãy giải phóng dung lượng hoặc dùng USB khác.`);
  return new AppError('INTERNAL', `Không ghi được gói dữ liệu vào "${folder}": ${(e as Error).message}`);
}

/**
 * Write a bundle into `folder` as `fileName`: stream to `<file>.partial`, fsync, rename,
 * fsync the folder. A stick pulled mid-write leaves only the .partial file. Read-back
 * verification is the caller's next step (it needs the reader).
 */
export function writeBundleFile(folder: string, fileName: string, build: (w: BundleWriter) => Manifest): { path: string; manifest: Manifest; size: number } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch (e) {
    throw describeFsError(e, folder);
  }
  if (!stat.isDirectory()) throw new AppError('INVALID_INPUT', `"${folder}" không phải là thư mục. Hãy chọn một thư mục (ví dụ ổ USB).`);
  let dest = path.join(folder, fileName);
  for (let i = 2; fs.existsSync(dest); i++) dest = path.join(folder, fileName.replace(/\.tdkt$/, `-${i}.tdkt`));
  const partial = `${dest}.partial`;
  let fd: number;
  try {
    fd = fs.openSync(partial, 'w');
  } catch (e) {
    throw describeFsError(e, folder);
  }
  let manifest: Manifest;
  let size: number;
  try {
    const writer = new BundleWriter({
      write(chunk) {
        let off = 0;
        while (off < chunk.length) off += fs.writeSync(fd, chunk, off, chunk.length - off);
      },
    });
    manifest = build(writer);
    size = writer.size;
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      /* already closed */
    }
    fs.rmSync(partial, { force: true });
    throw e instanceof AppError ? e : describeFsError(e, folder);
  }
  try {
    fs.renameSync(partial, dest);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw describeFsError(e, folder);
  }
  try {
    const dfd = fs.openSync(folder, 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  } catch {
    /* directory fsync is unsupported on Windows */
  }
  return { path: dest, manifest, size };
}
