/**
 * Reading a .csv / .tsv export as one sheet, streamed in bounded memory: the encoding and the delimiter are
 * detected from the first 64 KB, the bytes are decoded a run of whole lines at a time (so an undecodable byte
 * is reported with its line), and csv-parse (imported lazily) splits the text into records. Rows are numbered
 * by the physical line their record starts on, so a warning can point at `orders.csv:12`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { InputError, UsageError } from '../core/errors.js';
import { messagesOf, type Text } from '../core/i18n/messages.js';
import type { Cell, SheetRow } from '../core/kpi/values.js';
import type { SheetInfo, StreamOptions } from './excel/read.js';

const m = messagesOf((c) => c.io.csv);

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'gbk' | 'big5';

/** Labels a user may pass, lower-cased, and the decoder each one means. */
const ENCODING_LABELS: Record<string, CsvEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gbk',
  gb2312: 'gbk',
  cp936: 'gbk',
  big5: 'big5',
  cp950: 'big5',
};

const ENCODING_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
  gbk: 'GBK',
  big5: 'Big5',
};

/** `--encoding` as given → a decoder name; a UsageError (exit 2) names the accepted labels. */
export function parseEncoding(label: string): CsvEncoding {
  const e = ENCODING_LABELS[label.trim().toLowerCase()];
  if (!e)
    throw new UsageError(
      'csv.encoding',
      m.badEncoding({ value: label, accepted: 'utf-8, utf-16le, utf-16be, gb18030, gbk, big5' }),
    );
  return e;
}

/** How much of the start of a file the encoding and delimiter are decided on. */
export const SAMPLE_SIZE = 64 * 1024;
/** A record (and a line) longer than this is refused: no export has one, a missing quote or binary data does. */
export const MAX_RECORD = 1024 * 1024;
const MAX_RECORD_TEXT = '1 MB';

export interface Detected {
  encoding: CsvEncoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
}

/**
 * Characters that fill Chinese business tables (headers such as 区域 / 區域, 销售额 / 銷售額, 月份, 目标, 客户, and
 * the most frequent characters of running text), in simplified and traditional forms. Text in the right
 * encoding is full of them; the same bytes decoded with the wrong double-byte table give rare characters.
 */
const COMMON_ZH = new Set(
  Array.from(
    '的一是不了人在有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于着下自之年过過' +
      '发發后後作里裡用道行所然家种種事成方多经經么去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心本前开開' +
      '区區域月份日期销銷售额額目标標实實际際完客户戶产產品线線代表金数數量单單价價订訂合计計名称稱门門公司总總华華东東南西北京海省市' +
      '元万萬收入回款毛利率费費用成本新老务務业業绩績指季度半全部预預算达達' +
      '，。：；（）',
  ),
);

/** Counts characters of a decoded sample that are in the common set, and replacement characters (decode errors). */
function score(text: string): { hits: number; errors: number } {
  let hits = 0;
  let errors = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') errors++;
    else if (COMMON_ZH.has(ch)) hits++;
  }
  return { hits, errors };
}

/**
 * Decides the encoding of a file from its first bytes (`complete`: the sample is the whole file):
 * 1. a byte-order mark says it: EF BB BF UTF-8, FF FE UTF-16LE (Excel's "Unicode Text"), FE FF UTF-16BE;
 * 2. UTF-16 without a mark shows as NUL bytes in every other position (ASCII text in 16-bit units);
 * 3. bytes that decode strictly as UTF-8 are UTF-8 (a character cut by the end of the sample is not an error);
 * 4. otherwise the file is in a Chinese ANSI code page: GB18030 (what Excel saves on Chinese Windows) or Big5
 *    (zh-TW). Both tables accept most byte pairs, so the sample is decoded with each and scored: one point per
 *    character from a short list of very common characters (COMMON_ZH), minus three per decode error; Big5
 *    wins only with a strictly higher score, so GB18030 is the default when the sample says nothing.
 * Returns undefined for binary data (NUL bytes in a file that is not UTF-16).
 */
export function detectEncoding(sample: Buffer, complete: boolean): Detected | undefined {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (sample.includes(0)) {
    const n = Math.min(sample.length, 4096) & ~1;
    let even = 0;
    let odd = 0;
    for (let i = 0; i < n; i += 2) {
      if (sample[i] === 0) even++;
      if (sample[i + 1] === 0) odd++;
    }
    const pairs = n / 2;
    if (odd > pairs * 0.3 && even < pairs * 0.05) return { encoding: 'utf-16le', bom: 0 };
    if (even > pairs * 0.3 && odd < pairs * 0.05) return { encoding: 'utf-16be', bom: 0 };
    return undefined;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    // not UTF-8
  }
  const gb = score(new TextDecoder('gb18030').decode(sample));
  const big5 = score(new TextDecoder('big5').decode(sample));
  const value = (s: { hits: number; errors: number }) => s.hits - 3 * s.errors;
  return { encoding: value(big5) > value(gb) ? 'big5' : 'gb18030', bom: 0 };
}

const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter whose count per record (outside quotes) is the most consistent over the first records of the
 * sample: for each candidate, the share of records that have the most frequent non-zero count; ties go to the
 * higher count, then to the order , tab ; |. A file without any of them is one column (comma).
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = DELIMITERS.map(() => [] as number[]);
  let row = DELIMITERS.map(() => 0);
  let quoted = false;
  let fieldStart = true;
  let records = 0;
  const endRecord = () => {
    for (const [i, c] of row.entries()) counts[i]!.push(c);
    row = DELIMITERS.map(() => 0);
    records++;
  };
  for (let i = 0; i < text.length && records < 50; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      continue;
    }
    const d = DELIMITERS.indexOf(ch as Delimiter);
    if (d >= 0) {
      row[d]!++;
      fieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      // A blank line is no record.
      if (row.some((c) => c > 0) || !fieldStart) endRecord();
      else row = DELIMITERS.map(() => 0);
      fieldStart = true;
    } else fieldStart = false;
  }
  let best: { d: Delimiter; share: number; count: number } | undefined;
  DELIMITERS.forEach((d, i) => {
    const cs = counts[i]!;
    const freq = new Map<number, number>();
    for (const c of cs) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let count = 0;
    let n = 0;
    for (const [c, k] of freq) if (k > n || (k === n && c > count)) [count, n] = [c, k];
    if (n === 0) return;
    const share = n / cs.length;
    if (!best || share > best.share || (share === best.share && count > best.count))
      best = { d, share, count };
  });
  return best?.d ?? ',';
}

export interface CsvOptions extends Pick<StreamOptions, 'onSheet' | 'onSheetEnd' | 'onProgress' | 'onNote'> {
  /** Overrides detection: utf-8, utf-16le, utf-16be, gb18030, gbk or big5. */
  encoding?: string;
  /** Overrides detection (a .tsv file is always tab-separated). */
  delimiter?: Delimiter;
}

export interface CsvRead {
  encoding: CsvEncoding;
  delimiter: Delimiter;
  rows: number;
}

/** Finds where the last complete line of `buf` ends (after its \n or \r), in code units of the encoding. */
function lastLineEnd(buf: Buffer, encoding: CsvEncoding): number {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const lo = encoding === 'utf-16le' ? 0 : 1;
    for (let i = (buf.length & ~1) - 2; i >= 0; i -= 2) {
      const b = buf[i + lo];
      if ((b === 0x0a || b === 0x0d) && buf[i + 1 - lo] === 0) return i + 2;
    }
    return -1;
  }
  // In UTF-8, GB18030 and Big5 the bytes \n and \r never occur inside a multi-byte character.
  const n = buf.lastIndexOf(0x0a);
  const r = buf.lastIndexOf(0x0d);
  const at = Math.max(n, r);
  return at < 0 ? -1 : at + 1;
}

/** Physical lines in a run of text: \r\n, \n and \r each end one (a \r\n cut by a run boundary counted once). */
class LineCounter {
  lines = 0;
  private pendingCr = false;
  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        if (this.pendingCr) this.pendingCr = false;
        else this.lines++;
      } else {
        this.pendingCr = c === 13;
        if (this.pendingCr) this.lines++;
      }
    }
  }
}

/**
 * Streams a CSV file as one sheet named after the file, through the same callbacks as `streamWorkbook`.
 * Cells are the text as written (a field that is empty or only spaces is no cell); the KPI layer reads
 * numbers, percentages and dates from text. Throws InputError (exit 3) with the file and line.
 */
export async function streamCsv(path: string, display: string, opts: CsvOptions): Promise<CsvRead> {
  const forced = opts.encoding === undefined ? undefined : parseEncoding(opts.encoding);
  const fail = (text: Text, line?: number, hint?: Text, cause?: unknown) =>
    new InputError('csv.unreadable', text, {
      location: { file: display, ...(line !== undefined ? { line } : {}) },
      ...(hint ? { hint } : {}),
      ...(cause !== undefined ? { cause } : {}),
    });
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw fail(m.missing(), undefined, m.missingHint());
  }
  const file = createReadStream(path, { highWaterMark: SAMPLE_SIZE });
  const sheet: SheetInfo = { id: 1, name: basename(path), merges: [], errors: new Map(), size };
  try {
    const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    // The first chunk (up to 64 KB) is the sample.
    let first = await chunks.next();
    let sample: Buffer = first.done ? Buffer.alloc(0) : first.value;
    while (!first.done && sample.length < SAMPLE_SIZE && sample.length < size) {
      first = await chunks.next();
      if (!first.done) sample = Buffer.concat([sample, first.value]);
    }
    const detected = detectEncoding(sample, sample.length >= size);
    let encoding: CsvEncoding;
    let bom = 0;
    if (forced) {
      encoding = forced;
      // A byte-order mark of the named encoding is skipped; any other is left to fail decoding.
      if (detected && detected.bom > 0 && detected.encoding === forced) bom = detected.bom;
    } else {
      if (sample.length === 0) throw fail(m.empty(), undefined, m.emptyHint());
      if (!detected) throw fail(m.binary(), undefined, m.binaryHint());
      encoding = detected.encoding;
      bom = detected.bom;
    }
    if (sample.length <= bom) throw fail(m.empty(), undefined, m.emptyHint());
    const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });

    // Excel's `sep=;` first line names the delimiter; it is no row, but it is line 1.
    let head = new TextDecoder(encoding, { ignoreBOM: true }).decode(sample.subarray(bom, bom + 4096));
    let lineOffset = 0;
    let skip = 0;
    let delimiter: Delimiter | undefined = opts.delimiter;
    const sep = /^sep=(.)(\r\n|\n|\r|$)/i.exec(head);
    if (sep) {
      const d = sep[1] as Delimiter;
      if (DELIMITERS.includes(d)) delimiter ??= d;
      lineOffset = 1;
      skip = Buffer.byteLength(sep[0], utf16 ? 'utf16le' : 'utf8');
      head = head.slice(sep[0].length);
    }
    if (delimiter === undefined && extname(path).toLowerCase() === '.tsv') delimiter = '\t';
    delimiter ??= detectDelimiter(
      sep ? head : new TextDecoder(encoding, { ignoreBOM: true }).decode(sample.subarray(bom)),
    );
    opts.onNote?.(
      m.read({
        file: display,
        encoding: ENCODING_NAMES[encoding],
        delimiter: delimiter === '\t' ? 'Tab' : delimiter,
      }),
    );

    const { parse } = await import('csv-parse');
    const parser = parse({
      delimiter,
      quote: '"',
      record_delimiter: '\n',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD,
      info: true,
    });

    const sink = opts.onSheet(sheet);
    const pool: Cell[] = [];
    const cells: (Cell | undefined)[] = [];
    const out: SheetRow = { n: 0, cells };
    // The line the previous record ended on: the next record starts on the line after (blank lines are
    // records too, with skip_empty_lines off, so nothing is skipped unseen).
    let lastEnd = 0;
    let rows = 0;
    let failure: unknown;
    parser.on('error', (e) => {
      // A record that has run over several lines is inside a quoted field: an unquoted line end ends a record.
      const lines = (e as { lines?: number }).lines ?? 0;
      failure ??= Object.assign(e, { startLine: lastEnd + 1 + lineOffset, quoted: lines > lastEnd + 1 });
    });
    parser.on('data', (r: { record: string[]; info: { lines: number } }) => {
      const start = lastEnd + 1;
      lastEnd = r.info.lines;
      if (sink === false) return;
      cells.length = 0;
      let any = false;
      r.record.forEach((v, i) => {
        if (v === '' || v.trim() === '') return;
        let c = pool[i];
        if (c === undefined) {
          c = { v: null };
          pool[i] = c;
        }
        c.v = v;
        cells[i] = c;
        any = true;
      });
      if (!any) return;
      out.n = start + lineOffset;
      rows++;
      sink(out);
    });
    const ended = new Promise<void>((resolve) => {
      parser.on('end', () => resolve());
      parser.on('error', () => resolve());
    });

    const lines = new LineCounter();
    // CR LF and CR become LF: csv-parse then counts one line per record delimiter, also inside quoted fields.
    let cr = false;
    const normalise = (text: string): string => {
      let t = cr ? `\r${text}` : text;
      cr = t.endsWith('\r');
      if (cr) t = t.slice(0, -1);
      return t.replace(/\r\n?/g, '\n');
    };
    const feed = async (text: string) => {
      if (!parser.write(normalise(text)))
        await new Promise((r) => {
          // An error stops the parser: no drain would come.
          parser.once('drain', r);
          parser.once('error', r);
        });
      // csv-parse reports errors asynchronously.
      await new Promise((r) => setImmediate(r));
      if (failure) throw failure;
    };
    /** Decodes whole lines; an undecodable byte is located by decoding ever shorter prefixes. */
    const decode = (bytes: Buffer): string => {
      if (!utf16 && bytes.includes(0)) {
        const at = bytes.indexOf(0);
        const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(0, at));
        const c = new LineCounter();
        c.add(before);
        throw fail(m.binary(), lines.lines + c.lines + 1 + lineOffset, m.binaryHint());
      }
      try {
        return decoder.decode(bytes);
      } catch (e) {
        let lo = 0;
        let hi = bytes.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          try {
            new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, mid + 1), {
              stream: true,
            });
            lo = mid + 1;
          } catch {
            hi = mid;
          }
        }
        const c = new LineCounter();
        c.add(new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(0, lo)));
        throw fail(
          m.undecodable({ encoding: ENCODING_NAMES[encoding] }),
          lines.lines + c.lines + 1 + lineOffset,
          m.undecodableHint(),
          e,
        );
      }
    };

    let carry: Buffer = sample.subarray(bom + skip);
    let read = sample.length;
    const maxLine = MAX_RECORD * (utf16 ? 2 : 4);
    for (;;) {
      const end = lastLineEnd(carry, encoding);
      if (end > 0) {
        const text = decode(carry.subarray(0, end));
        lines.add(text);
        carry = carry.subarray(end);
        await feed(text);
      }
      if (carry.length > maxLine)
        throw fail(m.tooLong({ limit: MAX_RECORD_TEXT }), lines.lines + 1 + lineOffset, m.tooLongHint());
      const next = await chunks.next();
      if (next.done) break;
      read += next.value.length;
      opts.onProgress?.(read, size);
      carry = carry.length === 0 ? next.value : Buffer.concat([carry, next.value]);
    }
    if (carry.length > 0) {
      const text = decode(carry);
      lines.add(text);
      await feed(text);
    }
    if (cr) parser.write('\n');
    parser.end();
    await ended;
    if (failure) throw failure;
    if (sink !== false) opts.onSheetEnd?.(sheet);
    return { encoding, delimiter, rows };
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError) throw e;
    const err = e as { code?: string; quoted?: boolean; message?: string };
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) throw csvError(err, fail);
    throw e;
  } finally {
    file.destroy();
  }
}

/** The record the parser stopped in starts on the line after the last record it delivered. */
function csvError(
  err: { code?: string; quoted?: boolean; message?: string; startLine?: number },
  fail: (text: Text, line?: number, hint?: Text, cause?: unknown) => InputError,
): InputError {
  const line = err.startLine;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return fail(m.unclosedQuote(), line, m.unclosedQuoteHint(), err);
  if (err.code === 'CSV_MAX_RECORD_SIZE')
    return err.quoted
      ? fail(m.runaway({ limit: MAX_RECORD_TEXT }), line, m.unclosedQuoteHint(), err)
      : fail(m.tooLong({ limit: MAX_RECORD_TEXT }), line, m.tooLongHint(), err);
  const reason = (err.message ?? '').split(':')[0] ?? '';
  return fail(m.syntax({ reason }), line, undefined, err);
}
