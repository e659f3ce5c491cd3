/**
 * An OLE compound file (`d0cf11e0a1b11ae1`) named .xlsx or .xls is one of two things a user can fix in
 * different ways: an old Excel 97-2003 workbook (a `Workbook` stream, or `Book` for Excel 5) or an .xlsx
 * protected by a password (Office wraps the encrypted zip in `EncryptionInfo` and `EncryptedPackage` streams).
 * The names are read from the directory entries; no other part of the format is needed.
 */
import { open } from 'node:fs/promises';

export type OleKind = 'xls' | 'encrypted' | 'unknown';

/** Directory entries are 128 bytes, and every sector starts at a multiple of 512 (or 4096): entries are 128-aligned. */
const ENTRY = 128;
const CHUNK = 8192 * ENTRY;
/** No workbook is this large; the scan stops here rather than read an arbitrary file to its end. */
const SCAN_LIMIT = 512 * 1024 ** 2;

const NAMES: [string, OleKind][] = [
  ['EncryptionInfo', 'encrypted'],
  ['EncryptedPackage', 'encrypted'],
  ['Workbook', 'xls'],
  ['Book', 'xls'],
];

/** The name of the directory entry at `at` if it is a stream entry (type 2) with a plausible name length. */
function entryName(buf: Buffer, at: number): string | undefined {
  const len = buf.readUInt16LE(at + 64);
  if (len < 4 || len > 64 || len % 2 !== 0 || buf[at + 66] !== 2) return undefined;
  if (buf.readUInt16LE(at + len - 2) !== 0) return undefined;
  return buf.toString('utf16le', at, at + len - 2);
}

/** Tells an old .xls from a password-protected .xlsx by the stream names in the compound file's directory. */
export async function classifyOle(path: string): Promise<OleKind> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let found: OleKind = 'unknown';
    // The header sector (512 bytes) holds no entries.
    for (let pos = 512; pos < SCAN_LIMIT; pos += CHUNK) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
      for (let at = 0; at + ENTRY <= bytesRead; at += ENTRY) {
        const name = entryName(buf, at);
        const kind = name === undefined ? undefined : NAMES.find(([n]) => n === name)?.[1];
        // An encrypted package decides it; a Workbook stream might still sit beside one in an odd file.
        if (kind === 'encrypted') return kind;
        if (kind) found = kind;
      }
      if (bytesRead < CHUNK) break;
    }
    return found;
  } finally {
    await fh.close();
  }
}
