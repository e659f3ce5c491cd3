/**
 * The store's arrays behind the sums: the facts behind distinct counts, kept by bucket in blocks (every row comes
 * back in the order it was added, its order and purchase occasion as added: an order number, an order of its own,
 * none; the day otherwise); the detail buckets' sums in one array; the id map; a group's accumulator.
 */
import { describe, expect, it } from 'vitest';
import {
  accCount,
  accSum,
  addToAll,
  newAcc,
  putSlot,
  R_CUR,
  R_PP,
  R_PY,
} from '../../../src/core/kpi/compute/acc.js';
import { IdMap } from '../../../src/core/kpi/ingest/idmap.js';
import {
  countOf,
  FACT_CHUNK,
  FACT_SHIFT,
  Facts,
  factId,
  factOccasion,
  factOrder,
  KpiStore,
  NO_DAY,
  NO_ORDER,
  newBucket,
  OWN_ORDER,
  sumOf,
} from '../../../src/core/kpi/ingest.js';

/** Every row of a bucket, in the order the blocks keep it (the rows pushed since the last flush stored first). */
function rowsOf(f: Facts, bucket: number): number[][] {
  f.flush();
  const out: number[][] = [];
  for (let b = f.head[bucket] ?? -1; b >= 0; b = f.next[b]!) {
    const at = f.start[b]!;
    const c = f.chunks[at >>> FACT_SHIFT]!;
    const from = at & (FACT_CHUNK - 1);
    for (let o = from; o < from + f.rowsIn(bucket, b) * f.width; o += f.width)
      out.push([c[o]!, factId(c, o, f.width, 1), factId(c, o, f.width, 2)]);
  }
  return out;
}

describe('facts by bucket', () => {
  it('keep each row, in order, whatever the bucket sizes (blocks of 16, 64, 256, 1,024 rows) and their number', () => {
    const f = new Facts();
    const want: number[][][] = Array.from({ length: 300 }, () => []);
    // 3,000 rows over 300 buckets, unevenly: a bucket of its own for each row in 97 of a few hundred, a few
    // big ones (hundreds of blocks in all, so the block tables grow while rows are added).
    for (let i = 0; i < 3000; i++) {
      const bucket =
        i % 97 === 0 ? 3 : i % 5 === 0 ? 1 : i % 3 === 0 ? 2 : i % 7 === 0 ? 4 + ((i * 31) % 296) : 0;
      const order = i % 4 === 0 ? i : i % 4 === 1 ? OWN_ORDER : NO_ORDER;
      const day = 20_000 + (i % 400) - (i % 11 === 0 ? 50_000 : 0);
      f.push(bucket, order, i % 13 === 0 ? -1 : i % 200, i % 7, day);
      want[bucket]!.push([order, order >= 0 ? order : -1 - day, i % 13 === 0 ? -1 : i % 200, i % 7]);
    }
    expect(f.length).toBe(3000);
    expect(f.orders).toBe(true);
    for (let b = 0; b < 300; b++)
      expect(rowsOf(f, b).map(([s, c, r]) => [factOrder(s!), factOccasion(s!), c, r])).toEqual(want[b]);
    expect(f.start.length).toBeGreaterThan(64);
  });

  it('keep 8 bytes a row while ids fit in 16 bits, then rewrite every row once in 12', () => {
    const f = new Facts();
    const want: number[][][] = Array.from({ length: 150 }, () => []);
    for (let i = 0; i < 4000; i++) {
      const bucket = (i * 7) % 150;
      // From row 2,500 on, customer ids past 16 bits (an export with many customers or order numbers).
      const customer = i % 9 === 0 ? -1 : i < 2500 ? i % 3000 : 70_000 + i;
      const rep = i % 4 === 0 ? -1 : i % 60;
      f.push(bucket, i % 3 === 0 ? i : OWN_ORDER, customer, rep, 20_000 + (i % 30));
      want[bucket]!.push([customer, rep]);
      if (i === 2499) expect(f.width).toBe(2);
    }
    expect(f.width).toBe(3);
    for (let b = 0; b < 150; b++) expect(rowsOf(f, b).map(([, c, r]) => [c, r])).toEqual(want[b]);
  });

  it('count a row without a day (it counts nowhere) but do not keep it', () => {
    const f = new Facts();
    f.push(0, 7, 1, 1, NO_DAY);
    f.push(0, NO_ORDER, 1, 1, NO_DAY);
    expect(f.length).toBe(2);
    expect(f.orders).toBe(true);
    expect(rowsOf(f, 0)).toEqual([]);
  });

  it('tell an order of its own from no order, on days before 1970 too', () => {
    const f = new Facts();
    for (const day of [-25_567, -1, 0, 1, 84_000]) {
      f.push(0, OWN_ORDER, 1, 1, day);
      f.push(0, NO_ORDER, 1, 1, day);
    }
    expect(rowsOf(f, 0).map(([s]) => [factOrder(s!), factOccasion(s!)])).toEqual(
      [-25_567, -1, 0, 1, 84_000].flatMap((day) => [
        [OWN_ORDER, -1 - day],
        [NO_ORDER, -1 - day],
      ]),
    );
  });
});

describe('detail buckets in one array', () => {
  it('keep their sums and counts when later slots widen every bucket', () => {
    const store = new KpiStore(['region'], 'en');
    const tree = store.bucketTree(['region']);
    const first = store.slot('revenue', 'actual');
    const buckets = Array.from({ length: 100 }, (_, i) =>
      store.bucketIn(store.leaf(tree, ['region'], [`R${i}`]), { kind: 'day', day: 20_000 + i }),
    );
    for (const [i, b] of buckets.entries()) store.addValue(b.id, first, i + 0.5);
    // A sheet read later brings 40 more metrics: every bucket gets room for them.
    const more = Array.from({ length: 40 }, (_, k) => store.slot(`m${k}`, 'actual'));
    for (const [i, b] of buckets.entries()) store.addValue(b.id, more.at(-1)!, 2 * i);
    buckets.forEach((b, i) => {
      expect(sumOf(b, first)).toBe(i + 0.5);
      expect(countOf(b, first)).toBe(1);
      expect(sumOf(b, more.at(-1)!)).toBe(2 * i);
      expect(countOf(b, more[0]!)).toBe(0);
    });
    expect(buckets[99]!.slots).toBeGreaterThanOrEqual(41);
  });
});

describe('the id map', () => {
  it('finds every key it was given, and none it was not, across growth (keys up to 2^53)', () => {
    const m = new IdMap();
    const keys = Array.from({ length: 5000 }, (_, i) => (i * 2_654_435_761) % 2 ** 53);
    keys.forEach((k, i) => {
      m.set(k, i);
    });
    keys.forEach((k, i) => {
      expect(m.get(k)).toBe(i);
    });
    expect(m.get(1)).toBe(-1);
    m.set(keys[7]!, 42);
    expect(m.get(keys[7]!)).toBe(42);
  });
});

describe('accumulators', () => {
  it('keep every slot when a later slot, or a bucket with more slots, needs more room', () => {
    const acc = newAcc({ region: '华东' }, 2);
    putSlot(acc, R_PY, 1, 10.5, 3);
    // Slot 40 is past the room made for 2 slots (and the few more every accumulator has).
    putSlot(acc, R_CUR, 40, 7, 1);
    // A bucket of its own with 60 slots, more than the room: its values add to the prior-year range only.
    const b = newBucket(0, null, {}, 60);
    b.values[2 * 55] = 2.25;
    b.values[2 * 55 + 1] = 4;
    b.values[2 * 1] = 1.5;
    b.values[2 * 1 + 1] = 1;
    addToAll([acc], R_PY, b);
    expect([accSum(acc, R_PY, 1), accCount(acc, R_PY, 1)]).toEqual([12, 4]);
    expect([accSum(acc, R_CUR, 40), accCount(acc, R_CUR, 40)]).toEqual([7, 1]);
    expect([accSum(acc, R_PY, 55), accCount(acc, R_PY, 55)]).toEqual([2.25, 4]);
    // Nothing else moved: the other ranges of those slots, and a slot past every room, hold no value.
    expect([accCount(acc, R_CUR, 1), accCount(acc, R_PP, 55), accCount(acc, R_PY, 40)]).toEqual([0, 0, 0]);
    expect(accCount(acc, R_CUR, 500)).toBe(0);
  });
});
