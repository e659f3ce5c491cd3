/**
 * Distinct counts (active customers, new customers, active reps, repeat customers): a customer who buys in
 * two regions counts once in the total, so these are counted from the store's per-row facts, not summed.
 */
import { type Bucket, type KpiStore, NO_DAY } from '../ingest.js';
import { metricByKey } from '../metrics.js';

import type { Acc, Range } from './acc.js';

/** Metrics counted as distinct values: a customer who buys in two regions counts once in the total. */
export const DISTINCT = new Set(['active_customers', 'new_customers', 'active_reps', 'repeat_customers']);

export const CUSTOMER_COUNTS = new Set(['active_customers', 'new_customers', 'repeat_rate']);

interface Distinct {
  orders: Set<number>;
  /** Rows without an order number, each an order of its own (ids below −1, unique per row): counted, not kept. */
  lines: number;
  /** Customer → the first purchase occasion seen (order, else day), or REPEAT once a second one is seen. */
  customers: Map<number, number>;
  reps: Set<number>;
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
  if (f.bucket.length === 0 || !store.metrics.has('revenue')) return;
  // A metric the data gives as a column (订单数, 新客户数) is read, not counted.
  const given = (key: string) => store.metrics.has(key) && !store.derived.has(key);
  const hasOrders = !given('orders') && f.order.some((o) => o !== -1);
  const per = countPerAcc(store, accsOf);
  putCounts(store, ranges, per, distinctSlots(store, hasOrders, given));
}

/** Every row's order, customer and rep, into the distinct sets of each accumulator its bucket feeds. */
function countPerAcc(store: KpiStore, accsOf: (b: Bucket, ri: number) => Acc[]): Map<Acc, Distinct[]> {
  const f = store.facts;
  const per = new Map<Acc, Distinct[]>();
  const distinctOf = (acc: Acc, ri: number): Distinct => {
    let list = per.get(acc);
    if (!list) {
      list = [0, 1, 2].map(() => ({
        orders: new Set<number>(),
        lines: 0,
        customers: new Map(),
        reps: new Set<number>(),
      }));
      per.set(acc, list);
    }
    return list[ri]!;
  };
  // The distinct sets a bucket feeds depend only on the accumulators it adds to in each range: the buckets of
  // one group and the same ranges (a breakdown by customer has one bucket per customer and day) share them.
  const shared = new Map<Acc[], Distinct[][]>();
  const NONE: Distinct[] = [];
  const targetsOf = (b: Bucket): Distinct[] => {
    const lists = [accsOf(b, 0), accsOf(b, 1), accsOf(b, 2)];
    const key = lists.find((l) => l.length > 0);
    if (key === undefined) return NONE;
    const mask =
      (lists[0]!.length > 0 ? 1 : 0) | (lists[1]!.length > 0 ? 2 : 0) | (lists[2]!.length > 0 ? 4 : 0);
    let byMask = shared.get(key);
    if (byMask === undefined) {
      byMask = [];
      shared.set(key, byMask);
    }
    let targets = byMask[mask];
    if (targets === undefined) {
      targets = [0, 1, 2].flatMap((ri) => lists[ri]!.map((acc) => distinctOf(acc, ri)));
      byMask[mask] = targets;
    }
    return targets;
  };
  // Per bucket, not per row: the distinct sets it feeds.
  const targetsBy: Distinct[][] = [];
  for (const b of store.bucketList) targetsBy[b.id] = targetsOf(b);
  // Every row of the store: its bucket, order, customer and rep.
  for (let i = 0; i < f.bucket.length; i++) {
    const id = f.bucket.at(i);
    // The row's own first day: its bucket may hold several days of a month (see KpiStore.dayClass).
    const start = f.day.at(i);
    if (start === NO_DAY) continue;
    const targets = targetsBy[id]!;
    if (targets.length === 0) continue;
    const c = f.customer.at(i);
    const order = f.order.at(i);
    const rep = f.rep.at(i);
    // A purchase occasion: the order, else the day (or month) of the row.
    const occasion = order >= 0 ? order : -1 - start;
    for (const d of targets) {
      if (order >= 0) d.orders.add(order);
      else if (order !== -1) d.lines++;
      if (c >= 0) {
        const o = d.customers.get(c);
        if (o === undefined) d.customers.set(c, occasion);
        else if (o !== occasion && o !== REPEAT) d.customers.set(c, REPEAT);
      }
      if (rep >= 0) d.reps.add(rep);
    }
  }
  return per;
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
      const orders = d.orders.size + d.lines;
      if (orders === 0 && d.customers.size === 0 && d.reps.size === 0) continue;
      put(acc, ri, slots.orders, orders);
      if (d.customers.size > 0) {
        put(acc, ri, slots.customers, d.customers.size);
        let repeat = 0;
        for (const o of d.customers.values()) if (o === REPEAT) repeat++;
        put(acc, ri, slots.repeat, repeat);
      }
      if (d.reps.size > 0) put(acc, ri, slots.reps, d.reps.size);
      const r = ranges[ri];
      // New = first purchase in the data falls in the period; only when the data reaches back before it.
      if (r && earliest < r.start && d.customers.size > 0) {
        let n = 0;
        for (const c of d.customers.keys()) if ((store.firstSeen.get(c) ?? 0) >= r.start) n++;
        put(acc, ri, slots.newCustomers, n);
      }
    }
  }
}
