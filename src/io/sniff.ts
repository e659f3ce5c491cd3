/**
 * What a file holds, from its first bytes, whatever its name says: many "Excel" exports of ERP and BI tools are
 * HTML tables or tab-separated text named .xls, and a CSV is sometimes renamed .xlsx. The KPI reader picks the
 * workbook or the CSV reader from this, and the workbook reader explains a file it cannot read.
 */
import { open } from 'node:fs/promises';
import { detectEncoding, SAMPLE_SIZE } from './csv.js';

export type FileKind =
  | 'missing'
  | 'empty'
  /** a zip archive: an .xlsx workbook (or another OOXML file) */
  | 'zip'
  /** an OLE compound file: an old .xls or a password-protected .xlsx (see `excel/ole.ts`) */
  | 'ole'
  | 'html'
  /** Excel 2003 "XML Spreadsheet" */
  | 'xml-spreadsheet'
  | 'text'
  | 'binary';

export async function sniffFile(path: string): Promise<FileKind> {
  let sample: Buffer;
  let size: number;
  try {
    const fh = await open(path, 'r');
    try {
      const st = await fh.stat();
      if (!st.isFile()) return 'missing';
      size = st.size;
      const buf = Buffer.alloc(Math.min(size, SAMPLE_SIZE));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      sample = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return 'missing';
  }
  if (sample.length === 0) return 'empty';
  if (sample.length >= 4 && sample.readUInt32LE(0) === 0x04034b50) return 'zip';
  if (sample.length >= 8 && sample.readUInt32BE(0) === 0xd0cf11e0 && sample.readUInt32BE(4) === 0xa1b11ae1)
    return 'ole';
  const enc = detectEncoding(sample, sample.length >= size);
  if (!enc) return 'binary';
  const head = new TextDecoder(enc.encoding, { ignoreBOM: true })
    .decode(sample.subarray(enc.bom, enc.bom + 4096))
    .trimStart()
    .toLowerCase();
  if (head.length === 0) return 'empty';
  if (head.startsWith('<')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') && head.includes('<workbook'))
      return 'xml-spreadsheet';
    if (/<(html|table|!doctype html|head|body|meta)\b/.test(head)) return 'html';
  }
  return 'text';
}
