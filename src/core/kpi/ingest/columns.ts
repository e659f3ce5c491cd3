/**
 * The columns of a sheet as found under its header: what each holds, which of several for one role to keep,
 * and the words that name them (status, close date, unit, tax).
 */
import { type HeaderInfo, type Role, splitUnit, type Unit } from '../headers.js';
import { findMetric, type MetricDef, normName } from '../metrics.js';
import { statedPeriod } from '../stated.js';
import type { Merge, MetricInfo } from './store.js';

export interface SheetOptions {
  file: string;
  sheet: string;
  /** `kpi.columns`: field → header text. */
  columns?: Record<string, string>;
  merges?: Merge[];
}

export interface Column {
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

export const HEADER_SCAN = 40;
/** Headers that are a stage column only when their values say won or lost. */
export const STATUS_HEADERS = new Set(
  [
    'status',
    'statusreason',
    'opportunitystatus',
    'dealstatus',
    '状态',
    '狀態',
    '赢输状态',
    '商机结果',
    '结果',
  ].map(normName),
);

/** Close-date headers, preferred over a created date in an opportunity export. */
export const CLOSE_DATE = /close|closing|成交|签约|簽約|结单|結單|赢单|贏單|结案/;

export function roleOfOverride(field: string): Role | undefined {
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

/** The period a title or group header names, as a day range (see stated.ts); undefined when it names none. */
export function periodInTitle(text: string): { start: number; end: number } | undefined {
  const p = statedPeriod(text);
  return p ? { start: p.start, end: p.end } : undefined;
}

/** 价税合计 / 含税金额 (with tax) or 无税金额 / Net Value (without); undefined when the header does not say. */
export function taxOf(header: string): 'incl' | 'excl' | undefined {
  const t = normName(header);
  if (/无税|無稅|不含税|不含稅|未税|未稅|税前|稅前|净额|淨額|净值|淨值|^net|excl|withouttax|pretax/.test(t))
    return 'excl';
  if (/价税合计|價稅合計|含税|含稅|incl|withtax|gross/.test(t)) return 'incl';
  return undefined;
}

export function dimPreference(c: Column): number {
  if (c.info.forced) return 100;
  const t = c.info.text.toLowerCase();
  if (/名称|名稱|描述|简称|簡稱|全称|全稱|description|name/.test(t)) return 10;
  if (/编码|編碼|代码|代碼|编号|編號|code|number|\bno\.?$|\bid$/.test(t)) return -10;
  return 0;
}

/** Which of several columns for one metric to keep: the user's, without tax, in local currency, the first. */
export function preference(c: Column): number {
  if (c.info.forced) return 1000;
  const t = normName(c.info.text);
  let score = 100 - c.index / 1000;
  const tax = taxOf(c.info.text);
  if (tax === 'excl') score += 20;
  else if (tax === 'incl') score -= 20;
  if (/本币|本幣|本位币|本位幣|local/.test(t)) score += 5;
  else if (/原币|原幣|foreign|transaction/.test(t)) score -= 5;
  return score;
}

export function parseUnitText(t: string): Unit | null {
  const u = splitUnit(`x(${t.trim()})`).unit;
  return u ?? null;
}

/** The label a metric is shown with: the header as written, without its unit. */
export function labelFor(def: MetricDef, header: string): string {
  const name = splitUnit(header).name.trim();
  const own = findMetric(name);
  return own && own.key === def.key ? name : def.labels['zh-CN'];
}
