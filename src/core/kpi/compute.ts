/**
 * From the facts of every sheet to the KPI result: aggregates detail rows over the period, the same period a
 * year earlier and the period before, joins targets, fills in what summary sheets give, then applies the
 * formulas per row. Pure: the as-of day comes in as a number.
 */
import { formatLocation, InputError } from '../errors.js';
import type { Lang } from '../i18n/lang.js';
import {
  type Acc,
  accCount,
  accSum,
  addTo,
  addToAll,
  groupKey,
  inRange,
  newAcc,
  R_CUR,
  R_PP,
  R_PY,
  type Range,
  statedAnswering,
} from './compute/acc.js';
import { CUSTOMER_COUNTS, DISTINCT, distinctCounts } from './compute/distinct.js';
import {
  applyHeadcount,
  metricsToShow,
  moneyInRevenueUnit,
  periodWarnings,
  proratedWarning,
  ratioGapWarnings,
} from './compute/parts.js';
import {
  byRank,
  byRankTree,
  collationOrder,
  compareGroups,
  coverageRows,
  fmtPlain,
  prefixKeys,
  shareAndRank,
  zhCompare,
} from './compute/rows.js';
import {
  achievementOf,
  changeOf,
  DEFAULT_THRESHOLDS,
  difference,
  fin,
  forecastOf,
  requiredPaceOf,
  statusOf,
  type Thresholds,
  varianceOf,
} from './formulas.js';
import { funnelOf } from './funnel.js';
import { countOf, type KpiStore, type MetricInfo, type TargetRecord } from './ingest.js';
import { km } from './messages.js';
import { pacedByTime } from './paced.js';
import {
  type Calendar,
  comparedRanges,
  countDays,
  isoOfDay,
  monthKey,
  monthPeriodOf,
  type Period,
  parsePeriod,
  priorPeriodOf,
  progressOf,
  WEEKDAYS_ONLY,
  ymd,
  ytdOf,
} from './period.js';
import type { Group, GroupKey, KpiResult, KpiRow, KpiWarning, PeriodFrom } from './result.js';

export interface ComputeOptions {
  period: Period;
  ytd: boolean;
  asOf: number;
  workdays: boolean;
  by: GroupKey[];
  metrics?: string[];
  thresholds?: Partial<Thresholds>;
  lang: Lang;
  /** Where the period came from (default: asked for). */
  from?: PeriodFrom;
  /** The working calendar for `workdays` (io's `chineseCalendar()`); without it, Monday to Friday. */
  calendar?: Calendar;
  /** Sales headcount (meeting.yaml `kpi.headcount`): revenue per rep of the total is revenue ÷ this. */
  headcount?: number;
}

/** What the table and xlsx show beside the JSON row (not part of salesmeet.kpi/1). */
export interface RowExtra {
  requiredPace: number | null;
  progressGap: number | null;
}

export interface Computed {
  result: KpiResult;
  extras: Map<KpiRow, RowExtra>;
  elapsed: number;
  total: number;
}

/** Where a period came from, for the line above the table. */
export type PeriodSource =
  | { kind: 'option' }
  | { kind: 'meeting' }
  | {
      kind: 'data';
      /** The data's latest month, left for the one before because its rows stop early (`STOPS_EARLY`). */
      short?: { month: string; last: number };
    }
  | { kind: 'stated'; file: string; sheet: string; cell: string }
  | { kind: 'today' };

/**
 * In data with rows on most days (on at least half of the `DENSE_DAYS` days before the month), a month whose rows
 * stop more than `STOPS_EARLY` days before its end is not complete in the data: the export was taken during it.
 * A week covers a weekend, or the Spring Festival starting at a month's end; data with rows on fewer days (a few
 * deals a month) can well have none in a month's last weeks.
 */
export const STOPS_EARLY = 7;
const DENSE_DAYS = 56;

/**
 * The period to show when none is asked: the latest complete month of the dated rows (never beyond the as-of
 * day; in data with rows on most days, a month whose rows stop more than `STOPS_EARLY` days before its end gives
 * way to the one before); else the latest period a sheet states; else the month before the as-of day.
 */
export function defaultPeriod(store: KpiStore, asOf: number): { period: Period; from: PeriodSource } {
  if (store.latestDay === null && store.latestMonth === null) {
    const stated = store.stated
      .filter((s) => s.undated && parsePeriod(s.label) !== undefined)
      .sort((a, b) => a.end - b.end)
      .at(-1);
    if (stated)
      return {
        period: parsePeriod(stated.label)!,
        from: { kind: 'stated', file: stated.file, sheet: stated.sheet, cell: stated.cell },
      };
    return { period: monthPeriodOf(monthPeriodOf(asOf).start - 1), from: { kind: 'today' } };
  }
  const months: string[] = [];
  if (store.latestMonth) months.push(store.latestMonth);
  if (store.latestDay !== null) months.push(monthKey(store.latestDay));
  const latest = months.sort().at(-1)!;
  const lastComplete = monthPeriodOf(monthPeriodOf(asOf).start - 1);
  // The data runs past the month before the as-of day's: that month is covered.
  if (latest > lastComplete.label) return { period: lastComplete, from: { kind: 'data' } };
  const p = parsePeriod(latest)!;
  // Day-dated rows on most days that stop early in their latest month (no sheet gives that month as a whole): the
  // export was taken during it.
  const last = store.latestDay;
  if (
    last !== null &&
    monthKey(last) === latest &&
    store.latestMonth !== latest &&
    p.end - last > STOPS_EARLY &&
    2 * store.daysWithRows(p.start - DENSE_DAYS, p.start - 1) >= DENSE_DAYS
  )
    return { period: priorPeriodOf(p), from: { kind: 'data', short: { month: latest, last } } };
  return { period: p, from: { kind: 'data' } };
}

export function computeKpi(store: KpiStore, o: ComputeOptions): Computed {
  return new KpiRun(store, o).compute();
}

/** One computation: the options and ranges, the accumulators per group, the targets and the warnings so far. */
class KpiRun {
  readonly thresholds: Thresholds;
  readonly cal: Calendar | false;
  readonly cur: Period;
  readonly ranges: (Range | null)[];
  /** Whether the ranges stop at the as-of day (mid-period). */
  readonly toDate: boolean;
  readonly by: GroupKey[];
  readonly warnings: KpiWarning[];
  readonly levels: GroupKey[][];
  readonly groupsAt: Map<string, Acc>[];
  readonly total: Acc;
  /** Sheets without dates that state their period answer only that period (or their sum, exactly). */
  readonly statedLabels: Set<string>;
  readonly answering: Set<string>[];
  /** 2. Targets sheets: per metric, the source whose dimensions cover the grouping (fewest dimensions first). */
  readonly targetSources = new Map<string, { source: string; dims: GroupKey[] }[]>();
  /**
   * A target for a period longer than the one asked (a month's for a week) counts with its share of days
   * (calendar or working days); prorated periods are named in one warning.
   */
  readonly prorated = new Map<string, { kind: Period['kind']; days: string }>();
  readonly rateTargetsWarned = new Set<string>();
  readonly averagedWarned = new Set<string>();
  readonly progress: ReturnType<typeof progressOf>;
  readonly tp: number | null;
  readonly extras = new Map<KpiRow, RowExtra>();
  readonly sep: string;

  constructor(
    readonly store: KpiStore,
    readonly o: ComputeOptions,
  ) {
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...o.thresholds };
    this.cal = o.workdays ? (o.calendar ?? WEEKDAYS_ONLY) : false;
    const cur: Period = o.ytd ? ytdOf(o.period) : o.period;
    // Mid-period, like for like: the actuals to the as-of day against as many days of the prior year and period.
    const compared = comparedRanges(o.period, o.asOf, o.ytd);
    this.cur = cur;
    this.ranges = compared.ranges;
    this.toDate = compared.toDate;
    // Rows kept by month (`KpiStore.periodLater`) add up right over the months the reading kept only.
    const dayInMonth = (day: number) => ymd(day).d;
    if (
      store.monthBuckets &&
      this.ranges.some(
        (r) =>
          r && (dayInMonth(r.start) !== 1 || dayInMonth(r.end + 1) !== 1 || !store.keeps(r.start, r.end)),
      )
    )
      throw new Error(
        `internal: the rows were kept by month for a period chosen from the data, and ${o.period.label} is not compared over the months kept`,
      );
    this.by = o.by;
    this.warnings = [...store.warnings];
    this.levels = o.by.map((_, i) => o.by.slice(0, i + 1));
    this.groupsAt = this.levels.map(() => new Map<string, Acc>());
    this.total = newAcc({}, store.slots.length);
    this.statedLabels = new Set(store.stated.filter((s) => s.undated).map((s) => s.label));
    this.answering = this.ranges.map((r) => statedAnswering(store, r));
    const targetSources = this.targetSources;
    for (const t of store.targets) {
      const list = targetSources.get(t.metric) ?? [];
      if (!list.some((s) => s.source === t.source)) list.push({ source: t.source, dims: t.dims });
      targetSources.set(t.metric, list);
    }
    for (const list of targetSources.values()) list.sort((a, b) => a.dims.length - b.dims.length);
    this.progress = progressOf(cur, o.asOf, this.cal);
    this.tp = this.progress.timeProgress;
    // The total of a metric whose target comes by group (a targets sheet by region) covering only some of the
    // groups with actuals: its achievement is computed over the groups that have a target.
    this.sep = km.listSep()(o.lang);
  }

  compute(): Computed {
    const { store, o, cur, by, warnings, prorated, progress, tp, extras } = this;
    this.accumulate();
    this.targetGroups();
    // Money metrics in 元-based units are shown in the unit of revenue (回款额 in 万元 beside 销售额 in 万元).
    moneyInRevenueUnit(store);
    // 3. Which metrics to show.
    const metricList = metricsToShow(store, o.metrics);
    const totals: KpiRow[] = [];
    const rows: KpiRow[] = [];
    const early = this.totalsFirst(metricList);
    for (const m of metricList) {
      const e = early.get(m);
      early.delete(m);
      this.addMetricRows(m, totals, rows, e);
    }
    if (prorated.size > 0) warnings.push(proratedWarning(prorated, o.workdays, o.lang));
    this.partialTargetMonths();
    // Opportunity exports: the funnel, its amounts in the unit of revenue.
    const revenue = store.metrics.get('revenue');
    const funnel = store.funnel
      ? funnelOf(store.funnel, {
          range: this.ranges[0]!,
          unit: revenue?.unit ?? null,
          scale: revenue?.scale ?? 1,
          revenue: totals.find((r) => r.metric === 'revenue'),
        })
      : null;

    const result: KpiResult = {
      schema: 'salesmeet.kpi/1',
      period: {
        label: cur.label,
        start: isoOfDay(cur.start),
        end: isoOfDay(cur.end),
        from: o.from ?? 'option',
      },
      asOf: isoOfDay(o.asOf),
      timeProgress: tp,
      by,
      rows: by.length === 0 ? totals : rows,
      totals,
      ...(funnel ? { funnel } : {}),
      warnings,
      notes: [...store.info, ...this.toDateNotes()],
    };
    return { result, extras, elapsed: progress.elapsed, total: progress.total };
  }

  /**
   * Mid-period, one line that says what is compared with what (the actuals to the as-of day, the prior year and
   * the previous period to as many days), and a warning when dated rows after the as-of day were left out.
   */
  private toDateNotes(): KpiWarning[] {
    const { o, ranges, store } = this;
    if (!this.toDate) return [];
    const [cur, py, pp] = ranges;
    const span = (r: Range) => `${isoOfDay(r.start)} ~ ${isoOfDay(r.end)}`;
    const note = (message: string): KpiWarning => ({ message, file: null, sheet: null, cell: null });
    const out = [
      note(
        (pp ? km.toDate : km.toDateNoPrior)({
          current: span(cur!),
          priorYear: span(py!),
          ...(pp ? { priorPeriod: span(pp) } : {}),
        })(o.lang),
      ),
    ];
    const whole = cur!.whole!;
    let later = 0;
    for (const b of store.buckets.values())
      if (b.when?.kind === 'day' && b.when.day > cur!.end && b.when.day <= whole.end) later++;
    if (later > 0)
      this.warnings.push(note(km.afterAsOf({ asOf: isoOfDay(o.asOf), end: isoOfDay(whole.end) })(o.lang)));
    return out;
  }

  /** 1. Detail buckets → per group (at every level of `by`: region, then region × product) and total. */
  private accumulate(): void {
    const { store, o, cur, ranges, warnings, total, statedLabels, answering } = this;
    warnings.push(...periodWarnings(store, cur, answering[R_CUR]!, o.lang));
    let weekOnMonths = false;
    for (const b of store.buckets.values()) {
      for (let ri = 0; ri < 3; ri++) {
        if (!inRange(b.when, ranges[ri]!, ri === R_CUR)) {
          if (ri === R_CUR && b.when?.kind === 'month' && o.period.kind === 'week') weekOnMonths = true;
          continue;
        }
        if (b.when?.kind === 'month' && statedLabels.has(b.when.month) && !answering[ri]!.has(b.when.month))
          continue;
        const accs = this.accsOf(b.group);
        addToAll(accs, ri, b);
      }
    }
    if (weekOnMonths)
      warnings.push({ message: km.weekOnMonths()(o.lang), file: null, sheet: null, cell: null });
    distinctCounts(store, ranges, (b, ri) => {
      if (!inRange(b.when, ranges[ri]!, ri === R_CUR)) return [];
      if (b.when?.kind === 'month' && statedLabels.has(b.when.month) && !answering[ri]!.has(b.when.month))
        return [];
      return this.accsOf(b.group);
    });
    // A headcount from meeting.yaml replaces the reps counted in the data, for the total of the period itself;
    // the prior periods' headcounts are not known, so their revenue per rep is left blank.
    if (o.headcount !== undefined && o.headcount > 0 && store.metrics.has('revenue'))
      applyHeadcount(store, total, o.headcount);
  }

  /**
   * The accumulators a bucket of this group adds to: the total, then its group at each level of `by` it has.
   * Kept per group object (the store's buckets of one group share it): one list, found once.
   */
  private accsOf(group: Group): Acc[] {
    let out = this.accLists.get(group);
    if (out === undefined) {
      const { levels, total } = this;
      out = [total];
      for (let l = 0; l < levels.length; l++) {
        if (levels[l]!.some((k) => group[k] === undefined)) break;
        out.push(this.accFor(l, group));
      }
      this.accLists.set(group, out);
    }
    return out;
  }

  private accLists = new Map<Group, Acc[]>();

  /** Every accumulator's group at every level, by its place in `compareGroups` order (found once). */
  private groupOrder(): Map<Group, number> {
    if (this.orderOfGroups) return this.orderOfGroups;
    const groups = this.groupsAt.flatMap((m) => [...m.values()].map((a) => a.group));
    groups.sort((a, b) => compareGroups(a, b, this.by, this.store.blankGroup));
    this.orderOfGroups = new Map(groups.map((g, i) => [g, i]));
    return this.orderOfGroups;
  }

  private orderOfGroups: Map<Group, number> | undefined;

  /** Every group name at every level in zh-CN order (`collationOrder`), found once for all metrics. */
  private namePlaces(): Map<string, number> {
    this.places ??= collationOrder(
      this.groupsAt.flatMap((m) => [...m.values()].flatMap((a) => Object.values(a.group))),
    );
    return this.places;
  }

  private places: Map<string, number> | undefined;

  private accFor(level: number, src: Group): Acc {
    const { levels, groupsAt } = this;
    const keys = levels[level]!;
    const k = groupKey(src, keys);
    const map = groupsAt[level]!;
    let acc = map.get(k);
    if (!acc) {
      const g: Group = {};
      for (const key of keys) g[key] = src[key]!;
      acc = newAcc(g, this.store.slots.length);
      map.set(k, acc);
    }
    return acc;
  }

  /** Groups that have a target but no actual still get a row. */
  private targetGroups(): void {
    const { store, levels } = this;
    for (const t of store.targets) {
      if (!this.targetShare(t)) continue;
      for (let l = 0; l < levels.length; l++) {
        if (levels[l]!.some((k) => t.group[k] === undefined)) break;
        this.accFor(l, t.group);
      }
    }
  }

  private targetShare(t: TargetRecord): { share: number; p?: Period; days?: string } | null {
    const { o, cal, cur } = this;
    if (inRange(t.when, cur, true)) return { share: 1 };
    const p = t.when?.kind === 'month' ? parsePeriod(t.when.month) : undefined;
    if (!p || p.end - p.start <= o.period.end - o.period.start) return null;
    const start = Math.max(p.start, cur.start);
    const end = Math.min(p.end, cur.end);
    const whole = countDays(p.start, p.end, cal);
    if (end < start || whole === 0) return null;
    const part = countDays(start, end, cal);
    return { share: part / whole, p, days: `${part}/${whole}` };
  }

  /** Per summed metric, the months its targets are given for inside the period; null: a target for all of it. */
  private readonly targetMonths = new Map<string, Set<string> | null>();

  private noteTargetMonth(metric: string, t: TargetRecord): void {
    if (this.targetMonths.get(metric) === null) return;
    if (
      t.when?.kind !== 'month' ||
      !inRange(t.when, this.cur, true) ||
      parsePeriod(t.when.month)?.kind !== 'month'
    ) {
      this.targetMonths.set(metric, null);
      return;
    }
    const set = this.targetMonths.get(metric) ?? new Set<string>();
    set.add(t.when.month);
    this.targetMonths.set(metric, set);
  }

  /**
   * A period of several months whose monthly targets stop short (H1's targets asked for the year): the
   * achievement, the gap to time progress and the forecast compare with those months' targets only. Said in
   * one line per metric, with what to do.
   */
  private partialTargetMonths(): void {
    const { cur, o } = this;
    if (o.period.kind === 'month' || o.period.kind === 'week') return;
    const all: string[] = [];
    for (let d = cur.start; d <= cur.end; d = monthPeriodOf(d).end + 1) all.push(monthKey(d));
    for (const [metric, set] of this.targetMonths) {
      if (!set || set.size === 0 || set.size === all.length) continue;
      const given = all.filter((m) => set.has(m));
      const contiguous = given.every((m, i) => i === 0 || all.indexOf(m) === all.indexOf(given[i - 1]!) + 1);
      const info = this.store.metrics.get(metric);
      this.warnings.push({
        message: km.targetMonths({
          metric: info?.def ? info.def.labels[o.lang] : (info?.label ?? metric),
          months: contiguous && given.length > 2 ? `${given[0]} ~ ${given.at(-1)}` : given.join(', '),
          count: given.length,
          total: all.length,
          period: o.period.label,
        })(o.lang),
        file: null,
        sheet: null,
        cell: null,
      });
    }
  }

  private targetFor(metric: string, g: Group, keys: GroupKey[]): number | null {
    const { store, o, warnings, targetSources, prorated, rateTargetsWarned } = this;
    const src = targetSources.get(metric)?.find((s) => keys.every((k) => s.dims.includes(k)));
    if (!src) return null;
    // A rate (回款率 90%) neither adds up over regions or months nor shrinks for a week: several different
    // rate targets cannot be combined without their weights.
    const info = store.metrics.get(metric);
    const summable = !info || (info.agg === 'sum' && info.kind !== 'ratio' && !DISTINCT.has(metric));
    let sum = 0;
    let n = 0;
    const rates = new Set<number>();
    for (const t of store.targets) {
      if (t.metric !== metric || t.source !== src.source) continue;
      if (keys.some((k) => t.group[k] !== g[k])) continue;
      const sh = this.targetShare(t);
      if (!sh) continue;
      if (!summable) {
        rates.add(t.value);
        n++;
        continue;
      }
      if (sh.p) prorated.set(sh.p.label, { kind: sh.p.kind, days: sh.days! });
      this.noteTargetMonth(metric, t);
      sum += t.value * sh.share;
      n++;
    }
    if (n === 0) return null;
    if (summable) return sum;
    if (rates.size === 1) return [...rates][0]!;
    if (!rateTargetsWarned.has(metric)) {
      rateTargetsWarned.add(metric);
      warnings.push({
        message: km.rateTargets({ metric: info?.def ? info.def.labels[o.lang] : (info?.label ?? metric) })(
          o.lang,
        ),
        file: null,
        sheet: null,
        cell: null,
      });
    }
    return null;
  }

  /** The accumulator holds a value in the slot in range `ri` (a count of 0, or no slot, is none). */
  private has(acc: Acc, ri: number, slot: number): boolean {
    return slot >= 0 && accCount(acc, ri, slot) !== 0;
  }

  /** The sum in a slot the accumulator holds a value in (`has`). */
  private sum(acc: Acc, ri: number, slot: number): number {
    return accSum(acc, ri, slot);
  }

  private metricValue(
    acc: Acc,
    m: MetricInfo,
    ri: number,
    role: 'actual' | 'target',
    sl: MetricSlots = this.slotsOf(m),
  ): number | null {
    const { o, warnings, averagedWarned } = this;
    const def = m.def;
    // Sums over the rows that carry both parts, when a sheet had both columns (blank is not zero).
    const paired = m.agg === 'ratio' && role === 'actual' ? sl.den : -1;
    const pairedCost = m.agg === 'ratio' && role === 'actual' ? sl.denc : -1;
    if (paired >= 0 || pairedCost >= 0) {
      const den = this.has(acc, ri, paired);
      const num = this.has(acc, ri, sl.num);
      const denc = this.has(acc, ri, pairedCost);
      const cost = this.has(acc, ri, sl.cost);
      if (den || denc) {
        // A margin from cost: (Σ revenue − Σ cost) / Σ revenue, as before, over the paired rows only.
        const n =
          (num ? this.sum(acc, ri, sl.num) : 0) +
          (denc && cost ? this.sum(acc, ri, pairedCost) - this.sum(acc, ri, sl.cost) : 0);
        const d = (den ? this.sum(acc, ri, paired) : 0) + (denc ? this.sum(acc, ri, pairedCost) : 0);
        return d === 0 ? null : fin(n / d);
      }
    } else if (m.agg === 'ratio' && def?.denominator && role === 'actual') {
      const den = this.has(acc, ri, sl.defDen);
      let num = def.numerator ? this.has(acc, ri, sl.defNum) : false;
      let numSum = num ? this.sum(acc, ri, sl.defNum) : 0;
      if (!num && def.numeratorFromCost && den && this.has(acc, ri, sl.defCost)) {
        num = true;
        numSum = this.sum(acc, ri, sl.defDen) - this.sum(acc, ri, sl.defCost);
      }
      if (num && den) {
        const d = this.sum(acc, ri, sl.defDen);
        return d === 0 ? null : fin(numSum / d);
      }
    }
    const slot = role === 'actual' ? sl.actual : sl.target;
    if (!this.has(acc, ri, slot)) return null;
    const sum = this.sum(acc, ri, slot);
    const count = accCount(acc, ri, slot);
    if (m.agg === 'sum') return sum;
    if (m.agg === 'mean') return sum / count;
    if (count === 1) return sum;
    if (!averagedWarned.has(m.key)) {
      averagedWarned.add(m.key);
      warnings.push({
        message: km.ratioAveraged({ metric: m.def ? m.def.labels[o.lang] : m.label })(o.lang),
        file: null,
        sheet: null,
        cell: null,
      });
    }
    return null;
  }

  private summaryFor(m: MetricInfo, g: Group, keys: GroupKey[]): Readonly<SummaryValues> {
    const { store, ranges, answering } = this;
    if (store.summary.length === 0) return NO_SUMMARY;
    const out: SummaryValues = {
      target: null,
      actual: null,
      priorYear: null,
      priorPeriod: null,
    };
    const seen = new Map<string, number>();
    for (const r of store.summary) {
      if (r.metric !== m.key) continue;
      // A sheet titled 2026年上半年 speaks for 2026-H1 only.
      if (r.stated && !answering[R_CUR]!.has(r.stated.label)) continue;
      const rk = Object.keys(r.group) as GroupKey[];
      if (rk.length !== keys.length || keys.some((k) => r.group[k] !== g[k])) continue;
      const slots: [keyof typeof out, number, 'actual' | 'target' | 'priorYear' | 'priorPeriod'][] = r.when
        ? [
            ['actual', R_CUR, 'actual'],
            ['target', R_CUR, 'target'],
            ['priorYear', R_PY, 'actual'],
            ['priorPeriod', R_PP, 'actual'],
          ]
        : [
            ['actual', R_CUR, 'actual'],
            ['target', R_CUR, 'target'],
            ['priorYear', R_CUR, 'priorYear'],
            ['priorPeriod', R_CUR, 'priorPeriod'],
          ];
      for (const [field, ri, role] of slots) {
        const v = r.values[role];
        if (v === undefined || field === 'where') continue;
        if (r.when && !inRange(r.when, ranges[ri]!, ri === R_CUR)) continue;
        const prev = out[field] as number | null;
        const n = (seen.get(field) ?? 0) + 1;
        seen.set(field, n);
        // Amounts add up; a rate given twice (two regions' 回款率) cannot be combined without its parts.
        out[field] = n === 1 ? v : m.agg === 'sum' && prev !== null ? prev + v : null;
        if (field === 'actual') out.where = r.where;
      }
      if (r.when === undefined && r.values.priorYear === undefined && r.values.actual === undefined) continue;
    }
    return out;
  }

  private partialOf(m: MetricInfo): { actual: number | null; warning: string } | null {
    const { store, o, cur, total, targetSources } = this;
    const src = targetSources.get(m.key)?.[0];
    if (!src || src.dims.length === 0 || m.agg !== 'sum') return null;
    const dims = src.dims;
    // By the kept dimensions (`--by`), else from the store's buckets by one other dimension.
    const buckets = dims.every((k) => store.keep.includes(k))
      ? store.buckets
      : dims.length === 1
        ? store.fine
        : null;
    if (!buckets) return null;
    const label = (g: Group) => dims.map((k) => g[k] ?? '—').join(' × ');
    const targeted = new Map<string, string>();
    for (const t of store.targets)
      if (t.metric === m.key && t.source === src.source && this.targetShare(t))
        targeted.set(groupKey(t.group, dims), label(t.group));
    if (targeted.size === 0) return null;
    const covered = newAcc({}, store.slots.length);
    const all = newAcc({}, store.slots.length);
    const missing = new Map<string, string>();
    const slot = this.slotOf(m.key, 'actual');
    for (const b of buckets.values()) {
      if (!inRange(b.when, cur, true) || !countOf(b, slot) || dims.some((k) => b.group[k] === undefined))
        continue;
      // The store's buckets by one dimension hold a dated row twice, in its month and in its ISO week (or
      // once, in a bucket over the asked period, when the store knew it ahead).
      const weekly = b.when?.kind === 'month' && b.when.month.includes('W');
      if (buckets === store.fine && b.when?.kind === 'month' && weekly !== (o.period.kind === 'week'))
        continue;
      addTo(all, R_CUR, b);
      const k = groupKey(b.group, dims);
      if (targeted.has(k)) addTo(covered, R_CUR, b);
      else missing.set(k, label(b.group));
    }
    const full = this.metricValue(total, m, R_CUR, 'actual');
    const part = this.metricValue(covered, m, R_CUR, 'actual');
    // Rows no bucket by dimension holds (a sheet without the column): not covered, and not nameable.
    const seen = this.metricValue(all, m, R_CUR, 'actual');
    if (full !== null && seen !== null && Math.abs(full - seen) > Math.max(Math.abs(full) * 1e-9, 1e-9))
      missing.set('', '—');
    if (missing.size === 0) return null;
    const sorted = (mp: Map<string, string>) => [...mp.values()].sort(zhCompare);
    const dimKey = {
      region: 'dimRegion',
      product: 'dimProduct',
      rep: 'dimRep',
      customer: 'dimCustomer',
      channel: 'dimChannel',
      team: 'dimTeam',
    } as const;
    const msg = missing.size === 1 ? km.partialTarget : km.partialTargets;
    return {
      actual: part,
      warning: msg({
        metric: m.def ? m.def.labels[o.lang] : m.label,
        covered: this.names(sorted(targeted)),
        dimension: dims.map((k) => km[dimKey[k]]()(o.lang)).join(' × '),
        missing: this.names(sorted(missing)),
      })(o.lang),
    };
  }

  private buildRow(m: MetricInfo, acc: Acc, keys: GroupKey[], isTotal: boolean): KpiRow | null {
    const { o, thresholds, warnings, targetSources, progress, tp, extras } = this;
    const sl = this.slotsOf(m);
    let actual = this.metricValue(acc, m, R_CUR, 'actual', sl);
    const explicitPY = actual !== null && this.has(acc, R_CUR, sl.priorYear);
    const explicitPP = this.has(acc, R_CUR, sl.priorPeriod);
    const s = this.summaryFor(m, acc.group, keys);
    let target = this.metricValue(acc, m, R_CUR, 'target', sl);
    // The total: a total-level target (a summary sheet) beats one summed from a targets sheet by group; a
    // target by group that covers only some groups is compared with those groups' actual.
    let partial: { actual: number | null; warning: string } | null = null;
    if (target === null && isTotal && s.target !== null && targetSources.get(m.key)?.[0]?.dims.length)
      target = s.target;
    else if (target === null) {
      target = this.targetFor(m.key, acc.group, keys);
      if (target !== null && isTotal) partial = this.partialOf(m);
    }
    let priorYear = explicitPY
      ? this.sum(acc, R_CUR, sl.priorYear)
      : this.metricValue(acc, m, R_PY, 'actual', sl);
    let priorPeriod = explicitPP
      ? this.sum(acc, R_CUR, sl.priorPeriod)
      : this.metricValue(acc, m, R_PP, 'actual', sl);
    if (actual !== null && s.actual !== null && s.where && m.agg === 'sum') {
      const diff = Math.abs(actual - s.actual);
      if (diff > Math.max(Math.abs(s.actual) * 0.005, 1e-9)) {
        warnings.push({
          message: km.mismatch({
            metric: m.def ? m.def.labels[o.lang] : m.label,
            summary: fmtPlain(s.actual / m.scale),
            detail: fmtPlain(actual / m.scale),
          })(o.lang),
          ...s.where,
        });
      }
    }
    actual ??= s.actual;
    target ??= s.target;
    priorYear ??= s.priorYear;
    priorPeriod ??= s.priorPeriod;
    if (actual === null && target === null && priorYear === null && priorPeriod === null) return null;
    // A sum past the largest double (two cells of 1e308) is no blank: it is an error that names the cells.
    if (!finite(actual) || !finite(target) || !finite(priorYear) || !finite(priorPeriod)) this.overflow(m);
    // Distinct counts (active customers) neither add up over groups nor grow with the days like a sum.
    const cumulative = m.agg === 'sum' && m.kind !== 'ratio' && !DISTINCT.has(m.key);
    const scale = m.kind === 'ratio' ? 1 : m.scale;
    if (partial) warnings.push({ message: partial.warning, file: null, sheet: null, cell: null });
    // What achievement, variance, status and pace are computed on: the actual of the groups with a target.
    const basis = partial ? partial.actual : actual;
    const achievement = achievementOf(basis, target, m.direction);
    const yoy = changeOf(actual, priorYear, m.kind);
    const mom = changeOf(actual, priorPeriod, m.kind);
    const rowTp = sl.paced ? tp : null;
    const forecast = cumulative ? forecastOf(actual, progress.elapsed, progress.total) : null;
    const row: KpiRow = {
      metric: m.key,
      label: m.def ? m.def.labels[o.lang] : m.label,
      kind: m.kind,
      direction: m.direction,
      unit: m.unit,
      group: isTotal ? {} : acc.group,
      target: shownIn(scale, target),
      actual: shownIn(scale, actual),
      priorYear: shownIn(scale, priorYear),
      priorPeriod: shownIn(scale, priorPeriod),
      achievement: fin(achievement),
      variance: shownIn(scale, varianceOf(basis, target)),
      yoy: yoy.value,
      yoyUnit: yoy.unit,
      yoyNote: yoy.note,
      mom: mom.value,
      momUnit: mom.unit,
      momNote: mom.note,
      share: null,
      rank: null,
      status: statusOf(basis, target, achievement, m.direction, rowTp, thresholds),
      forecast: shownIn(scale, forecast),
      forecastAchievement: achievementOf(
        partial && cumulative ? forecastOf(basis, progress.elapsed, progress.total) : forecast,
        target,
        m.direction,
      ),
    };
    extras.set(row, {
      requiredPace: cumulative
        ? shownIn(scale, requiredPaceOf(basis, target, progress.elapsed, progress.total))
        : null,
      progressGap: rowTp !== null && achievement !== null ? fin(difference(achievement, rowTp)) : null,
    });
    return row;
  }

  /** Throws the overflow error of a metric, naming the cells of it (else of any metric) noted as huge. */
  private overflow(m: MetricInfo): never {
    const { store, o } = this;
    const own = store.huge.filter((h) => h.metric === m.key);
    const cells = own.length > 0 ? own : store.huge;
    const first = cells[0];
    const same = first ? cells.filter((h) => h.file === first.file && h.sheet === first.sheet) : [];
    const others = cells.filter((h) => !same.includes(h));
    const names = same.map((h) => h.cell);
    for (const h of others) names.push(formatLocation(h));
    throw new InputError(
      'kpi.overflow',
      km.tooLarge({ metric: m.def ? m.def.labels[o.lang] : m.label }),
      first
        ? {
            location: { file: first.file, sheet: first.sheet, cell: names.join(', ') },
            hint: km.tooLargeHint(),
          }
        : {},
    );
  }

  private slotOf(metric: string, role: string): number {
    return this.store.slots.findIndex((s) => s.metric === metric && s.role === role);
  }

  /**
   * The slots a metric's values are read from, found once per metric (a breakdown by rep builds thousands of
   * rows of each metric); found again if a slot was added since.
   */
  private slotsOf(m: MetricInfo): MetricSlots {
    let sl = this.metricSlots.get(m);
    if (sl === undefined || sl.known !== this.store.slots.length) {
      const def = m.def;
      const actual = (key: string | undefined) => (key === undefined ? -1 : this.slotOf(key, 'actual'));
      sl = {
        known: this.store.slots.length,
        actual: this.slotOf(m.key, 'actual'),
        target: this.slotOf(m.key, 'target'),
        priorYear: this.slotOf(m.key, 'priorYear'),
        priorPeriod: this.slotOf(m.key, 'priorPeriod'),
        den: actual(`${m.key}\u0002den`),
        denc: actual(`${m.key}\u0002denc`),
        num: actual(`${m.key}\u0002num`),
        cost: actual(`${m.key}\u0002cost`),
        defDen: actual(def?.denominator),
        defNum: actual(def?.numerator),
        defCost: actual(def?.numeratorFromCost),
        paced: pacedByTime({ metric: m.key, kind: m.kind, direction: m.direction, agg: m.agg }),
      };
      this.metricSlots.set(m, sl);
    }
    return sl;
  }

  private metricSlots = new Map<MetricInfo, MetricSlots>();

  private names(list: string[]): string {
    return (list.length > 5 ? [...list.slice(0, 5), '…'] : list).join(this.sep);
  }

  /**
   * With `by`, and neither targets nor summary sheets, the total rows of every metric are built before any group
   * row: V8 compiles the row builder while a breakdown's thousands of rows are built, and a kind of metric it had
   * not seen yet (a ratio after the amounts) made it throw that code away and compile it again, metric after
   * metric. Without targets and summaries a total row's only side effects are its warnings, kept here and added
   * where the total was built before (`addMetricRows`); a total that throws (an overflow) is built again there,
   * to throw in its turn.
   */
  private totalsFirst(metricList: MetricInfo[]): Map<MetricInfo, EarlyTotal> {
    const { store, warnings, averagedWarned, total } = this;
    const out = new Map<MetricInfo, EarlyTotal>();
    if (this.by.length === 0 || store.targets.length > 0 || store.summary.length > 0) return out;
    for (const m of metricList) {
      if (m.key === 'pipeline_coverage' || out.has(m)) continue;
      const from = warnings.length;
      const warned = averagedWarned.has(m.key);
      try {
        const row = this.buildRow(m, total, [], true);
        out.set(m, { row, warnings: warnings.splice(from) });
      } catch {
        warnings.length = from;
        if (!warned) averagedWarned.delete(m.key);
        break;
      }
    }
    return out;
  }

  /**
   * The rows of one metric: its total (built already by `totalsFirst`, or now), then (with `by`) a row per group
   * at every level, ranked.
   */
  private addMetricRows(m: MetricInfo, totals: KpiRow[], rows: KpiRow[], early?: EarlyTotal): void {
    const { store, o, cur, by, warnings, levels, groupsAt, total } = this;
    warnings.push(...ratioGapWarnings(store, m.key, cur, o.lang));
    if (m.key === 'pipeline_coverage') {
      coverageRows(store, m, totals, rows, by, o.lang);
      return;
    }
    let t: KpiRow | null;
    if (early) {
      t = early.row;
      warnings.push(...early.warnings);
    } else t = this.buildRow(m, total, [], true);
    if (t) totals.push(t);
    if (by.length === 0) return;
    const metricRows: KpiRow[] = [];
    // The rows under each parent, level by level (the first level's parent is the total).
    const parents: KpiRow[][] = [];
    for (let l = 0; l < levels.length; l++) {
      const keys = levels[l]!;
      const levelRows: KpiRow[] = [];
      // Revenue per rep broken down by rep is each rep's revenue again; a customer's own active-customer count,
      // new-customer flag, repeat rate or reps say nothing a breakdown by customer needs.
      if (m.key === 'revenue_per_rep' && (keys.includes('rep') || keys.includes('customer'))) continue;
      if (keys.includes('customer') && CUSTOMER_COUNTS.has(m.key)) continue;
      for (const acc of groupsAt[l]!.values()) {
        const r = this.buildRow(m, acc, keys, false);
        if (r) levelRows.push(r);
      }
      // Group rows from summary sheets that list the metric per region (or rep…).
      for (const rec of store.summary) {
        if (rec.metric !== m.key || Object.keys(rec.group).length !== keys.length) continue;
        if (!keys.every((k) => rec.group[k] !== undefined)) continue;
        if (levelRows.some((r) => keys.every((k) => r.group[k] === rec.group[k]))) continue;
        const g: Group = {};
        for (const k of keys) g[k] = rec.group[k]!;
        const r = this.buildRow(m, newAcc(g, store.slots.length), keys, false);
        if (r) levelRows.push(r);
      }
      if (l === 0) parents.push(levelRows);
      else {
        const byParent = new Map<string, KpiRow[]>();
        for (const r of levelRows) {
          const pk = this.keysOf(r.group)[l - 1]!;
          const list = byParent.get(pk);
          if (list) list.push(r);
          else byParent.set(pk, [r]);
        }
        for (const list of byParent.values()) parents.push(list);
      }
      metricRows.push(...levelRows);
    }
    // Ranks are counted within each parent (in any order of the rows).
    shareAndRank(m, metricRows, parents, t?.actual ?? null, by, store.blankGroup);
    // Then the reading order: parents first (华东 subtotal, then 华东 × each product), siblings by rank, the
    // leader first — as a tree when the rows are one, else sorted (in the groups' order first, found once for
    // all metrics, so that rows the rules cannot tell apart keep it; a summary sheet's group by its texts).
    const tree = byRankTree(metricRows, by, store.blankGroup, this.keysOf, this.namePlaces());
    if (tree) {
      rows.push(...tree);
      return;
    }
    const order = this.groupOrder();
    metricRows.sort((a, b) => {
      const x = order.get(a.group);
      const y = order.get(b.group);
      return x !== undefined && y !== undefined
        ? x - y
        : compareGroups(a.group, b.group, by, store.blankGroup);
    });
    rows.push(...byRank(metricRows, by, store.blankGroup, this.keysOf));
  }

  /** A group's `prefixKeys`, kept per group object (every metric has a row of the same groups). */
  private readonly keysOf = (g: Group): string[] => {
    let keys = this.groupKeys.get(g);
    if (keys === undefined) {
      keys = prefixKeys(g, this.by);
      this.groupKeys.set(g, keys);
    }
    return keys;
  };

  private groupKeys = new Map<Group, string[]>();
}

/** A value as shown: in the metric's unit (`scale`), to 15 significant digits. */
function shownIn(scale: number, v: number | null): number | null {
  return v === null ? null : fin(v / scale);
}

/** Where a metric's values are (−1: no such slot), and how many slots the store had when they were found. */
interface MetricSlots {
  known: number;
  actual: number;
  target: number;
  priorYear: number;
  priorPeriod: number;
  /** A ratio's parts summed over the rows that carry both (`metric\u0002den` …). */
  den: number;
  denc: number;
  num: number;
  cost: number;
  /** A ratio's parts by its definition (denominator, numerator, numerator from cost). */
  defDen: number;
  defNum: number;
  defCost: number;
  /** Its achievement is judged against time progress (`pacedByTime`). */
  paced: boolean;
}

/** A total row built before the group rows, and the warnings it gave (see `totalsFirst`). */
interface EarlyTotal {
  row: KpiRow | null;
  warnings: KpiWarning[];
}

/** What summary sheets give a row (see `summaryFor`). */
interface SummaryValues {
  target: number | null;
  actual: number | null;
  priorYear: number | null;
  priorPeriod: number | null;
  where?: { file: string; sheet: string; cell: string };
}

/** Without summary sheets, every row's: one object, not one per row. */
const NO_SUMMARY: Readonly<SummaryValues> = Object.freeze({
  target: null,
  actual: null,
  priorYear: null,
  priorPeriod: null,
});

/** Absent, or a finite number. */
function finite(v: number | null): boolean {
  return v === null || Number.isFinite(v);
}
