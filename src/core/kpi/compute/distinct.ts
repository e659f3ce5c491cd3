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
  NOT_SEEN,
} from '../ingest.js';
import { metricByKey } from '../metrics.js';

import { type Acc, putSlot, type Range } from './acc.js';

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

/** A customer's occasion once a second one is seen (occasions are order ids ≥ 0, or −1 − a day). */
const REPEAT = -2_147_483_648;

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
  // The rows pushed last may still be staged (Facts.staged).
  f.flush();
  // A metric the data gives as a column (订单数, 新客户数) is read, not counted.
  const given = (key: string) => store.metrics.has(key) && !store.derived.has(key);
  const hasOrders = !given('orders') && f.orders;
  const per = countPerAcc(store, ranges, accsOf);
  putCounts(store, ranges, per, distinctSlots(store, hasOrders, given));
}

/**
 * Every row's order, customer and rep, counted once per accumulator and range its bucket feeds — in one walk
 * over the rows of each range, whatever the depth of the breakdown. A bucket's accumulators are a chain (the
 * total, its region, its region × product, …), and the buckets are walked in the order of their chains, so that
 * each accumulator's buckets come one after another: its rows are the positions from where its first bucket
 * starts. A value last seen before that position is new to the accumulator; seen since, it was counted there
 * and in every accumulator above, and the climb stops. One array of last positions per kind of value (by its
 * interned id) serves every level; only a customer's purchase occasion is kept per level.
 */
function countPerAcc(
  store: KpiStore,
  ranges: (Range | null)[],
  accsOf: (b: Bucket, ri: number) => Acc[],
): Map<Acc, Distinct[]> {
  const per = new Map<Acc, Distinct[]>();
  const n = store.internedCount;
  let depth = 0;
  const chains: { b: Bucket; chain: Acc[] }[][] = [];
  for (let ri = 0; ri < 3; ri++) {
    const list: { b: Bucket; chain: Acc[] }[] = [];
    for (const b of store.bucketList) {
      const chain = accsOf(b, ri);
      if (chain.length === 0) continue;
      list.push({ b, chain });
      if (chain.length > depth) depth = chain.length;
    }
    chains.push(list);
  }
  const marks: Marks = {
    order: new Int32Array(n),
    rep: new Int32Array(n),
    customer: new Int32Array(n * (depth + 2)),
    width: depth + 2,
  };
  const first = store.firstSeen;
  for (let c = 0; c < Math.min(first.length, n); c++)
    if (first[c] !== NOT_SEEN) marks.customer[c * marks.width + 1] = first[c]!;
  const starts = new Int32Array(depth);
  const ds: Distinct[] = [];
  // Positions start at 1 (the marks start at 0, seen nowhere) and go on from range to range.
  let position = 0;
  for (let ri = 0; ri < 3; ri++) {
    const list = chains[ri]!;
    if (list.length === 0) continue;
    const from = ranges[ri]?.start ?? Number.POSITIVE_INFINITY;
    const current: (Acc | undefined)[] = [];
    for (const { b, chain } of inChainOrder(list)) {
      position++;
      for (let l = 0; l < chain.length; l++) {
        const acc = chain[l]!;
        if (current[l] === acc) continue;
        current[l] = acc;
        starts[l] = position;
        let counts = per.get(acc);
        if (!counts) {
          counts = [0, 1, 2].map(() => ({ orders: 0, customers: 0, repeat: 0, fresh: 0, reps: 0 }));
          per.set(acc, counts);
        }
        ds[l] = counts[ri]!;
      }
      countBucket(store.facts, b.id, position, chain.length - 1, starts, ds, from, marks);
    }
  }
  return per;
}

/**
 * The buckets ordered by their chains of accumulators (numbered as first met), so that every accumulator's
 * buckets are one run; a chain that stops at a level (a row without a product) comes before the longer ones.
 */
function inChainOrder(list: { b: Bucket; chain: Acc[] }[]): { b: Bucket; chain: Acc[] }[] {
  const number = new Map<Acc, number>();
  const keyed = list.map((x, i) => {
    const key = x.chain.map((acc) => {
      let k = number.get(acc);
      if (k === undefined) {
        k = number.size;
        number.set(acc, k);
      }
      return k;
    });
    return { x, key, i };
  });
  keyed.sort((p, q) => {
    const n = Math.max(p.key.length, q.key.length);
    for (let l = 0; l < n; l++) {
      const a = p.key[l] ?? -1;
      const b = q.key[l] ?? -1;
      if (a !== b) return a - b;
    }
    return p.i - q.i;
  });
  return keyed.map((k) => k.x);
}

/** Per interned id: the position where it was last seen as an order or rep, and what is known of it as a customer. */
interface Marks {
  order: Int32Array;
  rep: Int32Array;
  /**
   * `width` integers per id, side by side (one place in memory for each row's customer): the position where it
   * was last seen, its first day (new customers), then per level its first purchase occasion in the level's
   * accumulator, or REPEAT once a second is seen.
   */
  customer: Int32Array;
  width: number;
}

/**
 * One bucket's rows, at `position`, counted into the accumulators of its chain (`ds`, levels 0 to `last`, each
 * starting at `starts[level]`). A function of its own, so that V8 compiles the row loop while it runs.
 */
function countBucket(
  f: Facts,
  id: number,
  position: number,
  last: number,
  starts: Int32Array,
  ds: Distinct[],
  from: number,
  marks: Marks,
): void {
  const chunks = f.chunks;
  const width = f.width;
  const { order: seenOrder, rep: seenRep, customer: customers, width: cw } = marks;
  // Rows that are an order of their own (no order number), added to every level once the bucket is read.
  let own = 0;
  // The bucket's rows, block by block, in the order they were read.
  for (let b = id < f.head.length ? f.head[id]! : -1; b >= 0; b = f.next[b]!) {
    const at = f.start[b]!;
    const row = chunks[at >>> FACT_SHIFT]!;
    const end = (at & (FACT_CHUNK - 1)) + f.rowsIn(id, b) * width;
    for (let o = at & (FACT_CHUNK - 1); o < end; o += width) {
      const stored = row[o]!;
      const order = factOrder(stored);
      if (order >= 0) {
        const prev = seenOrder[order]!;
        if (prev !== position) {
          seenOrder[order] = position;
          for (let l = last; l >= 0 && prev < starts[l]!; l--) ds[l]!.orders++;
        }
      } else if (order !== NO_ORDER) own++;
      const c = factId(row, o, width, 1);
      if (c >= 0) {
        // A purchase occasion: the order, else the day (or month) of the row.
        const occasion = factOccasion(stored);
        const ci = c * cw;
        const prev = customers[ci]!;
        customers[ci] = position;
        const fresh = customers[ci + 1]! >= from ? 1 : 0;
        for (let l = last; l >= 0; l--) {
          const d = ds[l]!;
          if (prev < starts[l]!) {
            customers[ci + 2 + l] = occasion;
            d.customers++;
            // Added, not branched on: a branch first taken late (the first customers are seldom new) would send
            // the compiled loop back to be compiled again.
            d.fresh += fresh;
          } else {
            // Seen here before with this occasion, or a repeat here already: every accumulator above holds these
            // rows too, so it has seen this occasion and is a repeat if its first was another. The climb stops.
            const was = customers[ci + 2 + l]!;
            if (was === occasion || was === REPEAT) break;
            customers[ci + 2 + l] = REPEAT;
            d.repeat++;
          }
        }
      }
      const rep = factId(row, o, width, 2);
      if (rep >= 0) {
        const prev = seenRep[rep]!;
        if (prev !== position) {
          seenRep[rep] = position;
          for (let l = last; l >= 0 && prev < starts[l]!; l--) ds[l]!.reps++;
        }
      }
    }
  }
  for (let l = last; l >= 0; l--) ds[l]!.orders += own;
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
    if (s >= 0) putSlot(acc, ri, s, v, 1);
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
