/**
 * The KPI formulas of DESIGN.md, one function each, never returning NaN or Infinity.
 */
import type { ChangeNote, ChangeUnit, Direction, MetricKind, Status } from './result.js';

/** A finite number or null. */
export function fin(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  // A whole number of up to 15 digits is its own 15-digit rounding (no string made for it).
  if (Number.isInteger(x) && x < 1e15 && x > -1e15) return x === 0 ? 0 : x;
  // 15 significant digits, what a double holds for a decimal: 0.85 − 0.88 is −0.03, not −0.030000000000000027,
  // and a total of 16,914,751,545.19 stays …545.19 (12 digits would make it …545.20).
  const ax = Math.abs(x);
  if (ax >= 1e-8 && ax < 1e15) {
    const places = 14 - Math.floor(Math.log10(ax));
    // The first significant digit where log10 says (it can be one off next to a power of ten: then the string).
    const y = places <= 22 ? ax * POW10[places]! : 0;
    if (y >= 1e14 && y < 1e15) {
      const r = roundedScaled(y, places);
      if (r !== undefined) return x < 0 ? -r : r;
    }
  }
  const r = Number(x.toPrecision(15));
  return r === 0 ? 0 : r;
}

/** 10⁰ … 10²², each exactly a double. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * y = |x| × 10^places (places ≤ 22, y < 2⁵⁰) rounded to a whole number and divided back: what
 * `Number(x.toFixed(places))` gives for |x|, without making the string. The product is off the exact one by at
 * most 1/16; when its fraction is near one half the rounding could go either way: undefined, make the string.
 * A whole number below 2⁵³ divided by an exact power of ten is the double nearest the decimal, as parsing is.
 */
function roundedScaled(y: number, places: number): number | undefined {
  const n = Math.floor(y);
  const f = y - n;
  if (f > 0.25 && f < 0.75) return undefined;
  return (f >= 0.5 ? n + 1 : n) / POW10[places]!;
}

/**
 * a − b to the digits its operands hold: rounded at the place of the larger operand's 15th significant digit.
 * The doubles' difference of 0.132 and 0.125 is 0.007000000000000006 and of 9,200.1 and 10,000 is
 * −799.8999999999996; 15 significant digits of the result would keep that noise, this gives 0.007 and −799.9.
 */
export function difference(a: number, b: number): number {
  const d = a - b;
  const larger = Math.max(Math.abs(a), Math.abs(b));
  if (!Number.isFinite(d) || larger === 0) return d;
  const places = 14 - Math.floor(Math.log10(larger));
  if (places < 0) return d;
  if (places <= 22) {
    const y = Math.abs(d) * POW10[places]!;
    if (y < 2 ** 50) {
      const r = roundedScaled(y, places);
      if (r !== undefined) return r === 0 ? 0 : d < 0 ? -r : r;
    }
  }
  const r = Number(d.toFixed(Math.min(places, 100)));
  return r === 0 ? 0 : r;
}

/**
 * 达成率: actual / target (higher is better), 2 − actual / target (lower is better). No percentage when the
 * target is 0 or negative or either value is missing.
 */
export function achievementOf(
  actual: number | null,
  target: number | null,
  direction: Direction,
): number | null {
  if (actual === null || target === null || target <= 0) return null;
  const r = actual / target;
  return fin(direction === 'lower' ? 2 - r : r);
}

/** 差额 = actual − target. */
export function varianceOf(actual: number | null, target: number | null): number | null {
  return actual === null || target === null ? null : fin(difference(actual, target));
}

export interface Change {
  value: number | null;
  unit: ChangeUnit;
  note: ChangeNote;
}

/**
 * 同比 / 环比: relative change for amounts and counts, percentage points for ratios. A zero or negative base
 * gives a label instead of a percentage: turned positive (≤ 0 → > 0), loss narrowed, loss widened, n/m.
 */
export function changeOf(current: number | null, base: number | null, kind: MetricKind): Change {
  const unit: ChangeUnit = kind === 'ratio' ? 'pp' : 'ratio';
  if (current === null || base === null) return { value: null, unit, note: null };
  if (kind === 'ratio') return { value: fin(difference(current, base)), unit, note: null };
  if (base > 0) return { value: fin(difference(current, base) / base), unit, note: null };
  if (current > 0) return { value: null, unit, note: 'turned-positive' };
  if (base < 0 && current > base) return { value: null, unit, note: 'loss-narrowed' };
  if (base < 0 && current < base) return { value: null, unit, note: 'loss-widened' };
  return { value: null, unit, note: 'n/m' };
}

export interface Thresholds {
  onTrack: number;
  atRisk: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { onTrack: 1, atRisk: 0.9 };

/**
 * Traffic light. With a target ≤ 0 there is no percentage: met / not met. Mid-period (time progress strictly
 * between 0 and 1, for cumulative metrics) achievement is judged against time progress.
 */
export function statusOf(
  actual: number | null,
  target: number | null,
  achievement: number | null,
  direction: Direction,
  timeProgress: number | null,
  thresholds: Thresholds,
): Status {
  if (target === null || actual === null) return null;
  if (target <= 0) return (direction === 'lower' ? actual <= target : actual >= target) ? 'met' : 'not-met';
  if (achievement === null) return null;
  const paced =
    timeProgress !== null && timeProgress > 0 && timeProgress < 1 ? achievement / timeProgress : achievement;
  if (paced >= thresholds.onTrack) return 'on-track';
  if (paced >= thresholds.atRisk) return 'at-risk';
  return 'off-track';
}

/** Run-rate forecast = actual × total days / elapsed days; the actual itself once the period is over. */
export function forecastOf(actual: number | null, elapsed: number, total: number): number | null {
  if (actual === null || elapsed <= 0 || total <= 0) return null;
  if (elapsed >= total) return actual;
  return fin((actual * total) / elapsed);
}

/** Required pace = (target − actual) / remaining days; 0 once the target is reached; null when no day is left. */
export function requiredPaceOf(
  actual: number | null,
  target: number | null,
  elapsed: number,
  total: number,
): number | null {
  if (actual === null || target === null) return null;
  const remaining = total - elapsed;
  if (actual >= target) return 0;
  if (remaining <= 0) return null;
  return fin(difference(target, actual) / remaining);
}

/** Share of the total; only for positive totals. */
export function shareOf(actual: number | null, total: number | null): number | null {
  if (actual === null || total === null || total <= 0) return null;
  return fin(actual / total);
}

/** Competition ranking (1, 2, 2, 4) by score, best first; null scores get no rank. */
export function ranks(scores: (number | null)[], higherIsBetter: boolean): (number | null)[] {
  const idx = scores.map((s, i) => ({ s, i })).filter((x): x is { s: number; i: number } => x.s !== null);
  idx.sort((a, b) => (higherIsBetter ? b.s - a.s : a.s - b.s));
  const out: (number | null)[] = scores.map(() => null);
  idx.forEach((x, k) => {
    const prev = idx[k - 1];
    out[x.i] = prev !== undefined && prev.s === x.s ? out[prev.i]! : k + 1;
  });
  return out;
}
