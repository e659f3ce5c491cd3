/**
 * The fast path of `streamWorkbook`: the zip's central directory first, then the workbook, styles and
 * shared strings (small, held in memory, bounded by the part-size limits `inspectWorkbook` enforced),
 * then each worksheet part inflated with node:zlib as a stream and scanned byte by byte (`sheet.ts`).
 *
 * It hands over exactly the rows exceljs's streaming reader would, in the same sheet order. Everything it
 * would have to guess about is checked before the first row is handed over; then it declines (`used:
 * false` with a reason) and the caller reads the workbook with exceljs instead.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { InputError } from '../../../core/errors.js';
import { messagesOf, type Text } from '../../../core/i18n/messages.js';
import type { SheetRow } from '../../../core/kpi/values.js';
import type { SheetInfo, StreamOptions, WorkbookInfo } from '../read.js';
import { readCentralDirectory, readEntry, type ZipEntry } from '../zip.js';
import { parseSharedStrings } from './shared-strings.js';
import { SheetScanner } from './sheet.js';
import { type CellStyle, parseDate1904, parseStyles } from './styles.js';
import { FastXmlError } from './xml.js';

const m = messagesOf((c) => c.excel.fast);

export type FastResult = { used: true } | { used: false; reason: Text; note: Text };

interface PlannedSheet {
  entry: ZipEntry;
  info: SheetInfo;
}

interface Plan {
  sheets: PlannedSheet[];
  shared: (string | null)[] | null;
  styles: CellStyle[];
  date1904: boolean;
}

const SHEET_LOOSE = /xl\/worksheets\/sheet\d+[.]xml/;
const SHEET_EXACT = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** A part's text: as the workbook check inflated it (`WorkbookInfo.parts`), else inflated now. */
async function readText(
  fh: FileHandle,
  entry: ZipEntry | undefined,
  info: WorkbookInfo,
): Promise<string | undefined> {
  if (!entry) return undefined;
  return (info.parts?.get(entry.name) ?? (await readEntry(fh, entry))).toString('utf8');
}

/** Decides whether the fast path reads this workbook exactly as exceljs would; reads the small parts. */
async function plan(path: string, info: WorkbookInfo): Promise<Plan | Text> {
  const fh = await open(path, 'r');
  try {
    let entries: ZipEntry[];
    try {
      entries = await readCentralDirectory(fh, info.size);
    } catch {
      return m.zip();
    }
    // exceljs reads the zip front to back; a worksheet met after both the shared strings and the workbook
    // relationships is read at once, the others are read after the last entry, in zip order.
    entries = [...entries].sort((a, b) => a.localOffset - b.localOffset);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const byId = new Map(info.sheets.map((s) => [s.id, s]));
    const now: PlannedSheet[] = [];
    const later: PlannedSheet[] = [];
    let seenShared = false;
    let seenRels = false;
    let seenStyles = false;
    let seenWorkbook = false;
    const hasStyles = byName.has('xl/styles.xml');
    for (const e of entries) {
      if (e.name === 'xl/sharedStrings.xml') seenShared = true;
      else if (e.name === 'xl/_rels/workbook.xml.rels') seenRels = true;
      else if (e.name === 'xl/styles.xml') seenStyles = true;
      else if (e.name === 'xl/workbook.xml') seenWorkbook = true;
      else if (SHEET_LOOSE.test(e.name)) {
        const mm = SHEET_EXACT.exec(e.name);
        if (!mm) return m.oddName({ part: e.name });
        const sheet = byId.get(Number(mm[1]));
        if (!sheet) return m.unknownSheet({ part: e.name });
        if (e.method !== 0 && e.method !== 8) return m.method({ part: e.name, method: e.method });
        if (seenShared && seenRels) {
          if (hasStyles && !seenStyles) return m.order({ part: 'xl/styles.xml' });
          if (!seenWorkbook) return m.order({ part: 'xl/workbook.xml' });
          now.push({ entry: e, info: sheet });
        } else later.push({ entry: e, info: sheet });
      }
    }
    const text = new Map<string, string | undefined>();
    for (const name of ['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']) {
      try {
        text.set(name, await readText(fh, byName.get(name), info));
      } catch {
        return (lang) => m.badPart({ part: name, reason: m.inflate()(lang) })(lang);
      }
    }
    let part = 'xl/workbook.xml';
    try {
      const wb = text.get(part);
      const date1904 = wb === undefined ? false : parseDate1904(wb);
      part = 'xl/styles.xml';
      const styles = parseStyles(text.get(part));
      part = 'xl/sharedStrings.xml';
      const sharedXml = text.get(part);
      const shared = sharedXml === undefined ? null : parseSharedStrings(sharedXml);
      return { sheets: [...now, ...later], shared, styles, date1904 };
    } catch (e) {
      if (e instanceof FastXmlError) return m.badPart({ part, reason: e.message });
      throw e;
    }
  } finally {
    await fh.close();
  }
}

async function dataStart(fh: FileHandle, entry: ZipEntry): Promise<number> {
  const head = Buffer.alloc(30);
  const { bytesRead } = await fh.read(head, 0, 30, entry.localOffset);
  if (bytesRead < 30 || head.readUInt32LE(0) !== 0x04034b50) throw new FastXmlError('zip');
  return entry.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
}

/** Streams one worksheet part through the scanner; stops reading once `</sheetData>` is passed. */
async function scanSheet(
  path: string,
  display: string,
  p: PlannedSheet,
  planned: Plan,
  sink: (row: SheetRow) => void,
  info: WorkbookInfo,
  onProgress: StreamOptions['onProgress'],
): Promise<void> {
  const { entry } = p;
  const fail = (text: Text, cause?: unknown) =>
    new InputError('excel.unreadable', (lang) => m.unreadable({ reason: text(lang) })(lang), {
      location: { file: display, sheet: p.info.name },
      hint: m.unreadableHint(),
      ...(cause ? { cause } : {}),
    });
  const scanner = new SheetScanner({
    shared: planned.shared,
    styles: planned.styles,
    date1904: planned.date1904,
    errors: p.info.errors,
    errorsUnread: p.info.size > 32 * 1024 ** 2,
    emit: sink,
  });
  if (entry.compressedSize === 0) {
    scanner.end();
    return;
  }
  const kept = info.parts?.get(entry.name);
  if (kept !== undefined) {
    // Inflated by the workbook check already: scanned from memory, then let go.
    info.parts!.delete(entry.name);
    try {
      for (let at = 0; at < kept.length && !scanner.done; at += 1024 * 1024)
        scanner.push(kept.subarray(at, Math.min(at + 1024 * 1024, kept.length)));
      scanner.end();
    } catch (e) {
      if (e instanceof FastXmlError) throw fail(() => `${entry.name}: ${e.message}`, e);
      throw e;
    }
    onProgress?.(entry.localOffset + entry.compressedSize, info.size);
    return;
  }
  const fh = await open(path, 'r');
  let start: number;
  try {
    start = await dataStart(fh, entry);
  } finally {
    await fh.close();
  }
  const src = createReadStream(path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: 1024 * 1024,
  });
  let read = 0;
  if (onProgress)
    src.on('data', (chunk) => {
      read += chunk.length;
      onProgress(start + read, info.size);
    });
  const stream = entry.method === 8 ? src.pipe(createInflateRaw({ chunkSize: 1024 * 1024 })) : src;
  if (stream !== src) src.on('error', (e) => stream.destroy(e));
  let out = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out > entry.uncompressedSize)
        throw fail(m.tooLarge({ part: entry.name, size: entry.uncompressedSize }));
      scanner.push(chunk);
      if (scanner.done) break;
    }
    scanner.end();
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof FastXmlError) throw fail(() => `${entry.name}: ${e.message}`, e);
    if (e && typeof e === 'object' && 'code' in e && String((e as { code: unknown }).code).startsWith('Z_'))
      throw fail(m.corrupt({ part: entry.name }), e);
    throw e;
  } finally {
    src.destroy();
    stream.destroy();
  }
}

/**
 * Reads the workbook through the fast path, or declines before handing over any row. A decline carries
 * the reason (for `--verbose`); errors met while scanning are InputErrors naming the file and sheet.
 */
export async function streamWorkbookFast(
  path: string,
  display: string,
  info: WorkbookInfo,
  opts: StreamOptions,
): Promise<FastResult> {
  const planned = await plan(path, info);
  if (typeof planned === 'function')
    return {
      used: false,
      reason: planned,
      note: (lang) => m.declined({ file: display, reason: planned(lang) })(lang),
    };
  for (const p of planned.sheets) {
    const sink = opts.onSheet(p.info);
    if (sink === false) continue;
    await scanSheet(path, display, p, planned, sink, info, opts.onProgress);
    opts.onSheetEnd?.(p.info);
  }
  return { used: true };
}
