// A defensive zip reader for bundles. It parses the central directory itself, so every
// declared size, name and offset is checked BEFORE a byte is inflated, and then inflates
// each entry in chunks with a hard cap at its declared size (a lying entry cannot grow).
import fs from 'node:fs';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { Inflate } from 'fflate';
import { AppError } from '../../../shared/contract/errors';
import { MSG, type BundleLimits } from './format';

/** Random-access bytes: an uploaded buffer or a file on disk (read on demand). */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
  close(): void;
}

export function bufferSource(buf: Uint8Array): ByteSource {
  return {
    size: buf.length,
    read: (offset, length) => buf.subarray(offset, offset + length),
    close: () => {},
  };
}

export function fileSource(file: string): ByteSource {
  const fd = fs.openSync(file, 'r');
  const size = fs.fstatSync(fd).size;
  let closed = false;
  return {
    size,
    read(offset, length) {
      const out = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const n = fs.readSync(fd, out, got, length - got, offset + got);
        if (n === 0) break;
        got += n;
      }
      return got === length ? out : out.subarray(0, got);
    },
    close() {
      if (!closed) fs.closeSync(fd);
      closed = true;
    },
  };
}

export interface ZipEntry {
  name: string;
  method: 0 | 8;
  compressedSize: number;
  /** declared uncompressed size */
  size: number;
  headerOffset: number;
  dataOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

const invalid = (m: string) => new AppError('FILE_INVALID', m);

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parse and check the central directory; nothing is inflated here. */
export function listZipEntries(src: ByteSource, limits: BundleLimits): ZipEntry[] {
  if (src.size === 0) throw invalid(MSG.empty);
  if (src.size > limits.maxFileSize) throw invalid(MSG.fileTooBig(src.size, limits.maxFileSize));
  const head = src.read(0, Math.min(4, src.size));
  const looksZip = head.length === 4 && view(head).getUint32(0, true) === SIG_LOCAL;
  if (src.size < 22) throw invalid(looksZip ? MSG.truncated : MSG.notZip);

  // the end-of-central-directory record sits in the last 22 + 65535 (comment) bytes
  const tailLen = Math.min(src.size, 22 + 0xffff);
  const tailStart = src.size - tailLen;
  const tail = src.read(tailStart, tailLen);
  const tv = view(tail);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === SIG_EOCD && i + 22 + tv.getUint16(i + 20, true) === tailLen) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw invalid(looksZip ? MSG.truncated : MSG.notZip);
  if (eocd >= 20 && tv.getUint32(eocd - 20, true) === SIG_EOCD64_LOCATOR) throw invalid(MSG.zip64);
  const diskNo = tv.getUint16(eocd + 4, true);
  const cdDisk = tv.getUint16(eocd + 6, true);
  const countDisk = tv.getUint16(eocd + 8, true);
  const count = tv.getUint16(eocd + 10, true);
  const cdSize = tv.getUint32(eocd + 12, true);
  const cdOffset = tv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw invalid(MSG.zip64);
  if (diskNo !== 0 || cdDisk !== 0 || countDisk !== count) throw invalid(MSG.zipBroken('tệp nén nhiều phần'));
  if (count > limits.maxEntries) throw invalid(MSG.tooManyEntries(count, limits.maxEntries));
  const eocdAbs = tailStart + eocd;
  if (cdOffset + cdSize > eocdAbs) throw invalid(looksZip ? MSG.truncated : MSG.zipBroken('danh mục tệp nằm ngoài tệp'));

  const cd = src.read(cdOffset, cdSize);
  const cv = view(cd);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdSize || cv.getUint32(p, true) !== SIG_CENTRAL) throw invalid(MSG.zipBroken('danh mục tệp bị hỏng'));
    const flags = cv.getUint16(p + 8, true);
    const method = cv.getUint16(p + 10, true);
    const compressedSize = cv.getUint32(p + 20, true);
    const size = cv.getUint32(p + 24, true);
    const nameLen = cv.getUint16(p + 28, true);
    const extraLen = cv.getUint16(p + 30, true);
    const commentLen = cv.getUint16(p + 32, true);
    const headerOffset = cv.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen + commentLen > cdSize) throw invalid(MSG.zipBroken('danh mục tệp bị hỏng'));
    let name: string;
    try {
      name = utf8.decode(cd.subarray(p + 46, p + 46 + nameLen));
    } catch {
      throw invalid(MSG.badName);
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (compressedSize === 0xffffffff || size === 0xffffffff || headerOffset === 0xffffffff) throw invalid(MSG.zip64);
    if (flags & 0x1) throw invalid(MSG.encrypted(name));
    if (method !== 0 && method !== 8) throw invalid(MSG.badMethod(name));
    if (names.has(name)) throw invalid(MSG.duplicate(name));
    names.add(name);
    // declared sizes first: nothing is inflated before these pass
    if (size > limits.maxEntrySize) throw invalid(MSG.entryTooBig(name, size, limits.maxEntrySize));
    total += size;
    if (total > limits.maxTotalSize) throw invalid(MSG.totalTooBig(total, limits.maxTotalSize));
    if (method === 0 && compressedSize !== size) throw invalid(MSG.sizeMismatch(name));
    if (size >= limits.ratioMinSize && size / Math.max(1, compressedSize) > limits.maxRatio) {
      throw invalid(MSG.ratio(name, size / Math.max(1, compressedSize)));
    }
    entries.push({ name, method: method as 0 | 8, compressedSize, size, headerOffset, dataOffset: -1 });
  }

  // local headers: where each entry's data starts; entries must not overlap each other or
  // the central directory (overlapping entries are a known zip-bomb trick)
  const sorted = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  let prevEnd = 0;
  for (const e of sorted) {
    if (e.headerOffset < prevEnd || e.headerOffset + 30 > cdOffset) throw invalid(MSG.zipBroken(`tệp ${e.name} chồng lấn tệp khác`));
    const lh = src.read(e.headerOffset, 30);
    const lv = view(lh);
    if (lh.length < 30 || lv.getUint32(0, true) !== SIG_LOCAL) throw invalid(MSG.zipBroken(`thiếu phần đầu của tệp ${e.name}`));
    const nameLen = lv.getUint16(26, true);
    const extraLen = lv.getUint16(28, true);
    const localName = src.read(e.headerOffset + 30, nameLen);
    if (Buffer.compare(Buffer.from(localName), Buffer.from(e.name, 'utf8')) !== 0) {
      throw invalid(MSG.zipBroken(`tên tệp ${e.name} không khớp giữa hai phần của tệp nén`));
    }
    e.dataOffset = e.headerOffset + 30 + nameLen + extraLen;
    const end = e.dataOffset + e.compressedSize;
    if (end > cdOffset) throw invalid(looksZip && end > src.size ? MSG.truncated : MSG.zipBroken(`tệp ${e.name} vượt ra ngoài vùng dữ liệu`));
    prevEnd = end;
  }
  return entries;
}

export interface InflateHooks {
  /** called between chunks (progress, cancel, yield to the event loop) */
  onChunk?: (bytesIn: number) => Promise<void> | void;
}

const CHUNK = 1024 * 1024;

/**
 * Inflate one entry, hashing as it goes. Stops as soon as the output would pass the
 * declared size. Returns the sha256 (hex) and, when `collect`, the bytes.
 */
export async function readEntry(
  src: ByteSource,
  e: ZipEntry,
  collect: boolean,
  hooks: InflateHooks = {},
): Promise<{ sha256: string; bytes: Uint8Array | null }> {
  const hash = crypto.createHash('sha256');
  const out = collect ? new Uint8Array(e.size) : null;
  let outLen = 0;
  const take = (chunk: Uint8Array) => {
    if (outLen + chunk.length > e.size) throw invalid(MSG.sizeMismatch(e.name));
    hash.update(chunk);
    if (out) out.set(chunk, outLen);
    outLen += chunk.length;
  };
  const inflater =
    e.method === 8
      ? new Inflate((chunk) => {
          take(chunk);
        })
      : null;
  let done = 0;
  while (done < e.compressedSize || (done === 0 && e.compressedSize === 0)) {
    const n = Math.min(CHUNK, e.compressedSize - done);
    const chunk = src.read(e.dataOffset + done, n);
    if (chunk.length !== n) throw invalid(MSG.truncated);
    done += n;
    const final = done >= e.compressedSize;
    try {
      if (inflater) inflater.push(chunk, final);
      else take(chunk);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw invalid(MSG.inflateFailed(e.name));
    }
    if (final) break;
    await hooks.onChunk?.(done);
  }
  if (outLen !== e.size) throw invalid(MSG.sizeMismatch(e.name));
  return { sha256: hash.digest('hex'), bytes: out };
}

/**
 * The same in one go, synchronously, for an entry already read whole once (an apply reading a
 * data part again inside its transaction, where nothing may wait).
 */
export function readEntrySync(src: ByteSource, e: ZipEntry): { sha256: string; bytes: Uint8Array } {
  const raw = src.read(e.dataOffset, e.compressedSize);
  if (raw.length !== e.compressedSize) throw invalid(MSG.truncated);
  let bytes: Uint8Array = raw;
  if (e.method === 8) {
    try {
      bytes = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    } catch {
      throw invalid(MSG.inflateFailed(e.name));
    }
  }
  if (bytes.length !== e.size) throw invalid(MSG.sizeMismatch(e.name));
  return { sha256: crypto.createHash('sha256').update(bytes).digest('hex'), bytes };
}
