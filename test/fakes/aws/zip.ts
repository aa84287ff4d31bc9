import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';

/**
 * A zip writer for test artifacts, able to produce the variants real writers
 * emit: stored or deflated entries, streamed entries (sizes in a data
 * descriptor after the data, zeros in the local header) and Zip64 records.
 */
export interface ZipInput {
  name: string;
  data: Buffer | string;
  method?: 'store' | 'deflate';
}

export interface ZipOptions {
  /** Write sizes after the data (general purpose bit 3), like a streaming writer. */
  dataDescriptor?: boolean;
  /** Mark sizes and offsets 0xffffffff and carry them in Zip64 extra fields and end records. */
  zip64?: boolean;
  comment?: string;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

export function createZip(files: ZipInput[], o: ZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const flagsBase = 0x800 | (o.dataDescriptor ? 0x8 : 0);
  for (const f of files) {
    const raw = Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data, 'utf8');
    const method = f.method === 'store' ? 0 : 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const name = Buffer.from(f.name, 'utf8');
    const z = o.zip64;
    const localExtra = z ? Buffer.concat([u16(1), u16(16), u64(raw.length), u64(body.length)]) : Buffer.alloc(0);
    const streamed = o.dataDescriptor;
    const local = Buffer.concat([
      u32(0x04034b50), u16(z ? 45 : 20), u16(flagsBase), u16(method), u16(0), u16(0x21),
      u32(streamed ? 0 : crc),
      u32(z ? 0xffffffff : streamed ? 0 : body.length),
      u32(z ? 0xffffffff : streamed ? 0 : raw.length),
      u16(name.length), u16(localExtra.length), name, localExtra,
    ]);
    const descriptor = streamed
      ? z
        ? Buffer.concat([u32(0x08074b50), u32(crc), u64(body.length), u64(raw.length)])
        : Buffer.concat([u32(0x08074b50), u32(crc), u32(body.length), u32(raw.length)])
      : Buffer.alloc(0);
    const centralExtra = z ? Buffer.concat([u16(1), u16(24), u64(raw.length), u64(body.length), u64(offset)]) : Buffer.alloc(0);
    central.push(
      Buffer.concat([
        u32(0x02014b50), u16(0x031e), u16(z ? 45 : 20), u16(flagsBase), u16(method), u16(0), u16(0x21), u32(crc),
        u32(z ? 0xffffffff : body.length), u32(z ? 0xffffffff : raw.length),
        u16(name.length), u16(centralExtra.length), u16(0), u16(0), u16(0), u32(0o100644 << 16),
        u32(z ? 0xffffffff : offset), name, centralExtra,
      ]),
    );
    parts.push(local, body, descriptor);
    offset += local.length + body.length + descriptor.length;
  }
  const cd = Buffer.concat(central);
  const comment = Buffer.from(o.comment ?? '', 'utf8');
  const tail: Buffer[] = [];
  if (o.zip64) {
    const recOffset = offset + cd.length;
    tail.push(
      Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(files.length), u64(files.length), u64(cd.length), u64(offset)]),
      Buffer.concat([u32(0x07064b50), u32(0), u64(recOffset), u32(1)]),
    );
  }
  tail.push(
    Buffer.concat([
      u32(0x06054b50), u16(0), u16(0),
      u16(o.zip64 ? 0xffff : files.length), u16(o.zip64 ? 0xffff : files.length),
      u32(o.zip64 ? 0xffffffff : cd.length), u32(o.zip64 ? 0xffffffff : offset),
      u16(comment.length), comment,
    ]),
  );
  return Buffer.concat([...parts, cd, ...tail]);
}

export function md5(buf: Buffer): string {
  return createHash('md5').update(buf).digest('hex');
}
