// Streaming bundle writer: entries are deflated into a sink as they are added (memory for
// downloads, a file for USB), hashed on the way; manifest.json goes last because it lists
// every entry's sha256. An entity's records stream into numbered data parts (DataPartWriter),
// so no entity's data is ever one string or one buffer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { AppError } from '../../../shared/contract/errors';
import { BUNDLE_FORMAT, DEFAULT_PART_SIZE, FORMAT_VERSION, MANIFEST_PATH, partPath, unsafePathReason, type Manifest, type ManifestEntry } from './format';

export interface BundleSink {
  write(chunk: Uint8Array): void;
}

export type ManifestHeader = Omit<Manifest, 'format' | 'formatVersion' | 'entries'>;

/** One entry being written chunk by chunk (see BundleWriter.begin). */
export interface EntryStream {
  write(chunk: Uint8Array): void;
  /** close the entry; its manifest line (size, sha256) */
  end(): ManifestEntry;
}

export class BundleWriter {
  private readonly zip: Zip;
  private readonly entries: ManifestEntry[] = [];
  private readonly paths = new Set<string>();
  private open: string | null = null;
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
    const s = this.begin(p, opts);
    s.write(bytes);
    s.end();
  }

  /** Start an entry written in chunks; one entry is open at a time. */
  begin(p: string, opts: { store?: boolean } = {}): EntryStream {
    const why = unsafePathReason(p);
    if (why || p === MANIFEST_PATH) throw new Error(`bundle path "${p}" is not allowed: ${why ?? 'reserved'}`);
    if (this.paths.has(p)) throw new Error(`bundle path "${p}" added twice`);
    if (this.open !== null) throw new Error(`bundle path "${p}" started while "${this.open}" is still open`);
    this.paths.add(p);
    this.open = p;
    const hash = crypto.createHash('sha256');
    let size = 0;
    const f = opts.store ? new ZipPassThrough(p) : new ZipDeflate(p, { level: 6 });
    this.zip.add(f);
    return {
      write: (chunk) => {
        if (chunk.length === 0) return;
        hash.update(chunk);
        size += chunk.length;
        f.push(chunk, false);
        if (this.failure) throw this.failure;
      },
      end: () => {
        f.push(new Uint8Array(0), true);
        if (this.failure) throw this.failure;
        const entry = { path: p, size, sha256: hash.digest('hex') };
        this.entries.push(entry);
        this.open = null;
        return entry;
      },
    };
  }

  /** Write manifest.json and the zip's central directory. */
  finish(header: ManifestHeader): Manifest {
    if (this.open !== null) throw new Error(`bundle entry "${this.open}" was not ended`);
    const manifest: Manifest = { format: BUNDLE_FORMAT, formatVersion: FORMAT_VERSION, ...header, entries: this.entries };
    const f = new ZipDeflate(MANIFEST_PATH, { level: 6 });
    this.zip.add(f);
    f.push(new TextEncoder().encode(JSON.stringify(manifest, null, 1)), true);
    this.zip.end();
    if (this.failure) throw this.failure;
    return manifest;
  }
}

const FLUSH_CHARS = 1024 * 1024;

/**
 * One entity's records as JSON arrays in numbered parts (partPath). A record goes into a
 * new part when the current one would pass `partSize` bytes, so a part is at most
 * `partSize` unless one record alone is larger. Text is encoded and deflated about 1 MB at
 * a time. An entity without records still gets its (empty) first part.
 */
export class DataPartWriter {
  private part: EntryStream | null = null;
  private paths: string[] = [];
  private partBytes = 0;
  private inPart = 0;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(
    private readonly w: BundleWriter,
    private readonly entity: string,
    private readonly partSize: number = DEFAULT_PART_SIZE,
  ) {}

  /** Add a record (JSON.stringify'd here). */
  add(record: unknown): void {
    const json = JSON.stringify(record);
    const n = Buffer.byteLength(json, 'utf8');
    // the part's size with this record, a comma and the closing bracket
    if (this.part && this.inPart > 0 && this.partBytes + 1 + n + 1 > this.partSize) this.closePart();
    if (!this.part) this.openPart();
    if (this.inPart > 0) this.text(',', 1);
    this.text(json, n);
    this.inPart++;
  }

  /** Close the last part; the paths written, in order. */
  end(): string[] {
    if (!this.part) this.openPart();
    this.closePart();
    return this.paths;
  }

  private openPart() {
    const p = partPath(this.entity, this.paths.length + 1);
    this.part = this.w.begin(p);
    this.paths.push(p);
    this.partBytes = 0;
    this.inPart = 0;
    this.text('[', 1);
  }

  private closePart() {
    this.text(']', 1);
    this.flush();
    this.part!.end();
    this.part = null;
  }

  private text(s: string, bytes: number) {
    this.pending.push(s);
    this.pendingChars += s.length;
    this.partBytes += bytes;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  private flush() {
    if (this.pending.length === 0) return;
    this.part!.write(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingChars = 0;
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
export async function writeBundleFile(
  folder: string,
  fileName: string,
  build: (w: BundleWriter) => Manifest | Promise<Manifest>,
): Promise<{ path: string; manifest: Manifest; size: number }> {
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
    manifest = await build(writer);
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
