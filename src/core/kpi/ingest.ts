/**
 * Turns the rows of one sheet into KPI facts, one row at a time (so a million-row export streams through in
 * bounded memory): finds the header row under title and note rows, flattens merged group headers,
 * classifies the sheet (summary / detail / targets), skips totals rows and reports bad cells by address.
 */

import type { Lang } from '../i18n/lang.js';
import {
  GROUP_KEYS,
  type HeaderInfo,
  isTotalLabel,
  type Role,
  recognise,
  scopeOf,
  splitUnit,
  type Unit,
  type ValueRole,
} from './headers.js';
import { km } from './messages.js';
import { findMetric, type MetricDef, metricByKey, normName } from './metrics.js';
import { isoWeekOf, monthKey, parsePeriod } from './period.js';
import type { Group, GroupKey, KpiWarning } from './result.js';
import { type Cell, cellText, colName, readNumber, readWhen, type SheetRow, type When } from './values.js';

export type SheetKind = 'summary' | 'detail' | 'targets' | 'targets-flat';

/** A merged range, 1-based rows, 0-based columns. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface MetricOverride {
  label?: string;
  kind?: 'amount' | 'count' | 'ratio';
  direction?: 'higher' | 'lower';
  unit?: string;
}

/** A metric as the data knows it: dictionary entry (if any), label, display unit. */
export interface MetricInfo {
  key: string;
  label: string;
  def?: MetricDef;
  kind: 'amount' | 'count' | 'ratio';
  direction: 'higher' | 'lower';
  agg: 'sum' | 'ratio' | 'mean';
  unit: string | null;
  /** Scale of the display unit (万元 → 1e4); values are stored in base units. */
  scale: number;
  /** Order of first appearance, for output order. */
  order: number;
}

export interface SummaryRecord {
  metric: string;
  group: Group;
  when?: When;
  values: Partial<Record<ValueRole, number>>;
  /** The period a sheet without a period column names in its title (`2026年上半年…`): it applies to that period only. */
  titled?: { start: number; end: number };
  /** Where the actual came from, to name it in warnings. */
  where: { file: string; sheet: string; cell: string };
}

export interface Bucket {
  when: When | null;
  group: Group;
  sums: number[];
  counts: number[];
}

/** Rows of one sheet that hold `has` but not `lacks` for a ratio, by period (the ratio is asked for one period). */
export interface RatioGap {
  metric: string;
  has: string;
  lacks: string;
  file: string;
  sheet: string;
  byWhen: Map<string, { when: When | null; count: number; cells: { n: number; cell: string }[] }>;
}

export interface TargetRecord {
  metric: string;
  when: When | null;
  group: Group;
  dims: GroupKey[];
  value: number;
  source: string;
}

export interface Note {
  file: string;
  sheet: string;
  text: string;
}

/** Everything read from all sheets of all files. */
export class KpiStore {
  metrics = new Map<string, MetricInfo>();
  summary: SummaryRecord[] = [];
  buckets = new Map<string, Bucket>();
  /** slot index → metric key and role, for detail buckets. */
  slots: { metric: string; role: ValueRole }[] = [];
  private slotIndex = new Map<string, number>();
  targets: TargetRecord[] = [];
  warnings: KpiWarning[] = [];
  notes: Note[] = [];
  /** Latest month and day seen in dated detail rows. */
  latestDay: number | null = null;
  latestMonth: string | null = null;
  rows = 0;
  sheetsUsed = 0;
  /** Detail rows with one part of a ratio and not the other (left out of the ratio), per metric, sheet and part. */
  ratioGaps: RatioGap[] = [];
  /**
   * Actuals of detail rows by each dimension that is not kept, per month and per ISO week (a dated row is in
   * two of them; customers left out), so a total over the groups that have a target can be computed without
   * `--by`; null once it grew past its cap.
   */
  fine: Map<string, Bucket> | null = new Map();
  private warned = new Set<string>();

  constructor(
    readonly keep: GroupKey[],
    readonly lang: Lang,
    readonly overrides: Record<string, MetricOverride> = {},
    /** Year to date asked for: a summary sheet's 累计 columns are preferred over its 当月 columns. */
    readonly ytd = false,
  ) {}

  warn(w: KpiWarning): void {
    if (this.warnings.length < 500) this.warnings.push(w);
  }

  warnOnce(key: string, w: KpiWarning): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(w);
  }

  slot(metric: string, role: ValueRole): number {
    const k = `${metric}\u0001${role}`;
    let i = this.slotIndex.get(k);
    if (i === undefined) {
      i = this.slots.length;
      this.slots.push({ metric, role });
      this.slotIndex.set(k, i);
    }
    return i;
  }

  /** Registers a metric by dictionary entry or label; the first unit seen becomes its display unit. */
  metric(def: MetricDef | undefined, label: string, unit: Unit | null): MetricInfo {
    const key = def?.key ?? label;
    let info = this.metrics.get(key);
    const o =
      this.overrides[key] ?? this.overrides[label] ?? (def ? undefined : this.overrides[normName(label)]);
    if (!info) {
      const kind = o?.kind ?? def?.kind ?? 'amount';
      info = {
        key,
        ...(def ? { def } : {}),
        label: o?.label ?? label,
        kind,
        direction: o?.direction ?? def?.direction ?? 'higher',
        agg: o?.kind
          ? o.kind === 'ratio'
            ? 'ratio'
            : 'sum'
          : (def?.agg ?? (kind === 'ratio' ? 'ratio' : 'sum')),
        unit: o?.unit ?? (unit && !unit.percent ? unit.text : (def?.unit ?? null)),
        scale: unit && !unit.percent && unit.scale ? unit.scale : 1,
        order: this.metrics.size,
      };
      if (info.kind === 'ratio') {
        info.unit = '%';
        info.scale = 1;
      }
      this.metrics.set(key, info);
    } else if (info.unit === null && unit && !unit.percent && info.kind !== 'ratio') {
      info.unit = unit.text;
      info.scale = unit.scale ?? 1;
    }
    return info;
  }
}

export interface SheetOptions {
  file: string;
  sheet: string;
  /** `kpi.columns`: field → header text. */
  columns?: Record<string, string>;
  merges?: Merge[];
}

interface Column {
  index: number;
  info: HeaderInfo;
  /** For value columns: the metric they hold (undefined for the metric column of a summary sheet). */
  metric?: MetricInfo;
  /** Multiply a read value by this to get base units. */
  scale: number;
  percent: boolean;
  slot: number;
  /** Detail value column whose plain finite numbers need no reading: not a percent column, not a ratio. */
  plain?: boolean;
}

const HEADER_SCAN = 40;
const TREE_MAX = 20_000;
/** Buckets by period and dimension (store.fine) kept at most; past it a total over partial targets is not adjusted. */
const FINE_MAX = 50_000;
const MAYBE_TOTAL = /[合总總小汇匯全]|total|sum|overall/i;
const VALUE_ROLES = new Set<Role>(['target', 'actual', 'priorYear', 'priorPeriod']);

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
  private titled: { start: number; end: number } | undefined;
  private badCells = new Map<number, number>();
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
    return this.kind as SheetKind | 'skip';
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

  /** Header text per column for a held row, with the group text above when the row above looks like a group header. */
  private headerCandidates(i: number): { infos: (HeaderInfo | undefined)[]; score: number; values: number } {
    const row = this.held[i]!;
    const above = i > 0 ? this.held[i - 1] : undefined;
    const groups: (string | undefined)[] = [];
    if (above) {
      const filled = above.cells.filter((c) => cellText(c) !== '').length;
      if (filled >= 2) {
        let last: string | undefined;
        const width = Math.max(row.cells.length, above.cells.length);
        for (let c = 0; c < width; c++) {
          const master = this.mergeMaster.get(`${above.n}:${c}`);
          const own = cellText(above.cells[c]);
          if (own !== '') last = own;
          else if (master === undefined && this.mergeMaster.size > 0) last = undefined;
          groups[c] =
            own !== ''
              ? own
              : master !== undefined
                ? cellText(
                    this.held.find((r) => r.n === Number(master.split(':')[0]))?.cells[
                      Number(master.split(':')[1])
                    ],
                  )
                : last;
        }
      }
    }
    const overrides = new Map<string, Role>();
    for (const [field, header] of Object.entries(this.opts.columns ?? {})) {
      const role = roleOfOverride(field);
      if (role) overrides.set(normName(header), role);
    }
    const infos: (HeaderInfo | undefined)[] = [];
    let score = 0;
    let values = 0;
    const width = Math.max(row.cells.length, above?.cells.length ?? 0);
    for (let c = 0; c < width; c++) {
      let text = cellText(row.cells[c]);
      if (text === '' && above) {
        // A header merged down over two rows (指标 over A3:A4) sits in the row above.
        const master = this.mergeMaster.get(`${row.n}:${c}`);
        if (master !== undefined && master === `${above.n}:${c}`) text = cellText(above.cells[c]);
        else if (groups.length > 0 && master === undefined && !this.mergeMaster.has(`${above.n}:${c + 1}`))
          text = cellText(above.cells[c]);
        if (text !== '') {
          const info = recognise(text);
          infos[c] = info;
          if (info && info.role !== 'derived') {
            score += 1;
            if (VALUE_ROLES.has(info.role)) values += 1;
          }
          continue;
        }
      }
      if (text === '' || typeof row.cells[c]?.v === 'number') continue;
      const forced = overrides.get(normName(text));
      let info: HeaderInfo | undefined = forced
        ? { role: forced, unit: splitUnit(text).unit, text }
        : recognise(text, groups[c]);
      if (!info && groups[c] && cellText(row.cells[c]) !== '') info = recognise(`${groups[c]}${text}`);
      if (info) {
        const group = groups[c];
        const scope = scopeOf(text) ?? (group ? scopeOf(group) : undefined);
        if (scope) info.scope = scope;
      }
      infos[c] = info;
      if (info && info.role !== 'derived') {
        score += 1;
        if (VALUE_ROLES.has(info.role)) values += 1;
      }
    }
    return { infos, score, values };
  }

  private decide(): void {
    const held = this.held;
    let best: { i: number; infos: (HeaderInfo | undefined)[]; score: number } | undefined;
    for (let i = 0; i < held.length; i++) {
      const cand = this.headerCandidates(i);
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
      for (const c of r.cells) {
        const t = cellText(c);
        const mm =
          /(?:单位|單位|unit)\s*[:：]\s*(.+)$/i.exec(t) ?? /^\(?in (thousands|millions)\)?$/i.exec(t);
        if (mm) this.sheetUnit = mm[1] ? parseUnitText(mm[1]) : null;
        this.titled ??= periodInTitle(t);
      }
    }
    this.setup(best.infos);
    const rest = held.slice(best.i + 1);
    this.held = [];
    if (this.kind !== 'skip') for (const r of rest) this.take(r);
  }

  private setup(infos: (HeaderInfo | undefined)[]): void {
    const store = this.store;
    infos.forEach((info, index) => {
      if (!info || info.role === 'derived') return;
      this.cols.push({ index, info, scale: 1, percent: false, slot: -1 });
    });
    const first = (role: Role) => this.cols.find((c) => c.info.role === role);
    this.metricCol = first('metric');
    this.unitCol = first('unit');
    this.periodCol = first('period');
    for (const c of this.cols) if (VALUE_ROLES.has(c.info.role)) this.valueIdx[c.index] = true;
    const seenDims = new Set<GroupKey>();
    for (const c of this.cols) {
      if ((GROUP_KEYS as string[]).includes(c.info.role) && !seenDims.has(c.info.role as GroupKey)) {
        seenDims.add(c.info.role as GroupKey);
        this.dimCols.push(c);
      }
    }
    this.valueCols = this.cols.filter((c) => VALUE_ROLES.has(c.info.role));
    const hasActual = this.valueCols.some((c) => c.info.role !== 'target');
    const hasTarget = this.valueCols.some((c) => c.info.role === 'target');
    if (this.metricCol) this.kind = 'summary';
    else if (!hasActual && hasTarget) this.kind = this.periodCol ? 'targets' : 'targets-flat';
    else this.kind = 'detail';
    this.targetDims = this.dimCols.map((c) => c.info.role as GroupKey);

    if (this.kind === 'summary') {
      // 当月 and 累计 side by side: keep the scope asked for, per role, when the sheet has it.
      const want = this.store.ytd ? 'ytd' : 'period';
      this.valueCols = this.valueCols.filter((c) => {
        if (c.info.scope === want || c.info.scope === undefined) return true;
        return !this.valueCols.some((o) => o.info.role === c.info.role && o.info.scope === want);
      });
      if (!this.store.ytd)
        this.valueCols.sort((a, b) => Number(a.info.scope === 'ytd') - Number(b.info.scope === 'ytd'));
      for (const c of this.valueCols) {
        c.percent = c.info.unit?.percent ?? false;
        c.scale = c.info.unit?.scale ?? this.sheetUnit?.scale ?? 1;
      }
      return;
    }
    // Detail and targets: every value column belongs to a metric (unnamed → revenue).
    for (const c of this.valueCols) {
      const def =
        c.info.metric ??
        (c.info.metricLabel ? findMetric(c.info.metricLabel) : undefined) ??
        (c.info.metricLabel ? undefined : metricByKey('revenue'));
      const label = def ? def.labels['zh-CN'] : (c.info.metricLabel ?? c.info.text);
      const unit = c.info.unit ?? (def && def.kind !== 'amount' ? null : this.sheetUnit);
      const info = store.metric(
        def,
        def ? labelFor(def, c.info.text) : label,
        c.info.role === 'actual' ? unit : null,
      );
      c.metric = info;
      c.percent = unit?.percent ?? false;
      c.scale = unit?.scale ?? 1;
      c.slot = store.slot(info.key, c.info.role as ValueRole);
      c.plain = !c.percent && info.kind !== 'ratio';
    }
    // A ratio column beside its numerator and denominator is recomputed from them, not read.
    const present = new Set(this.valueCols.filter((c) => c.info.role === 'actual').map((c) => c.metric!.key));
    this.valueCols = this.valueCols.filter((c) => {
      const def = c.metric?.def;
      if (def?.agg !== 'ratio') return true;
      const num =
        def.numerator !== undefined &&
        (present.has(def.numerator) ||
          (def.numeratorFromCost !== undefined && present.has(def.numeratorFromCost)));
      return !(num && def.denominator !== undefined && present.has(def.denominator));
    });
  }

  private valueIdx: boolean[] = [];
  /** Total-label verdict per distinct cell text: an export repeats a few thousand texts a million times. */
  private totalText = new Map<string, boolean>();
  /** Detail rows: the store's bucket per period and kept dimension texts, found without building its key. */
  private bucketTree = new Map<unknown, unknown>();
  /** Buckets the tree holds; past TREE_MAX (a breakdown by customer and day) it stops growing and is skipped. */
  private treeSize = 0;
  /** Dimension columns kept in detail buckets (`--by`), in column order, and a row's texts for them. */
  private keptDims: Column[] | undefined;
  private dimTexts: string[] = [];
  /** One When per day (Date cells): rows of the same day share it instead of allocating their own. */
  private dayWhen = new Map<number, When>();
  private lastDate: Date | undefined;
  private lastWhen: When | undefined;

  private isTotalsRow(row: SheetRow): boolean {
    const cells = row.cells;
    const seen = this.totalText;
    for (let i = 0; i < cells.length; i++) {
      if (this.valueIdx[i]) continue;
      const v = cells[i]?.v;
      if (typeof v !== 'string') continue;
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
    this.remember(row);
    if (row.n <= this.headerRow) return;
    if (this.isTotalsRow(row)) return;
    if (this.kind === 'summary') this.takeSummary(row);
    else if (this.kind === 'detail') this.takeDetail(row);
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
    const cell = this.cellAt(row, this.periodCol.index);
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
      this.store.warn({
        message: km.notDate({ found: cellText(cell) })(this.store.lang),
        ...this.where(row.n, this.periodCol.index),
      });
      return undefined;
    }
    return w;
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
    else if (this.titled) rec.titled = this.titled;
    if (any || Object.keys(values).length === 0) this.store.summary.push(rec);
    this.used++;
  }

  private takeDetail(row: SheetRow): void {
    const when = this.when(row);
    if (when === undefined) {
      if (
        this.valueCols.some((c) => readNumber(row.cells[c.index], false, false).kind === 'number') &&
        this.periodCol
      )
        this.store.warnOnce(`${this.opts.file}:${this.opts.sheet}:nodate:${row.n}`, {
          message: km.noDate()(this.store.lang),
          ...this.where(row.n, this.periodCol.index),
        });
      return;
    }
    const store = this.store;
    let kept = this.keptDims;
    if (kept === undefined) {
      kept = this.dimCols.filter((c) => store.keep.includes(c.info.role as GroupKey));
      this.keptDims = kept;
    }
    const texts = this.dimTexts;
    for (let i = 0; i < kept.length; i++) texts[i] = cellText(this.cellAt(row, kept[i]!.index));
    let bucket: Bucket | undefined;
    let any = false;
    const valueCols = this.valueCols;
    for (let vi = 0; vi < valueCols.length; vi++) {
      const c = valueCols[vi]!;
      const cell = row.cells[c.index];
      const raw = cell?.v;
      const v =
        typeof raw === 'number' && cell!.fmt === undefined && c.plain && Number.isFinite(raw)
          ? raw * c.scale
          : this.number(row, c, c.metric!.kind === 'ratio');
      if (v === null) continue;
      bucket ??= this.bucketOf(when, kept, texts);
      bucket.sums[c.slot] = (bucket.sums[c.slot] ?? 0) + v;
      bucket.counts[c.slot] = (bucket.counts[c.slot] ?? 0) + 1;
      any = true;
    }
    if (bucket) this.takeParts(row, when, bucket);
    if (any) {
      store.rows++;
      this.used++;
      if (when) {
        if (when.kind === 'day') {
          if (store.latestDay === null || when.day > store.latestDay) store.latestDay = when.day;
        } else if (
          /^\d{4}-\d{2}$/.test(when.month) &&
          (store.latestMonth === null || when.month > store.latestMonth)
        )
          store.latestMonth = when.month;
      }
    }
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
        row: (number | null)[];
        day: number | null;
        periods: When[];
      }
    | undefined;

  /**
   * After a detail row went into its bucket: sums each ratio's numerator and denominator over the rows that
   * carry both (a row with revenue and no cost says nothing about the margin; blank is not zero) and notes the
   * rows left out; and, when the sheet has dimensions that are not kept, adds the row's actuals to a bucket per
   * such dimension (the total's achievement over the groups that have a target, without `--by`).
   */
  private takeParts(row: SheetRow, when: When | null, bucket: Bucket): void {
    const store = this.store;
    const read = (c: Column): number | null => {
      const cell = row.cells[c.index];
      const raw = cell?.v;
      if (typeof raw === 'number' && cell!.fmt === undefined && c.plain && Number.isFinite(raw))
        return raw * c.scale;
      const r = readNumber(cell, c.percent, false);
      return r.kind === 'number' ? (c.percent ? r.value : r.value * c.scale) : null;
    };
    let pairs = this.pairs;
    if (pairs === undefined) {
      pairs = [];
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
    }
    for (const p of pairs) {
      const d = read(p.den);
      const n = read(p.num);
      if (d !== null && n !== null) {
        const [ns, ds] = p.slots as [number, number];
        bucket.sums[ns] = (bucket.sums[ns] ?? 0) + n;
        bucket.counts[ns] = (bucket.counts[ns] ?? 0) + 1;
        bucket.sums[ds] = (bucket.sums[ds] ?? 0) + d;
        bucket.counts[ds] = (bucket.counts[ds] ?? 0) + 1;
      } else if (d !== null || n !== null) {
        const gap = p.gaps[d !== null ? 0 : 1]!;
        const missing = d !== null ? p.num : p.den;
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
    let fc = this.fineCols;
    if (fc === undefined) {
      // Customers are left out: a breakdown by customer and day would outgrow the cap on its own.
      const dims = this.dimCols.filter(
        (c) => !store.keep.includes(c.info.role as GroupKey) && c.info.role !== 'customer',
      );
      fc = {
        dims,
        values: this.valueCols.filter((c) => c.info.role === 'actual' && c.metric?.agg === 'sum'),
        trees: dims.map(() => new Map()),
        row: [],
        day: null,
        periods: [],
      };
      this.fineCols = fc;
    }
    if (fc.dims.length === 0 || store.fine === null) return;
    const values = fc.values;
    const vals = fc.row;
    for (let i = 0; i < values.length; i++) vals[i] = read(values[i]!);
    // A dated row counts in its month and in its ISO week (what a meeting asks for), not per day.
    let periods: When[];
    if (when === null) periods = [];
    else if (when.kind !== 'day') periods = [when];
    else if (fc.day === when.day) periods = fc.periods;
    else {
      const w = isoWeekOf(when.day);
      periods = [
        { kind: 'month', month: monthKey(when.day) },
        { kind: 'month', month: `${w.year}-W${String(w.week).padStart(2, '0')}` },
      ];
      fc.day = when.day;
      fc.periods = periods;
    }
    for (let di = 0; di < fc.dims.length; di++) {
      const c = fc.dims[di]!;
      const text = cellText(this.cellAt(row, c.index));
      if (text === '') continue;
      const tree = fc.trees[di]!;
      for (let pi = 0; pi < (when === null ? 1 : periods.length); pi++) {
        const p = when === null ? null : periods[pi]!;
        const pk = p === null ? null : p.kind === 'month' ? p.month : p.day;
        let byText = tree.get(pk);
        if (byText === undefined) {
          byText = new Map();
          tree.set(pk, byText);
        }
        let fb = byText.get(text);
        if (fb === undefined) {
          const fine = store.fine;
          if (fine === null) return;
          const key = `${c.info.role}\u0001${pk ?? ''}\u0001${text}`;
          fb = fine.get(key);
          if (fb === undefined) {
            if (fine.size >= FINE_MAX) {
              store.fine = null;
              return;
            }
            fb = { when: p, group: { [c.info.role as GroupKey]: text }, sums: [], counts: [] };
            fine.set(key, fb);
          }
          byText.set(text, fb);
        }
        for (let i = 0; i < values.length; i++) {
          const v = vals[i];
          if (v === null || v === undefined) continue;
          const slot = values[i]!.slot;
          fb.sums[slot] = (fb.sums[slot] ?? 0) + v;
          fb.counts[slot] = (fb.counts[slot] ?? 0) + 1;
        }
      }
    }
  }

  /**
   * The store's bucket for a detail row (created on first use), looked up in a tree of maps by period and
   * dimension texts; only a miss builds the store's string key, so the store sees exactly the same keys,
   * buckets and insertion order as when every row built it.
   */
  private bucketOf(when: When | null, kept: Column[], texts: string[]): Bucket {
    if (this.treeSize >= TREE_MAX) return this.storeBucket(when, kept, texts);
    let node = this.bucketTree;
    let k: unknown = when === null ? null : when.kind === 'day' ? when.day : when.month;
    for (let i = 0; i < kept.length; i++) {
      let next = node.get(k) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(k, next);
      }
      node = next;
      k = texts[i];
    }
    let bucket = node.get(k) as Bucket | undefined;
    if (bucket === undefined) {
      bucket = this.storeBucket(when, kept, texts);
      node.set(k, bucket);
      this.treeSize++;
    }
    return bucket;
  }

  /** The store's bucket by its string key (period, then each kept dimension's text), created when new. */
  private storeBucket(when: When | null, kept: Column[], texts: string[]): Bucket {
    let key = when === null ? '' : when.kind === 'day' ? String(when.day) : when.month;
    for (let i = 0; i < kept.length; i++) key += `\u0001${texts[i]}`;
    let bucket = this.store.buckets.get(key);
    if (!bucket) {
      const g: Group = {};
      for (let i = 0; i < kept.length; i++) {
        const t = texts[i]!;
        if (t !== '') g[kept[i]!.info.role as GroupKey] = t;
      }
      bucket = { when, group: g, sums: [], counts: [] };
      this.store.buckets.set(key, bucket);
    }
    return bucket;
  }

  private takeTarget(row: SheetRow): void {
    const when = this.when(row);
    if (when === undefined) return;
    const group = this.group(row, true) ?? {};
    for (const c of this.valueCols) {
      const v = this.number(row, c, c.metric!.kind === 'ratio');
      if (v === null) continue;
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

function roleOfOverride(field: string): Role | undefined {
  const map: Record<string, Role> = {
    metric: 'metric',
    target: 'target',
    actual: 'actual',
    amount: 'actual',
    revenue: 'actual',
    priorYear: 'priorYear',
    priorPeriod: 'priorPeriod',
    unit: 'unit',
    period: 'period',
    month: 'period',
    date: 'period',
    region: 'region',
    product: 'product',
    rep: 'rep',
    customer: 'customer',
    channel: 'channel',
    team: 'team',
  };
  return map[field];
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * The period a title or group header names: `2026年上半年` / `2026 H1`, `2026年第二季度` / `2026-Q2`,
 * `2026年1-6月` (January to June), `2026年6月`, `2026年度` / `FY2026`. Undefined when it names none.
 */
export function periodInTitle(text: string): { start: number; end: number } | undefined {
  const t = text.replace(/\s+/g, '');
  let mm = /(\d{4})年?(上半年|下半年|[Hh]([12]))/.exec(t);
  if (mm) return parsePeriod(`${mm[1]}-H${mm[2] === '上半年' ? 1 : mm[2] === '下半年' ? 2 : mm[3]}`);
  mm = /(\d{4})年?第?([一二三四1-4])季度|(\d{4})-?[Qq]([1-4])/.exec(t);
  if (mm) return parsePeriod(`${mm[1] ?? mm[3]}-Q${mm[2] ? (CN_DIGIT[mm[2]] ?? mm[2]) : mm[4]}`);
  mm = /(\d{4})年?0?1月?[-–~至到](\d{1,2})月/.exec(t);
  if (mm && Number(mm[2]) >= 1 && Number(mm[2]) <= 12) {
    const p = parsePeriod(`${mm[1]}-${mm[2]!.padStart(2, '0')}`);
    return p ? { start: parsePeriod(mm[1]!)!.start, end: p.end } : undefined;
  }
  mm = /(\d{4})年(\d{1,2})月/.exec(t);
  if (mm) return parsePeriod(`${mm[1]}-${mm[2]!.padStart(2, '0')}`);
  mm = /(\d{4})年度|(\d{4})全年|FY(\d{4})/i.exec(t);
  if (mm) return parsePeriod(mm[1] ?? mm[2] ?? mm[3]!);
  return undefined;
}

function parseUnitText(t: string): Unit | null {
  const u = splitUnit(`x(${t.trim()})`).unit;
  return u ?? null;
}

/** The label a metric is shown with: the header as written, without its unit. */
function labelFor(def: MetricDef, header: string): string {
  const name = splitUnit(header).name.trim();
  const own = findMetric(name);
  return own && own.key === def.key ? name : def.labels['zh-CN'];
}
