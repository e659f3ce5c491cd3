/**
 * Distinct counts (active customers, new customers, active reps, repeat customers): a customer who buys in
 * two regions counts once in the total, so these are counted from the store's per-row facts, not summed.
 */
import {
  type Bucket,
  FACT_CHUNK,
  FACT_SHIFT,
  type Facts,
  factId,
  factOccasion,
  factOrder,
  type KpiStore,
  NO_ORDER,
} from '../ingest.js';
import { metricByKey } from '../metrics.js';

import type { Acc, Range } from './acc.js';

/** Metrics counted as distinct values: a customer who buys in two regions counts once in the total. */
export const DISTINCT = new Set(['active_customers', 'new_customers', 'active_reps', 'repeat_customers']);

export const CUSTOMER_COUNTS = new Set(['active_customers', 'new_customers', 'repeat_rate']);

/** The distinct counts of one accumulator in one range. */
interface Distinct {
  /** Distinct order numbers, plus rows counted as an order of their own (no order number: each is distinct). */
  orders: number;
  customers: number;
  /** Customers with two or more purchase occasions (orders, else days). */
  repeat: number;
  /** Customers whose first purchase in the data is on or after the range's first day. */
  fresh: number;
  reps: number;
}

const REPEAT = -1e15;

interface Slots {
  orders: number;
  customers: number;
  newCustomers: number;
  repeat: number;
  reps: number;
}

/**
 * What cannot be added up bucket by bucket: distinct orders, active, new and repeat customers, reps with sales.
 * Counted from the detail rows' facts into slots of each accumulator, so the usual row building reads them
 * (客单价 = revenue ÷ orders, 人均产出 = revenue ÷ reps, 复购率 = repeat ÷ active customers).
 */
export function distinctCounts(
  store: KpiStore,
  ranges: (Range | null)[],
  accsOf: (b: Bucket, ri: number) => Acc[],
): void {
  const f = store.facts;
  if (f.length === 0 || !store.metrics.has('revenue')) return;
  // A metric the data gives as a column (订单数, 新客户数) is read, not counted.
  const given = (key: string) => store.metrics.has(key) && !store.derived.has(key);
  const hasOrders = !given('orders') && f.orders;
  const per = countPerAcc(store, ranges, accsOf);
  putCounts(store, ranges, per, distinctSlots(store, hasOrders, given));
}

/**
 * Every row's order, customer and rep, counted once per accumulator and range its bucket feeds. The rows are
 * walked accumulator by accumulator (grouped by bucket first), so a value already seen is known by a mark in an
 * array indexed by its interned id — no set or map per accumulator (a breakdown by rep under product under
 * region has thousands of accumulators, each with hundreds of customers).
 */
function countPerAcc(
  store: KpiStore,
  ranges: (Range | null)[],
  accsOf: (b: Bucket, ri: number) => Acc[],
): Map<Acc, Distinct[]> {
  const buckets = store.bucketList;
  // The buckets each accumulator takes in each range.
  const per = new Map<Acc, Distinct[]>();
  const walks: { d: Distinct; ri: number; buckets: number[] }[] = [];
  const walkOf = new Map<Distinct, number[]>();
  for (const b of buckets) {
    for (let ri = 0; ri < 3; ri++) {
      for (const acc of accsOf(b, ri)) {
        let list = per.get(acc);
        if (!list) {
          list = [0, 1, 2].map(() => ({ orders: 0, customers: 0, repeat: 0, fresh: 0, reps: 0 }));
          per.set(acc, list);
        }
        const d = list[ri]!;
        let ids = walkOf.get(d);
        if (!ids) {
          ids = [];
          walkOf.set(d, ids);
          walks.push({ d, ri, buckets: ids });
        }
        ids.push(b.id);
      }
    }
  }
  const n = store.internedCount;
  const marks: Marks = {
    order: new Int32Array(n),
    customer: new Int32Array(n),
    rep: new Int32Array(n),
    occasion: new Float64Array(n),
    firstDay: new Float64Array(n),
  };
  for (const [c, day] of store.firstSeen) marks.firstDay[c] = day;
  // Walk k marks what it has seen with k + 1.
  for (let k = 0; k < walks.length; k++) {
    const { d, ri, buckets: ids } = walks[k]!;
    countWalk(store.facts, ids, d, k + 1, ranges[ri]?.start ?? Number.POSITIVE_INFINITY, marks);
  }
  return per;
}

/** Per interned id: the walk that last saw it as an order, customer or rep, and its customer's occasion and first day. */
interface Marks {
  order: Int32Array;
  customer: Int32Array;
  rep: Int32Array;
  /** A customer's first purchase occasion in the current walk, or REPEAT once a second one is seen. */
  occasion: Float64Array;
  firstDay: Float64Array;
}

/**
 * One walk: the rows of an accumulator's buckets in one range counted into `d`, what was seen marked with `mark`.
 * A function of its own, so that V8 compiles the row loop while it runs the first (longest) walk without the loop
 * over walks, whose step had not run yet (which sent the optimised code back when the first walk ended).
 */
function countWalk(f: Facts, ids: number[], d: Distinct, mark: number, from: number, marks: Marks): void {
  const chunks = f.chunks;
  const width = f.width;
  const { order: seenOrder, customer: seenCustomer, rep: seenRep, occasion: occasionOf, firstDay } = marks;
  for (const id of ids) {
    // The bucket's rows, block by block, in the order they were read.
    for (let b = id < f.head.length ? f.head[id]! : -1; b >= 0; b = f.next[b]!) {
      const at = f.start[b]!;
      const row = chunks[at >>> FACT_SHIFT]!;
      const end = (at & (FACT_CHUNK - 1)) + f.rowsIn(id, b) * width;
      for (let o = at & (FACT_CHUNK - 1); o < end; o += width) {
        const stored = row[o]!;
        const order = factOrder(stored);
        const c = factId(row, o, width, 1);
        const rep = factId(row, o, width, 2);
        if (order >= 0) {
          if (seenOrder[order] !== mark) {
            seenOrder[order] = mark;
            d.orders++;
          }
        } else if (order !== NO_ORDER) d.orders++;
        if (c >= 0) {
          // A purchase occasion: the order, else the day (or month) of the row.
          const occasion = factOccasion(stored);
          if (seenCustomer[c] !== mark) {
            seenCustomer[c] = mark;
            occasionOf[c] = occasion;
            d.customers++;
            // Added on every new customer, not in a branch: a branch first taken late (the first walk's customers
            // are seldom new) would send the compiled loop back to be compiled again.
            d.fresh += firstDay[c]! >= from ? 1 : 0;
          } else if (occasionOf[c] !== occasion && occasionOf[c] !== REPEAT) {
            occasionOf[c] = REPEAT;
            d.repeat++;
          }
        }
        if (rep >= 0 && seenRep[rep] !== mark) {
          seenRep[rep] = mark;
          d.reps++;
        }
      }
    }
  }
}

/** The slots the counts go to (and the ratios that read them), for what the data has and does not give. */
function distinctSlots(store: KpiStore, hasOrders: boolean, given: (key: string) => boolean): Slots {
  const have = store.factsHave;
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
  return slots;
}

/** The counts per accumulator and range; new customers only when the data reaches back before the range. */
function putCounts(store: KpiStore, ranges: (Range | null)[], per: Map<Acc, Distinct[]>, slots: Slots): void {
  // When each customer first bought and how far back the data reaches come from the store.
  const earliest = store.earliest;
  const put = (acc: Acc, ri: number, s: number, v: number) => {
    if (s < 0) return;
    acc.sums[ri]![s] = v;
    acc.counts[ri]![s] = 1;
  };
  for (const [acc, list] of per) {
    for (let ri = 0; ri < 3; ri++) {
      const d = list[ri]!;
      if (d.orders === 0 && d.customers === 0 && d.reps === 0) continue;
      put(acc, ri, slots.orders, d.orders);
      if (d.customers > 0) {
        put(acc, ri, slots.customers, d.customers);
        put(acc, ri, slots.repeat, d.repeat);
      }
      if (d.reps > 0) put(acc, ri, slots.reps, d.reps);
      const r = ranges[ri];
      // New = first purchase in the data falls in the period; only when the data reaches back before it.
      if (r && earliest < r.start && d.customers > 0) put(acc, ri, slots.newCustomers, d.fresh);
    }
  }
}
