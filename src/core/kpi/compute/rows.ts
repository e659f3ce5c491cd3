/**
 * Rows of the KPI table beyond the arithmetic of one metric: pipeline coverage from two other rows, shares
 * of the total and ranks within the parent group, and the order of groups.
 */
import type { Lang } from '../../i18n/lang.js';
import { fin, ranks, shareOf } from '../formulas.js';
import type { KpiStore, MetricInfo } from '../ingest.js';
import type { Group, GroupKey, KpiRow } from '../result.js';
import { groupKey } from './acc.js';
import { DISTINCT } from './distinct.js';

/** Open pipeline ÷ what is left of the revenue target, per row that has both; added to totals or rows. */
export function coverageRows(
  store: KpiStore,
  m: MetricInfo,
  totals: KpiRow[],
  rows: KpiRow[],
  by: GroupKey[],
  lang: Lang,
): void {
  const rev = store.metrics.get('revenue');
  const pipe = store.metrics.get('pipeline');
  if (!rev || !pipe) return;
  const pipeRows = new Map(
    [...totals, ...rows].filter((r) => r.metric === 'pipeline').map((r) => [groupKey(r.group, by), r]),
  );
  for (const r of [...totals, ...rows]) {
    if (r.metric !== 'revenue' || r.target === null) continue;
    const p = pipeRows.get(groupKey(r.group, by));
    const left = (r.target - (r.actual ?? 0)) * rev.scale;
    if (!p || p.actual === null || left <= 0) continue;
    const row = coverageRow(m, r, fin((p.actual * pipe.scale) / left), lang);
    (Object.keys(r.group).length === 0 ? totals : rows).push(row);
  }
}

/**
 * Share of the total (of amounts that add up) and rank within the parent group (`parents`: the rows under each
 * parent). The group of rows with a blank cell (`blank`) has a share, so the shares add up to 100%, but no rank:
 * it is no region or rep.
 */
export function shareAndRank(
  m: MetricInfo,
  metricRows: KpiRow[],
  parents: Iterable<KpiRow[]>,
  tot: number | null,
  by: GroupKey[],
  blank: string,
): void {
  for (const r of metricRows)
    if (m.agg === 'sum' && m.kind !== 'ratio' && !DISTINCT.has(m.key)) r.share = shareOf(r.actual, tot);
  for (const list of parents) {
    const ranked = (r: KpiRow) => !isBlank(r.group, by, blank);
    const useAch = list.some((r) => ranked(r) && r.achievement !== null);
    const rk = ranks(
      list.map((r) => (!ranked(r) ? null : useAch ? r.achievement : r.actual)),
      useAch || m.direction === 'higher',
    );
    list.forEach((r, i) => {
      r.rank = rk[i] ?? null;
    });
  }
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

/**
 * Names in zh-CN order (what `localeCompare(y, 'zh-CN')` gives), with one collator: `localeCompare` with a
 * locale finds or builds one per call, which a breakdown by 1,800 groups paid a second for.
 */
let zh: Intl.Collator | undefined;
export function zhCompare(x: string, y: string): number {
  zh ??= new Intl.Collator('zh-CN');
  return zh.compare(x, y);
}

/**
 * Each text's place in zh-CN order (texts the collator finds equal share one), so that sorting many rows compares
 * integers: the collator is asked once per pair of neighbouring distinct texts, not at every comparison (a
 * breakdown by rep ties on whole numbers — orders, customers — in hundreds of siblings).
 */
export function collationOrder(texts: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(texts)].sort(zhCompare);
  const out = new Map<string, number>();
  let place = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && zhCompare(sorted[i - 1]!, sorted[i]!) !== 0) place++;
    out.set(sorted[i]!, place);
  }
  return out;
}

/** Parents before their children, names in locale order, the blank group (`blank`) last at its level. */
export function compareGroups(a: Group, b: Group, by: GroupKey[], blank: string): number {
  for (const k of by) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (x === y) continue;
    if (x === blank && y !== '') return 1;
    if (y === blank && x !== '') return -1;
    return zhCompare(x, y);
  }
  return 0;
}

/**
 * A group's keys at every depth of `by`: entry d joins the values of the first d + 1 dimensions (a blank for
 * one it lacks), so that a row of depth d + 1 is found by entry d of its own or a deeper group's keys.
 */
export function prefixKeys(g: Group, by: GroupKey[]): string[] {
  const out: string[] = [];
  let key = '';
  for (let d = 0; d < by.length; d++) {
    key = d === 0 ? (g[by[0]!] ?? '') : `${key}\u0001${g[by[d]!] ?? ''}`;
    out.push(key);
  }
  return out;
}

/**
 * The reading order of a breakdown: parents before their children, and siblings by rank (the best achievement
 * first, as the rank column counts), so a table reads from the leader down; rows without a rank (the blank group,
 * a metric nobody ranks) after the ranked ones, then in locale order. `keysOf` gives a group's `prefixKeys`
 * (a caller that orders many metrics' rows of the same groups keeps them).
 */
export function byRank(
  rows: KpiRow[],
  by: GroupKey[],
  blank: string,
  keysOf: (g: Group) => string[] = (g) => prefixKeys(g, by),
): KpiRow[] {
  const rankOf = new Map<string, number | null>();
  for (const r of rows) {
    const depth = groupDepth(r.group);
    rankOf.set(depth === 0 ? '' : keysOf(r.group)[depth - 1]!, r.rank);
  }
  const order = collationOrder(rows.flatMap((r) => Object.values(r.group)));
  // Each row's rank at every level of its group (its own and its parents'), found once, not per comparison.
  const entries = rows.map((r) => {
    const keys = keysOf(r.group);
    return { r, ranks: by.map((_, level) => rankOf.get(keys[level]!) ?? null) };
  });
  entries.sort((ea, eb) => {
    const a = ea.r;
    const b = eb.r;
    for (let level = 0; level < by.length; level++) {
      const k = by[level]!;
      const x = a.group[k] ?? '';
      const y = b.group[k] ?? '';
      if (x === y) continue;
      if (x === '') return -1;
      if (y === '') return 1;
      if (x === blank) return 1;
      if (y === blank) return -1;
      const rx = ea.ranks[level]!;
      const ry = eb.ranks[level]!;
      if (rx !== ry) {
        if (rx === null) return 1;
        if (ry === null) return -1;
        return rx - ry;
      }
      return order.get(x)! - order.get(y)!;
    }
    return 0;
  });
  return entries.map((e) => e.r);
}

/**
 * The same order as `byRank`, found as a tree: each row under its parent row, siblings sorted by the same rules
 * (the blank group last, then rank, rows without one after, then locale order), read parents first. Sorts a
 * few hundred siblings at a time instead of all rows with a comparison through every level. Undefined when the
 * rows are no such tree — a row without its parent row (a summary sheet's group), two rows of one group, or two
 * siblings the rules cannot tell apart (the same rank and names the collator finds equal) — then `byRank`,
 * whose order of equal rows is the order it is given. `places` is a `collationOrder` of (at least) the rows'
 * own names.
 */
export function byRankTree(
  rows: KpiRow[],
  by: GroupKey[],
  blank: string,
  keysOf: (g: Group) => string[],
  places?: Map<string, number>,
): KpiRow[] | undefined {
  // By the rows' places: each row's depth and its children's places (no map keyed by row).
  const n = rows.length;
  const depthOf = new Uint8Array(n);
  const rowOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const g = rows[i]!.group;
    const depth = groupDepth(g);
    if (depth === 0 || depth > by.length) return undefined;
    const key = keysOf(g)[depth - 1]!;
    if (rowOf.has(key)) return undefined;
    rowOf.set(key, i);
    depthOf[i] = depth;
  }
  const root: number[] = [];
  const children: (number[] | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const depth = depthOf[i]!;
    if (depth === 1) {
      root.push(i);
      continue;
    }
    const parent = rowOf.get(keysOf(rows[i]!.group)[depth - 2]!);
    if (parent === undefined) return undefined;
    const list = children[parent];
    if (list) list.push(i);
    else children[parent] = [i];
  }
  // Each row's own name and its place in locale order (for siblings of equal rank).
  const names: string[] = new Array(n);
  for (let i = 0; i < n; i++) names[i] = rows[i]!.group[by[depthOf[i]! - 1]!]!;
  // `places` (every name of a breakdown, ordered once for all its metrics) when it has them all.
  const order = places && names.every((x) => places.has(x)) ? places : collationOrder(names);
  const place = new Int32Array(n);
  for (let i = 0; i < n; i++) place[i] = order.get(names[i]!)!;
  const siblings = (i: number, j: number): number => {
    const a = rows[i]!;
    const b = rows[j]!;
    const x = names[i]!;
    const y = names[j]!;
    if (x === y) return 0;
    if (x === blank) return 1;
    if (y === blank) return -1;
    if (a.rank !== b.rank) {
      if (a.rank === null) return 1;
      if (b.rank === null) return -1;
      return a.rank - b.rank;
    }
    return place[i]! - place[j]!;
  };
  const sorted = (list: number[]): boolean => {
    list.sort(siblings);
    for (let i = 1; i < list.length; i++) if (siblings(list[i - 1]!, list[i]!) >= 0) return false;
    return true;
  };
  if (!sorted(root)) return undefined;
  for (const list of children) if (list && !sorted(list)) return undefined;
  const out: KpiRow[] = [];
  const visit = (i: number): void => {
    out.push(rows[i]!);
    const list = children[i];
    if (list) for (const c of list) visit(c);
  };
  for (const i of root) visit(i);
  return out;
}

/** The row's own (deepest) group value is the blank group. */
function isBlank(g: Group, by: GroupKey[], blank: string): boolean {
  const depth = groupDepth(g);
  return depth > 0 && g[by[depth - 1]!] === blank;
}

/** How many dimensions a group has (`Object.keys(g).length` without making the array: thousands of rows ask). */
function groupDepth(g: Group): number {
  let n = 0;
  for (const _ in g) n++;
  return n;
}

export function fmtPlain(v: number): string {
  return String(Math.round(v * 100) / 100);
}
