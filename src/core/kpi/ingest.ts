/**
 * Turns the rows of one sheet into KPI facts, one row at a time (so a million-row export streams through in
 * bounded memory): finds the header row under title and note rows, flattens merged group headers,
 * classifies the sheet (summary / detail / targets), skips totals rows and reports bad cells by address.
 */

import type { Lang } from '../i18n/lang.js';
import { type HeaderInfo, isTotalLabel, type Role, splitUnit, type Unit, type ValueRole } from './headers.js';
import {
  CLOSE_DATE,
  type Column,
  HEADER_SCAN,
  parseUnitText,
  preference,
  type SheetOptions,
  STATUS_HEADERS,
  taxOf,
} from './ingest/columns.js';
import { StageTable } from './ingest/funnel.js';
import { headerCandidates, VALUE_ROLES } from './ingest/header.js';
import { IdMap } from './ingest/idmap.js';
import { assignMetric, dimensionColumns, inScope, sheetKindOf, withoutDerivable } from './ingest/setup.js';
import { LOST_STAGES, type StageVerdict, stageKey, stageNote, WON_STAGES } from './ingest/stages.js';
import {
  type Bucket,
  type BucketLeaf,
  type Coverage,
  growBucket,
  HUGE,
  type KpiStore,
  NO_DAY,
  NO_ORDER,
  newBucket,
  OWN_ORDER,
  type RatioGap,
  type SheetKind,
  type SummaryRecord,
} from './ingest/store.js';
import { flushTallies, reportTally, type Tally, type TallyKind } from './ingest/tallies.js';
import { km } from './messages.js';
import { findMetric, metricByKey, normName } from './metrics.js';
import { isoWeekOf, monthKey } from './period.js';
import type { Group, GroupKey } from './result.js';
import { type StatedPeriod, statedPeriod } from './stated.js';
import {
  type Cell,
  type CellValue,
  cellText,
  colName,
  P_CELL,
  P_NONE,
  P_NUMBER,
  P_SERIAL,
  P_SHARED,
  type PlainCells,
  readNumber,
  readWhen,
  type SheetRow,
  serialDate,
  serialDay,
  type When,
} from './values.js';

export { periodInTitle, type SheetOptions, taxOf } from './ingest/columns.js';
export * from './ingest/store.js';

/** Buckets by period and dimension (store.fine) kept at most; past it a total over partial targets is not adjusted. */
const FINE_MAX = 50_000;
/** `plainBucketId` keeps a bucket's id and its blank mask (a bit per kept dimension, at most 8) as id × MASKS + mask. */
const MASK_BITS = 8;
const MASKS = 1 << MASK_BITS;
/**
 * `plainBucketId` combines a row's kept shared strings with its stretch (`KpiStore.stretchOf`) in base
 * STRETCHES: at most 8 stretches with a focus, a month each without one (a sheet over more than 21 years of
 * months takes the slower way for the rest).
 */
const STRETCHES = 256;
const MAYBE_TOTAL = /[合总總小汇匯全]|total|sum|overall/i;

/**
 * One sheet being read. Feed rows with `push` in order, then call `finish`. Rows before the header are held
 * (at most 40); after it, each row is turned into facts at once.
 */
export class SheetIngester {
  private held: SheetRow[] = [];
  private kind: SheetKind | 'skip' | null = null;
  private cols: Column[] = [];
  private metricCol: Column | undefined;
  private unitCol: Column | undefined;
  private periodCol: Column | undefined;
  private dimCols: Column[] = [];
  private valueCols: Column[] = [];
  private headerRow = 0;
  private sheetUnit: Unit | null = null;
  private mergeMaster = new Map<string, string>();
  private masterValues = new Map<string, Cell | undefined>();
  private targetDims: GroupKey[] = [];
  private stated: (StatedPeriod & { cell: string }) | undefined;
  /** Rows of a sheet without a date column fall in its stated period. */
  private statedWhen: When | undefined;
  private badCells = new Map<number, number>();
  private stageCol: Column | undefined;
  private probCol: Column | undefined;
  /** Pipeline sheets: the amount column (revenue of won deals, pipeline of open ones) and the extra slots. */
  private amountCol: Column | undefined;
  private pipe = { won: -1, lost: -1, closed: -1, wonAmount: -1, closedAmount: -1, open: -1, weighted: -1 };
  private stageVerdict = new Map<string, StageVerdict>();
  private stageCount = new Map<string, number>();
  private tallies = new Map<TallyKind, Tally>();
  private cover: Coverage | undefined;
  /** Detail sheets: the columns whose distinct values are counted (order number, customer, rep). */
  private factCols: { order?: Column; customer?: Column; rep?: Column } | undefined;
  private revenueSlot = -2;
  used = 0;

  constructor(
    private readonly store: KpiStore,
    private readonly opts: SheetOptions,
  ) {
    for (const m of opts.merges ?? []) {
      if (m.bottom - m.top > 5000 || m.right - m.left > 200) continue;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++)
          if (r !== m.top || c !== m.left) this.mergeMaster.set(`${r}:${c}`, `${m.top}:${m.left}`);
    }
  }

  get sheetKind(): SheetKind | 'skip' | null {
    return this.kind;
  }

  /** The row may be reused by the caller once this returns: anything kept is copied. */
  push(row: SheetRow): void {
    if (this.kind === null) {
      this.held.push({ n: row.n, cells: row.cells.map((c) => (c ? { ...c } : undefined)) });
      if (this.held.length >= HEADER_SCAN) this.decide();
      return;
    }
    if (this.kind !== 'skip') this.take(row);
  }

  finish(): SheetKind | 'skip' {
    if (this.kind === null) this.decide();
    for (const [index, n] of this.badCells) {
      if (n <= 5) continue;
      this.store.warn({
        message: km.moreBad({ count: n - 5, column: colName(index) })(this.store.lang),
        file: this.opts.file,
        sheet: this.opts.sheet,
        cell: null,
      });
    }
    const kind = this.kind as SheetKind | 'skip';
    flushTallies(this.tallies, this.store, this.opts);
    this.flushBlanks();
    if (kind === 'pipeline')
      this.note(stageNote(this.stageCount, this.stageVerdict, this.stageCol!.info.text, this.opts));
    if (kind !== 'skip' && this.used > 0) {
      const dated = this.periodCol !== undefined;
      if (this.stated)
        this.store.stated.push({
          ...this.stated,
          file: this.opts.file,
          sheet: this.opts.sheet,
          undated: !dated,
          kind,
        });
      else if (!dated && kind !== 'targets-flat')
        this.store.undated.push({ file: this.opts.file, sheet: this.opts.sheet, kind });
    }
    return kind;
  }

  private where(row: number, col: number) {
    return { file: this.opts.file, sheet: this.opts.sheet, cell: `${colName(col)}${row}` };
  }

  private cellAt(row: SheetRow, col: number): Cell | undefined {
    const c = row.cells[col];
    if (this.mergeMaster.size === 0) return c;
    const key = `${row.n}:${col}`;
    const master = this.mergeMaster.get(key);
    if (master !== undefined && (c === undefined || c.v === null)) return this.masterValues.get(master);
    return c;
  }

  private remember(row: SheetRow): void {
    if (this.mergeMaster.size === 0) return;
    row.cells.forEach((c, i) => {
      this.masterValues.set(`${row.n}:${i}`, c ? { ...c } : undefined);
    });
  }

  private decide(): void {
    const held = this.held;
    let best: { i: number; infos: (HeaderInfo | undefined)[]; score: number } | undefined;
    for (let i = 0; i < held.length; i++) {
      const cand = headerCandidates(held, i, this.mergeMaster, this.opts.columns);
      if (cand.values === 0 || cand.score < 2) continue;
      if (!best || cand.score > best.score) best = { i, infos: cand.infos, score: cand.score };
    }
    if (!best) {
      this.kind = 'skip';
      const months = held.some(
        (r) =>
          r.cells.filter((c) => c && typeof c.v === 'string' && readWhen(c)?.kind === 'month').length >= 3,
      );
      this.store.notes.push({
        file: this.opts.file,
        sheet: this.opts.sheet,
        text: months ? 'matrix' : held.length === 0 ? 'empty' : 'no-header',
      });
      this.held = [];
      return;
    }
    this.headerRow = held[best.i]!.n;
    for (const r of held.slice(0, best.i)) {
      r.cells.forEach((c, ci) => {
        const t = cellText(c);
        const mm =
          /(?:单位|單位|unit)\s*[:：]\s*(.+)$/i.exec(t) ?? /^\(?in (thousands|millions)\)?$/i.exec(t);
        if (mm) this.sheetUnit = mm[1] ? parseUnitText(mm[1]) : null;
        if (this.stated === undefined) {
          const sp = statedPeriod(t);
          if (sp) this.stated = { ...sp, cell: `${colName(ci)}${r.n}` };
        }
      });
    }
    const rest = held.slice(best.i + 1);
    this.statusAsStage(best.infos, held[best.i]!, rest);
    this.setup(best.infos);
    this.held = [];
    if (this.kind !== 'skip') for (const r of rest) this.take(r);
  }

  private setup(infos: (HeaderInfo | undefined)[]): void {
    const store = this.store;
    infos.forEach((info, index) => {
      if (!info || info.role === 'derived') return;
      this.cols.push({ index, info, scale: 1, percent: false, slot: -1 });
    });
    // A column the user named wins over one the dictionary found for the same role.
    const first = (role: Role) =>
      this.cols.find((c) => c.info.role === role && c.info.forced) ??
      this.cols.find((c) => c.info.role === role);
    this.metricCol = first('metric');
    this.unitCol = first('unit');
    this.stageCol = first('stage');
    this.probCol = first('probability');
    const periods = this.cols.filter((c) => c.info.role === 'period');
    // An opportunity export has several dates (created, close): the close date is the deal's period.
    for (const c of this.cols) if (VALUE_ROLES.has(c.info.role)) this.valueIdx[c.index] = true;
    this.periodCol =
      periods.find((c) => c.info.forced) ??
      (this.stageCol ? periods.find((c) => CLOSE_DATE.test(normName(c.info.text))) : undefined) ??
      periods[0];
    this.dimCols = dimensionColumns(this.cols);
    this.valueCols = this.cols.filter((c) => VALUE_ROLES.has(c.info.role));
    this.kind = sheetKindOf(this.valueCols, this.metricCol, this.stageCol, this.periodCol);
    this.targetDims = this.dimCols.map((c) => c.info.role as GroupKey);
    if (this.stated && !this.periodCol) this.statedWhen = { kind: 'month', month: this.stated.label };

    // 当月 and 累计 side by side: keep the scope asked for, per role, when the sheet has it.
    this.valueCols = inScope(this.valueCols, this.store.ytd);
    if (this.kind === 'summary') {
      if (!this.store.ytd)
        this.valueCols.sort((a, b) => Number(a.info.scope === 'ytd') - Number(b.info.scope === 'ytd'));
      for (const c of this.valueCols) {
        c.percent = c.info.unit?.percent ?? false;
        c.scale = c.info.unit?.scale ?? this.sheetUnit?.scale ?? 1;
      }
      return;
    }
    // Detail and targets: every value column belongs to a metric (unnamed → revenue).
    for (const c of this.valueCols) assignMetric(c, store, this.sheetUnit);
    this.onePerMetric();
    for (const c of this.valueCols) c.slot = store.slot(c.metric!.key, c.info.role as ValueRole);
    // A ratio column beside its numerator and denominator is recomputed from them, not read.
    this.valueCols = withoutDerivable(this.valueCols);
    if (this.kind === 'pipeline') this.setupPipeline();
    if (this.kind === 'detail') this.setupFacts(first('order'));
  }

  /** Detail sheets: the columns whose distinct values are counted (order number, customer, rep). */
  private setupFacts(order: Column | undefined): void {
    const customer = this.dimCols.find((c) => c.info.role === 'customer');
    const rep = this.dimCols.find((c) => c.info.role === 'rep');
    if (order || customer || rep) {
      this.factCols = {
        ...(order ? { order } : {}),
        ...(customer ? { customer } : {}),
        ...(rep ? { rep } : {}),
      };
      this.revenueSlot =
        this.valueCols.find((c) => c.info.role === 'actual' && c.metric?.key === 'revenue')?.slot ?? -2;
      if (order) this.store.factsHave.order = true;
      if (customer) this.store.factsHave.customer = true;
      if (rep) this.store.factsHave.rep = true;
    }
  }

  /** The sheet has a date column and this row leaves it blank (as opposed to a date that cannot be read). */
  private blankDate(row: SheetRow): boolean {
    if (!this.periodCol) return false;
    const cell = this.cellAt(row, this.periodCol.index);
    return cell === undefined || cell.v === null || cellText(cell) === '';
  }

  /** The dimension columns kept in buckets (`--by`), in column order. */
  private keptColumns(): Column[] {
    const kept = this.dimCols.filter((c) => this.store.keep.includes(c.info.role as GroupKey));
    this.keptDims = kept;
    return kept;
  }

  /** The dimension columns kept in buckets (`--by`); their texts for this row go to `dimTexts` (reused). */
  private keptTexts(row: SheetRow): Column[] {
    const kept = this.keptDims ?? this.keptColumns();
    const texts = this.dimTexts;
    let mask = 0;
    for (let i = 0; i < kept.length; i++) {
      const t = this.textAt(row, kept[i]!.index);
      if (t === '') {
        // A blank cell (or a formula without a saved result, which reads blank) is a group of its own.
        texts[i] = this.store.blankGroup;
        mask |= 1 << i;
      } else texts[i] = t;
    }
    this.blankMask = mask;
    return kept;
  }

  /** The kept dimensions left blank in the row just read (bit i: kept[i]), counted once the row is used. */
  private blankMask = 0;
  /** Rows with a blank kept dimension, per kept dimension: one warning line each at the end of the sheet. */
  private blanks: Tally[] = [];

  private tallyBlanks(n: number): void {
    const kept = this.keptDims!;
    for (let i = 0; i < kept.length; i++) {
      if ((this.blankMask & (1 << i)) === 0) continue;
      let t = this.blanks[i];
      if (t === undefined) {
        t = { count: 0, cells: [] };
        this.blanks[i] = t;
      }
      t.count++;
      if (t.cells.length < 10_000) t.cells.push(`${colName(kept[i]!.index)}${n}`);
    }
  }

  private flushBlanks(): void {
    const kept = this.keptDims;
    if (kept === undefined) return;
    for (let i = 0; i < kept.length; i++) {
      const t = this.blanks[i];
      if (t === undefined) continue;
      const column = kept[i]!.info.text;
      const blank = this.store.blankGroup;
      reportTally(t, (p) => km.blankGroupRows({ ...p, column, blank }), this.store, this.opts);
    }
    this.blanks = [];
  }

  /** A value so large that a sum of it may overflow: noted, so that an overflow names its cells. */
  private huge(n: number, c: Column, metric: string): void {
    this.store.noteHuge(this.opts.file, this.opts.sheet, `${colName(c.index)}${n}`, metric);
  }

  /**
   * A bill's second and later lines, as 金蝶 and 用友 lists show them when they merge a bill's header fields:
   * no bill number and no date, but an item and amounts. They take the number, the date and every other blank
   * text column from the bill's first line (counted in one note). A row with only numbers (a footer sum
   * without a label) is no continuation.
   */
  private continuation(row: SheetRow): SheetRow {
    const order = this.factCols?.order;
    const period = this.periodCol;
    if (!order || !period) return row;
    const p = this.pl;
    if (p !== undefined && this.plainHead(p, order.index)) return row;
    const blank = (c: Cell | undefined) => c === undefined || c.v === null || cellText(c) === '';
    if (!blank(row.cells[order.index])) {
      // The bill's first line: its text columns' values, kept in one reused array (no object per row).
      const head = this.billHead;
      head.length = row.cells.length;
      for (let i = 0; i < row.cells.length; i++) head[i] = this.valueIdx[i] ? undefined : row.cells[i]?.v;
      this.hasHead = true;
      this.headPlain = undefined;
      return row;
    }
    if (!this.hasHead || !blank(row.cells[period.index])) return row;
    const hasText = row.cells.some(
      (c, i) => !this.valueIdx[i] && c !== undefined && typeof c.v === 'string' && c.v.trim() !== '',
    );
    if (!hasText) return row;
    const width = this.headPlain?.width ?? this.billHead.length;
    const from = (i: number): Cell | undefined => {
      const v = this.headValue(i);
      return v === undefined || v === null ? undefined : { v };
    };
    const cells = row.cells.map((c, i) => (blank(c) && this.headValue(i) != null ? from(i) : c));
    for (let i = row.cells.length; i < width; i++) cells[i] = from(i);
    this.tally('continued', `${colName(order.index)}${row.n}`);
    this.pl = undefined;
    return { n: row.n, cells };
  }

  /**
   * A bill's first line read from the plain view (its number is a plain number, date or shared text): its
   * text columns are kept as kinds and numbers, without reading the cells. False when the row needs its cells
   * (no number, or a text column of another kind).
   */
  private plainHead(p: PlainCells, order: number): boolean {
    const k = order < p.width ? p.kind[order]! : P_NONE;
    if (k === P_NONE || k === P_CELL || (k === P_SHARED && this.siText(p, p.si[order]!) === '')) return false;
    const w = p.width;
    for (let i = 0; i < w; i++) if (p.kind[i] === P_CELL && !this.valueIdx[i]) return false;
    let h = this.headPlain;
    if (h === undefined || h.kind.length < w) {
      const n = Math.max(w, 16);
      h = { kind: new Uint8Array(n), num: new Float64Array(n), si: new Int32Array(n), width: 0, from: p };
    }
    h.kind.set(p.kind.subarray(0, w));
    h.num.set(p.num.subarray(0, w));
    h.si.set(p.si.subarray(0, w));
    h.width = w;
    h.from = p;
    this.headPlain = h;
    this.hasHead = true;
    return true;
  }

  /** The value of column `i` of the bill's first line (undefined for value columns and empty cells). */
  private headValue(i: number): CellValue | undefined {
    const h = this.headPlain;
    if (h === undefined) return this.billHead[i];
    if (i >= h.width || this.valueIdx[i]) return undefined;
    const x = h.num[i]!;
    switch (h.kind[i]) {
      case P_NUMBER:
        return x;
      case P_SHARED:
        return h.from.shared[h.si[i]!]!;
      case P_SERIAL:
        return serialDate(x, h.from.date1904);
      default:
        return undefined;
    }
  }

  private billHead: (CellValue | undefined)[] = [];
  private hasHead = false;
  /** The bill's first line as kinds and numbers, when it was read from the plain view (else `billHead`). */
  private headPlain:
    | { kind: Uint8Array; num: Float64Array; si: Int32Array; width: number; from: PlainCells }
    | undefined;

  /** One detail row's order, customer and rep, for distinct counts. */
  private fact(row: SheetRow, bucket: number, when: When | null): void {
    const f = this.factCols!;
    const store = this.store;
    const facts = store.facts;
    // Every row says when its customer first bought (new customers); only rows of the asked ranges are kept.
    const customer = f.customer ? this.factId(row, f.customer) : -1;
    let start: number | null = null;
    if (when !== null) {
      start = when.kind === 'day' ? when.day : (store.spanOfWhen(when)?.start ?? null);
      if (start !== null) {
        if (start < store.earliest) store.earliest = start;
        if (customer >= 0) store.boughtOn(customer, start);
      }
    }
    if (!store.inFocus(when)) return;
    facts.push(
      bucket,
      // Without an order number, a day-dated row is one order (an order-line export without its number).
      f.order ? this.factId(row, f.order) : when?.kind === 'day' ? OWN_ORDER : NO_ORDER,
      customer,
      f.rep ? this.factId(row, f.rep) : -1,
      start ?? NO_DAY,
    );
  }

  private factId(row: SheetRow, c: Column): number {
    const p = this.pl;
    const col = c.index;
    if (p !== undefined && col < p.width && p.kind[col] === P_SHARED) {
      // Kept per shared-string index: the same index is the same text.
      const si = p.si[col]!;
      const ids = this.idBySi ?? this.siCaches(p).ids;
      let id = ids[si]!;
      if (id === -2) {
        const t = this.siText(p, si);
        id = t === '' ? -1 : this.store.intern(t);
        ids[si] = id;
      }
      return id;
    }
    const t = this.textAt(row, col);
    return t === '' ? -1 : this.store.intern(t);
  }

  /**
   * What is kept per shared-string index, in arrays as long as the table (an array filled at scattered
   * indexes would turn into a hash table): interned ids (`store.intern`; −1 blank, −2 not known yet) and texts
   * as cellText reads them (trimmed).
   */
  private idBySi: Int32Array | undefined;
  private siTexts: (string | undefined)[] | undefined;

  private siCaches(p: PlainCells): { ids: Int32Array; texts: (string | undefined)[] } {
    const n = p.shared.length;
    const ids = new Int32Array(n).fill(-2);
    const texts = new Array<string | undefined>(n);
    this.idBySi = ids;
    this.siTexts = texts;
    return { ids, texts };
  }

  private siText(p: PlainCells, si: number): string {
    const texts = this.siTexts ?? this.siCaches(p).texts;
    let t = texts[si];
    if (t === undefined) {
      t = p.shared[si]!.trim();
      texts[si] = t;
    }
    return t;
  }

  /** The text of a cell of the row (`cellText`), from the plain view when the row has one. */
  private textAt(row: SheetRow, col: number): string {
    const p = this.pl;
    if (p !== undefined) {
      const k = col < p.width ? p.kind[col]! : P_NONE;
      if (k === P_SHARED) return this.siText(p, p.si[col]!);
      if (k === P_NONE) return '';
      if (k === P_NUMBER) return String(p.num[col]);
    }
    return cellText(this.cellAt(row, col));
  }

  /**
   * The current row's plain view (the fast reader's, see SheetRow.plain) while a detail row is taken from it
   * (a sheet without merged cells); undefined: the row is read from its cells.
   */
  private pl: PlainCells | undefined;

  /**
   * Several columns for one metric and role (金额, 价税合计 and 本币金额 all read as revenue) would be summed
   * together: keep one — the user's, else the amount without tax, else in local currency — and say which.
   */
  private onePerMetric(): void {
    const byKey = new Map<string, Column[]>();
    for (const c of this.valueCols) {
      const k = `${c.metric!.key}\u0001${c.info.role}`;
      byKey.set(k, [...(byKey.get(k) ?? []), c]);
    }
    const drop = new Set<Column>();
    for (const list of byKey.values()) {
      const withTax = list.filter((c) => taxOf(c.info.text) === 'incl');
      if (list.length === 1) {
        const only = list[0]!;
        if (withTax.length === 1 && only.info.role === 'actual' && !only.info.forced)
          this.note(km.withTaxOnly({ metric: this.label(only), used: only.info.text }));
        continue;
      }
      const best = [...list].sort((a, b) => preference(b) - preference(a))[0]!;
      const rest = list.filter((c) => c !== best);
      for (const c of rest) drop.add(c);
      const field = best.info.role === 'actual' && best.metric?.key === 'revenue' ? 'actual' : undefined;
      const others = rest.map((c) => c.info.text).join(', ');
      const tax = rest.some((c) => taxOf(c.info.text) === 'incl') && taxOf(best.info.text) !== 'incl';
      const params = {
        metric: this.label(best),
        used: best.info.text,
        others,
        flag: field ? `--columns ${field}=${rest[0]!.info.text}` : '',
      };
      this.note(
        tax ? km.taxExcluded(params) : field ? km.columnChosen(params) : km.columnChosenNoFlag(params),
      );
    }
    this.valueCols = this.valueCols.filter((c) => !drop.has(c));
  }

  private label(c: Column): string {
    const m = c.metric!;
    return m.def ? m.def.labels[this.store.lang] : m.label;
  }

  private note(text: (lang: Lang) => string): void {
    this.store.info.push({
      message: text(this.store.lang),
      file: this.opts.file,
      sheet: this.opts.sheet,
      cell: null,
    });
  }

  /**
   * A column named only `Status` / `状态` (Dynamics 365: Open, Won, Lost) is the deal's stage when its values
   * say won or lost; in an ERP list the same word holds 已审核 or 已关闭 and means nothing here.
   */
  private statusAsStage(infos: (HeaderInfo | undefined)[], header: SheetRow, rows: SheetRow[]): void {
    if (infos.some((i) => i?.role === 'stage')) return;
    const won = new Set([...WON_STAGES, ...(this.store.stages.won ?? []).map(stageKey)]);
    const lost = new Set([...LOST_STAGES, ...(this.store.stages.lost ?? []).map(stageKey)]);
    header.cells.forEach((cell, c) => {
      const text = cellText(cell);
      if (infos[c] !== undefined || !STATUS_HEADERS.has(normName(text))) return;
      const says = rows.some((r) => {
        const k = stageKey(cellText(r.cells[c]));
        return won.has(k) || lost.has(k);
      });
      if (says) infos[c] = { role: 'stage', unit: null, text };
    });
  }

  /** An opportunity export: slots for won, lost and open deals beside the revenue of the won ones. */
  private setupPipeline(): void {
    const store = this.store;
    this.amountCol = this.valueCols.find((c) => c.info.role === 'actual' && c.metric?.key === 'revenue');
    const unit = this.amountCol ? (this.amountCol.info.unit ?? this.sheetUnit) : null;
    const slot = (key: string, money: boolean) => {
      const def = metricByKey(key)!;
      const info = store.metric(def, def.labels['zh-CN'], money ? unit : null);
      return store.slot(info.key, 'actual');
    };
    this.pipe.won = slot('won_deals', false);
    this.pipe.lost = slot('lost_deals', false);
    if (this.amountCol) {
      this.pipe.open = slot('pipeline', true);
      if (this.probCol) this.pipe.weighted = slot('weighted_pipeline', true);
      this.pipe.wonAmount = slot('won_amount', true);
      this.pipe.closedAmount = slot('closed_amount', true);
    }
    this.pipe.closed = slot('closed_deals', false);
    if (this.amountCol) {
      const def = metricByKey('pipeline_coverage')!;
      store.metric(def, def.labels['zh-CN'], null).unit = '×';
    }
    const names = (list: string[] | undefined, fallback: Set<string>) =>
      list && list.length > 0 ? new Set(list.map(stageKey)) : fallback;
    this.wonNames = names(store.stages.won, WON_STAGES);
    this.lostNames = names(store.stages.lost, LOST_STAGES);
    store.funnel ??= new StageTable();
    store.funnel.hasAmount ||= this.amountCol !== undefined;
    store.funnel.hasProbability ||= this.probCol !== undefined;
  }

  private wonNames = WON_STAGES;
  private lostNames = LOST_STAGES;

  private valueIdx: boolean[] = [];
  /** Total-label verdict per distinct cell text: an export repeats a few thousand texts a million times. */
  private totalText = new Map<string, boolean>();
  /** The same verdict by shared-string index (cells from the fast reader): 0 not known yet, 1 no, 2 a total label. */
  private totalBySi = new Uint8Array(1024);
  /** Dimension columns kept in detail buckets (`--by`), in column order, and a row's texts for them. */
  private keptDims: Column[] | undefined;
  private dimTexts: string[] = [];
  /** One When per day (Date cells): rows of the same day share it instead of allocating their own. */
  private dayWhen = new Map<number, When>();
  private lastDate: Date | undefined;
  private lastWhen: When | undefined;
  /** The same for the serials of the plain view. */
  private lastSerial = Number.NaN;
  private serialWhen: When | undefined;

  /** Whether the shared string `si` (text `v`) is a totals label, kept by index. */
  private totalSi(si: number, v: string): boolean {
    if (si >= this.totalBySi.length) {
      const grown = new Uint8Array(Math.max(si + 1, this.totalBySi.length * 2));
      grown.set(this.totalBySi);
      this.totalBySi = grown;
    }
    let known = this.totalBySi[si]!;
    if (known === 0) {
      known = MAYBE_TOTAL.test(v) && isTotalLabel(v) ? 2 : 1;
      this.totalBySi[si] = known;
    }
    return known === 2;
  }

  private isTotalsRow(row: SheetRow): boolean {
    const p = this.pl;
    if (p !== undefined) {
      // The plain view: shared strings are checked by index; a cell of another kind that may be text is
      // read from the cells.
      let other = false;
      for (let i = 0; i < p.width; i++) {
        if (this.valueIdx[i]) continue;
        const k = p.kind[i];
        if (k === P_SHARED) {
          const si = p.si[i]!;
          if (this.totalSi(si, p.shared[si]!)) return true;
        } else if (k === P_CELL) other = true;
      }
      if (!other) return false;
    }
    const cells = row.cells;
    const seen = this.totalText;
    for (let i = 0; i < cells.length; i++) {
      if (this.valueIdx[i]) continue;
      const cell = cells[i];
      if (cell === undefined) continue;
      const v = cell.v;
      if (typeof v !== 'string') continue;
      const si = cell.si;
      if (si !== undefined && si >= 0) {
        // A shared string: the verdict is kept by its index, without looking the text up.
        if (this.totalSi(si, v)) return true;
        continue;
      }
      let total = seen.get(v);
      if (total === undefined) {
        // A cheap test first, then the full one; the verdict is kept (a bounded number of texts).
        total = MAYBE_TOTAL.test(v) && isTotalLabel(v);
        if (seen.size >= 100_000) seen.clear();
        seen.set(v, total);
      }
      if (total) return true;
    }
    return false;
  }

  private take(row: SheetRow): void {
    this.pl = this.kind === 'detail' && this.mergeMaster.size === 0 ? row.plain : undefined;
    this.remember(row);
    if (row.n <= this.headerRow) return;
    if (this.isTotalsRow(row)) return;
    if (this.kind === 'summary') this.takeSummary(row);
    else if (this.kind === 'detail') this.takeDetail(row);
    else if (this.kind === 'pipeline') this.takePipeline(row);
    else if (this.kind === 'targets' || this.kind === 'targets-flat') this.takeTarget(row);
  }

  private group(row: SheetRow, all: boolean): Group | null {
    const g: Group = {};
    for (const c of this.dimCols) {
      const key = c.info.role as GroupKey;
      if (!all && !this.store.keep.includes(key)) continue;
      const t = cellText(this.cellAt(row, c.index));
      if (t === '') continue;
      g[key] = t;
    }
    return g;
  }

  private number(row: SheetRow, col: Column, ratio: boolean): number | null {
    const cell = row.cells[col.index];
    const r = readNumber(cell, col.percent, ratio);
    if (r.kind === 'number') return ratio || col.percent ? r.value : r.value * col.scale;
    if (r.kind === 'bad') {
      // Five warnings per column, then one line that counts the rest: a million rows must not flood stderr.
      const n = (this.badCells.get(col.index) ?? 0) + 1;
      this.badCells.set(col.index, n);
      if (n <= 5)
        this.store.warn({
          message: km.notNumber({ found: r.found })(this.store.lang),
          ...this.where(row.n, col.index),
        });
    }
    return null;
  }

  private when(row: SheetRow): When | null | undefined {
    if (!this.periodCol) return null;
    const p = this.pl;
    const pc = this.periodCol.index;
    if (p !== undefined && pc < p.width && p.kind[pc] === P_SERIAL) {
      // A date cell of the plain view: its day from the serial, one When per day (no Date per row).
      const x = p.num[pc]!;
      if (x === this.lastSerial) return this.serialWhen!;
      const day = serialDay(x, p.date1904);
      let w = this.dayWhen.get(day);
      if (w === undefined) {
        w = { kind: 'day', day };
        if (this.dayWhen.size >= 100_000) this.dayWhen.clear();
        this.dayWhen.set(day, w);
      }
      this.lastSerial = x;
      this.serialWhen = w;
      return w;
    }
    const cell = this.cellAt(row, pc);
    if (!cell || cell.v === null || (typeof cell.v === 'string' && cell.v.trim() === '')) return undefined;
    if (cell.v === this.lastDate) return this.lastWhen;
    if (cell.v instanceof Date) {
      // What readWhen gives for a Date, shared by the rows of the same day.
      const t = cell.v.getTime();
      if (!Number.isNaN(t)) {
        const day = Math.floor(t / 86_400_000);
        let w = this.dayWhen.get(day);
        if (w === undefined) {
          w = { kind: 'day', day };
          if (this.dayWhen.size >= 100_000) this.dayWhen.clear();
          this.dayWhen.set(day, w);
        }
        // The reader shares one Date per day too: the next row of that day skips even the lookup.
        this.lastDate = cell.v;
        this.lastWhen = w;
        return w;
      }
    }
    const w = readWhen(cell);
    if (!w) {
      this.tally('badDate', `${colName(this.periodCol.index)}${row.n}`, cellText(cell));
      return undefined;
    }
    return w;
  }

  /** A detail row's period: its date, else the period the sheet states, else null (the asked period). */
  private rowWhen(row: SheetRow): When | null | undefined {
    if (!this.periodCol) return this.statedWhen ?? null;
    return this.when(row);
  }

  /** Counts a kind of problem; one warning line per kind and sheet at the end, every cell under --verbose. */
  private tally(kind: TallyKind, cell: string, found?: string): void {
    let t = this.tallies.get(kind);
    if (!t) {
      t = { count: 0, cells: [] };
      if (found !== undefined) t.found = found;
      this.tallies.set(kind, t);
    }
    t.count++;
    if (t.cells.length < 10_000) t.cells.push(cell);
  }

  private covered(when: When): void {
    let c = this.cover;
    if (!c) {
      c = { file: this.opts.file, sheet: this.opts.sheet, first: null, last: null, labels: new Set() };
      this.cover = c;
      this.store.coverage.push(c);
    }
    if (when.kind === 'day') {
      if (c.first === null || when.day < c.first) c.first = when.day;
      if (c.last === null || when.day > c.last) c.last = when.day;
    } else if (c.labels.size < 1000) c.labels.add(when.month);
  }

  private takeSummary(row: SheetRow): void {
    const mc = this.metricCol!;
    const text = cellText(this.cellAt(row, mc.index));
    if (text === '') return;
    const { name, unit: labelUnit } = splitUnit(text);
    const unitText = this.unitCol ? cellText(row.cells[this.unitCol.index]) : '';
    const unit =
      labelUnit ??
      (unitText ? parseUnitText(unitText) : null) ??
      this.valueCols.find((c) => c.info.unit)?.info.unit ??
      null;
    const def = findMetric(name);
    const kindOf = this.store.overrides[def?.key ?? name.trim()]?.kind ?? def?.kind ?? 'amount';
    const info = this.store.metric(def, name.trim(), unit ?? (kindOf === 'amount' ? this.sheetUnit : null));
    const ratio = info.kind === 'ratio';
    const values: Partial<Record<ValueRole, number>> = {};
    let any = false;
    for (const c of this.valueCols) {
      const role = c.info.role as ValueRole;
      if (values[role] !== undefined) continue;
      const cell = row.cells[c.index];
      const r = readNumber(cell, c.percent || (unit?.percent ?? false), ratio);
      if (r.kind === 'bad') {
        this.store.warn({
          message: km.notNumber({ found: r.found })(this.store.lang),
          ...this.where(row.n, c.index),
        });
        continue;
      }
      if (r.kind === 'blank') continue;
      const scale = ratio ? 1 : (unit?.scale ?? (info.kind === 'amount' ? c.scale : 1));
      values[role] = r.value * scale;
      if (Math.abs(values[role]) >= HUGE) this.huge(row.n, c, info.key);
      any = true;
    }
    const when = this.when(row);
    if (when === undefined && this.periodCol) return;
    const actualCol = this.valueCols.find((c) => c.info.role === 'actual') ?? this.valueCols[0]!;
    const rec: SummaryRecord = {
      metric: info.key,
      group: this.group(row, false) ?? {},
      values,
      where: this.where(row.n, actualCol.index),
    };
    if (when) rec.when = when;
    else if (this.stated) rec.stated = this.stated;
    if (any || Object.keys(values).length === 0) this.store.summary.push(rec);
    this.used++;
  }

  private takeDetail(input: SheetRow): void {
    const row = this.continuation(input);
    const when = this.rowWhen(row);
    if (when === undefined) {
      if (
        this.blankDate(row) &&
        this.valueCols.some((c) => readNumber(row.cells[c.index], false, false).kind === 'number')
      )
        this.tally('noDate', `${colName(this.periodCol!.index)}${row.n}`);
      return;
    }
    const store = this.store;
    let any = false;
    let returned = false;
    const valueCols = this.valueCols;
    const vals = this.rowValues(row);
    for (let vi = 0; vi < valueCols.length; vi++) {
      const v = vals[vi]!;
      if (Number.isNaN(v)) continue;
      const c = valueCols[vi]!;
      if (v >= HUGE || v <= -HUGE) this.huge(row.n, c, c.metric!.key);
      if (v < 0 && c.slot === this.revenueSlot) returned = true;
      any = true;
    }
    let id = -1;
    if (any) {
      const p = this.pl;
      if (p !== undefined) id = this.plainBucketId(p, when);
      if (id < 0) id = this.rowBucket(row, when).id;
      // The bucket's sums and counts in the store's one array (read after the bucket: a new one may grow it).
      const values = store.values;
      const at = 2 * id * store.stride;
      for (let vi = 0; vi < valueCols.length; vi++) {
        const v = vals[vi]!;
        if (Number.isNaN(v)) continue;
        const o = at + 2 * valueCols[vi]!.slot;
        values[o]! += v;
        values[o + 1]! += 1;
      }
    }
    if (id >= 0) this.takeParts(row, when, id);
    if (any) {
      store.rows++;
      this.used++;
      if (this.blankMask !== 0) this.tallyBlanks(row.n);
      // A red (negative) return line is no purchase: it lowers revenue but is no order and no buying customer.
      if (this.factCols && id >= 0 && !returned) this.fact(row, id, when);
      if (when) this.reached(when);
    }
  }

  /**
   * The row's detail values (by value column, warning about bad ones) and, in `parts` by column index, the
   * same columns as `partValue` reads them: NaN for none. Kept in typed arrays and filled branch by branch, so
   * that no variable holds either a computed number or a call's result: V8 would then box every number.
   */
  private rowValues(row: SheetRow): Float64Array {
    const valueCols = this.valueCols;
    let vals = this.vals;
    let parts = this.parts;
    if (vals.length !== valueCols.length) {
      vals = new Float64Array(valueCols.length);
      parts = new Float64Array(Math.max(-1, ...valueCols.map((c) => c.index)) + 1);
      this.vals = vals;
      this.parts = parts;
    }
    const p = this.pl;
    for (let vi = 0; vi < valueCols.length; vi++) {
      const c = valueCols[vi]!;
      const ci = c.index;
      const k = p !== undefined && ci < p.width ? p.kind[ci]! : -1;
      if (k === P_NUMBER && c.plain) {
        const x = p!.num[ci]! * c.scale;
        vals[vi] = x;
        parts[ci] = x;
      } else if (k === P_NONE) {
        vals[vi] = Number.NaN;
        parts[ci] = Number.NaN;
      } else {
        vals[vi] = this.cellValue(row, c);
        parts[ci] = this.cellPartValue(row, c);
      }
    }
    return vals;
  }

  private vals = new Float64Array(0);
  /** The current row's `partValue` of each value column, by column index (see rowValues). */
  private parts = new Float64Array(0);

  /** A detail value from the row's cells, NaN for none (a bad one is warned about). */
  private cellValue(row: SheetRow, c: Column): number {
    const cell = row.cells[c.index];
    const raw = cell?.v;
    if (typeof raw === 'number' && cell!.fmt === undefined && c.plain && Number.isFinite(raw))
      return raw * c.scale;
    return this.number(row, c, c.metric!.kind === 'ratio') ?? Number.NaN;
  }

  /** A dated row with values: what the sheet covers, and the latest month of the data (the default period). */
  private reached(when: When): void {
    const store = this.store;
    if (when !== this.statedWhen) this.covered(when);
    if (when.kind === 'day') {
      if (store.latestDay === null || when.day > store.latestDay) store.latestDay = when.day;
      store.markDay(when.day);
    } else if (
      /^\d{4}-\d{2}$/.test(when.month) &&
      (store.latestMonth === null || when.month > store.latestMonth)
    )
      store.latestMonth = when.month;
  }

  /** Won, lost or open, by the stage name; a verdict per distinct stage text. */
  private verdict(stage: string): StageVerdict {
    let v = this.stageVerdict.get(stage);
    if (v === undefined) {
      const k = stageKey(stage);
      v = this.wonNames.has(k) ? 'won' : this.lostNames.has(k) ? 'lost' : 'open';
      this.stageVerdict.set(stage, v);
    }
    this.stageCount.set(stage, (this.stageCount.get(stage) ?? 0) + 1);
    return v;
  }

  /**
   * An opportunity row: a won deal's amount is revenue in the month it closed; a lost deal counts for the
   * win rate only; an open deal is pipeline in the month it is expected to close.
   */
  private takePipeline(row: SheetRow): void {
    const stage = cellText(this.cellAt(row, this.stageCol!.index));
    if (stage === '') return;
    const verdict = this.verdict(stage);
    const when = this.rowWhen(row);
    if (when === undefined) {
      if (this.blankDate(row))
        this.tally(
          verdict === 'open' ? 'openNoClose' : 'closedNoClose',
          `${colName(this.periodCol!.index)}${row.n}`,
        );
      return;
    }
    const store = this.store;
    const bucket = this.rowBucket(row, when);
    const add = (slot: number, v: number) => {
      if (slot < 0) return;
      store.addValue(bucket.id, slot, v);
    };
    const amount = this.amountCol ? this.number(row, this.amountCol, false) : null;
    let prob: number | null = null;
    if (amount !== null && (amount >= HUGE || amount <= -HUGE))
      for (const key of ['won_amount', 'closed_amount', 'pipeline', 'weighted_pipeline'])
        this.huge(row.n, this.amountCol!, key);
    if (verdict === 'won') {
      for (const c of this.valueCols) {
        const v = this.number(row, c, c.metric!.kind === 'ratio');
        if (v === null) continue;
        if (v >= HUGE || v <= -HUGE) this.huge(row.n, c, c.metric!.key);
        add(c.slot, v);
      }
      add(this.pipe.won, 1);
      add(this.pipe.closed, 1);
      if (amount !== null) {
        add(this.pipe.wonAmount, amount);
        add(this.pipe.closedAmount, amount);
      }
    } else if (verdict === 'lost') {
      add(this.pipe.lost, 1);
      add(this.pipe.closed, 1);
      if (amount !== null) add(this.pipe.closedAmount, amount);
    } else {
      if (this.probCol) {
        const p = readNumber(
          this.cellAt(row, this.probCol.index),
          this.probCol.info.unit?.percent ?? false,
          true,
        );
        if (p.kind === 'number') prob = p.value;
      }
      if (amount !== null) {
        add(this.pipe.open, amount);
        if (prob !== null) add(this.pipe.weighted, amount * prob);
      }
    }
    // The funnel: the stage as written, its close date, amount and (open deals) probability.
    const funnel = store.funnel!;
    funnel.add(funnel.stage(stage, verdict), when, amount, prob);
    store.rows++;
    this.used++;
    if (this.blankMask !== 0) this.tallyBlanks(row.n);
    // Open deals close in the future: only closed ones say how far the data reaches.
    if (verdict !== 'open' && when) this.reached(when);
  }

  /** Ratio pairs of this sheet (numerator and denominator columns both present), found on the first detail row. */
  private pairs:
    | { metric: string; num: Column; den: Column; fromCost: boolean; slots: number[]; gaps: RatioGap[] }[]
    | undefined;
  /** Dimension columns of the sheet and its summed actual columns, for the store's `fine` buckets. */
  private fineCols:
    | {
        dims: Column[];
        values: Column[];
        trees: Map<unknown, Map<string, Bucket>>[];
        /** The row's value of each of `values`, NaN for none. */
        row: Float64Array;
        day: number | null;
        periods: When[];
        byDay: Map<number, When[]>;
        /**
         * Per stretch (one with the ranges known ahead, a month each with whole months) and dimension, the
         * bucket by shared-string index (null: a blank text).
         */
        bySi: (Bucket | null | undefined)[][][];
        /** With the ranges known ahead, the period of a day-dated row's bucket: the asked period's first day. */
        range: When | null;
        /** With whole months (`KpiStore.periodLater`), each month stretch's month. */
        months: When[];
      }
    | undefined;

  /** A value column's number in base units, or NaN for none (no warning: the value pass has given it). */
  private cellPartValue(row: SheetRow, c: Column): number {
    const cell = row.cells[c.index];
    const raw = cell?.v;
    if (typeof raw === 'number' && cell!.fmt === undefined && c.plain && Number.isFinite(raw))
      return raw * c.scale;
    const r = readNumber(cell, c.percent, false);
    return r.kind === 'number' ? (c.percent ? r.value : r.value * c.scale) : Number.NaN;
  }

  /**
   * After a detail row went into its bucket: sums each ratio's numerator and denominator over the rows that
   * carry both (a row with revenue and no cost says nothing about the margin; blank is not zero) and notes the
   * rows left out; and, when the sheet has dimensions that are not kept, adds the row's actuals to a bucket per
   * such dimension (the total's achievement over the groups that have a target, without `--by`).
   */
  private takeParts(row: SheetRow, when: When | null, bucket: number): void {
    this.takeRatioParts(row, when, bucket, this.pairs ?? this.ratioPairs());
    this.takeFine(row, when, this.fineCols ?? this.fineColumns());
  }

  /** The ratios whose numerator and denominator are both columns of the sheet (found on the first row). */
  private ratioPairs(): NonNullable<typeof this.pairs> {
    const store = this.store;
    const pairs: NonNullable<typeof this.pairs> = [];
    const col = (key: string | undefined) =>
      key === undefined
        ? undefined
        : this.valueCols.find(
            (c) => c.info.role === 'actual' && c.metric?.key === key && c.metric.kind !== 'ratio',
          );
    for (const key of ['collection_rate', 'gross_margin', 'expense_ratio', 'cost_ratio', 'conversion']) {
      const def = metricByKey(key)!;
      const den = col(def.denominator);
      const num = col(def.numerator) ?? col(def.numeratorFromCost);
      if (!den || !num) continue;
      const fromCost = num.metric!.key !== def.numerator;
      const gap = (has: Column, lacks: Column): RatioGap => ({
        metric: key,
        has: has.metric!.key,
        lacks: lacks.metric!.key,
        file: this.opts.file,
        sheet: this.opts.sheet,
        byWhen: new Map(),
      });
      const gaps = [gap(den, num), gap(num, den)];
      store.ratioGaps.push(...gaps);
      // Numerator and denominator sums of paired rows; for a margin from cost, its own pair of slots.
      const slots = fromCost
        ? [store.slot(`${key}\u0002cost`, 'actual'), store.slot(`${key}\u0002denc`, 'actual')]
        : [store.slot(`${key}\u0002num`, 'actual'), store.slot(`${key}\u0002den`, 'actual')];
      pairs.push({ metric: key, num, den, fromCost, slots, gaps });
    }
    this.pairs = pairs;
    return pairs;
  }

  /** Numerator and denominator of each ratio summed over the rows with both; rows with one part noted. */
  private takeRatioParts(
    row: SheetRow,
    when: When | null,
    bucket: number,
    pairs: NonNullable<typeof this.pairs>,
  ): void {
    for (let pi = 0; pi < pairs.length; pi++) {
      const p = pairs[pi]!;
      const d = this.parts[p.den.index]!;
      const n = this.parts[p.num.index]!;
      const hasD = !Number.isNaN(d);
      const hasN = !Number.isNaN(n);
      if (hasD && hasN) {
        const values = this.store.values;
        const at = 2 * bucket * this.store.stride;
        const o = at + 2 * p.slots[0]!;
        values[o]! += n;
        values[o + 1]! += 1;
        const q = at + 2 * p.slots[1]!;
        values[q]! += d;
        values[q + 1]! += 1;
      } else if (hasD || hasN) {
        const gap = p.gaps[hasD ? 0 : 1]!;
        const missing = hasD ? p.num : p.den;
        const wk = when === null ? '' : when.kind === 'day' ? String(when.day) : when.month;
        let g = gap.byWhen.get(wk);
        if (!g) {
          g = { when, count: 0, cells: [] };
          gap.byWhen.set(wk, g);
        }
        g.count++;
        if (g.cells.length < 3) g.cells.push({ n: row.n, cell: `${colName(missing.index)}${row.n}` });
      }
    }
  }

  /** The dimensions not kept and the summed actuals, for the store's `fine` buckets (found on the first row). */
  private fineColumns(): NonNullable<typeof this.fineCols> {
    const store = this.store;
    // Customers are left out: a breakdown by customer and day would outgrow the cap on its own.
    const dims = this.dimCols.filter(
      (c) => !store.keep.includes(c.info.role as GroupKey) && c.info.role !== 'customer',
    );
    const fc: NonNullable<typeof this.fineCols> = {
      dims,
      values: this.valueCols.filter((c) => c.info.role === 'actual' && c.metric?.agg === 'sum'),
      trees: dims.map(() => new Map()),
      row: new Float64Array(this.valueCols.length),
      day: null,
      periods: [],
      byDay: new Map(),
      bySi: [],
      months: [],
      range:
        store.focus !== null && store.focus.length > 0 ? { kind: 'day', day: store.focus[0]!.start } : null,
    };
    this.fineCols = fc;
    return fc;
  }

  /**
   * The row's actuals into a bucket per dimension not kept: with the asked period known ahead, one bucket per
   * text over that period for day-dated rows (only rows in it are taken); with whole months ahead, one per text
   * and month; else by month and ISO week.
   */
  private takeFine(row: SheetRow, when: When | null, fc: NonNullable<typeof this.fineCols>): void {
    const store = this.store;
    if (fc.dims.length === 0 || store.fine === null || !store.inFocus(when, 0)) return;
    const values = fc.values;
    const vals = fc.row;
    for (let i = 0; i < values.length; i++) vals[i] = this.parts[values[i]!.index]!;
    if ((fc.range !== null || store.wholeMonths) && when !== null && when.kind === 'day') {
      const p = this.pl;
      let k = 0;
      let period = fc.range;
      if (period === null) {
        k = store.stretchOf(when.day);
        period = fc.months[k] ?? { kind: 'month', month: monthKey(when.day) };
        fc.months[k] = period;
      }
      let bySiOf = fc.bySi[k];
      if (bySiOf === undefined) {
        bySiOf = fc.dims.map(() => []);
        fc.bySi[k] = bySiOf;
      }
      for (let di = 0; di < fc.dims.length; di++) {
        const col = fc.dims[di]!.index;
        let fb: Bucket | null | undefined;
        if (p !== undefined && col < p.width && p.kind[col] === P_SHARED) {
          const si = p.si[col]!;
          let bySi = bySiOf[di]!;
          if (bySi.length !== p.shared.length) {
            bySi = new Array(p.shared.length);
            bySiOf[di] = bySi;
          }
          fb = bySi[si];
          if (fb === undefined) {
            const text = this.siText(p, si);
            fb = text === '' ? null : this.fineBucket(fc, di, period, text);
            if (store.fine === null) return;
            bySi[si] = fb;
          }
        } else {
          const text = this.textAt(row, col);
          fb = text === '' ? null : this.fineBucket(fc, di, period, text);
          if (store.fine === null) return;
        }
        if (fb === null) continue;
        for (let i = 0; i < values.length; i++) {
          const v = vals[i]!;
          if (Number.isNaN(v)) continue;
          const slot = values[i]!.slot;
          if (slot >= fb.slots) growBucket(fb, slot + 1);
          fb.values[2 * slot]! += v;
          fb.values[2 * slot + 1]! += 1;
        }
      }
      return;
    }
    // A dated row counts in its month and in its ISO week (what a meeting asks for), not per day.
    let periods: When[];
    if (when === null) periods = [];
    else if (when.kind !== 'day') periods = [when];
    else if (fc.day === when.day) periods = fc.periods;
    else {
      // Kept per day: an export's rows are seldom in date order, and a few hundred days repeat.
      let known = fc.byDay.get(when.day);
      if (known === undefined) {
        const w = isoWeekOf(when.day);
        known = [
          { kind: 'month', month: monthKey(when.day) },
          { kind: 'month', month: `${w.year}-W${String(w.week).padStart(2, '0')}` },
        ];
        if (fc.byDay.size >= 100_000) fc.byDay.clear();
        fc.byDay.set(when.day, known);
      }
      periods = known;
      fc.day = when.day;
      fc.periods = periods;
    }
    for (let di = 0; di < fc.dims.length; di++) {
      const text = this.textAt(row, fc.dims[di]!.index);
      if (text === '') continue;
      for (let pi = 0; pi < (when === null ? 1 : periods.length); pi++) {
        const fb = this.fineBucket(fc, di, when === null ? null : periods[pi]!, text);
        if (fb === null) return;
        for (let i = 0; i < values.length; i++) {
          const v = vals[i]!;
          if (Number.isNaN(v)) continue;
          const slot = values[i]!.slot;
          if (slot >= fb.slots) growBucket(fb, slot + 1);
          fb.values[2 * slot]! += v;
          fb.values[2 * slot + 1]! += 1;
        }
      }
    }
  }

  /** The `fine` bucket of dimension `di`'s text in a period, created when new; null once past the cap. */
  private fineBucket(
    fc: NonNullable<typeof this.fineCols>,
    di: number,
    p: When | null,
    text: string,
  ): Bucket | null {
    const pk = p === null ? null : p.kind === 'month' ? p.month : p.day;
    const tree = fc.trees[di]!;
    let byText = tree.get(pk);
    if (byText === undefined) {
      byText = new Map();
      tree.set(pk, byText);
    }
    let fb = byText.get(text);
    if (fb !== undefined) return fb;
    const fine = this.store.fine;
    if (fine === null) return null;
    const role = fc.dims[di]!.info.role as GroupKey;
    const key = `${role}\u0001${pk ?? ''}\u0001${text}`;
    fb = fine.get(key);
    if (fb === undefined) {
      if (fine.size >= FINE_MAX) {
        this.store.fine = null;
        return null;
      }
      fb = newBucket(-1, p, { [role]: text }, this.store.slots.length);
      fine.set(key, fb);
    }
    byText.set(text, fb);
    return fb;
  }

  /**
   * A day-dated row's bucket found by one lookup — its kept cells' shared-string
   * indexes and its stretch (`KpiStore.stretchOf`) combined into one number — instead of a walk through the
   * tree of groups (three maps for a breakdown by region, product and rep). Sets `blankMask`, kept with the id
   * (which of the texts are blank is the same for the same indexes): a row reads no text. −1 when a kept cell
   * is no shared string, or the combined number would not be exact (then `rowBucket`).
   */
  private plainBucketId(p: PlainCells, when: When | null): number {
    const store = this.store;
    if (when === null || when.kind !== 'day' || (store.focus === null && !store.wholeMonths)) return -1;
    const kept = this.keptDims ?? this.keptColumns();
    const n = kept.length;
    const base = p.shared.length + 1;
    if (this.bucketIds === undefined) {
      if (n > MASK_BITS || base ** n * STRETCHES >= 2 ** 53) return -1;
      this.bucketIds = new IdMap();
    }
    let key = 0;
    for (let i = 0; i < n; i++) {
      const col = kept[i]!.index;
      if (col >= p.width || p.kind[col] !== P_SHARED) return -1;
      key = key * base + p.si[col]!;
    }
    const stretch = store.stretchOf(when.day);
    if (stretch >= STRETCHES) return -1;
    key = key * STRETCHES + stretch;
    // The bucket's id × MASKS + the blank mask.
    let found = this.bucketIds.get(key);
    if (found < 0) {
      let mask = 0;
      for (let i = 0; i < n; i++) if (this.siText(p, p.si[kept[i]!.index]!) === '') mask |= 1 << i;
      const id = store.bucketIn(this.plainLeaf(p)!, when).id;
      this.blankMask = mask;
      // Past 2^23 buckets the two do not fit in an int32: found again for each row.
      if (id >= 2 ** (31 - MASK_BITS)) return id;
      found = id * MASKS + mask;
      this.bucketIds.set(key, found);
    }
    this.blankMask = found & (MASKS - 1);
    return found >>> MASK_BITS;
  }

  /** Bucket ids by kept shared strings and stretch (see plainBucketId); undefined until the first row. */
  private bucketIds: IdMap | undefined;

  /**
   * The store's bucket for a row: its period and the kept dimensions' texts (created on first use); sets
   * `blankMask`. A row whose kept cells are all shared strings finds its group by their indexes.
   */
  private rowBucket(row: SheetRow, when: When | null): Bucket {
    const p = this.pl;
    const leaf = (p !== undefined ? this.plainLeaf(p) : undefined) ?? this.textLeaf(row);
    return this.store.bucketIn(leaf, when);
  }

  /** The group of the row's kept texts, found by text. */
  private textLeaf(row: SheetRow): BucketLeaf {
    const kept = this.keptTexts(row);
    let keys = this.keptKeys;
    let tree = this.keptTree;
    if (keys === undefined || tree === undefined) {
      keys = kept.map((c) => c.info.role as GroupKey);
      tree = this.store.bucketTree(keys);
      this.keptKeys = keys;
      this.keptTree = tree;
    }
    return this.store.leaf(tree, keys, this.dimTexts);
  }

  /**
   * The group of the row's kept texts when each is a shared string: a tree of arrays by shared-string index
   * (the same index is the same text), whose leaves are the store's groups found by text once; undefined when
   * a kept cell is of another kind.
   */
  private plainLeaf(p: PlainCells): BucketLeaf | undefined {
    const kept = this.keptDims ?? this.keptColumns();
    const n = kept.length;
    const size = Math.max(p.shared.length, 1);
    let first = this.leafBySi;
    if (first.length !== size) {
      first = new Array(size);
      this.leafBySi = first;
    }
    let mask = 0;
    let leaf: BucketLeaf | undefined;
    // The first level in an array as long as the table, the next ones in maps (a group of several texts).
    let node: Map<number, unknown> | undefined;
    let last = 0;
    for (let i = 0; i < n; i++) {
      const col = kept[i]!.index;
      if (col >= p.width || p.kind[col] !== P_SHARED) return undefined;
      const si = p.si[col]!;
      if (this.siText(p, si) === '') mask |= 1 << i;
      last = si;
      const next = node === undefined ? first[si] : node.get(si);
      if (i === n - 1) leaf = next as BucketLeaf | undefined;
      else if (next === undefined) {
        const fresh = new Map<number, unknown>();
        if (node === undefined) first[si] = fresh;
        else node.set(si, fresh);
        node = fresh;
      } else node = next as Map<number, unknown>;
    }
    if (n === 0) leaf = first[0] as BucketLeaf | undefined;
    this.blankMask = mask;
    if (leaf !== undefined) return leaf;
    // First time: the group by text, kept under the last index.
    const texts = this.dimTexts;
    for (let i = 0; i < n; i++) {
      const t = this.siText(p, p.si[kept[i]!.index]!);
      texts[i] = t === '' ? this.store.blankGroup : t;
    }
    texts.length = n;
    let keys = this.keptKeys;
    let tree = this.keptTree;
    if (keys === undefined || tree === undefined) {
      keys = kept.map((c) => c.info.role as GroupKey);
      tree = this.store.bucketTree(keys);
      this.keptKeys = keys;
      this.keptTree = tree;
    }
    leaf = this.store.leaf(tree, keys, texts);
    if (node === undefined) first[last] = leaf;
    else node.set(last, leaf);
    return leaf;
  }

  /** Groups by the kept cells' shared-string indexes (see `plainLeaf`), as long as the table. */
  private leafBySi: unknown[] = [];
  private keptKeys: GroupKey[] | undefined;
  private keptTree: Map<unknown, unknown> | undefined;

  private takeTarget(row: SheetRow): void {
    const when = this.when(row);
    if (when === undefined) return;
    const group = this.group(row, true) ?? {};
    for (const c of this.valueCols) {
      const v = this.number(row, c, c.metric!.kind === 'ratio');
      if (v === null) continue;
      if (v >= HUGE || v <= -HUGE) this.huge(row.n, c, c.metric!.key);
      this.store.targets.push({
        metric: c.metric!.key,
        when,
        group,
        dims: this.targetDims,
        value: v,
        source: `${this.opts.file}\u0001${this.opts.sheet}`,
      });
      this.used++;
    }
  }
}
