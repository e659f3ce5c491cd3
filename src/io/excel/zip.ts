/**
 * Just enough of the zip format to inspect a workbook before exceljs sees it: the central directory (names,
 * compressed and uncompressed sizes, zip64 included) and the inflated content of a few small parts.
 */
import type { FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  encrypted: boolean;
}

export type ZipProblem = 'empty' | 'ole' | 'not-zip' | 'truncated';

export class ZipFormatError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem);
  }
}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const { bytesRead } = await fh.read(buf, got, len - got, pos + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === len ? buf : buf.subarray(0, got);
}

/** Reads the central directory. Throws ZipFormatError for a file that is not a zip or is cut short. */
/**
 * Reads the zip's central directory. A damaged directory whose lengths point outside the data is reported as a
 * truncated archive, not as a RangeError from deep inside Buffer.
 */
export async function readCentralDirectory(fh: FileHandle, size: number): Promise<ZipEntry[]> {
  try {
    return await parseCentralDirectory(fh, size);
  } catch (error) {
    if (error instanceof RangeError) throw new ZipFormatError('truncated');
    throw error;
  }
}

async function parseCentralDirectory(fh: FileHandle, size: number): Promise<ZipEntry[]> {
  if (size === 0) throw new ZipFormatError('empty');
  const head = await readAt(fh, 0, Math.min(8, size));
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1)
    throw new ZipFormatError('ole');
  if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) throw new ZipFormatError('not-zip');
  const tailLen = Math.min(size, 65_557);
  const tail = await readAt(fh, size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('truncated');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) throw new ZipFormatError('truncated');
    const z64 = Number(tail.readBigUInt64LE(loc + 8));
    const rec = await readAt(fh, z64, 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== 0x06064b50) throw new ZipFormatError('truncated');
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size) throw new ZipFormatError('truncated');
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipFormatError('truncated');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    // zip64 extra field: the sizes and offset that overflowed, in this order.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      localOffset,
      encrypted: (flags & 1) === 1,
    });
    p = end + commentLen;
  }
  for (const en of entries)
    if (en.localOffset + en.compressedSize > size) throw new ZipFormatError('truncated');
  return entries;
}

/** The inflated content of one (small) entry. */
export async function readEntry(fh: FileHandle, entry: ZipEntry): Promise<Buffer> {
  const local = await readAt(fh, entry.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new ZipFormatError('truncated');
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const data = await readAt(fh, start, entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipFormatError('truncated');
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError('not-zip');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  } catch {
    throw new ZipFormatError('truncated');
  }
}
