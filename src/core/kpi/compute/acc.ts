/**
 * The three ranges a KPI is computed over (the period, the same period a year earlier, the period before)
 * and the accumulators of value slots per range that detail buckets add up into.
 */
import type { Bucket, KpiStore } from '../ingest.js';
import { spanOf } from '../period.js';
import type { Group, GroupKey } from '../result.js';
import type { When } from '../values.js';

/**
 * A day range. Cut mid-period (see `comparedRanges`), it also says where rows dated by month stop counting
 * (`monthEnd`) and which range a sheet's stated period must answer (`whole`).
 */
export type Range = { start: number; end: number; monthEnd?: number; whole?: { start: number; end: number } };

export function inRange(when: When | null, r: Range | null, current: boolean): boolean {
  if (r === null) return false;
  if (when === null) return current;
  if (when.kind === 'day') return when.day >= r.start && when.day <= r.end;
  const m = spanOf(when.month);
  return m !== undefined && m.start >= r.start && m.end <= (r.monthEnd ?? r.end);
}

/**
 * The stated periods (of sheets without dates) that answer a range: those inside it, when together they
 * cover it exactly (two quarterly reports for a half-year); none otherwise.
 */
export function statedAnswering(store: KpiStore, range: Range | null): Set<string> {
  const out = new Set<string>();
  if (range === null) return out;
  // A summary for the whole period answers it mid-period too: it is what the system held on the as-of day.
  const r = range.whole ?? range;
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

export const R_CUR = 0;
export const R_PY = 1;
export const R_PP = 2;

/**
 * A group's sums and counts of values per range (current, prior year, prior period) and slot (a count of 0 is no
 * value), in one typed array with room for every slot — range `ri`'s sums from `2 × ri × room`, its counts `room`
 * further: a breakdown by rep reads them a hundred thousand times, and arrays with holes, read past their end,
 * took a slow path at each read. Read them with `accSum` and `accCount`.
 */
export interface Acc {
  group: Group;
  values: Float64Array;
  /** Slots per range. */
  room: number;
}

/** Slots added after the accumulators are made (the distinct counts, a headcount) fit in this much more room. */
const SLOT_ROOM = 16;

/** An accumulator with room for `slots` slots (the store's) and a few more. */
export function newAcc(group: Group, slots: number): Acc {
  const room = slots + SLOT_ROOM;
  return { group, values: new Float64Array(6 * room), room };
}

/** The sum of a slot in range `ri` (0 without values). */
export function accSum(acc: Acc, ri: number, slot: number): number {
  return slot < acc.room ? acc.values[2 * ri * acc.room + slot]! : 0;
}

/** How many values a slot holds in range `ri`. */
export function accCount(acc: Acc, ri: number, slot: number): number {
  return slot < acc.room ? acc.values[(2 * ri + 1) * acc.room + slot]! : 0;
}

/** Makes room for `slots` slots per range in an accumulator. */
function roomFor(acc: Acc, slots: number): void {
  const old = acc.room;
  const room = slots + SLOT_ROOM;
  const values = new Float64Array(6 * room);
  for (let k = 0; k < 6; k++) values.set(acc.values.subarray(k * old, (k + 1) * old), k * room);
  acc.values = values;
  acc.room = room;
}

/** Sets a slot's sum and count in range `ri` (a count of 0: no value). */
export function putSlot(acc: Acc, ri: number, slot: number, sum: number, count: number): void {
  if (slot >= acc.room) roomFor(acc, slot + 1);
  acc.values[2 * ri * acc.room + slot] = sum;
  acc.values[(2 * ri + 1) * acc.room + slot] = count;
}

export function groupKey(g: Group, by: GroupKey[]): string {
  return by.map((k) => g[k] ?? '').join('\u0001');
}

/** Adds a bucket's sums and counts to an accumulator's in range `ri`. */
export function addTo(acc: Acc, ri: number, b: Bucket): void {
  addToAll([acc], ri, b);
}

/**
 * Adds a bucket's sums and counts to each of `accs` in range `ri` (the total and the bucket's group at every
 * level): each slot read once for all of them.
 */
export function addToAll(accs: readonly Acc[], ri: number, b: Bucket): void {
  const values = b.values;
  const at = b.at;
  for (let a = 0; a < accs.length; a++) if (accs[a]!.room < b.slots) roomFor(accs[a]!, b.slots);
  for (let i = 0; i < b.slots; i++) {
    const n = values[at + 2 * i + 1]!;
    if (n === 0) continue;
    const v = values[at + 2 * i]!;
    for (let a = 0; a < accs.length; a++) {
      const acc = accs[a]!;
      const o = 2 * ri * acc.room + i;
      acc.values[o]! += v;
      acc.values[o + acc.room]! += n;
    }
  }
}
