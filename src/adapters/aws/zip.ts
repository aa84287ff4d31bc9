import { inflateRawSync } from 'node:zlib';

/**
 * A minimal zip reader for CodePipeline artifacts (CodeBuild zips its output
 * artifact and CodePipeline stores it in S3 as is). It trusts the central
 * directory, which always holds the real sizes even when the writer streamed
 * the entry with a data descriptor, and reads stored (0) and deflated (8)
 * entries; Zip64 records are followed so that a streaming writer that always
 * emits them is read too.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export class ZipError extends Error {
  override name = 'ZipError';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - MAX_COMMENT);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  throw new ZipError('not a zip file (no end of central directory record)');
}

function need(buf: Buffer, offset: number, length: number, what: string): void {
  if (offset < 0 || offset + length > buf.length) throw new ZipError(`truncated zip file (${what} at ${offset})`);
}

/** Reads the Zip64 values that replace 0xffffffff fields, in the order the format defines. */
function zip64Extra(extra: Buffer, wanted: { size: boolean; compressed: boolean; offset: boolean }): { size?: number; compressed?: number; offset?: number } {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      const out: { size?: number; compressed?: number; offset?: number } = {};
      let q = p + 4;
      const next = (): number => {
        if (q + 8 > p + 4 + len) throw new ZipError('bad Zip64 extra field');
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (wanted.size) out.size = next();
      if (wanted.compressed) out.compressed = next();
      if (wanted.offset) out.offset = next();
      return out;
    }
    p += 4 + len;
  }
  throw new ZipError('Zip64 sizes announced but no Zip64 extra field');
}

export function listZipEntries(buf: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(buf);
  let count = buf.readUInt16LE(end + 10);
  let cdOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = end - 20;
    need(buf, loc, 20, 'Zip64 locator');
    if (buf.readUInt32LE(loc) !== ZIP64_LOCATOR) throw new ZipError('Zip64 locator missing');
    const rec = Number(buf.readBigUInt64LE(loc + 8));
    need(buf, rec, 56, 'Zip64 end record');
    if (buf.readUInt32LE(rec) !== ZIP64_EOCD) throw new ZipError('Zip64 end record missing');
    count = Number(buf.readBigUInt64LE(rec + 32));
    cdOffset = Number(buf.readBigUInt64LE(rec + 48));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    need(buf, p, 46, 'central directory entry');
    if (buf.readUInt32LE(p) !== CENTRAL) throw new ZipError(`bad central directory entry at ${p}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let offset = buf.readUInt32LE(p + 42);
    need(buf, p + 46, nameLen + extraLen, 'entry name');
    // Bit 11: UTF-8 names; otherwise CP437, which matches ASCII for the names we look for.
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      const z = zip64Extra(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), {
        size: size === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: offset === 0xffffffff,
      });
      size = z.size ?? size;
      compressedSize = z.compressed ?? compressedSize;
      offset = z.offset ?? offset;
    }
    entries.push({ name, method, compressedSize, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The entry's uncompressed bytes; refuses entries larger than `maxBytes` (a zip bomb guard). */
export function readZipEntry(buf: Buffer, entry: ZipEntry, maxBytes = 16 * 1024 * 1024): Buffer {
  if (entry.size > maxBytes) throw new ZipError(`${entry.name} is ${entry.size} bytes, more than the ${maxBytes} allowed`);
  need(buf, entry.offset, 30, 'local header');
  if (buf.readUInt32LE(entry.offset) !== LOCAL) throw new ZipError(`bad local header for ${entry.name}`);
  // The local extra field may differ from the central one: take its length from the local header.
  const start = entry.offset + 30 + buf.readUInt16LE(entry.offset + 26) + buf.readUInt16LE(entry.offset + 28);
  need(buf, start, entry.compressedSize, `data of ${entry.name}`);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) {
    const out = inflateRawSync(data, { maxOutputLength: maxBytes });
    if (out.length !== entry.size) throw new ZipError(`${entry.name}: inflated ${out.length} bytes, expected ${entry.size}`);
    return out;
  }
  throw new ZipError(`${entry.name} uses compression method ${entry.method}; only stored and deflate are read`);
}

/**
 * Finds a file by name: at the root first, then anywhere (an artifact built
 * without `discard-paths` keeps the folder the buildspec wrote it to).
 */
export function findZipFile(buf: Buffer, fileName: string): { entry: ZipEntry; data: Buffer } | undefined {
  const entries = listZipEntries(buf).filter((e) => !e.name.endsWith('/'));
  const entry =
    entries.find((e) => e.name === fileName || e.name === `./${fileName}`) ??
    entries.find((e) => e.name.split('/').pop() === fileName);
  return entry ? { entry, data: readZipEntry(buf, entry) } : undefined;
}
