/**
 * The `kpi` use-case: read the exports (files or folders), classify and ingest every sheet, resolve the
 * period and as-of day, compute. `computeMeetingKpi` does the same from a meeting folder's `kpi:` section
 * (sources relative to the folder), for `pack` and `actions`.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { formatLocation, InputError, UsageError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf, type Text } from '../core/i18n/messages.js';
import { type Computed, computeKpi, defaultPeriod } from '../core/kpi/compute.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../core/kpi/formulas.js';
import { GROUP_KEYS } from '../core/kpi/headers.js';
import { KpiStore, type MetricOverride, SheetIngester, type SheetKind } from '../core/kpi/ingest.js';
import { km } from '../core/kpi/messages.js';
import {
  comparedRanges,
  dayOfIso,
  isoOfDay,
  type Period,
  parsePeriod,
  spanOf,
  uncoveredYears,
  ytdOf,
} from '../core/kpi/period.js';
import type { GroupKey, KpiRow, PeriodFrom } from '../core/kpi/result.js';
import { type CsvRead, parseEncoding, streamCsv } from '../io/csv.js';
import { inspectWorkbook, type StreamOptions, streamWorkbook } from '../io/excel/read.js';
import { chineseCalendar } from '../io/holidays.js';
import { sniffFile } from '../io/sniff.js';
import type { MeetingFolder } from './meeting-folder.js';

const m = messagesOf((c) => c.app.kpi);

export interface KpiSource {
  /** A file or folder, absolute or relative to `cwd`. */
  path: string;
  /** Workbooks only: a CSV file is one sheet. */
  sheet?: string;
  columns?: Record<string, string>;
  /** CSV only: overrides encoding detection (utf-8, utf-16le, utf-16be, gb18030, gbk, big5). */
  encoding?: string;
}

export interface KpiOptions {
  sources: KpiSource[];
  period?: string;
  ytd?: boolean;
  asOf?: string;
  workdays?: boolean;
  by?: string[];
  metrics?: string[];
  metricOverrides?: Record<string, MetricOverride>;
  thresholds?: Partial<Thresholds>;
  lang: Lang;
  /** Stage names counted as won / lost in opportunity exports (replace the vendors' defaults). */
  won?: string[];
  lost?: string[];
  /** field → header, for every source that does not name its own (`--columns actual=价税合计`). */
  columns?: Record<string, string>;
  /** The period was given by meeting.yaml, not on the command line. */
  periodFromMeeting?: boolean;
  /** Sales headcount for revenue per rep (meeting.yaml `kpi.headcount`). */
  headcount?: number;
}

export interface KpiDeps {
  cwd: string;
  now: Date;
  onProgress?: (file: string, bytesRead: number, size: number) => void;
  onFileDone?: (file: string) => void;
  /** false: read with exceljs only (--no-fast); default: the fast reader unless SALESMEET_FAST_XLSX=0. */
  fast?: boolean;
  /** Notes for --verbose (why the fast reader declined a file). */
  onNote?: (text: Text) => void;
}

export interface SheetNote {
  file: string;
  sheet: string;
  kind: SheetKind | 'skip';
  note?: string;
}

export interface KpiRun extends Computed {
  files: string[];
  sheets: SheetNote[];
  rowsRead: number;
  thresholds: Thresholds;
  ytd: boolean;
  workdays: boolean;
  /** Every cell behind the counted warnings, for --verbose. */
  details: string[];
}

const BY_ALIASES: Record<string, GroupKey> = {
  region: 'region',
  regions: 'region',
  territory: 'region',
  area: 'region',
  区域: 'region',
  區域: 'region',
  大区: 'region',
  product: 'product',
  products: 'product',
  productline: 'product',
  'product-line': 'product',
  product_line: 'product',
  产品线: 'product',
  產品線: 'product',
  rep: 'rep',
  reps: 'rep',
  owner: 'rep',
  sales: 'rep',
  销售代表: 'rep',
  業務: 'rep',
  customer: 'customer',
  account: 'customer',
  客户: 'customer',
  客戶: 'customer',
  channel: 'channel',
  渠道: 'channel',
  team: 'team',
  团队: 'team',
  團隊: 'team',
  地区: 'region',
  地區: 'region',
  产品: 'product',
  產品: 'product',
  品类: 'product',
  品類: 'product',
  销售: 'rep',
  销售员: 'rep',
  业务员: 'rep',
  業務員: 'rep',
  業務代表: 'rep',
  负责人: 'rep',
  負責人: 'rep',
  销售人员: 'rep',
  people: 'rep',
  person: 'rep',
  通路: 'channel',
  部门: 'team',
  部門: 'team',
  department: 'team',
  dept: 'team',
  customers: 'customer',
  accounts: 'customer',
  channels: 'channel',
  teams: 'team',
};

const COLUMN_FIELDS = [
  'actual',
  'target',
  'priorYear',
  'priorPeriod',
  'period',
  'date',
  'metric',
  'unit',
  'region',
  'product',
  'rep',
  'customer',
  'channel',
  'team',
  'stage',
  'probability',
  'amount',
  'revenue',
  'month',
];

/** `actual=价税合计,team=销售部门` → { actual: '价税合计', team: '销售部门' }; UsageError for a bad pair or field. */
export function parseColumns(values: string[] | undefined): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const pair of values
    .flatMap((s) => s.split(/[,，]/))
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = pair.search(/[=＝]/);
    if (at <= 0 || at === pair.length - 1) throw new UsageError('kpi.columns', m.badColumns({ value: pair }));
    const raw = pair.slice(0, at).trim();
    const field =
      COLUMN_FIELDS.find((f) => f.toLowerCase() === raw.toLowerCase()) ??
      BY_ALIASES[raw] ??
      BY_ALIASES[raw.toLowerCase()];
    if (!field)
      throw new UsageError('kpi.columns', m.badField({ field: raw, fields: COLUMN_FIELDS.join(', ') }));
    out[field] = pair.slice(at + 1).trim();
  }
  return out;
}

/** `region,product` → ['region', 'product']; UsageError for an unknown dimension. */
export function parseBy(values: string[] | undefined): GroupKey[] {
  const out: GroupKey[] = [];
  for (const v of (values ?? []).flatMap((s) => s.split(/[,，\s]+/)).filter(Boolean)) {
    const k = BY_ALIASES[v.toLowerCase()] ?? BY_ALIASES[v];
    if (!k) throw new UsageError('kpi.by', m.badBy({ value: v }));
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

/** The local calendar date of a moment, as YYYY-MM-DD. */
function localDate(d: Date): string {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Files a folder contributes; `.xls` is left out (an old binary workbook, or HTML or text under that name). */
const FOLDER_FILE = /\.(xlsx|xlsm|csv|tsv)$/i;

/** How a path is shown: relative to the working directory when inside it, else absolute (never `../../..`). */
function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  if (rel === '') return '.';
  if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return abs;
  return rel;
}

async function expand(
  src: KpiSource,
  cwd: string,
  onNote?: (text: Text) => void,
): Promise<{ path: string; display: string; src: KpiSource }[]> {
  const abs = resolve(cwd, src.path);
  const display = displayPath(abs, cwd);
  let isDir = false;
  try {
    isDir = (await stat(abs)).isDirectory();
  } catch {
    // reported by the reader as "file not found"
  }
  if (!isDir) return [{ path: abs, display, src }];
  const all = (await readdir(abs)).filter((n) => !n.startsWith('~$') && !n.startsWith('.')).sort();
  const names = all.filter((n) => FOLDER_FILE.test(n));
  const xls = all.filter((n) => /\.xls$/i.test(n));
  const list = (ns: string[]) => (ns.length > 3 ? `${ns.slice(0, 3).join(', ')}, …` : ns.join(', '));
  if (names.length === 0) {
    const text =
      xls.length === 1
        ? m.noFilesXls1()
        : xls.length > 1
          ? m.noFilesXls({ count: xls.length })
          : all.length > 0
            ? m.noFilesOther({ names: list(all) })
            : m.noFiles();
    throw new InputError('kpi.noFiles', text, {
      location: { file: display },
      ...(xls.length > 0 ? { hint: m.noFilesHint() } : {}),
    });
  }
  if (xls.length > 0) onNote?.(m.xlsNotRead({ names: list(xls) }));
  return names.map((n) => ({ path: join(abs, n), display: displayPath(join(abs, n), cwd), src }));
}

/**
 * Which reader a file needs, by name and content: .xlsx/.xlsm are workbooks (the workbook reader explains
 * anything else); .csv/.tsv/.txt are text unless they hold a workbook or an HTML page (which the workbook
 * reader names); an .xls is read as text when it is text
 * (many ERP "Excel" exports are), else handed to the workbook reader, which tells an old .xls from a
 * password-protected workbook or an HTML page.
 */
async function readerFor(path: string): Promise<'workbook' | 'csv' | 'xls-text'> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'workbook';
  const kind = await sniffFile(path);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt')
    return kind === 'text' || kind === 'binary' || kind === 'empty' ? 'csv' : 'workbook';
  if (kind === 'text') return ext === '.xls' ? 'xls-text' : 'csv';
  return 'workbook';
}

/** Reads every sheet of every file into a store. Exported for `loadHistory`. */
export async function ingestFiles(
  sources: KpiSource[],
  store: KpiStore,
  deps: Pick<KpiDeps, 'cwd' | 'onProgress' | 'onFileDone' | 'fast' | 'onNote'>,
): Promise<{ files: string[]; sheets: SheetNote[] }> {
  if (sources.length === 0) throw new UsageError('kpi.noInput', m.noInput(), { hint: m.noInputHint() });
  // A misspelt encoding is a usage error before any file is read.
  for (const src of sources) if (src.encoding !== undefined) parseEncoding(src.encoding);
  const files: string[] = [];
  const sheets: SheetNote[] = [];
  const seen = new Set<string>();
  for (const src of sources) {
    for (const f of await expand(src, deps.cwd, deps.onNote)) {
      // The same file twice (a folder and a file in it) would count every row twice.
      if (seen.has(f.path)) continue;
      seen.add(f.path);
      files.push(f.display);
      const fileSheets: SheetNote[] = [];
      const flatRanges: [number, number][] = [];
      let current: SheetIngester | undefined;
      let before = 0;
      const reader = await readerFor(f.path);
      const callbacks: Pick<StreamOptions, 'onSheet' | 'onSheetEnd' | 'onProgress' | 'onNote'> = {
        onSheet(sheet) {
          if (reader === 'workbook' && f.src.sheet !== undefined && sheet.name !== f.src.sheet) return false;
          current = new SheetIngester(store, {
            file: f.display,
            sheet: sheet.name,
            ...(f.src.columns ? { columns: f.src.columns } : {}),
            merges: sheet.merges,
          });
          before = store.targets.length;
          const ing = current;
          return (row) => ing.push(row);
        },
        onSheetEnd(sheet) {
          if (!current) return;
          const notesBefore = store.notes.length;
          const kind = current.finish();
          const note = store.notes.length > notesBefore ? store.notes.at(-1)?.text : undefined;
          if (kind === 'targets-flat') flatRanges.push([before, store.targets.length]);
          fileSheets.push({ file: f.display, sheet: sheet.name, kind, ...(note ? { note } : {}) });
          current = undefined;
        },
        ...(deps.onNote ? { onNote: deps.onNote } : {}),
        ...(deps.onProgress
          ? { onProgress: (read: number, size: number) => deps.onProgress?.(f.display, read, size) }
          : {}),
      };
      if (reader === 'workbook') {
        const info = await inspectWorkbook(f.path, f.display);
        await streamWorkbook(f.path, f.display, info, {
          ...callbacks,
          ...(deps.fast !== undefined ? { fast: deps.fast } : {}),
        });
      } else {
        const read: CsvRead = await streamCsv(f.path, f.display, {
          ...callbacks,
          ...(f.src.encoding !== undefined ? { encoding: f.src.encoding } : {}),
        });
        if (reader === 'xls-text')
          store.warn({
            message: m.xlsText({ delimiter: read.delimiter === '\t' ? 'Tab' : read.delimiter })(store.lang),
            file: f.display,
            sheet: null,
            cell: null,
          });
      }
      deps.onFileDone?.(f.display);
      // Targets without a period count only when the file has no targets sheet by period.
      if (fileSheets.some((s) => s.kind === 'targets') && flatRanges.length > 0) {
        const drop = new Set<number>();
        for (const [a, b] of flatRanges) for (let i = a; i < b; i++) drop.add(i);
        store.targets = store.targets.filter((_, i) => !drop.has(i));
        for (const s of fileSheets) if (s.kind === 'targets-flat') s.note = 'flatTargets';
      }
      if (!fileSheets.some((s) => s.kind !== 'skip'))
        throw new InputError('kpi.noSheet', m.noSheet(), {
          location: { file: f.display },
          hint: m.noSheetHint(),
        });
      sheets.push(...fileSheets);
    }
  }
  return { files, sheets };
}

/** A `--as-of` day (YYYY-MM-DD), or the usage error that names the flag. */
export function resolveAsOf(text: string): number {
  const day = dayOfIso(text);
  if (day === undefined) throw new UsageError('kpi.asOf', m.badDate({ value: text }));
  return day;
}

export function resolvePeriod(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new UsageError('kpi.period', m.badPeriod({ value: text }));
  return p;
}

export async function runKpi(options: KpiOptions, deps: KpiDeps): Promise<KpiRun> {
  const by = parseBy(options.by);
  const asOfText = options.asOf ?? localDate(deps.now);
  const asOf = resolveAsOf(asOfText);
  const period = options.period ? resolvePeriod(options.period) : undefined;
  const store = new KpiStore(by, options.lang, options.metricOverrides ?? {}, Boolean(options.ytd), {
    ...(options.won ? { won: options.won } : {}),
    ...(options.lost ? { lost: options.lost } : {}),
  });
  // A period known before reading lets the reader keep per-row facts only for the ranges it needs.
  // The compared ranges first (the first is the actuals', which per-dimension buckets are kept for); mid-period
  // also the whole period, so that rows after the as-of day are seen (and said to be left out).
  if (period) {
    const ytd = Boolean(options.ytd);
    const { ranges, toDate } = comparedRanges(period, asOf, ytd);
    store.focus = [
      ...ranges.filter((r) => r !== null).map((r) => ({ start: r.start, end: r.end })),
      ...(toDate ? [ranges[0].whole] : []),
    ];
  } else {
    // Chosen after the reading (defaultPeriod): a whole month, compared with whole months, so the reader
    // keeps a bucket per group and month, not per group and day, and leaves out the months that no compared
    // range can be in any more.
    store.periodLater(asOf);
  }
  const sources = options.columns
    ? options.sources.map((s) => ({ ...s, columns: { ...options.columns, ...s.columns } }))
    : options.sources;
  const { files, sheets } = await ingestFiles(sources, store, deps);
  const chosen = period ? undefined : defaultPeriod(store, asOf);
  const p = period ?? chosen!.period;
  const short = chosen?.from.kind === 'data' ? chosen.from.short : undefined;
  if (short) {
    const { month, last } = short;
    const end = parsePeriod(month)!.end;
    const message = km.stopsEarly({ month, last: isoOfDay(last), days: end - last, period: p.label });
    store.warnings.push({ message: message(options.lang), file: null, sheet: null, cell: null });
  }
  const from: PeriodFrom = period ? (options.periodFromMeeting ? 'meeting' : 'option') : chosen!.from.kind;
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const ytd = Boolean(options.ytd);
  const workdays = Boolean(options.workdays);
  const calendar = workdays ? chineseCalendar() : undefined;
  const computed = computeKpi(store, {
    period: p,
    ytd,
    asOf,
    workdays,
    ...(calendar ? { calendar } : {}),
    by,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    thresholds,
    lang: options.lang,
    from,
    ...(options.headcount !== undefined ? { headcount: options.headcount } : {}),
  });
  if (chosen?.from.kind === 'stated')
    computed.result.period.where = formatLocation({
      file: chosen.from.file,
      sheet: chosen.from.sheet,
      cell: chosen.from.cell,
    });
  const w = computed.result.warnings;
  // Nothing for the period while the data holds values for others: a mismatch, said with what the data covers.
  // (Dated rows around the period that just have a gap in it are a real empty period: exit 0 with a warning.)
  const range = ytd ? ytdOf(p) : p;
  if (!computed.result.rows.some(hasValue) && !datedOverlap(store, range)) {
    const covers = coverageOf(store);
    if (covers.text.length > 0)
      throw new InputError(
        'kpi.periodMismatch',
        m.periodMismatch({ period: computed.result.period.label, covers: covers.text.join('; ') }),
        { hint: m.periodMismatchHint({ suggest: covers.suggest }) },
      );
  }
  if (calendar) {
    const years = uncoveredYears(ytd ? ytdOf(p) : p, calendar);
    if (years.length > 0)
      w.push({
        message: km.noHolidays({ years: years.join(', ') })(options.lang),
        file: null,
        sheet: null,
        cell: null,
      });
  }
  for (const k of by) {
    if (!hasDimension(store, k))
      w.push({ message: km.noDimension({ by: k })(options.lang), file: null, sheet: null, cell: null });
  }
  return {
    ...computed,
    files,
    sheets,
    rowsRead: store.rows,
    thresholds,
    ytd,
    workdays,
    details: store.details,
  };
}

function datedOverlap(store: KpiStore, r: { start: number; end: number }): boolean {
  for (const c of store.coverage) {
    if (c.first !== null && c.last !== null && c.first <= r.end && c.last >= r.start) return true;
    for (const l of c.labels) {
      const s = spanOf(l);
      if (s && s.start <= r.end && s.end >= r.start) return true;
    }
  }
  return false;
}

function hasValue(r: KpiRow): boolean {
  return r.actual !== null || r.target !== null || r.priorYear !== null || r.priorPeriod !== null;
}

/** What the data covers, per sheet, for the message when nothing answers the asked period. */
function coverageOf(store: KpiStore): { text: string[]; suggest: string } {
  const text: string[] = [];
  let suggest = '';
  let latest = -Infinity;
  for (const c of store.coverage) {
    const where = formatLocation({ file: c.file, sheet: c.sheet });
    if (c.first !== null && c.last !== null) {
      text.push(`${isoOfDay(c.first)} ~ ${isoOfDay(c.last)} (${where})`);
      if (c.last > latest) {
        latest = c.last;
        suggest = isoOfDay(c.last).slice(0, 7);
      }
    }
    if (c.labels.size > 0) {
      const labels = [...c.labels].sort();
      text.push(`${labels.length > 3 ? `${labels[0]} … ${labels.at(-1)}` : labels.join(', ')} (${where})`);
      const end = spanOf(labels.at(-1)!)?.end ?? -Infinity;
      if (end > latest) {
        latest = end;
        suggest = labels.at(-1)!;
      }
    }
  }
  for (const s of store.stated) {
    if (!s.undated) continue;
    text.push(`${s.label} (${formatLocation({ file: s.file, sheet: s.sheet, cell: s.cell })})`);
    if (s.end > latest && parsePeriod(s.label)) {
      latest = s.end;
      suggest = s.label;
    }
  }
  return { text, suggest };
}

function hasDimension(store: KpiStore, k: GroupKey): boolean {
  for (const b of store.buckets.values()) if (b.group[k] !== undefined) return true;
  return (
    store.targets.some((t) => t.group[k] !== undefined) || store.summary.some((s) => s.group[k] !== undefined)
  );
}

export interface MeetingKpiOptions {
  lang: Lang;
  now: Date;
  /** Command-line values override the meeting's. */
  period?: string;
  ytd?: boolean;
  asOf?: string;
  workdays?: boolean;
  by?: string[];
  metrics?: string[];
  won?: string[];
  lost?: string[];
  columns?: Record<string, string>;
  /** Where paths are shown relative to (default: the process's working directory). */
  cwd?: string;
  onProgress?: KpiDeps['onProgress'];
  fast?: KpiDeps['fast'];
  onNote?: KpiDeps['onNote'];
}

/** Applies a meeting's `kpi:` section (sources relative to the meeting folder). Used by `kpi --meeting`, `pack`, `actions`. */
export async function computeMeetingKpi(folder: MeetingFolder, options: MeetingKpiOptions): Promise<KpiRun> {
  const kpi = folder.meeting.value.kpi;
  if (!kpi || kpi.sources.length === 0)
    throw new InputError('kpi.noKpi', m.noKpi(), {
      location: { file: folder.display(join(folder.dir, 'meeting.yaml')) },
      hint: m.noKpiHint(),
    });
  const sources: KpiSource[] = kpi.sources.map((s) => ({
    path: resolve(folder.dir, s.file),
    ...(s.sheet ? { sheet: s.sheet } : {}),
    ...(s.columns ? { columns: s.columns } : {}),
    ...(s.encoding ? { encoding: s.encoding } : {}),
  }));
  const overrides: Record<string, MetricOverride> = {};
  for (const [k, v] of Object.entries(kpi.metrics ?? {})) {
    const o: MetricOverride = {};
    if (v.label) o.label = v.label;
    if (v.kind) o.kind = v.kind;
    if (v.direction) o.direction = v.direction;
    if (v.unit) o.unit = v.unit;
    overrides[k] = o;
  }
  const thresholds: Partial<Thresholds> = {};
  if (kpi.thresholds?.onTrack !== undefined) thresholds.onTrack = kpi.thresholds.onTrack;
  if (kpi.thresholds?.atRisk !== undefined) thresholds.atRisk = kpi.thresholds.atRisk;
  const period = options.period ?? kpi.period;
  const periodFromMeeting = options.period === undefined && kpi.period !== undefined;
  const asOf = options.asOf ?? kpi.asOf;
  const by = options.by ?? kpi.by;
  const ytd = options.ytd ?? kpi.ytd;
  const workdays = options.workdays ?? kpi.workdays;
  return runKpi(
    {
      sources,
      lang: options.lang,
      metricOverrides: overrides,
      thresholds,
      ...(period ? { period: String(period) } : {}),
      ...(asOf ? { asOf: String(asOf) } : {}),
      ...(by ? { by } : {}),
      ...(ytd !== undefined ? { ytd } : {}),
      ...(workdays !== undefined ? { workdays } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
      ...(periodFromMeeting ? { periodFromMeeting } : {}),
      ...(kpi.headcount !== undefined ? { headcount: kpi.headcount } : {}),
      ...((options.won ?? kpi.won) ? { won: options.won ?? kpi.won } : {}),
      ...((options.lost ?? kpi.lost) ? { lost: options.lost ?? kpi.lost } : {}),
      ...(options.columns ? { columns: options.columns } : {}),
    },
    {
      cwd: options.cwd ?? process.cwd(),
      now: options.now,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.fast !== undefined ? { fast: options.fast } : {}),
      ...(options.onNote ? { onNote: options.onNote } : {}),
    },
  );
}

export { GROUP_KEYS };
