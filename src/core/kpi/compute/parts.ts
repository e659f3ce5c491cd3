/**
 * The pieces of computeKpi that need none of its running state: the warnings about stated and assumed
 * periods, prorated targets and ratio rows lacking a part; which metrics to show; the headcount; units.
 */
import type { Lang } from '../../i18n/lang.js';
import type { KpiStore, MetricInfo } from '../ingest.js';
import { km } from '../messages.js';
import { findMetric, metricByKey, normName } from '../metrics.js';
import type { Period } from '../period.js';
import type { KpiWarning } from '../result.js';
import { type Acc, inRange, putSlot, R_CUR, R_PP, R_PY, type Range } from './acc.js';

/** Sheets whose stated period does not answer the one asked, and sheets whose period is assumed. */
export function periodWarnings(
  store: KpiStore,
  cur: Period,
  answering: ReadonlySet<string>,
  lang: Lang,
): KpiWarning[] {
  const out: KpiWarning[] = [];
  for (const s of store.stated) {
    const where = { file: s.file, sheet: s.sheet, cell: s.cell };
    if (s.undated && !answering.has(s.label))
      out.push({ message: km.statedOut({ label: s.label, period: cur.label })(lang), ...where });
    else if (!s.undated && (cur.start < s.start || cur.end > s.end))
      out.push({ message: km.statedPartial({ label: s.label, period: cur.label })(lang), ...where });
  }
  for (const u of store.undated)
    out.push({
      message: km.assumedPeriod({ period: cur.label })(lang),
      file: u.file,
      sheet: u.sheet,
      cell: null,
    });
  return out;
}

/**
 * A headcount from meeting.yaml replaces the reps counted in the data, for the total of the period itself;
 * the prior periods' headcounts are not known, so their revenue per rep is left blank.
 */
export function applyHeadcount(store: KpiStore, total: Acc, headcount: number): void {
  const def = metricByKey('revenue_per_rep')!;
  const revenue = store.metrics.get('revenue')!;
  const info = store.metric(def, def.labels['zh-CN'], null);
  info.unit = revenue.unit;
  info.scale = revenue.scale;
  store.derived.add('revenue_per_rep');
  const slot = store.slot('active_reps', 'actual');
  putSlot(total, R_CUR, slot, headcount, 1);
  for (const ri of [R_PY, R_PP]) putSlot(total, ri, slot, 0, 0);
}

/** Money metrics in 元-based units are shown in the unit of revenue (回款额 in 万元 beside 销售额 in 万元). */
export function moneyInRevenueUnit(store: KpiStore): void {
  const revenue = store.metrics.get('revenue');
  if (revenue?.unit && /元$/.test(revenue.unit)) {
    for (const m of store.metrics.values()) {
      if (m === revenue || m.kind !== 'amount' || m.agg !== 'sum' || !m.unit || !/元$/.test(m.unit)) continue;
      m.unit = revenue.unit;
      m.scale = revenue.scale;
    }
  }
}

/** The metrics asked for (`--metrics`), else every one that is not a base of another, in output order. */
export function metricsToShow(store: KpiStore, metrics: string[] | undefined): MetricInfo[] {
  const wanted = metrics?.map((m) => normName(m));
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
  return metricList;
}

/** Rows of the period left out of a ratio because they lack one of its parts: one warning per sheet and part. */
export function ratioGapWarnings(store: KpiStore, metric: string, cur: Range, lang: Lang): KpiWarning[] {
  const out: KpiWarning[] = [];
  const labelOf = (key: string) => findMetric(key)?.labels[lang] ?? key;
  for (const gap of store.ratioGaps) {
    if (gap.metric !== metric) continue;
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
    out.push({
      message: km.ratioGap({
        metric: labelOf(metric),
        count,
        has: labelOf(gap.has),
        lacks: labelOf(gap.lacks),
        cells: first.join(', '),
      })(lang),
      file: gap.file,
      sheet: gap.sheet,
      cell: null,
    });
  }
  return out;
}

/** The one warning naming the targets of longer periods counted with their share of days. */
export function proratedWarning(
  prorated: Map<string, { kind: Period['kind']; days: string }>,
  workdays: boolean,
  lang: Lang,
): KpiWarning {
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
  return {
    message: (workdays ? km.proratedWorkdays : km.proratedDays)({
      kind: kinds.map((k) => km[kindKey[k]]()(lang)).join('/'),
      parts: parts.join(', '),
    })(lang),
    file: null,
    sheet: null,
    cell: null,
  };
}

/** Output order: as the data lists them, but units right after revenue (a 数量 column usually comes first). */
function orderOf(store: KpiStore, m: MetricInfo): number {
  const revenue = store.metrics.get('revenue');
  return m.key === 'units' && revenue ? revenue.order + 0.5 : m.order;
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
