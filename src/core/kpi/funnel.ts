/**
 * The sales funnel of opportunity exports: deals, amounts and weighted amounts per stage, the win rate and the
 * coverage of what is left of the revenue target. Pure: the stage table comes from ingestion, the period and the
 * revenue row from the computation.
 *
 * Which deals count: won and lost deals closed in the period (as for revenue and the win rate), and open deals
 * expected to close in the period or later — the open pipeline as it stands, which is what a sales manager looks
 * at. Open deals whose expected close date lies before the period are overdue: left out, and counted apart.
 */
import { inRange, type Range } from './compute/acc.js';
import { fin } from './formulas.js';
import type { StageTable } from './ingest/funnel.js';
import { monthKey, spanOf } from './period.js';
import type { Funnel, FunnelCoverage, FunnelStage, FunnelTotal, KpiRow, StageVerdict } from './result.js';

export interface FunnelOptions {
  /** The period reviewed (with --ytd, the year to date). */
  range: Range;
  /** The unit amounts are shown in (that of revenue) and its scale: amounts are stored in base units. */
  unit: string | null;
  scale: number;
  /** The revenue row of the total: its target and actual give what is left to cover. */
  revenue: KpiRow | undefined;
}

/** A leading number that orders stages: `01 - Prospecting`, `1. 初步接洽`, `3、谈判` (not `10% …`). */
const LEADING_NUMBER = /^\s*(\d{1,3})\s*(?:[.\-_、:：)）]|\s)/;

export function stageNumber(name: string): number | null {
  const m = LEADING_NUMBER.exec(name);
  return m ? Number(m[1]) : null;
}

interface Tally {
  index: number;
  name: string;
  verdict: StageVerdict;
  count: number;
  amount: number;
  amountDeals: number;
  weighted: number;
  weightedDeals: number;
}

/** Where a deal of this verdict and close date goes: the funnel, overdue (open, before the period), or nowhere. */
function placeOf(
  verdict: StageVerdict,
  when: StageTable['cellWhen'][number],
  r: Range,
): 'in' | 'overdue' | null {
  if (verdict !== 'open') return inRange(when, r, true) ? 'in' : null;
  if (when === null) return 'in';
  if (when.kind === 'day') return when.day >= r.start ? 'in' : 'overdue';
  const span = spanOf(when.month);
  return span === undefined || span.end >= r.start ? 'in' : 'overdue';
}

/** The funnel of the period; null when the table holds no stage at all. */
export function funnelOf(table: StageTable, o: FunnelOptions): Funnel | null {
  if (table.names.length === 0) return null;
  const tallies: Tally[] = table.names.map((name, index) => ({
    index,
    name,
    verdict: table.verdicts[index]!,
    count: 0,
    amount: 0,
    amountDeals: 0,
    weighted: 0,
    weightedDeals: 0,
  }));
  const overdue = { count: 0, amount: 0, amountDeals: 0 };
  /** Open deals in the funnel by expected close month (`2026-07`); those without one are left out. */
  const months = new Map<
    string,
    { count: number; amount: number; amountDeals: number; weighted: number; weightedDeals: number }
  >();
  for (let c = 0; c < table.deals.length; c++) {
    const s = table.cellStage[c]!;
    const t = tallies[s]!;
    const place = placeOf(t.verdict, table.cellWhen[c]!, o.range);
    if (place === null) continue;
    if (place === 'overdue') {
      overdue.count += table.deals[c]!;
      overdue.amount += table.amount[c]!;
      overdue.amountDeals += table.amountDeals[c]!;
      continue;
    }
    if (t.verdict === 'open') {
      const when = table.cellWhen[c]!;
      const month =
        when === null
          ? null
          : when.kind === 'day'
            ? monthKey(when.day)
            : /^\d{4}-\d{2}$/.test(when.month)
              ? when.month
              : null;
      if (month !== null) {
        let m = months.get(month);
        if (m === undefined) {
          m = { count: 0, amount: 0, amountDeals: 0, weighted: 0, weightedDeals: 0 };
          months.set(month, m);
        }
        m.count += table.deals[c]!;
        m.amount += table.amount[c]!;
        m.amountDeals += table.amountDeals[c]!;
        m.weighted += table.weighted[c]!;
        m.weightedDeals += table.weightedDeals[c]!;
      }
    }
    t.count += table.deals[c]!;
    t.amount += table.amount[c]!;
    t.amountDeals += table.amountDeals[c]!;
    t.weighted += table.weighted[c]!;
    t.weightedDeals += table.weightedDeals[c]!;
  }
  const shown = (v: number) => fin(v / o.scale);
  /** An amount: none without an amount column, nor for deals that all lack one; 0 for no deals. */
  const amountOf = (raw: number, deals: number, amountDeals: number) =>
    !table.hasAmount || (deals > 0 && amountDeals === 0) ? null : shown(raw);
  const probability = (t: Tally) =>
    t.verdict === 'open' && table.probCount[t.index]! > 0
      ? table.probSum[t.index]! / table.probCount[t.index]!
      : null;
  const present = tallies.filter((t) => t.count > 0);
  const block = (v: StageVerdict) => present.filter((t) => t.verdict === v);
  const openOrder = orderOf(block('open'), probability);
  const ordered = [
    ...sortStages(block('open'), openOrder, probability),
    ...sortStages(
      block('won'),
      orderOf(block('won'), () => null),
      probability,
    ),
    ...sortStages(
      block('lost'),
      orderOf(block('lost'), () => null),
      probability,
    ),
  ];

  const totalOf = (v: StageVerdict): FunnelTotal & { raw: number } => {
    const ts = block(v);
    const amountDeals = ts.reduce((a, t) => a + t.amountDeals, 0);
    const weightedDeals = ts.reduce((a, t) => a + t.weightedDeals, 0);
    const raw = ts.reduce((a, t) => a + t.amount, 0);
    return {
      count: ts.reduce((a, t) => a + t.count, 0),
      amount: amountOf(
        raw,
        ts.reduce((a, t) => a + t.count, 0),
        amountDeals,
      ),
      weightedAmount:
        v === 'open' && table.hasProbability && weightedDeals > 0
          ? shown(ts.reduce((a, t) => a + t.weighted, 0))
          : null,
      raw,
    };
  };
  const open = totalOf('open');
  const won = totalOf('won');
  const lost = totalOf('lost');
  const byAmount = table.hasAmount;
  const closedCount = won.count + lost.count;
  const closedRaw = won.raw + lost.raw;

  const stages: FunnelStage[] = ordered.map((t) => {
    const isOpen = t.verdict === 'open';
    const p = probability(t);
    let share: number | null;
    if (byAmount) {
      const base = isOpen ? open.raw : closedRaw;
      share = t.amountDeals > 0 && base !== 0 ? fin(t.amount / base) : null;
    } else {
      const base = isOpen ? open.count : closedCount;
      share = base > 0 ? fin(t.count / base) : null;
    }
    return {
      stage: t.name,
      verdict: t.verdict,
      count: t.count,
      amount: amountOf(t.amount, t.count, t.amountDeals),
      weightedAmount: isOpen && table.hasProbability && t.weightedDeals > 0 ? shown(t.weighted) : null,
      probability: p === null ? null : fin(p),
      share,
    };
  });

  const strip = ({ count, amount, weightedAmount }: FunnelTotal): FunnelTotal => ({
    count,
    amount,
    weightedAmount,
  });
  return {
    unit: o.unit,
    order: openOrder,
    stages,
    open: strip(open),
    won: strip(won),
    lost: strip(lost),
    openByMonth: [...months.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([month, m]) => ({
        month,
        count: m.count,
        amount: amountOf(m.amount, m.count, m.amountDeals),
        weightedAmount: table.hasProbability && m.weightedDeals > 0 ? shown(m.weighted) : null,
      })),
    overdue: {
      count: overdue.count,
      amount: amountOf(overdue.amount, overdue.count, overdue.amountDeals),
    },
    winRate: closedCount > 0 ? fin(won.count / closedCount) : null,
    winRateAmount: byAmount && closedRaw > 0 && won.amount !== null ? fin(won.raw / closedRaw) : null,
    coverage: coverageOf(open, table.hasProbability, o.revenue),
  };
}

/**
 * How a block of stages is ordered: by the leading number when every name has one, else by the average
 * probability when every stage has one (low first: early stages are the unlikely ones), else by deals (most first).
 */
function orderOf(ts: Tally[], probability: (t: Tally) => number | null): Funnel['order'] {
  if (ts.length > 0 && ts.every((t) => stageNumber(t.name) !== null)) return 'number';
  if (ts.length > 0 && ts.every((t) => probability(t) !== null)) return 'probability';
  return 'count';
}

/** Sorted by `order`; ties by deals (most first), then by first appearance in the data. */
function sortStages(ts: Tally[], order: Funnel['order'], probability: (t: Tally) => number | null): Tally[] {
  const key = (t: Tally) =>
    order === 'number' ? stageNumber(t.name)! : order === 'probability' ? probability(t)! : -t.count;
  return [...ts].sort((a, b) => key(a) - key(b) || b.count - a.count || a.index - b.index);
}

/** Open pipeline (weighted when the export has probabilities) ÷ (target − actual); "met" once nothing is left. */
function coverageOf(
  open: FunnelTotal,
  weightedAvailable: boolean,
  revenue: KpiRow | undefined,
): FunnelCoverage | null {
  if (!revenue || revenue.target === null) return null;
  const weighted = weightedAvailable && open.weightedAmount !== null;
  const pipeline = weighted ? open.weightedAmount : open.amount;
  if (pipeline === null) return null;
  const actual = revenue.actual ?? 0;
  const remaining = fin(revenue.target - actual) ?? 0;
  const met = remaining <= 0;
  return {
    basis: weighted ? 'weighted' : 'unweighted',
    pipeline,
    target: revenue.target,
    actual,
    remaining,
    met,
    ratio: met ? null : fin(pipeline / remaining),
  };
}
