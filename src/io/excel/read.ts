/**
 * Reading a workbook, safely and in bounded memory: the zip is checked first (not a zip, cut short, an
 * encrypted or old .xls file, parts that would expand to absurd sizes), then exceljs's streaming reader is
 * loaded lazily and every row is handed over with its cell values normalised.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { type Readable, Transform } from 'node:stream';
import { InputError, UsageError } from '../../core/errors.js';
import { messagesOf, type Text } from '../../core/i18n/messages.js';
import type { Merge } from '../../core/kpi/ingest.js';
import type { Cell, CellValue, SheetRow } from '../../core/kpi/values.js';
import { sniffFile } from '../sniff.js';
import { classifyOle } from './ole.js';
import { readCentralDirectory, readEntry, type ZipEntry, ZipFormatError } from './zip.js';

/** What the part-size limits say (the catalogue's io.excel). */
const xm = messagesOf((c) => c.io.excel);

const m = messagesOf((c) => c.excel.read);

/**
 * Uncompressed size limits, checked from the central directory before anything is inflated. The two per-part
 * limits can be raised (or lowered) for a run: SALESMEET_MAX_SHEET_MB and SALESMEET_MAX_STRINGS_MB (see
 * `partLimits`).
 */
export const LIMITS = {
  /** A worksheet is streamed, so it may be large (a 1M-row, 9-column export is 390 MB of XML). */
  worksheet: 2 * 1024 ** 3,
  /**
   * Shared strings, styles and the workbook part are held in memory (a string table costs about 6× its XML:
   * 200 MB took 40 s and 1.3 GB). 100 MB holds a million rows with two or three texts of their own each
   * (order number, customer, note); an export with few distinct texts needs well under 1 MB.
   */
  inMemoryPart: 100 * 1024 ** 2,
  total: 4 * 1024 ** 3,
  /** Above this size, a part that expands more than `maxRatio` times is refused. */
  ratioFloor: 32 * 1024 ** 2,
  maxRatio: 200,
};

/**
 * Sheets up to this size (uncompressed) are inflated once before streaming to read their merged ranges and the
 * error codes of formula cells, which exceljs's streaming reader drops. Formatted reports are small; a
 * big export is plain rows.
 */
const MERGE_SCAN_LIMIT = 8 * 1024 ** 2;

/**
 * The parts `inspectWorkbook` inflates (to check them) are kept for the reader, up to this many bytes in all,
 * so that a part is inflated once: the workbook, styles and shared strings, and sheets small enough.
 */
const KEPT_PARTS_LIMIT = 32 * 1024 ** 2;

/** The environment variables that override the per-part limits, in megabytes. */
export const LIMIT_ENV = {
  worksheet: 'SALESMEET_MAX_SHEET_MB',
  inMemoryPart: 'SALESMEET_MAX_STRINGS_MB',
} as const;

export type PartLimits = { worksheet: number; inMemoryPart: number };

/** The per-part limits in force: LIMITS, unless the environment names others (a positive number of MB). */
export function partLimits(env: NodeJS.ProcessEnv = process.env): PartLimits {
  const out: PartLimits = { worksheet: LIMITS.worksheet, inMemoryPart: LIMITS.inMemoryPart };
  for (const key of ['worksheet', 'inMemoryPart'] as const) {
    const name = LIMIT_ENV[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0)
      throw new UsageError('excel.badLimit', xm.badLimit({ name, value: raw }));
    out[key] = Math.round(n * 1024 ** 2);
  }
  return out;
}

function mb(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
}

export interface SheetInfo {
  /** `xl/worksheets/sheet3.xml` → 3 */
  id: number;
  name: string;
  merges: Merge[];
  /** Error codes of formula cells (`C3` → `#DIV/0!`): exceljs's streaming reader drops them. */
  errors: Map<string, string>;
  size: number;
}

export interface WorkbookInfo {
  size: number;
  sheets: SheetInfo[];
  /**
   * Parts already inflated by the check, by name (see KEPT_PARTS_LIMIT), for the reader; `streamWorkbook`
   * empties it once the workbook is read.
   */
  parts?: Map<string, Buffer>;
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, '&');

function decodeRef(ref: string): { row: number; col: number } | undefined {
  const mm = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!mm) return undefined;
  let col = 0;
  for (const ch of mm[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(mm[2]), col: col - 1 };
}

/** Merges of a sheet part, read from its `<mergeCells>` (only for sheets small enough to inflate whole). */
function parseMerges(xml: string): Merge[] {
  const out: Merge[] = [];
  for (const mm of xml.matchAll(/<mergeCell\s+ref="([A-Z$]+\d+):([A-Z$]+\d+)"/gi)) {
    const a = decodeRef(mm[1]!);
    const b = decodeRef(mm[2]!);
    if (a && b) out.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  return out;
}

/** Checks a workbook file and reads its sheet names and merges; throws InputError (exit 3) with a clear message. */
export async function inspectWorkbook(
  path: string,
  display: string,
  limits: PartLimits = partLimits(),
): Promise<WorkbookInfo> {
  const fail = (text: ReturnType<typeof m.empty>, hint?: ReturnType<typeof m.empty>) =>
    new InputError('excel.unreadable', text, { location: { file: display }, ...(hint ? { hint } : {}) });
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw fail(m.missing(), m.missingHint());
  }
  const fh = await open(path, 'r');
  try {
    let entries: ZipEntry[];
    try {
      entries = await readCentralDirectory(fh, size);
    } catch (e) {
      if (!(e instanceof ZipFormatError)) throw e;
      if (e.problem === 'empty') throw fail(m.empty(), m.notZipHint());
      if (e.problem === 'ole') {
        // An old .xls and a password-protected .xlsx are both OLE compound files, with different cures.
        const kind = await classifyOle(path);
        if (kind === 'xls') throw fail(m.oldXls(), m.oldXlsHint());
        if (kind === 'encrypted') throw fail(m.protected(), m.protectedHint());
        throw fail(m.ole(), m.oleHint());
      }
      if (e.problem === 'truncated') throw fail(m.truncated(), m.truncatedHint());
      const kind = await sniffFile(path);
      if (kind === 'html') throw fail(m.html(), m.saveAsHint());
      if (kind === 'xml-spreadsheet') throw fail(m.xml2003(), m.saveAsHint());
      if (kind === 'text') throw fail(m.text(), m.textHint());
      throw fail(m.notZip(), m.notZipHint());
    }
    let total = 0;
    for (const e of entries) {
      if (e.encrypted) throw fail(m.encrypted(), m.oleHint());
      const isSheet = /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name);
      const limit = isSheet ? limits.worksheet : limits.inMemoryPart;
      if (e.uncompressedSize > limit) {
        // A genuine export past a per-part limit can be read by raising it for the run; the hint says how.
        const env = LIMIT_ENV[isSheet ? 'worksheet' : 'inMemoryPart'];
        const suggest = Math.ceil(e.uncompressedSize / 1024 ** 2 / 100) * 100;
        throw fail(
          m.bomb({ part: e.name, size: mb(e.uncompressedSize), limit: mb(limit) }),
          xm.partLimitHint({ env, suggest: String(suggest) }),
        );
      }
      if (
        e.uncompressedSize > LIMITS.ratioFloor &&
        e.uncompressedSize / Math.max(e.compressedSize, 1) > LIMITS.maxRatio
      )
        throw fail(
          m.ratio({
            part: e.name,
            ratio: Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1)),
            packed: mb(e.compressedSize),
            size: mb(e.uncompressedSize),
          }),
          m.bombHint(),
        );
      total += e.uncompressedSize;
    }
    if (total > LIMITS.total)
      throw fail(m.bomb({ part: display, size: mb(total), limit: mb(LIMITS.total) }), m.bombHint());
    const byName = new Map(entries.map((e) => [e.name, e]));
    const wbEntry = byName.get('xl/workbook.xml');
    if (!wbEntry) throw fail(m.notWorkbook(), m.notZipHint());
    // Parts inflated here, kept for the reader (each inflated once), up to KEPT_PARTS_LIMIT bytes.
    const parts = new Map<string, Buffer>();
    let kept = 0;
    const inflate = async (e: ZipEntry): Promise<Buffer> => {
      let buf = parts.get(e.name);
      if (buf === undefined) {
        buf = await readEntry(fh, e);
        if (kept + buf.length <= KEPT_PARTS_LIMIT) {
          parts.set(e.name, buf);
          kept += buf.length;
        }
      }
      return buf;
    };
    let wbXml: string;
    let relsXml = '';
    try {
      wbXml = (await inflate(wbEntry)).toString('utf8');
      const rels = byName.get('xl/_rels/workbook.xml.rels');
      if (rels) relsXml = (await inflate(rels)).toString('utf8');
    } catch {
      throw fail(m.truncated(), m.truncatedHint());
    }
    // Every part that is read whole (styles, shared strings, themes, properties, small sheets) must inflate cleanly: exceljs's
    // streaming reader stalls on damaged deflate data without an error, and a command would end without an answer.
    for (const e of entries) {
      // Big worksheets are streamed later; the fast reader reports damage in them as it meets it.
      if (e.name.endsWith('/') || e === wbEntry || e.uncompressedSize > MERGE_SCAN_LIMIT) continue;
      try {
        await inflate(e);
      } catch {
        throw fail(m.damaged({ part: e.name }), m.truncatedHint());
      }
    }
    const targets = new Map<string, string>();
    for (const mm of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(mm[0])?.[1];
      const target = /\bTarget="([^"]+)"/.exec(mm[0])?.[1];
      if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
    }
    const sheets: SheetInfo[] = [];
    for (const mm of wbXml.matchAll(/<sheet\b[^>]*\/?>/g)) {
      const name = decodeXml(/\bname="([^"]*)"/.exec(mm[0])?.[1] ?? '');
      const rid = /\br:id="([^"]+)"/.exec(mm[0])?.[1] ?? /\bid="([^"]+)"/.exec(mm[0])?.[1];
      const target = rid ? targets.get(rid) : undefined;
      const id = Number(/worksheets\/sheet(\d+)\.xml$/.exec(target ?? '')?.[1] ?? Number.NaN);
      if (!Number.isFinite(id)) continue;
      const part = byName.get(`xl/worksheets/sheet${id}.xml`);
      let merges: Merge[] = [];
      const errors = new Map<string, string>();
      if (part && part.uncompressedSize <= MERGE_SCAN_LIMIT) {
        try {
          // Only the tail (merges) and the error cells are turned into text: a big sheet stays a Buffer.
          const buf = await inflate(part);
          const at = buf.lastIndexOf('<mergeCells');
          if (at >= 0) merges = parseMerges(buf.toString('utf8', at));
          let e = buf.indexOf('t="e"');
          while (e >= 0) {
            const open = buf.lastIndexOf('<c ', e);
            const close = buf.indexOf('</c>', e);
            if (open < 0 || close < 0) break;
            const xml = buf.toString('utf8', open, close);
            const ref = /\br="([A-Z]+\d+)"/.exec(xml)?.[1];
            const code = /<v>([^<]*)<\/v>/.exec(xml)?.[1];
            if (ref && code) errors.set(ref, decodeXml(code));
            e = buf.indexOf('t="e"', close);
          }
        } catch {
          throw fail(m.truncated(), m.truncatedHint());
        }
      }
      sheets.push({ id, name, merges, errors, size: part?.uncompressedSize ?? 0 });
    }
    return { size, sheets, parts };
  } finally {
    await fh.close();
  }
}

type RawValue = unknown;

function textOf(v: RawValue): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v && Array.isArray((v as { richText: unknown[] }).richText))
    return (v as { richText: { text?: string }[] }).richText.map((r) => r.text ?? '').join('');
  return null;
}

/** Every shape of exceljs cell value, reduced to number | string | boolean | Date | error | null. */
export function normaliseValue(v: RawValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o && typeof o.error === 'string') return { error: o.error };
    if ('richText' in o) return textOf(o);
    if ('formula' in o || 'sharedFormula' in o) {
      const r = o.result;
      if (r === undefined || r === null || (typeof r === 'number' && Number.isNaN(r))) return null;
      return normaliseValue(r);
    }
    if ('hyperlink' in o || 'text' in o)
      return textOf(o.text) ?? (typeof o.text === 'number' ? o.text : null);
  }
  return null;
}

export interface StreamOptions {
  /** Called once per sheet before its rows; return false to skip the sheet. The row handed to the sink is
   * reused for the next row: copy what you keep. */
  onSheet(sheet: SheetInfo): ((row: SheetRow) => void) | false;
  onSheetEnd?(sheet: SheetInfo): void;
  onProgress?(bytesRead: number, size: number): void;
  /**
   * The fast reader (`./fast/`) is tried first unless this is false; default: on, unless the environment
   * has SALESMEET_FAST_XLSX=0.
   */
  fast?: boolean;
  /** A note for --verbose (why the fast reader declined a workbook). */
  onNote?(text: Text): void;
}

interface ExcelCell {
  value: RawValue;
  address: string;
  numFmt?: string;
}
interface ExcelRow {
  number: number;
  eachCell(opts: { includeEmpty: boolean }, cb: (cell: ExcelCell, col: number) => void): void;
}

/** Streams every sheet's rows through the callbacks; exceljs is imported only here. */
export async function streamWorkbook(
  path: string,
  display: string,
  info: WorkbookInfo,
  opts: StreamOptions,
): Promise<void> {
  try {
    await streamWith(path, display, info, opts);
  } finally {
    // The parts the check kept for the reader are not needed once the workbook is read.
    info.parts?.clear();
  }
}

async function streamWith(
  path: string,
  display: string,
  info: WorkbookInfo,
  opts: StreamOptions,
): Promise<void> {
  if (opts.fast ?? process.env.SALESMEET_FAST_XLSX !== '0') {
    const { streamWorkbookFast } = await import('./fast/reader.js');
    const r = await streamWorkbookFast(path, display, info, opts);
    if (r.used) return;
    opts.onNote?.(r.note);
  }
  const { default: ExcelJS } = await import('exceljs');
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
  let input: Readable = file;
  if (opts.onProgress) {
    // Counted in a pass-through, so the reader's back-pressure still holds (a 'data' listener would not).
    let read = 0;
    const onProgress = opts.onProgress;
    input = file.pipe(
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          read += chunk.length;
          onProgress(read, info.size);
          done(null, chunk);
        },
      }),
    );
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const byId = new Map(info.sheets.map((s) => [s.id, s]));
  try {
    for await (const ws of reader as unknown as AsyncIterable<
      AsyncIterable<ExcelRow> & { id: number; name: string }
    >) {
      const sheet = byId.get(Number(ws.id)) ?? {
        id: Number(ws.id),
        name: ws.name,
        merges: [],
        errors: new Map<string, string>(),
        size: 0,
      };
      const sink = opts.onSheet(sheet);
      if (sink === false) {
        for await (const _ of ws) {
          // drain
        }
        continue;
      }
      // One row object and one Cell per column, reused row after row (the sink copies what it keeps):
      // a million rows would otherwise be a million arrays and several million objects for the GC.
      const pool: Cell[] = [];
      const cells: (Cell | undefined)[] = [];
      const out: SheetRow = { n: 0, cells };
      const fill = (cell: ExcelCell, col: number) => {
        let v = normaliseValue(cell.value);
        if (v === null) {
          const code = sheet.errors.get(cell.address);
          if (code === undefined) return;
          v = { error: code };
        }
        let c = pool[col - 1];
        if (c === undefined) {
          c = { v: null, fmt: undefined };
          pool[col - 1] = c;
        }
        c.v = v;
        if (typeof v === 'number') {
          const fmt = cell.numFmt;
          c.fmt = fmt?.includes('%') ? fmt : undefined;
        } else c.fmt = undefined;
        cells[col - 1] = c;
      };
      for await (const row of ws) {
        cells.length = 0;
        out.n = row.number;
        row.eachCell({ includeEmpty: false }, fill);
        sink(out);
      }
      opts.onSheetEnd?.(sheet);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    // exceljs fails on some damaged files with a JavaScript TypeError ("Cannot read properties of undefined"):
    // that says nothing to a user, so it is told as damage; the original stays in the cause for --verbose.
    const internal = e instanceof TypeError || e instanceof RangeError;
    const reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    const text = internal
      ? (lang: Parameters<ReturnType<typeof m.garbled>>[0]) =>
          m.unreadable({ reason: m.garbled()(lang) })(lang)
      : m.unreadable({ reason });
    throw new InputError('excel.unreadable', text, {
      location: { file: display },
      hint: m.unreadableHint(),
      cause: e,
    });
  } finally {
    input.destroy();
    file.destroy();
  }
}
