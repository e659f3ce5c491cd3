/**
 * The part order of an xlsx package as Excel writes it, for workbooks exceljs wrote (see `workbookFirst`).
 */

/** Where a part goes in the package: the workbook, its relationships, styles and strings before the sheets. */
function partRank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name.startsWith('_rels/')) return 1;
  if (name === 'xl/workbook.xml') return 2;
  if (name === 'xl/_rels/workbook.xml.rels') return 3;
  if (name === 'xl/styles.xml') return 4;
  if (name === 'xl/sharedStrings.xml') return 5;
  if (name.startsWith('xl/theme/')) return 6;
  if (name.startsWith('xl/worksheets/')) return 7;
  return 8;
}

/**
 * Reorders the parts of an xlsx package the way Excel writes them: `xl/workbook.xml`, its relationships, the
 * styles and the shared strings before the worksheets. exceljs writes the workbook part last, and exceljs's own
 * streaming reader (which `salesmeet kpi` uses) then fails on small multi-sheet files ("Cannot read properties
 * of undefined (reading 'sheets')", exceljs issue #962) or drops trailing parts. The bytes of every part are
 * copied unchanged; only the order and the offsets in the central directory change. A package this code does
 * not understand (ZIP64, unexpected records) is returned as it is.
 */
export function workbookFirst(zip: Uint8Array): Uint8Array {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) return zip;
  const count = buf.readUInt16LE(eocd + 10);
  const cdStart = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdStart === 0xffffffff || cdStart >= eocd) return zip;
  const entries: { name: string; offset: number; end: number; cd: Buffer; index: number }[] = [];
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) return zip;
    const nameLen = buf.readUInt16LE(p + 28);
    const len = 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    if (offset === 0xffffffff || offset + 4 > cdStart || buf.readUInt32LE(offset) !== 0x04034b50) return zip;
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    entries.push({ name, offset, end: 0, cd: Buffer.from(buf.subarray(p, p + len)), index: i });
    p += len;
  }
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  byOffset.forEach((e, i) => {
    e.end = byOffset[i + 1]?.offset ?? cdStart;
  });
  const order = [...entries].sort((a, b) => partRank(a.name) - partRank(b.name) || a.index - b.index);
  const parts: Buffer[] = [];
  let at = 0;
  for (const e of order) {
    const local = buf.subarray(e.offset, e.end);
    e.cd.writeUInt32LE(at, 42);
    parts.push(local);
    at += local.length;
  }
  const newCdStart = at;
  for (const e of order) parts.push(e.cd);
  const tail = Buffer.from(buf.subarray(eocd));
  tail.writeUInt32LE(newCdStart, 16);
  parts.push(tail);
  return new Uint8Array(Buffer.concat(parts));
}
