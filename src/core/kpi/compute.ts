/**
 * From the facts of every sheet to the KPI result: aggregates detail rows over the period, the same period a
 * year earlier and the period before, joins targets, fills in what summary sheets give, then applies the
 * formulas per row. Pure: the as-of day comes in as a number.
 */
import type { Lang } from '../i18n/lang.js';
import {
  achievementOf,
  changeOf,
  DEFAULT_THRESHOLDS,
  fin,
  forecastOf,
  ranks,
  requiredPaceOf,
  shareOf,
  statusOf,
  type Thresholds,
  varianceOf,
} from './formulas.js';
import type { Bucket, KpiStore, MetricInfo, TargetRecord } from './ingest.js';
import { km } from './messages.js';
import { findMetric, metricByKey, normName } from './metrics.js';
import {
  type Calendar,
  countDays,
  isoOfDay,
  monthPeriodOf,
  type Period,
  parsePeriod,
  priorPeriodOf,
  priorYearOf,
  progressOf,
  spanOf,
  WEEKDAYS_ONLY,
  ytdOf,
} from './period.js';
import type { Group, GroupKey, KpiResult, KpiRow, PeriodFrom } from './result.js';
import type { When } from './values.js';

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

type Range = { start: number; end: number };

function inRange(when: When | null, r: Range | null, current: boolean): boolean {
  if (r === null) return false;
  if (when === null) return current;
  if (when.kind === 'day') return when.day >= r.start && when.day <= r.end;
  const m = spanOf(when.month);
  return m !== undefined && m.start >= r.start && m.end <= r.end;
}

/**
 * The stated periods (of sheets without dates) that answer a range: those inside it, when together they
 * cover it exactly (two quarterly reports for a half-year); none otherwise.
 */
function statedAnswering(store: KpiStore, r: Range | null): Set<string> {
  const out = new Set<string>();
  if (r === null) return out;
  const inside = store.stated.filter((s) => s.undated && s.start >= r.start && s.end <= r.end);
  const spans = [...new Map(inside.map((s) => [s.label, s])).values()].sort((a, b) => a.start - b.start);
  let at = r.start;
  for (const s of spans) {
    if (s.start !== at) return out;
    at = s.end + 1;
  }
  if (at !== r.end + 1) return out;
  for (const s of spans) out.add(s.label);
  return out;
}

const R_CUR = 0;
const R_PY = 1;
const R_PP = 2;

interface Acc {
  group: Group;
  sums: number[][];
  counts: number[][];
}

function newAcc(group: Group): Acc {
  return { group, sums: [[], [], []], counts: [[], [], []] };
}

function groupKey(g: Group, by: GroupKey[]): string {
  return by.map((k) => g[k] ?? '').join('\u0001');
}

/** Where a period came from, for the line above the table. */
export type PeriodSource =
  | { kind: 'option' }
  | { kind: 'meeting' }
  | { kind: 'data' }
  | { kind: 'stated'; file: string; sheet: string; cell: string }
  | { kind: 'today' };

/**
 * The period to show when none is asked: the latest complete month of the dated rows (never beyond the as-of
 * day); else the latest period a sheet states; else the month before the as-of day.
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
  return { period: latestCompleteMonth(store, asOf), from: { kind: 'data' } };
}

function latestCompleteMonth(store: KpiStore, asOf: number): Period {
  const months: string[] = [];
  if (store.latestMonth) months.push(store.latestMonth);
  if (store.latestDay !== null) months.push(isoOfDay(store.latestDay).slice(0, 7));
  let latest = months.sort().at(-1);
  const lastComplete = monthPeriodOf(monthPeriodOf(asOf).start - 1);
  if (!latest || latest > lastComplete.label) latest = lastComplete.label;
  const p = parsePeriod(latest)!;
  // A month in the data that is not over yet as of the day is not complete: take the one before.
  if (p.end > asOf) return priorPeriodOf(p);
  return p;
}

export function computeKpi(store: KpiStore, o: ComputeOptions): Computed {
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...o.thresholds };
  const cal: Calendar | false = o.workdays ? (o.calendar ?? WEEKDAYS_ONLY) : false;
  const cur: Period = o.ytd ? ytdOf(o.period) : o.period;
  const py: Range = o.ytd ? ytdOf(priorYearOf(o.period)) : priorYearOf(o.period);
  const pp: Range | null = o.ytd ? null : priorPeriodOf(o.period);
  const ranges: (Range | null)[] = [cur, py, pp];
  const by = o.by;
  const warnings = [...store.warnings];

  // 1. Detail buckets → per group (at every level of `by`: region, then region × product) and total.
  const levels = by.map((_, i) => by.slice(0, i + 1));
  const groupsAt = levels.map(() => new Map<string, Acc>());
  const accFor = (level: number, src: Group): Acc => {
    const keys = levels[level]!;
    const k = groupKey(src, keys);
    const map = groupsAt[level]!;
    let acc = map.get(k);
    if (!acc) {
      const g: Group = {};
      for (const key of keys) g[key] = src[key]!;
      acc = newAcc(g);
      map.set(k, acc);
    }
    return acc;
  };
  const total = newAcc({});
  const addTo = (acc: Acc, ri: number, b: Bucket) => {
    const s = acc.sums[ri]!;
    const c = acc.counts[ri]!;
    for (let i = 0; i < b.sums.length; i++) {
      const v = b.sums[i];
      if (v === undefined) continue;
      s[i] = (s[i] ?? 0) + v;
      c[i] = (c[i] ?? 0) + (b.counts[i] ?? 0);
    }
  };
  // Sheets without dates that state their period answer only that period (or their sum, exactly).
  const statedLabels = new Set(store.stated.filter((s) => s.undated).map((s) => s.label));
  const answering = ranges.map((r) => statedAnswering(store, r));
  for (const s of store.stated) {
    const where = { file: s.file, sheet: s.sheet, cell: s.cell };
    if (s.undated && !answering[R_CUR]!.has(s.label))
      warnings.push({ message: km.statedOut({ label: s.label, period: cur.label })(o.lang), ...where });
    else if (!s.undated && (cur.start < s.start || cur.end > s.end))
      warnings.push({ message: km.statedPartial({ label: s.label, period: cur.label })(o.lang), ...where });
  }
  for (const u of store.undated)
    warnings.push({
      message: km.assumedPeriod({ period: cur.label })(o.lang),
      file: u.file,
      sheet: u.sheet,
      cell: null,
    });
  let weekOnMonths = false;
  for (const b of store.buckets.values()) {
    for (let ri = 0; ri < 3; ri++) {
      if (!inRange(b.when, ranges[ri]!, ri === R_CUR)) {
        if (ri === R_CUR && b.when?.kind === 'month' && o.period.kind === 'week') weekOnMonths = true;
        continue;
      }
      if (b.when?.kind === 'month' && statedLabels.has(b.when.month) && !answering[ri]!.has(b.when.month))
        continue;
      addTo(total, ri, b);
      for (let l = 0; l < levels.length; l++) {
        if (levels[l]!.some((k) => b.group[k] === undefined)) break;
        addTo(accFor(l, b.group), ri, b);
      }
    }
  }
  if (weekOnMonths)
    warnings.push({ message: km.weekOnMonths()(o.lang), file: null, sheet: null, cell: null });
  distinctCounts(store, ranges, (b, ri) => {
    if (!inRange(b.when, ranges[ri]!, ri === R_CUR)) return [];
    if (b.when?.kind === 'month' && statedLabels.has(b.when.month) && !answering[ri]!.has(b.when.month))
      return [];
    const out = [total];
    for (let l = 0; l < levels.length; l++) {
      if (levels[l]!.some((k) => b.group[k] === undefined)) break;
      out.push(accFor(l, b.group));
    }
    return out;
  });
  // A headcount from meeting.yaml replaces the reps counted in the data, for the total of the period itself;
  // the prior periods' headcounts are not known, so their revenue per rep is left blank.
  if (o.headcount !== undefined && o.headcount > 0 && store.metrics.has('revenue')) {
    const def = metricByKey('revenue_per_rep')!;
    const revenue = store.metrics.get('revenue')!;
    const info = store.metric(def, def.labels['zh-CN'], null);
    info.unit = revenue.unit;
    info.scale = revenue.scale;
    store.derived.add('revenue_per_rep');
    const slot = store.slot('active_reps', 'actual');
    total.sums[R_CUR]![slot] = o.headcount;
    total.counts[R_CUR]![slot] = 1;
    for (const ri of [R_PY, R_PP]) {
      delete total.sums[ri]![slot];
      delete total.counts[ri]![slot];
    }
  }

  // 2. Targets sheets: per metric, the source whose dimensions cover the grouping (fewest dimensions first).
  const targetSources = new Map<string, { source: string; dims: GroupKey[] }[]>();
  for (const t of store.targets) {
    const list = targetSources.get(t.metric) ?? [];
    if (!list.some((s) => s.source === t.source)) list.push({ source: t.source, dims: t.dims });
    targetSources.set(t.metric, list);
  }
  for (const list of targetSources.values()) list.sort((a, b) => a.dims.length - b.dims.length);
  // A target for a period longer than the one asked (a month's for a week) counts with its share of days
  // (calendar or working days); prorated periods are named in one warning.
  const prorated = new Map<string, { kind: Period['kind']; days: string }>();
  const targetShare = (t: TargetRecord): { share: number; p?: Period; days?: string } | null => {
    if (inRange(t.when, cur, true)) return { share: 1 };
    const p = t.when?.kind === 'month' ? parsePeriod(t.when.month) : undefined;
    if (!p || p.end - p.start <= o.period.end - o.period.start) return null;
    const start = Math.max(p.start, cur.start);
    const end = Math.min(p.end, cur.end);
    const whole = countDays(p.start, p.end, cal);
    if (end < start || whole === 0) return null;
    const part = countDays(start, end, cal);
    return { share: part / whole, p, days: `${part}/${whole}` };
  };
  const targetFor = (metric: string, g: Group, keys: GroupKey[]): number | null => {
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
      const sh = targetShare(t);
      if (!sh) continue;
      if (!summable) {
        rates.add(t.value);
        n++;
        continue;
      }
      if (sh.p) prorated.set(sh.p.label, { kind: sh.p.kind, days: sh.days! });
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
  };
  const rateTargetsWarned = new Set<string>();
  // Groups that have a target but no actual still get a row.
  for (const t of store.targets) {
    if (!targetShare(t)) continue;
    for (let l = 0; l < levels.length; l++) {
      if (levels[l]!.some((k) => t.group[k] === undefined)) break;
      accFor(l, t.group);
    }
  }

  // Money metrics in 元-based units are shown in the unit of revenue (回款额 in 万元 beside 销售额 in 万元).
  const revenue = store.metrics.get('revenue');
  if (revenue?.unit && /元$/.test(revenue.unit)) {
    for (const m of store.metrics.values()) {
      if (m === revenue || m.kind !== 'amount' || m.agg !== 'sum' || !m.unit || !/元$/.test(m.unit)) continue;
      m.unit = revenue.unit;
      m.scale = revenue.scale;
    }
  }

  // 3. Which metrics to show.
  const wanted = o.metrics?.map((m) => normName(m));
  const metricList = [...store.metrics.values()]
    .filter((m) => {
      if (wanted && wanted.length > 0) {
        const names = [
          m.key,
          m.label,
          ...(m.def?.names ?? []),
          ...(m.def ? Object.values(m.def.labels) : []),
        ].map(normName);
        return names.some((n) => wanted.includes(n));
      }
      return !m.def?.base;
    })
    .sort((a, b) => orderOf(store, a) - orderOf(store, b));
  // Ratio metrics that the data can derive from their numerator and denominator.
  const derivable = deriveRatios(store);
  for (const info of derivable) {
    if (metricList.some((m) => m.key === info.key)) continue;
    if (wanted && wanted.length > 0) {
      const names = [info.key, info.label, ...(info.def?.names ?? [])].map(normName);
      if (!names.some((n) => wanted.includes(n))) continue;
    }
    metricList.push(info);
  }

  // 4. Values per metric for an accumulator.
  const averagedWarned = new Set<string>();
  const slotOf = (metric: string, role: string) =>
    store.slots.findIndex((s) => s.metric === metric && s.role === role);
  const read = (acc: Acc, ri: number, slot: number): { sum: number; count: number } | null => {
    if (slot < 0) return null;
    const c = acc.counts[ri]![slot];
    if (!c) return null;
    return { sum: acc.sums[ri]![slot]!, count: c };
  };
  const metricValue = (acc: Acc, m: MetricInfo, ri: number, role: 'actual' | 'target'): number | null => {
    const def = m.def;
    // Sums over the rows that carry both parts, when a sheet had both columns (blank is not zero).
    const paired = m.agg === 'ratio' && role === 'actual' ? slotOf(`${m.key}\u0002den`, 'actual') : -1;
    const pairedCost = m.agg === 'ratio' && role === 'actual' ? slotOf(`${m.key}\u0002denc`, 'actual') : -1;
    if (paired >= 0 || pairedCost >= 0) {
      const den = read(acc, ri, paired);
      const num = read(acc, ri, slotOf(`${m.key}\u0002num`, 'actual'));
      const denc = read(acc, ri, pairedCost);
      const cost = read(acc, ri, slotOf(`${m.key}\u0002cost`, 'actual'));
      if (den || denc) {
        // A margin from cost: (Σ revenue − Σ cost) / Σ revenue, as before, over the paired rows only.
        const n = (num?.sum ?? 0) + (denc && cost ? denc.sum - cost.sum : 0);
        const d = (den?.sum ?? 0) + (denc?.sum ?? 0);
        return d === 0 ? null : fin(n / d);
      }
    } else if (m.agg === 'ratio' && def?.denominator && role === 'actual') {
      const den = read(acc, ri, slotOf(def.denominator, 'actual'));
      let num = def.numerator ? read(acc, ri, slotOf(def.numerator, 'actual')) : null;
      if (!num && def.numeratorFromCost && den) {
        const cost = read(acc, ri, slotOf(def.numeratorFromCost, 'actual'));
        if (cost) num = { sum: den.sum - cost.sum, count: 1 };
      }
      if (num && den) return den.sum === 0 ? null : fin(num.sum / den.sum);
    }
    const v = read(acc, ri, slotOf(m.key, role));
    if (!v) return null;
    if (m.agg === 'sum') return v.sum;
    if (m.agg === 'mean') return v.sum / v.count;
    if (v.count === 1) return v.sum;
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
  };

  const summaryFor = (m: MetricInfo, g: Group, keys: GroupKey[]) => {
    const out: {
      target: number | null;
      actual: number | null;
      priorYear: number | null;
      priorPeriod: number | null;
      where?: { file: string; sheet: string; cell: string };
    } = {
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
  };

  const progress = progressOf(cur, o.asOf, cal);
  const tp = progress.timeProgress;
  const extras = new Map<KpiRow, RowExtra>();

  // The total of a metric whose target comes by group (a targets sheet by region) covering only some of the
  // groups with actuals: its achievement is computed over the groups that have a target.
  const sep = km.listSep()(o.lang);
  const names = (list: string[]) => (list.length > 5 ? [...list.slice(0, 5), '…'] : list).join(sep);
  const partialOf = (m: MetricInfo): { actual: number | null; warning: string } | null => {
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
      if (t.metric === m.key && t.source === src.source && targetShare(t))
        targeted.set(groupKey(t.group, dims), label(t.group));
    if (targeted.size === 0) return null;
    const covered = newAcc({});
    const all = newAcc({});
    const missing = new Map<string, string>();
    const slot = slotOf(m.key, 'actual');
    for (const b of buckets.values()) {
      if (!inRange(b.when, cur, true) || !b.counts[slot] || dims.some((k) => b.group[k] === undefined))
        continue;
      // The store's buckets by one dimension hold a dated row twice, in its month and in its ISO week.
      const weekly = b.when?.kind === 'month' && b.when.month.includes('W');
      if (buckets === store.fine && weekly !== (o.period.kind === 'week')) continue;
      addTo(all, R_CUR, b);
      const k = groupKey(b.group, dims);
      if (targeted.has(k)) addTo(covered, R_CUR, b);
      else missing.set(k, label(b.group));
    }
    const full = metricValue(total, m, R_CUR, 'actual');
    const part = metricValue(covered, m, R_CUR, 'actual');
    // Rows no bucket by dimension holds (a sheet without the column): not covered, and not nameable.
    const seen = metricValue(all, m, R_CUR, 'actual');
    if (full !== null && seen !== null && Math.abs(full - seen) > Math.max(Math.abs(full) * 1e-9, 1e-9))
      missing.set('', '—');
    if (missing.size === 0) return null;
    const sorted = (mp: Map<string, string>) => [...mp.values()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
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
        covered: names(sorted(targeted)),
        dimension: dims.map((k) => km[dimKey[k]]()(o.lang)).join(' × '),
        missing: names(sorted(missing)),
      })(o.lang),
    };
  };

  const buildRow = (m: MetricInfo, acc: Acc, keys: GroupKey[], isTotal: boolean): KpiRow | null => {
    const explicitPY =
      metricValue(acc, m, R_CUR, 'actual') !== null ? read(acc, R_CUR, slotOf(m.key, 'priorYear')) : null;
    const explicitPP = read(acc, R_CUR, slotOf(m.key, 'priorPeriod'));
    let actual = metricValue(acc, m, R_CUR, 'actual');
    const s = summaryFor(m, acc.group, keys);
    let target = metricValue(acc, m, R_CUR, 'target');
    // The total: a total-level target (a summary sheet) beats one summed from a targets sheet by group; a
    // target by group that covers only some groups is compared with those groups' actual.
    let partial: { actual: number | null; warning: string } | null = null;
    if (target === null && isTotal && s.target !== null && targetSources.get(m.key)?.[0]?.dims.length)
      target = s.target;
    else if (target === null) {
      target = targetFor(m.key, acc.group, keys);
      if (target !== null && isTotal) partial = partialOf(m);
    }
    let priorYear = explicitPY ? explicitPY.sum : metricValue(acc, m, R_PY, 'actual');
    let priorPeriod = explicitPP ? explicitPP.sum : metricValue(acc, m, R_PP, 'actual');
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
    // Distinct counts (active customers) neither add up over groups nor grow with the days like a sum.
    const cumulative = m.agg === 'sum' && m.kind !== 'ratio' && !DISTINCT.has(m.key);
    const scale = m.kind === 'ratio' ? 1 : m.scale;
    const shown = (v: number | null) => (v === null ? null : fin(v / scale));
    if (partial) warnings.push({ message: partial.warning, file: null, sheet: null, cell: null });
    // What achievement, variance, status and pace are computed on: the actual of the groups with a target.
    const basis = partial ? partial.actual : actual;
    const achievement = achievementOf(basis, target, m.direction);
    const yoy = changeOf(actual, priorYear, m.kind);
    const mom = changeOf(actual, priorPeriod, m.kind);
    const rowTp = cumulative && m.direction === 'higher' ? tp : null;
    const forecast = cumulative ? forecastOf(actual, progress.elapsed, progress.total) : null;
    const row: KpiRow = {
      metric: m.key,
      label: m.def ? m.def.labels[o.lang] : m.label,
      kind: m.kind,
      direction: m.direction,
      unit: m.unit,
      group: isTotal ? {} : acc.group,
      target: shown(target),
      actual: shown(actual),
      priorYear: shown(priorYear),
      priorPeriod: shown(priorPeriod),
      achievement: fin(achievement),
      variance: shown(varianceOf(basis, target)),
      yoy: yoy.value,
      yoyUnit: yoy.unit,
      yoyNote: yoy.note,
      mom: mom.value,
      momUnit: mom.unit,
      momNote: mom.note,
      share: null,
      rank: null,
      status: statusOf(basis, target, achievement, m.direction, rowTp, thresholds),
      forecast: shown(forecast),
      forecastAchievement: achievementOf(
        partial && cumulative ? forecastOf(basis, progress.elapsed, progress.total) : forecast,
        target,
        m.direction,
      ),
    };
    extras.set(row, {
      requiredPace: cumulative
        ? shown(requiredPaceOf(basis, target, progress.elapsed, progress.total))
        : null,
      progressGap: rowTp !== null && achievement !== null ? fin(achievement - rowTp) : null,
    });
    return row;
  };

  const totals: KpiRow[] = [];
  const rows: KpiRow[] = [];
  const labelOf = (key: string) => findMetric(key)?.labels[o.lang] ?? key;
  for (const m of metricList) {
    // Rows of the period left out of a ratio because they lack one of its parts: one warning per sheet and part.
    for (const gap of store.ratioGaps) {
      if (gap.metric !== m.key) continue;
      let count = 0;
      const cells: { n: number; cell: string }[] = [];
      for (const g of gap.byWhen.values()) {
        if (!inRange(g.when, cur, true)) continue;
        count += g.count;
        cells.push(...g.cells);
      }
      if (count === 0) continue;
      const first = cells
        .sort((a, b) => a.n - b.n)
        .slice(0, 3)
        .map((c) => c.cell);
      if (count > 3) first.push('…');
      warnings.push({
        message: km.ratioGap({
          metric: labelOf(m.key),
          count,
          has: labelOf(gap.has),
          lacks: labelOf(gap.lacks),
          cells: first.join(', '),
        })(o.lang),
        file: gap.file,
        sheet: gap.sheet,
        cell: null,
      });
    }
    if (m.key === 'pipeline_coverage') {
      // Open pipeline ÷ what is left of the revenue target, per row that has both.
      const rev = store.metrics.get('revenue');
      const pipe = store.metrics.get('pipeline');
      if (!rev || !pipe) continue;
      const pipeRows = new Map(
        [...totals, ...rows].filter((r) => r.metric === 'pipeline').map((r) => [groupKey(r.group, by), r]),
      );
      for (const r of [...totals, ...rows]) {
        if (r.metric !== 'revenue' || r.target === null) continue;
        const p = pipeRows.get(groupKey(r.group, by));
        const left = (r.target - (r.actual ?? 0)) * rev.scale;
        if (!p || p.actual === null || left <= 0) continue;
        const row = coverageRow(m, r, fin((p.actual * pipe.scale) / left), o.lang);
        (Object.keys(r.group).length === 0 ? totals : rows).push(row);
      }
      continue;
    }
    const t = buildRow(m, total, [], true);
    if (t) totals.push(t);
    if (by.length === 0) continue;
    const metricRows: KpiRow[] = [];
    const parents = new Map<string, KpiRow[]>();
    for (let l = 0; l < levels.length; l++) {
      const keys = levels[l]!;
      const levelRows: KpiRow[] = [];
      // Revenue per rep broken down by rep is each rep's revenue again; a customer's own active-customer count,
      // new-customer flag, repeat rate or reps say nothing a breakdown by customer needs.
      if (m.key === 'revenue_per_rep' && (keys.includes('rep') || keys.includes('customer'))) continue;
      if (keys.includes('customer') && CUSTOMER_COUNTS.has(m.key)) continue;
      for (const acc of groupsAt[l]!.values()) {
        const r = buildRow(m, acc, keys, false);
        if (r) levelRows.push(r);
      }
      // Group rows from summary sheets that list the metric per region (or rep…).
      for (const rec of store.summary) {
        if (rec.metric !== m.key || Object.keys(rec.group).length !== keys.length) continue;
        if (!keys.every((k) => rec.group[k] !== undefined)) continue;
        if (levelRows.some((r) => keys.every((k) => r.group[k] === rec.group[k]))) continue;
        const g: Group = {};
        for (const k of keys) g[k] = rec.group[k]!;
        const r = buildRow(m, newAcc(g), keys, false);
        if (r) levelRows.push(r);
      }
      for (const r of levelRows) {
        const pk = `${l}\u0002${groupKey(r.group, keys.slice(0, -1))}`;
        parents.set(pk, [...(parents.get(pk) ?? []), r]);
      }
      metricRows.push(...levelRows);
    }
    // Parents first (华东 subtotal, then 华东 × each product), names in locale order.
    metricRows.sort((a, b) => compareGroups(a.group, b.group, by));
    // Share of the total and rank within the parent group.
    const tot = t?.actual ?? null;
    for (const r of metricRows)
      if (m.agg === 'sum' && m.kind !== 'ratio' && !DISTINCT.has(m.key)) r.share = shareOf(r.actual, tot);
    for (const list of parents.values()) {
      const useAch = list.some((r) => r.achievement !== null);
      const rk = ranks(
        list.map((r) => (useAch ? r.achievement : r.actual)),
        useAch || m.direction === 'higher',
      );
      list.forEach((r, i) => {
        r.rank = rk[i] ?? null;
      });
    }
    rows.push(...metricRows);
  }

  if (prorated.size > 0) {
    const kinds = [...new Set([...prorated.values()].map((v) => v.kind))];
    const kindKey = {
      week: 'kindWeek',
      month: 'kindMonth',
      quarter: 'kindQuarter',
      half: 'kindHalf',
      year: 'kindYear',
    } as const;
    const parts = [...prorated.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([l, v]) => `${l}: ${v.days}`);
    warnings.push({
      message: (o.workdays ? km.proratedWorkdays : km.proratedDays)({
        kind: kinds.map((k) => km[kindKey[k]]()(o.lang)).join('/'),
        parts: parts.join(', '),
      })(o.lang),
      file: null,
      sheet: null,
      cell: null,
    });
  }

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
    warnings,
    notes: [...store.info],
  };
  return { result, extras, elapsed: progress.elapsed, total: progress.total };
}

/** Metrics counted as distinct values: a customer who buys in two regions counts once in the total. */
const DISTINCT = new Set(['active_customers', 'new_customers', 'active_reps', 'repeat_customers']);

const CUSTOMER_COUNTS = new Set(['active_customers', 'new_customers', 'repeat_rate']);

interface Distinct {
  orders: Set<number>;
  /** Customer → the first purchase occasion seen (order, else day), or REPEAT once a second one is seen. */
  customers: Map<number, number>;
  reps: Set<number>;
}

const REPEAT = -1e15;

/**
 * What cannot be added up bucket by bucket: distinct orders, active, new and repeat customers, reps with sales.
 * Counted from the detail rows' facts into slots of each accumulator, so the usual row building reads them
 * (客单价 = revenue ÷ orders, 人均产出 = revenue ÷ reps, 复购率 = repeat ÷ active customers).
 */
function distinctCounts(
  store: KpiStore,
  ranges: (Range | null)[],
  accsOf: (b: Bucket, ri: number) => Acc[],
): void {
  const f = store.facts;
  if (f.bucket.length === 0 || !store.metrics.has('revenue')) return;
  // A metric the data gives as a column (订单数, 新客户数) is read, not counted.
  const given = (key: string) => store.metrics.has(key) && !store.derived.has(key);
  const hasOrders = !given('orders') && f.order.some((o) => o !== -1);
  const have = store.factsHave;
  const startOf = (b: Bucket) =>
    b.when === null ? null : b.when.kind === 'day' ? b.when.day : (spanOf(b.when.month)?.start ?? null);
  // Per bucket (a few thousand), not per row: its start day and, per range, the accumulators it feeds.
  const perBucket: ({ start: number | null; targets: Distinct[] } | undefined)[] = [];
  const per = new Map<Acc, Distinct[]>();
  const distinctOf = (acc: Acc, ri: number): Distinct => {
    let list = per.get(acc);
    if (!list) {
      list = [0, 1, 2].map(() => ({
        orders: new Set<number>(),
        customers: new Map(),
        reps: new Set<number>(),
      }));
      per.set(acc, list);
    }
    return list[ri]!;
  };
  // Per bucket (a few thousand), not per row: its start day and the accumulators it feeds in each range.
  const infoOf = (b: Bucket) => {
    let info = perBucket[b.id];
    if (!info) {
      info = {
        start: startOf(b),
        targets: [0, 1, 2].flatMap((ri) => accsOf(b, ri).map((acc) => distinctOf(acc, ri))),
      };
      perBucket[b.id] = info;
    }
    return info;
  };
  // When each customer first bought and how far back the data reaches come from the store (every row).
  const earliest = store.earliest;
  for (let i = 0; i < f.bucket.length; i++) {
    const info = infoOf(store.bucketList[f.bucket.at(i)]!);
    const start = info.start;
    if (start === null) continue;
    const c = f.customer.at(i);
    const targets = info.targets;
    if (targets.length === 0) continue;
    const order = f.order.at(i);
    const rep = f.rep.at(i);
    // A purchase occasion: the order, else the day (or month) of the row.
    const occasion = order >= 0 ? order : -1 - start;
    for (const d of targets) {
      if (order !== -1) d.orders.add(order);
      if (c >= 0) {
        const o = d.customers.get(c);
        if (o === undefined) d.customers.set(c, occasion);
        else if (o !== occasion && o !== REPEAT) d.customers.set(c, REPEAT);
      }
      if (rep >= 0) d.reps.add(rep);
    }
  }
  const revenue = store.metrics.get('revenue')!;
  const slot = (key: string) => {
    const def = metricByKey(key)!;
    const info = store.metric(def, def.labels['zh-CN'], null);
    store.derived.add(key);
    if (def.kind === 'amount') {
      info.unit = revenue.unit;
      info.scale = revenue.scale;
    }
    return store.slot(key, 'actual');
  };
  const slots = {
    orders: hasOrders ? slot('orders') : -1,
    customers: have.customer && !given('active_customers') ? slot('active_customers') : -1,
    newCustomers: have.customer && !given('new_customers') ? slot('new_customers') : -1,
    repeat: have.customer && !given('repeat_rate') ? slot('repeat_customers') : -1,
    reps: have.rep ? slot('active_reps') : -1,
  };
  // The ratios read their parts from those slots.
  if (hasOrders) slot('avg_order_value');
  if (have.rep) slot('revenue_per_rep');
  if (slots.repeat >= 0 && slots.customers >= 0) slot('repeat_rate');
  const put = (acc: Acc, ri: number, s: number, v: number) => {
    if (s < 0) return;
    acc.sums[ri]![s] = v;
    acc.counts[ri]![s] = 1;
  };
  for (const [acc, list] of per) {
    for (let ri = 0; ri < 3; ri++) {
      const d = list[ri]!;
      if (d.orders.size === 0 && d.customers.size === 0 && d.reps.size === 0) continue;
      put(acc, ri, slots.orders, d.orders.size);
      if (d.customers.size > 0) {
        put(acc, ri, slots.customers, d.customers.size);
        let repeat = 0;
        for (const o of d.customers.values()) if (o === REPEAT) repeat++;
        put(acc, ri, slots.repeat, repeat);
      }
      if (d.reps.size > 0) put(acc, ri, slots.reps, d.reps.size);
      const r = ranges[ri];
      // New = first purchase in the data falls in the period; only when the data reaches back before it.
      if (r && earliest < r.start && d.customers.size > 0) {
        let n = 0;
        for (const c of d.customers.keys()) if ((store.firstSeen.get(c) ?? 0) >= r.start) n++;
        put(acc, ri, slots.newCustomers, n);
      }
    }
  }
}

/** Output order: as the data lists them, but units right after revenue (a 数量 column usually comes first). */
function orderOf(store: KpiStore, m: MetricInfo): number {
  const revenue = store.metrics.get('revenue');
  return m.key === 'units' && revenue ? revenue.order + 0.5 : m.order;
}

function coverageRow(m: MetricInfo, revenue: KpiRow, coverage: number | null, lang: Lang): KpiRow {
  return {
    metric: m.key,
    label: m.def ? m.def.labels[lang] : m.label,
    kind: 'ratio',
    direction: 'higher',
    unit: '×',
    group: revenue.group,
    target: null,
    actual: coverage,
    priorYear: null,
    priorPeriod: null,
    achievement: null,
    variance: null,
    yoy: null,
    yoyUnit: 'pp',
    yoyNote: null,
    mom: null,
    momUnit: 'pp',
    momNote: null,
    share: null,
    rank: null,
    status: null,
    forecast: null,
    forecastAchievement: null,
  };
}

function compareGroups(a: Group, b: Group, by: GroupKey[]): number {
  for (const k of by) {
    const c = (a[k] ?? '').localeCompare(b[k] ?? '', 'zh-CN');
    if (c !== 0) return c;
  }
  return 0;
}

function fmtPlain(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** Ratio metrics the data can derive (gross margin from revenue and cost, collection rate from collections and receivable…). */
function deriveRatios(store: KpiStore): MetricInfo[] {
  const actual = new Set(store.slots.filter((s) => s.role === 'actual').map((s) => s.metric));
  const out: MetricInfo[] = [];
  const candidates = [
    'collection_rate',
    'gross_margin',
    'expense_ratio',
    'conversion',
    'win_rate',
    'win_rate_amount',
  ];
  for (const key of candidates) {
    const def = findMetric(key);
    if (!def?.denominator || !actual.has(def.denominator)) continue;
    const num =
      (def.numerator && actual.has(def.numerator)) ||
      (def.numeratorFromCost && actual.has(def.numeratorFromCost));
    if (!num) continue;
    const existing = store.metrics.get(key);
    out.push(existing ?? store.metric(def, def.labels['zh-CN'], null));
  }
  return out;
}
