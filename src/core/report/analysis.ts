/**
 * The analysis behind part one of the period report: what a sales analyst computes from the KPI result before
 * writing a word. Pure arithmetic on plain numbers (no KPI rows, no language): total against target, growth
 * and what drove it (contribution of each region or product line, price against volume), rankings with the
 * change of rank, the biggest movers and the monthly trend. Every function returns null or an empty list
 * rather than NaN or Infinity.
 */
import { difference, fin } from '../kpi/formulas.js';

/** One group (region, product line, rep…) with its figures for the period and the bases it is compared to. */
export interface GroupFigures {
  name: string;
  actual: number | null;
  target: number | null;
  priorYear: number | null;
  priorPeriod: number | null;
}

/** The headline: actual against target and the growth over both bases. */
export interface Headline {
  actual: number;
  target: number | null;
  /** actual ÷ target. */
  achievement: number | null;
  /** actual − target. */
  gap: number | null;
  priorYear: number | null;
  /** (actual − prior year) ÷ prior year. */
  yoy: number | null;
  priorPeriod: number | null;
  /** (actual − prior period) ÷ prior period. */
  mom: number | null;
  /** achievement − time progress, in fractions (−0.16 = 16 pp behind). */
  gapToProgress: number | null;
}

export function headline(total: GroupFigures, timeProgress: number | null): Headline | null {
  if (total.actual === null) return null;
  const a = total.actual;
  const achievement = total.target !== null && total.target > 0 ? fin(a / total.target) : null;
  return {
    actual: a,
    target: total.target,
    achievement,
    gap: total.target !== null ? fin(difference(a, total.target)) : null,
    priorYear: total.priorYear,
    yoy:
      total.priorYear !== null && total.priorYear > 0
        ? fin(difference(a, total.priorYear) / total.priorYear)
        : null,
    priorPeriod: total.priorPeriod,
    mom:
      total.priorPeriod !== null && total.priorPeriod > 0
        ? fin(difference(a, total.priorPeriod) / total.priorPeriod)
        : null,
    gapToProgress:
      achievement !== null && timeProgress !== null ? fin(difference(achievement, timeProgress)) : null,
  };
}

/**
 * Rounds values to `decimals` so that the rounded values add up to `total` rounded the same way (largest
 * remainder): the shares a reader adds up in the printed report come to the printed total, not 99.9%.
 * `total` defaults to the sum of the values.
 */
export function roundToSum(values: number[], decimals: number, total?: number): number[] {
  const scale = 10 ** decimals;
  const scaled = values.map((v) => v * scale);
  const want = Math.round(Number(((total ?? values.reduce((s, v) => s + v, 0)) * scale).toPrecision(12)));
  const floors = scaled.map((v) => Math.floor(Number(v.toPrecision(12))));
  let left = want - floors.reduce((s, v) => s + v, 0);
  const order = scaled
    .map((v, i) => ({ i, rest: Number(v.toPrecision(12)) - floors[i]! }))
    .sort((x, y) => y.rest - x.rest || x.i - y.i);
  const out = [...floors];
  // `left` lies in [0, n] when `total` is the values' own sum; a different total is spread the same way.
  for (let k = 0; left > 0 && k < order.length * 2; k++, left--) out[order[k % order.length]!.i]! += 1;
  for (let k = 0; left < 0 && k < order.length * 2; k++, left++)
    out[order.at(-1 - (k % order.length))!.i]! -= 1;
  return out.map((v) => fin(v / scale) ?? 0);
}

/** One group's part in the total's change. */
export interface Contribution {
  name: string;
  base: number;
  current: number;
  /** Δᵢ = current − base. */
  delta: number;
  /** Δᵢ ÷ base total: the points of the total's growth this group brought (fractions, 0.0639 = 6.39 pp). */
  contribution: number;
  /** Δᵢ ÷ ΣΔ: the share of the total change (null when the total did not change). */
  shareOfChange: number | null;
  /** The group's own growth, Δᵢ ÷ its base (null for a zero base). */
  growth: number | null;
  /**
   * Rounded for print, each set adding up to its rounded total by largest remainder: contribution (0.1 pp) to
   * the printed growth, shareOfChange (0.1%) to 100%, delta (0.01 in the metric's unit) to the total change, so
   * the steps of the growth bridge land exactly on this period's total.
   */
  printed: { contribution: number; shareOfChange: number | null; delta: number };
}

export interface Bridge {
  base: number;
  current: number;
  /** ΣΔᵢ = current − base. */
  delta: number;
  /** ΣΔᵢ ÷ base: equal to the sum of the contributions. */
  growth: number | null;
  items: Contribution[];
  /** growth rounded to 0.1% (as a fraction): the printed contributions add up to it. */
  printedGrowth: number | null;
}

/**
 * The growth bridge: each group's contribution to the total's change against a base (prior year or prior
 * period). The totals are the sums of the groups, so the contributions add up to the total change exactly;
 * groups missing either figure are left out (and so out of both totals). Sorted by delta, largest first.
 */
export function bridge(
  groups: { name: string; current: number | null; base: number | null }[],
): Bridge | null {
  const both = groups.filter(
    (g): g is { name: string; current: number; base: number } => g.current !== null && g.base !== null,
  );
  if (both.length === 0) return null;
  const base = both.reduce((s, g) => s + g.base, 0);
  const current = both.reduce((s, g) => s + g.current, 0);
  const delta = difference(current, base);
  const sorted = [...both].sort(
    (x, y) => y.current - y.base - (x.current - x.base) || x.name.localeCompare(y.name),
  );
  const deltas = sorted.map((g) => difference(g.current, g.base));
  const contributions = deltas.map((d) => (base > 0 ? d / base : null));
  const growth = base > 0 ? fin(delta / base) : null;
  // Printed in 0.1 pp (0.001) steps and 0.1% shares, each set adding up to its printed total.
  const printedContrib =
    growth !== null
      ? roundToSum(
          contributions.map((c) => (c ?? 0) * 100),
          1,
        ).map((v) => fin(v / 100) ?? 0)
      : [];
  const shares = delta !== 0 ? deltas.map((d) => d / delta) : null;
  const printedShares = shares
    ? roundToSum(
        shares.map((s) => s * 100),
        1,
        100,
      ).map((v) => fin(v / 100) ?? 0)
    : null;
  const printedDeltas = roundToSum(deltas, 2, delta);
  const items: Contribution[] = sorted.map((g, i) => ({
    name: g.name,
    base: g.base,
    current: g.current,
    delta: fin(deltas[i]!) ?? 0,
    contribution: fin(contributions[i] ?? null) ?? 0,
    shareOfChange: shares ? fin(shares[i]!) : null,
    growth: g.base > 0 ? fin(difference(g.current, g.base) / g.base) : null,
    printed: {
      contribution: printedContrib[i] ?? 0,
      shareOfChange: printedShares ? printedShares[i]! : null,
      delta: printedDeltas[i] ?? 0,
    },
  }));
  return {
    base: fin(base) ?? 0,
    current: fin(current) ?? 0,
    delta: fin(delta) ?? 0,
    growth,
    items,
    printedGrowth: growth !== null ? fin(Math.round(Number((growth * 1000).toPrecision(12))) / 1000) : null,
  };
}

/** Revenue split into price (average order value) and volume (order count). */
export interface PriceVolume {
  revenue: { current: number; base: number; delta: number; growth: number | null };
  orders: { current: number; base: number; growth: number | null };
  /** Average order value = revenue ÷ orders. */
  aov: { current: number; base: number; growth: number | null };
  /** (Q₁ − Q₀) × P₀: the change had the price stayed where it was. */
  volumeEffect: number;
  /** (P₁ − P₀) × Q₀: the change had the volume stayed where it was. */
  priceEffect: number;
  /** (Q₁ − Q₀) × (P₁ − P₀): what both moving together added. The three add up to the revenue change. */
  interaction: number;
  /** Which effect is larger in size; `none` when revenue did not change. */
  driver: 'price' | 'volume' | 'none';
  /** Both effects point the same way (growth from both, or decline from both). */
  sameDirection: boolean;
}

/**
 * Price–volume decomposition of the revenue change: R = Q × P, so
 * R₁ − R₀ = (Q₁ − Q₀)·P₀ + (P₁ − P₀)·Q₀ + (Q₁ − Q₀)·(P₁ − P₀). Null when either period has no orders.
 */
export function priceVolume(
  current: { revenue: number | null; orders: number | null },
  base: { revenue: number | null; orders: number | null },
): PriceVolume | null {
  const { revenue: r1, orders: q1 } = current;
  const { revenue: r0, orders: q0 } = base;
  if (r1 === null || q1 === null || r0 === null || q0 === null || q1 <= 0 || q0 <= 0) return null;
  const p1 = r1 / q1;
  const p0 = r0 / q0;
  const volumeEffect = (q1 - q0) * p0;
  const priceEffect = (p1 - p0) * q0;
  const interaction = (q1 - q0) * (p1 - p0);
  const delta = r1 - r0;
  const driver: PriceVolume['driver'] =
    delta === 0 && volumeEffect === 0 && priceEffect === 0
      ? 'none'
      : Math.abs(priceEffect) >= Math.abs(volumeEffect)
        ? 'price'
        : 'volume';
  return {
    revenue: { current: r1, base: r0, delta: fin(delta) ?? 0, growth: r0 > 0 ? fin(delta / r0) : null },
    orders: { current: q1, base: q0, growth: fin((q1 - q0) / q0) },
    aov: { current: fin(p1) ?? 0, base: fin(p0) ?? 0, growth: p0 > 0 ? fin((p1 - p0) / p0) : null },
    volumeEffect: fin(volumeEffect) ?? 0,
    priceEffect: fin(priceEffect) ?? 0,
    interaction: fin(interaction) ?? 0,
    driver,
    sameDirection: Math.sign(volumeEffect) === Math.sign(priceEffect),
  };
}

export interface Ranked {
  name: string;
  score: number | null;
  rank: number | null;
  previousScore: number | null;
  previousRank: number | null;
  /** previousRank − rank: +2 = up two places; null when either rank is missing. */
  change: number | null;
}

/** Competition ranks (1, 2, 2, 4): ties share a rank; missing scores get none. */
export function rankOf(scores: (number | null)[], higherIsBetter = true): (number | null)[] {
  return scores.map((s) => {
    if (s === null) return null;
    return 1 + scores.filter((o) => o !== null && (higherIsBetter ? o > s : o < s)).length;
  });
}

/**
 * A ranking by score with the rank each group held in the previous period (ranked among the groups that had a
 * previous score). Sorted by rank, then name; unranked groups last.
 */
export function ranking(
  groups: { name: string; score: number | null; previousScore: number | null }[],
  higherIsBetter = true,
): Ranked[] {
  const now = rankOf(
    groups.map((g) => g.score),
    higherIsBetter,
  );
  const before = rankOf(
    groups.map((g) => g.previousScore),
    higherIsBetter,
  );
  return groups
    .map((g, i) => {
      const rank = now[i] ?? null;
      const previousRank = before[i] ?? null;
      return {
        name: g.name,
        score: g.score,
        rank,
        previousScore: g.previousScore,
        previousRank,
        change: rank !== null && previousRank !== null ? previousRank - rank : null,
      };
    })
    .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || x.name.localeCompare(y.name));
}

export interface Mover {
  name: string;
  current: number;
  base: number;
  delta: number;
  growth: number | null;
}

/** The groups whose figure rose and fell most against the base (by amount), at most `n` each way. */
export function movers(
  groups: { name: string; current: number | null; base: number | null }[],
  n = 1,
): { up: Mover[]; down: Mover[] } {
  const all: Mover[] = groups
    .filter(
      (g): g is { name: string; current: number; base: number } => g.current !== null && g.base !== null,
    )
    .map((g) => ({
      name: g.name,
      current: g.current,
      base: g.base,
      delta: fin(difference(g.current, g.base)) ?? 0,
      growth: g.base > 0 ? fin(difference(g.current, g.base) / g.base) : null,
    }));
  const up = all
    .filter((m) => m.delta > 0)
    .sort((a, b) => b.delta - a.delta)
    .slice(0, n);
  const down = all
    .filter((m) => m.delta < 0)
    .sort((a, b) => a.delta - b.delta)
    .slice(0, n);
  return { up, down };
}

/** One month of the trend. */
export interface TrendPoint {
  month: string;
  actual: number | null;
  target: number | null;
  priorYear: number | null;
  achievement: number | null;
  yoy: number | null;
  /** Running totals from the first month. */
  cumulativeActual: number | null;
  cumulativeTarget: number | null;
  cumulativeAchievement: number | null;
}

export interface Trend {
  points: TrendPoint[];
  /** The month with the highest and lowest achievement (by actual when no month has a target). */
  best: TrendPoint | null;
  worst: TrendPoint | null;
  /** Months below target counted back from the last month with an achievement. */
  monthsBelowTarget: number;
}

export function trend(
  months: { month: string; actual: number | null; target: number | null; priorYear: number | null }[],
): Trend {
  let ca = 0;
  let ct = 0;
  let anyTarget = false;
  const points: TrendPoint[] = months.map((m) => {
    if (m.actual !== null) ca += m.actual;
    if (m.target !== null && m.actual !== null) {
      ct += m.target;
      anyTarget = true;
    }
    return {
      month: m.month,
      actual: m.actual,
      target: m.target,
      priorYear: m.priorYear,
      achievement: m.actual !== null && m.target !== null && m.target > 0 ? fin(m.actual / m.target) : null,
      yoy:
        m.actual !== null && m.priorYear !== null && m.priorYear > 0
          ? fin(difference(m.actual, m.priorYear) / m.priorYear)
          : null,
      cumulativeActual: m.actual !== null ? fin(ca) : null,
      cumulativeTarget: anyTarget && m.actual !== null ? fin(ct) : null,
      cumulativeAchievement: anyTarget && m.actual !== null && ct > 0 ? fin(ca / ct) : null,
    };
  });
  const scored = points.filter((p) => (anyTarget ? p.achievement !== null : p.actual !== null));
  const key = (p: TrendPoint) => (anyTarget ? p.achievement! : p.actual!);
  let best: TrendPoint | null = null;
  let worst: TrendPoint | null = null;
  for (const p of scored) {
    if (!best || key(p) > key(best)) best = p;
    if (!worst || key(p) < key(worst)) worst = p;
  }
  let monthsBelowTarget = 0;
  const withAch = points.filter((p) => p.achievement !== null);
  for (let i = withAch.length - 1; i >= 0 && withAch[i]!.achievement! < 1; i--) monthsBelowTarget++;
  return { points, best, worst, monthsBelowTarget };
}

/** Groups counted by status against the thresholds (achievement ≥ onTrack, ≥ atRisk, below). */
export function statusCounts(
  achievements: (number | null)[],
  thresholds: { onTrack: number; atRisk: number },
): { onTrack: number; atRisk: number; offTrack: number } {
  const c = { onTrack: 0, atRisk: 0, offTrack: 0 };
  for (const a of achievements) {
    if (a === null) continue;
    if (a >= thresholds.onTrack) c.onTrack++;
    else if (a >= thresholds.atRisk) c.atRisk++;
    else c.offTrack++;
  }
  return c;
}
