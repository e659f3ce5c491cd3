import type { Lang } from '../i18n/lang.js';
import { pacedByTime } from '../kpi/paced.js';
import { decimalsByMetric } from '../kpi/present.js';
import type { GroupKey, KpiResult, KpiRow } from '../kpi/result.js';
import { MARKET_TYPES } from '../meeting/presets.js';
import type { GapLine, Market, Meeting } from '../meeting/schema.js';
import { formatChange, formatGap, formatPercent, formatValue } from './format.js';
import { fill, PACK_LABELS } from './labels.js';

/**
 * What the meeting discusses besides the tables: the market (市场月报, 竞品动态, SWOT) and the gap analysis
 * (差距分析: 指标 · 差距 · 原因 · 对策 · 负责人 · 期限), pre-filled from the KPI lines that are behind.
 */

export interface GapRow {
  metric: string;
  group: string;
  gap: string;
  cause: string;
  measure: string;
  owner: string;
  due: string;
}

export interface GapsView {
  rows: GapRow[];
  /** Lines behind that the table leaves out (it keeps the ten worst group lines), as a sentence; or null. */
  more: string | null;
}

export interface MarketView {
  data: { item: string; value: string; source: string }[];
  competitors: { name: string; move: string; impact: string; response: string }[];
  swot: { title: string; items: string[] }[] | null;
  /** The same four quadrants as a 2 × 2 grid (strengths, weaknesses / opportunities, threats). */
  swotGrid: { title: string; items: string[] }[][] | null;
}

const BEHIND = new Set(['at-risk', 'off-track', 'not-met']);
/** Group lines shown at most: the worst first; the rest are counted in one sentence. */
const MAX_GROUP_LINES = 10;

const hasGroup = (r: KpiRow) => Object.values(r.group).some((v) => v !== undefined && v !== '');

function groupText(group: Partial<Record<string, string>>, by: readonly string[]): string {
  const keys = by.length > 0 ? by : Object.keys(group);
  return keys
    .map((k) => group[k])
    .filter((v): v is string => v !== undefined && v !== '')
    .join(' / ');
}

/** The line of meeting.yaml's `gaps` about a KPI row: same metric (key or label) and every group value equal. */
function matches(line: GapLine, row: KpiRow): boolean {
  if (line.metric !== row.metric && line.metric !== row.label) return false;
  const want = line.group ?? {};
  const keys = Object.keys(want);
  if (keys.length === 0) return !hasGroup(row);
  return (
    keys.every((k) => row.group[k as GroupKey] === want[k]) &&
    Object.entries(row.group).every(([k, v]) => v === undefined || v === '' || want[k] === v)
  );
}

/** The gap of a KPI row in words: the variance in its unit, the achievement, and how far behind time progress. */
function gapWords(row: KpiRow, kpi: KpiResult, lang: Lang, digits: Map<string, 0 | 2>): string {
  const L = PACK_LABELS[lang];
  const ratio = row.kind === 'ratio' && (row.unit === null || row.unit === '%');
  const parts: string[] = [];
  if (row.variance !== null) {
    const value = ratio
      ? formatChange(row.variance, 'pp', null, lang)
      : `${row.variance > 0 ? '+' : row.variance < 0 ? '−' : ''}${formatValue(Math.abs(row.variance), row, lang, digits.get(row.metric))}${row.unit ? ` ${row.unit}` : ''}`;
    parts.push(fill(L.gapVariance, { value }));
  }
  if (row.achievement !== null)
    parts.push(fill(L.gapAchievement, { value: formatPercent(row.achievement, lang) }));
  // Time progress says nothing about a metric without a pace (a ratio, a distinct count, lower-is-better: see
  // pacedByTime), and at the end of the period (100%) it would only repeat the achievement.
  if (
    pacedByTime(row) &&
    kpi.timeProgress !== null &&
    kpi.timeProgress < 1 &&
    row.achievement !== null &&
    row.achievement < kpi.timeProgress
  )
    parts.push(fill(L.gapProgress, { value: formatGap(row.achievement, kpi.timeProgress, lang) }));
  return parts.join(L.gapSep);
}

function fromLine(line: GapLine | undefined): Pick<GapRow, 'cause' | 'measure' | 'owner' | 'due'> {
  return {
    cause: line?.cause ?? '',
    measure: line?.measure ?? '',
    owner: line?.owner ?? '',
    due: line?.due ?? '',
  };
}

/**
 * The gap-analysis table: every KPI line whose status is at risk, off track or not met (the totals first, then
 * the group lines from the lowest achievement), completed by meeting.yaml's `gaps` lines; lines of `gaps` the data
 * does not show follow in their own order. Null when there is nothing to discuss.
 */
export function gapsView(meeting: Meeting, kpi: KpiResult | null, lang: Lang): GapsView | null {
  const L = PACK_LABELS[lang];
  const lines = meeting.gaps;
  const used = new Set<GapLine>();
  const rows: GapRow[] = [];
  let more = 0;
  if (kpi) {
    const totals = kpi.totals.length > 0 ? kpi.totals : kpi.rows.filter((r) => !hasGroup(r));
    // The decimals the KPI tables print: the totals' from the totals, a group line's from the group lines.
    const totalDigits = decimalsByMetric(totals);
    const groupDigits = decimalsByMetric(kpi.rows.filter(hasGroup));
    const behind = (r: KpiRow) => r.status !== null && BEHIND.has(r.status);
    const grouped = kpi.rows
      .filter((r) => hasGroup(r) && behind(r))
      .sort((a, b) => (a.achievement ?? Infinity) - (b.achievement ?? Infinity));
    const shown = [...totals.filter(behind), ...grouped.slice(0, MAX_GROUP_LINES)];
    // A group line a person already worked on stays, even past the ten worst.
    for (const r of grouped.slice(MAX_GROUP_LINES))
      if (lines.some((l) => matches(l, r))) shown.push(r);
      else more++;
    for (const r of shown) {
      const line = lines.find((l) => !used.has(l) && matches(l, r));
      if (line) used.add(line);
      rows.push({
        metric: r.label,
        group: groupText(r.group, kpi.by),
        gap: line?.gap ?? gapWords(r, kpi, lang, hasGroup(r) ? groupDigits : totalDigits),
        ...fromLine(line),
      });
    }
  }
  for (const line of lines) {
    if (used.has(line)) continue;
    rows.push({
      metric: line.metric,
      group: groupText(line.group ?? {}, []),
      gap: line.gap ?? '',
      ...fromLine(line),
    });
  }
  if (rows.length === 0) return null;
  return { rows, more: more > 0 ? fill(L.gapsMore, { n: more }) : null };
}

/** The market section, or null when meeting.yaml has none or the meeting is shorter than monthly. */
export function marketView(meeting: Meeting, lang: Lang): MarketView | null {
  const m: Market | undefined = meeting.market;
  if (!m || !MARKET_TYPES.includes(meeting.type)) return null;
  const L = PACK_LABELS[lang];
  const swot = m.swot
    ? [
        { title: L.swot.strengths, items: m.swot.strengths },
        { title: L.swot.weaknesses, items: m.swot.weaknesses },
        { title: L.swot.opportunities, items: m.swot.opportunities },
        { title: L.swot.threats, items: m.swot.threats },
      ]
    : null;
  if (m.data.length === 0 && m.competitors.length === 0 && !swot) return null;
  return {
    data: m.data.map((d) => ({ item: d.item, value: d.value, source: d.source ?? '' })),
    competitors: m.competitors.map((c) => ({
      name: c.name,
      move: c.move,
      impact: c.impact ?? '',
      response: c.response ?? '',
    })),
    swot,
    swotGrid: swot ? [swot.slice(0, 2), swot.slice(2)] : null,
  };
}
