/**
 * How a KPI result reads: headings, status words, notes and the legend in zh-CN, zh-TW and en, numbers with
 * the locale's grouping, percentages to one decimal, percentage points, "—" for an absent value. Builds a
 * plain table (strings per cell) that the terminal, Markdown and CSV outputs lay out.
 */

import type { Lang } from '../i18n/lang.js';
import type { RowExtra } from './compute.js';
import { km } from './messages.js';
import type { ChangeNote, GroupKey, KpiResult, KpiRow, Status } from './result.js';

export const DASH = '—';
const MINUS = '−';

const LOCALE: Record<Lang, string> = { en: 'en-US', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' };

export const WORDS: Record<
  Lang,
  {
    group: Record<GroupKey, string>;
    col: Record<string, string>;
    status: Record<Exclude<Status, null>, string>;
    note: Record<Exclude<ChangeNote, null>, string>;
    pp: string;
    total: string;
    subtotal: string;
    title: string;
    asOf: string;
    progress: string;
    ahead: string;
    behind: string;
    legend: string[];
    ytd: string;
    workdays: string;
  }
> = {
  en: {
    group: {
      region: 'Region',
      product: 'Product line',
      rep: 'Rep',
      customer: 'Customer',
      channel: 'Channel',
      team: 'Team',
    },
    col: {
      metric: 'Metric',
      unit: 'Unit',
      target: 'Target',
      actual: 'Actual',
      achievement: 'Achievement',
      variance: 'Variance',
      priorYear: 'Prior year',
      yoy: 'YoY',
      priorPeriod: 'Prior period',
      mom: 'MoM',
      gap: 'vs time progress',
      forecast: 'Forecast',
      forecastAchievement: 'Fcst achv.',
      pace: 'Required/day',
      share: 'Share',
      rank: 'Rank',
      status: 'Status',
    },
    status: {
      'on-track': '✓ on track',
      'at-risk': '! at risk',
      'off-track': '✗ off track',
      met: '✓ met',
      'not-met': '✗ not met',
    },
    note: {
      'n/m': 'n/m',
      'turned-positive': 'turned positive',
      'loss-narrowed': 'loss narrowed',
      'loss-widened': 'loss widened',
    },
    pp: 'pp',
    total: 'Total',
    subtotal: 'Subtotal',
    title: 'KPI',
    asOf: 'as of',
    progress: 'time progress',
    ahead: 'ahead',
    behind: 'behind',
    ytd: 'year to date',
    workdays: 'working days',
    legend: [
      'Achievement = actual / target; lower-is-better metrics (expense ratio, cost ratio, churn, sales cycle, overdue): 2 − actual / target. A target of 0 or below gives no percentage: met / not met.',
      'Variance = actual − target. YoY / MoM = (actual − base) / base for amounts and counts; percentage points (pp) for ratios. A zero or negative base gives n/m, turned positive, loss narrowed or loss widened. — means no value (blank is not zero).',
      'Time progress = elapsed days / days in the period (as-of day included). Forecast = actual × days in period / elapsed days. Required/day = (target − actual) / remaining days.',
      'Ratios are recomputed from their numerator and denominator over the rows that carry both, never averaged. Status: on track ≥ {onTrack}, at risk ≥ {atRisk}, else off track (mid-period: achievement / time progress).',
    ],
  },
  'zh-CN': {
    group: {
      region: '区域',
      product: '产品线',
      rep: '销售代表',
      customer: '客户',
      channel: '渠道',
      team: '团队',
    },
    col: {
      metric: '指标',
      unit: '单位',
      target: '目标',
      actual: '实际',
      achievement: '达成率',
      variance: '差额',
      priorYear: '去年同期',
      yoy: '同比',
      priorPeriod: '上期',
      mom: '环比',
      gap: '较时间进度',
      forecast: '预计完成',
      forecastAchievement: '预计达成率',
      pace: '剩余日均需完成',
      share: '占比',
      rank: '排名',
      status: '状态',
    },
    status: {
      'on-track': '✓ 正常',
      'at-risk': '! 预警',
      'off-track': '✗ 落后',
      met: '✓ 达标',
      'not-met': '✗ 未达标',
    },
    note: {
      'n/m': '不可比',
      'turned-positive': '扭亏为盈',
      'loss-narrowed': '减亏',
      'loss-widened': '亏损扩大',
    },
    pp: '个百分点',
    total: '合计',
    subtotal: '小计',
    title: 'KPI 达成情况',
    asOf: '截至',
    progress: '时间进度',
    ahead: '领先',
    behind: '落后',
    ytd: '本年累计',
    workdays: '按工作日',
    legend: [
      '达成率 = 实际 / 目标；越低越好的指标（费用率、成本率、流失率、销售周期、逾期率）：达成率 = 2 − 实际 / 目标。目标为 0 或负数时不计算百分比，只判断达标 / 未达标。',
      '差额 = 实际 − 目标。同比 / 环比 = (实际 − 基期) / 基期（金额、数量）；比率类指标用百分点表示。基期为 0 或负数时不计算百分比，标注不可比、扭亏为盈、减亏或亏损扩大。“—”表示无数据（空白不等于 0）。',
      '时间进度 = 已过天数 / 期间总天数（含截至日）。预计完成 = 实际 × 期间天数 / 已过天数。剩余日均需完成 = (目标 − 实际) / 剩余天数。',
      '比率类指标按同时有分子和分母的行汇总后重新计算，不取平均。状态：正常 ≥ {onTrack}，预警 ≥ {atRisk}，否则落后（期间未结束时按 达成率 / 时间进度 判断）。',
    ],
  },
  'zh-TW': {
    group: {
      region: '區域',
      product: '產品線',
      rep: '業務代表',
      customer: '客戶',
      channel: '通路',
      team: '團隊',
    },
    col: {
      metric: '指標',
      unit: '單位',
      target: '目標',
      actual: '實際',
      achievement: '達成率',
      variance: '差額',
      priorYear: '去年同期',
      yoy: '年增率',
      priorPeriod: '上期',
      mom: '月增率',
      gap: '較時間進度',
      forecast: '預估完成',
      forecastAchievement: '預估達成率',
      pace: '剩餘日均需完成',
      share: '佔比',
      rank: '排名',
      status: '狀態',
    },
    status: {
      'on-track': '✓ 正常',
      'at-risk': '! 預警',
      'off-track': '✗ 落後',
      met: '✓ 達標',
      'not-met': '✗ 未達標',
    },
    note: {
      'n/m': '不可比',
      'turned-positive': '轉虧為盈',
      'loss-narrowed': '虧損減少',
      'loss-widened': '虧損擴大',
    },
    pp: '個百分點',
    total: '合計',
    subtotal: '小計',
    title: 'KPI 達成情況',
    asOf: '截至',
    progress: '時間進度',
    ahead: '領先',
    behind: '落後',
    ytd: '本年累計',
    workdays: '按工作日',
    legend: [
      '達成率 = 實際 / 目標；越低越好的指標（費用率、成本率、流失率、銷售週期、逾期率）：達成率 = 2 − 實際 / 目標。目標為 0 或負數時不計算百分比，只判斷達標 / 未達標。',
      '差額 = 實際 − 目標。年增率 / 月增率 = (實際 − 基期) / 基期（金額、數量）；比率類指標以百分點表示。基期為 0 或負數時不計算百分比，標註不可比、轉虧為盈、虧損減少或虧損擴大。「—」表示無資料（空白不等於 0）。',
      '時間進度 = 已過天數 / 期間總天數（含截至日）。預估完成 = 實際 × 期間天數 / 已過天數。剩餘日均需完成 = (目標 − 實際) / 剩餘天數。',
      '比率類指標按同時有分子與分母的列彙總後重新計算，不取平均。狀態：正常 ≥ {onTrack}，預警 ≥ {atRisk}，否則落後（期間未結束時按 達成率 / 時間進度 判斷）。',
    ],
  },
};

export function legendLines(lang: Lang, thresholds: { onTrack: number; atRisk: number }): string[] {
  return WORDS[lang].legend.map((l) =>
    l.replace('{onTrack}', pct(thresholds.onTrack, lang)).replace('{atRisk}', pct(thresholds.atRisk, lang)),
  );
}

const FORMATS = new Map<string, Intl.NumberFormat>();

/** One formatter per language and digits: building one costs more than formatting thousands of numbers. */
function numberFormat(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: min, maximumFractionDigits: max });
    FORMATS.set(key, f);
  }
  return f;
}

const signed = (s: string, v: number) => (v > 0 ? `+${s}` : v < 0 ? `${MINUS}${s}` : s);

/** 92.0% (to one decimal), with a leading + when asked. */
export function pct(v: number | null, lang: Lang, sign = false): string {
  if (v === null) return DASH;
  const s = numberFormat(lang, 1, 1).format(Math.abs(v) * 100);
  const r = Math.round(Math.abs(v) * 1000) === 0 ? 0 : v;
  return sign ? `${signed(s, r)}%` : `${r < 0 ? MINUS : ''}${s}%`;
}

/** −3.0 pp / −3.0 个百分点 from a fraction (−0.03). */
export function pp(v: number | null, lang: Lang): string {
  if (v === null) return DASH;
  const s = numberFormat(lang, 1, 1).format(Math.abs(v) * 100);
  const r = Math.round(Math.abs(v) * 1000) === 0 ? 0 : v;
  return `${signed(s, r)} ${WORDS[lang].pp}`;
}

/** A number with the locale's grouping: no decimals for whole numbers, else two. */
export function num(v: number | null, lang: Lang, sign = false): string {
  if (v === null) return DASH;
  const whole = Math.abs(v - Math.round(v)) < 1e-9;
  const s = numberFormat(lang, whole ? 0 : 2, whole ? 0 : 2).format(Math.abs(v));
  const zero = s.replace(/[0.,]/g, '') === '';
  if (zero) return s;
  return sign ? signed(s, v) : `${v < 0 ? MINUS : ''}${s}`;
}

/** A value of the metric: percent for ratios, a number otherwise. */
export function value(row: KpiRow, v: number | null, lang: Lang, sign = false): string {
  // A multiple (pipeline coverage 3.2×), not a percentage.
  if (row.unit === '×') return v === null ? DASH : `${v.toFixed(1)}×`;
  return row.kind === 'ratio' ? (sign ? pp(v, lang) : pct(v, lang)) : num(v, lang, sign);
}

export function change(v: number | null, unit: 'ratio' | 'pp', note: ChangeNote, lang: Lang): string {
  if (note) return WORDS[lang].note[note];
  if (v === null) return DASH;
  return unit === 'pp' ? pp(v, lang) : pct(v, lang, true);
}

export function statusText(s: Status, lang: Lang): string {
  return s === null ? DASH : WORDS[lang].status[s];
}

export interface Table {
  headers: string[];
  /** Columns that hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  /** Status of each row, for colour. */
  status: Status[];
  /** Index of the first totals row (rows after it are totals), or -1. */
  totalsFrom: number;
}

type ColDef = {
  key: string;
  numeric: boolean;
  cell: (r: KpiRow, x: RowExtra | undefined) => string;
  has: (r: KpiRow, x: RowExtra | undefined) => boolean;
};

/** Lays a result out as a table; columns without any value are left out. */
export function buildTable(result: KpiResult, extras: Map<KpiRow, RowExtra>, lang: Lang): Table {
  const w = WORDS[lang];
  const by = result.by;
  const grouped = by.length > 0;
  const all = grouped ? [...result.rows, ...result.totals] : result.rows;
  const cols: ColDef[] = [
    ...by.map(
      (k, i): ColDef => ({
        key: `g:${k}`,
        numeric: false,
        cell: (r) => {
          const depth = Object.keys(r.group).length;
          if (depth === 0) return i === 0 ? w.total : '';
          return r.group[k] ?? (i === depth ? w.subtotal : '');
        },
        has: () => true,
      }),
    ),
    { key: 'metric', numeric: false, cell: (r) => r.label, has: () => true },
    { key: 'unit', numeric: false, cell: (r) => r.unit ?? '', has: (r) => r.unit !== null },
    { key: 'target', numeric: true, cell: (r) => value(r, r.target, lang), has: (r) => r.target !== null },
    { key: 'actual', numeric: true, cell: (r) => value(r, r.actual, lang), has: () => true },
    {
      key: 'achievement',
      numeric: true,
      cell: (r) =>
        r.achievement === null && (r.status === 'met' || r.status === 'not-met')
          ? DASH
          : pct(r.achievement, lang),
      has: (r) => r.achievement !== null,
    },
    {
      key: 'variance',
      numeric: true,
      cell: (r) => value(r, r.variance, lang, true),
      has: (r) => r.variance !== null,
    },
    {
      key: 'priorYear',
      numeric: true,
      cell: (r) => value(r, r.priorYear, lang),
      has: (r) => r.priorYear !== null,
    },
    {
      key: 'yoy',
      numeric: true,
      cell: (r) => change(r.yoy, r.yoyUnit, r.yoyNote, lang),
      has: (r) => r.yoy !== null || r.yoyNote !== null,
    },
    {
      key: 'priorPeriod',
      numeric: true,
      cell: (r) => value(r, r.priorPeriod, lang),
      has: (r) => r.priorPeriod !== null,
    },
    {
      key: 'mom',
      numeric: true,
      cell: (r) => change(r.mom, r.momUnit, r.momNote, lang),
      has: (r) => r.mom !== null || r.momNote !== null,
    },
    {
      key: 'gap',
      numeric: true,
      cell: (_r, x) =>
        x?.progressGap == null
          ? DASH
          : `${pp(x.progressGap, lang)} ${x.progressGap >= 0 ? w.ahead : w.behind}`,
      has: (_r, x) => x?.progressGap != null && result.timeProgress !== null && result.timeProgress < 1,
    },
    {
      key: 'forecast',
      numeric: true,
      cell: (r) => value(r, r.forecast, lang),
      has: (r) => r.forecast !== null && result.timeProgress !== null && result.timeProgress < 1,
    },
    {
      key: 'forecastAchievement',
      numeric: true,
      cell: (r) => pct(r.forecastAchievement, lang),
      has: (r) => r.forecastAchievement !== null && result.timeProgress !== null && result.timeProgress < 1,
    },
    {
      key: 'pace',
      numeric: true,
      cell: (r, x) => value(r, x?.requiredPace ?? null, lang),
      has: (_r, x) => (x?.requiredPace ?? 0) > 0 && result.timeProgress !== null && result.timeProgress < 1,
    },
    { key: 'share', numeric: true, cell: (r) => pct(r.share, lang), has: (r) => r.share !== null },
    {
      key: 'rank',
      numeric: true,
      cell: (r) => (r.rank === null ? DASH : String(r.rank)),
      has: (r) => r.rank !== null,
    },
    { key: 'status', numeric: false, cell: (r) => statusText(r.status, lang), has: (r) => r.status !== null },
  ];
  const used = cols.filter(
    (c) =>
      c.key === 'metric' ||
      c.key === 'actual' ||
      c.key.startsWith('g:') ||
      all.some((r) => c.has(r, extras.get(r))),
  );
  return {
    headers: used.map((c) => (c.key.startsWith('g:') ? w.group[c.key.slice(2) as GroupKey] : w.col[c.key]!)),
    numeric: used.map((c) => c.numeric),
    rows: all.map((r) => used.map((c) => c.cell(r, extras.get(r)))),
    status: all.map((r) => r.status),
    totalsFrom: grouped ? result.rows.length : -1,
  };
}

/** The line above the table: period, as-of day, time progress. */
export function caption(result: KpiResult, lang: Lang, opts: { ytd: boolean; workdays: boolean }): string {
  const w = WORDS[lang];
  const parts = [`${w.title} ${result.period.label.replace(' YTD', '')}${opts.ytd ? ` ${w.ytd}` : ''}`];
  parts.push(`${result.period.start} ~ ${result.period.end}`);
  parts.push(`${w.asOf} ${result.asOf}`);
  if (result.timeProgress !== null)
    parts.push(`${w.progress} ${pct(result.timeProgress, lang)}${opts.workdays ? ` (${w.workdays})` : ''}`);
  // Where the period came from, when nobody asked for it.
  const from = result.period.from;
  if (from === 'data') parts.push(km.fromData()(lang));
  else if (from === 'stated') parts.push(km.fromStated({ where: result.period.where ?? '' })(lang));
  else if (from === 'today') parts.push(km.fromToday({ asOf: result.asOf })(lang));
  return parts.join(lang === 'en' ? ' · ' : ' · ');
}

/** The formulas of the metrics counted from order lines and opportunity exports, for those the result has. */
export function metricLegend(result: KpiResult, lang: Lang): string[] {
  const has = (keys: string[]) => result.totals.some((r) => keys.includes(r.metric));
  const out: string[] = [];
  if (has(['win_rate', 'pipeline', 'lost_deals'])) out.push(km.legendPipeline()(lang));
  if (has(['orders', 'avg_order_value']) && result.totals.some((r) => r.metric === 'avg_order_value'))
    out.push(km.legendOrders()(lang));
  if (has(['active_customers', 'repeat_rate'])) out.push(km.legendCustomers()(lang));
  if (has(['revenue_per_rep'])) out.push(km.legendPerRep()(lang));
  return out;
}
