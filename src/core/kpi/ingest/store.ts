/**
 * What the sheets of one run read into: the store of facts (interned texts, value slots, buckets,
 * warnings and notes) and the records it holds. One store per `salesmeet kpi` run; each sheet's SheetIngester adds to it.
 */
import type { Lang } from '../../i18n/lang.js';
import type { Unit, ValueRole } from '../headers.js';
import { km } from '../messages.js';
import { type MetricDef, normName } from '../metrics.js';
import { dayOf, spanOf, ymd } from '../period.js';
import type { Group, GroupKey, KpiWarning } from '../result.js';
import type { StatedPeriod } from '../stated.js';
import type { When } from '../values.js';
import type { StageTable } from './funnel.js';

/** A value at or above this magnitude is noted (`KpiStore.huge`): summing fewer than 1e18 smaller ones stays finite. */
export const HUGE = 1e290;
const HUGE_MAX = 100;

/** A cell noted for its size: where, and the metric (dictionary key or label) it counts for. */
export interface HugeCell {
  file: string;
  sheet: string;
  cell: string;
  metric: string;
}

export type SheetKind = 'summary' | 'detail' | 'pipeline' | 'targets' | 'targets-flat';

/** A merged range, 1-based rows, 0-based columns. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface MetricOverride {
  label?: string;
  kind?: 'amount' | 'count' | 'ratio';
  direction?: 'higher' | 'lower';
  unit?: string;
}

/** A metric as the data knows it: dictionary entry (if any), label, display unit. */
export interface MetricInfo {
  key: string;
  label: string;
  def?: MetricDef;
  kind: 'amount' | 'count' | 'ratio';
  direction: 'higher' | 'lower';
  agg: 'sum' | 'ratio' | 'mean';
  unit: string | null;
  /** Scale of the display unit (万元 → 1e4); values are stored in base units. */
  scale: number;
  /** Order of first appearance, for output order. */
  order: number;
}

export interface SummaryRecord {
  metric: string;
  group: Group;
  when?: When;
  values: Partial<Record<ValueRole, number>>;
  /** The period a sheet without a period column states (`2026年上半年…`): it applies to that period only. */
  stated?: StatedPeriod;
  /** Where the actual came from, to name it in warnings. */
  where: { file: string; sheet: string; cell: string };
}

export interface Bucket {
  /** Its place in the store, for per-bucket tables (−1 for a `fine` bucket). */
  readonly id: number;
  readonly when: When | null;
  readonly group: Group;
  /**
   * Per value slot (`KpiStore.slots`, `slots` of them): the sum of the values added and how many there were,
   * side by side — slot i's sum at `values[at + 2i]`, its count at `values[at + 2i + 1]`; a count of 0 is no
   * value. One typed array: a row's values are added without an object per number, in one place of memory.
   */
  readonly values: Float64Array;
  readonly at: number;
  readonly slots: number;
}

/** A bucket's sum of a slot (0 when it has none). */
export function sumOf(b: Bucket, slot: number): number {
  return slot < b.slots ? b.values[b.at + 2 * slot]! : 0;
}

/** How many values a bucket's slot holds. */
export function countOf(b: Bucket, slot: number): number {
  return slot < b.slots ? b.values[b.at + 2 * slot + 1]! : 0;
}

/** A bucket with an array of its own (the store's `fine` buckets); the detail buckets share `KpiStore.values`. */
export interface OwnBucket extends Bucket {
  values: Float64Array;
  slots: number;
}

/** A bucket with an array of its own, room for `slots` value slots. */
export function newBucket(id: number, when: When | null, group: Group, slots: number): OwnBucket {
  const n = Math.max(slots, 4);
  return { id, when, group, values: new Float64Array(2 * n), at: 0, slots: n };
}

/** Makes room for `n` slots in a bucket of its own. */
export function growBucket(b: OwnBucket, n: number): void {
  const slots = Math.max(n, b.slots * 2);
  const values = new Float64Array(2 * slots);
  values.set(b.values);
  b.values = values;
  b.slots = slots;
}

/** A detail bucket: its sums and counts are its part of the store's `values`. */
class StoreBucket implements Bucket {
  constructor(
    readonly id: number,
    readonly when: When | null,
    readonly group: Group,
    private readonly store: KpiStore,
  ) {}

  get values(): Float64Array {
    return this.store.values;
  }

  get at(): number {
    return 2 * this.id * this.store.stride;
  }

  get slots(): number {
    return this.store.stride;
  }
}

/** A group of the kept dimensions' texts and its buckets by period. */
export interface BucketLeaf {
  group: Group;
  /** With a focus or whole months, the buckets of day-dated rows by stretch (`KpiStore.stretchOf`). */
  byStretch: (Bucket | undefined)[];
  /** The other buckets: by day (without a focus or whole months), month label, or none (null). */
  byWhen: Map<number | string | null, Bucket>;
}

/** Rows of one sheet that hold `has` but not `lacks` for a ratio, by period (the ratio is asked for one period). */
export interface RatioGap {
  metric: string;
  has: string;
  lacks: string;
  file: string;
  sheet: string;
  byWhen: Map<string, { when: When | null; count: number; cells: { n: number; cell: string }[] }>;
}

export interface TargetRecord {
  metric: string;
  when: When | null;
  group: Group;
  dims: GroupKey[];
  value: number;
  source: string;
}

export interface Note {
  file: string;
  sheet: string;
  text: string;
}

/** A sheet that states its own period in a title or condition row. */
export interface StatedSheet extends StatedPeriod {
  file: string;
  sheet: string;
  /** Where the period is stated (`A2`). */
  cell: string;
  /** The sheet has no date column: it answers only the period it states. */
  undated: boolean;
  kind: SheetKind;
}

/** What the dated rows of a sheet cover: first and last day, and period labels (`2026-04`, `2026-Q2`). */
export interface Coverage {
  file: string;
  sheet: string;
  first: number | null;
  last: number | null;
  labels: Set<string>;
}

/** Stage names (`--won`, `--lost`, `kpi.won`) that replace the default won and lost stages. */
export interface StageNames {
  won?: string[];
  lost?: string[];
}

/** A customer's first purchase day before any (`KpiStore.firstSeen`). */
export const NOT_SEEN = 2_147_483_647;

/** A day's month as a number: year × 12 + month − 1 (consecutive months are consecutive numbers). */
function monthNumber(day: number): number {
  const { y, m } = ymd(day);
  return y * 12 + m - 1;
}

/** The day of the buckets of months no compared range can be in (`KpiStore.stretchOf`): in none. */
const LEFT_OUT_DAY = -100_000_000;

/** A fact's day when its row has none. */
export const NO_DAY = -2_147_483_648;
/** A fact's order when its row has no order number and is no order of its own (no day). */
export const NO_ORDER = -1;
/** A fact's order when its row has no order number but is an order of its own (an order-line export). */
export const OWN_ORDER = -2;

/**
 * The facts of the detail rows in the asked ranges, for what cannot be summed per bucket (distinct orders,
 * customers, reps): per row its purchase occasion (see `factOccasion`), customer and rep (interned ids, −1
 * none), kept by bucket — each bucket's rows in a chain of blocks (16, 64, 256, then 1,024 rows) cut from
 * shared chunks — so that counting reads a bucket's rows one after another; no copy as they grow, nothing
 * sorted afterwards. A row is 8 bytes while customer and rep ids fit in 16 bits each (`width` 2: the
 * occasion, then both ids in one integer), 12 bytes once one does not (`width` 3: every row is rewritten
 * once). A row without a first day counts nowhere and is not kept. Read a row with `factAt`.
 */
export class Facts {
  length = 0;
  /** Some row has an order number or is an order of its own. */
  orders = false;
  /** Integers per row: 2 (ids packed) or 3. */
  width = 2;
  chunks: Int32Array[] = [];
  /** Integers used in the last chunk. */
  private used = FACT_CHUNK;
  /** Per bucket: its first and last block (−1: none). */
  head = new Int32Array(64).fill(-1);
  tail = new Int32Array(64).fill(-1);
  /**
   * Per bucket, side by side: where its next row goes and where its last block ends (equal: a new block is
   * needed), so that adding a row reads one place.
   */
  private at = new Int32Array(128);
  /** Per block: where it starts (chunk × FACT_CHUNK + offset), its rows at most, the next block (−1: none). */
  start = new Int32Array(64);
  cap = new Int32Array(64);
  next = new Int32Array(64);
  private blocks = 0;

  /**
   * Rows pushed and not stored yet, `STAGED` at most, five integers each (bucket, order, customer, rep, day):
   * stored together by `flush`, whose loop has nothing else to do, so that the memory of many buckets is
   * fetched at once — stored one by one between the reading of rows, each waited for its bucket's place (a
   * breakdown by rep writes among thousands of buckets). Read the facts after `flush`.
   */
  private staged = new Int32Array(5 * STAGED);
  private nStaged = 0;

  push(bucket: number, order: number, customer: number, rep: number, day: number): void {
    this.length++;
    if (order !== NO_ORDER) this.orders = true;
    if (day === NO_DAY) return;
    const s = this.staged;
    const i = 5 * this.nStaged;
    s[i] = bucket;
    s[i + 1] = order;
    s[i + 2] = customer;
    s[i + 3] = rep;
    s[i + 4] = day;
    if (++this.nStaged === STAGED) this.flush();
  }

  /** Stores the staged rows (see `staged`). */
  flush(): void {
    const s = this.staged;
    const n = this.nStaged;
    this.nStaged = 0;
    for (let k = 0; k < n; k++) {
      const i = 5 * k;
      this.store(s[i]!, s[i + 1]!, s[i + 2]!, s[i + 3]!, s[i + 4]!);
    }
  }

  private store(bucket: number, order: number, customer: number, rep: number, day: number): void {
    if (this.width === 2 && (customer >= PACKED_MAX || rep >= PACKED_MAX)) this.widen();
    if (bucket >= this.head.length) this.growBuckets(bucket + 1);
    let at = this.at[2 * bucket]!;
    if (at === this.at[2 * bucket + 1]) {
      const t = this.tail[bucket]!;
      // (newBlock may replace `start`: read it after the call)
      const block = this.newBlock(bucket, t < 0 ? 16 : Math.min(this.cap[t]! * 4, 1024));
      at = this.start[block]!;
    }
    const c = this.chunks[at >>> FACT_SHIFT]!;
    const o = at & (FACT_CHUNK - 1);
    // An order number as it is; else the day, and whether the row is an order of its own, in a negative number.
    c[o] = order >= 0 ? order : -2 * (day + DAY_BIAS) - (order === OWN_ORDER ? 1 : 2);
    if (this.width === 2) c[o + 1] = ((customer + 1) << 16) | (rep + 1);
    else {
      c[o + 1] = customer;
      c[o + 2] = rep;
    }
    this.at[2 * bucket] = at + this.width;
  }

  private newBlock(bucket: number, rows: number): number {
    const b = this.blocks++;
    if (b >= this.start.length) {
      const grow = (a: Int32Array) => {
        const g = new Int32Array(a.length * 2);
        g.set(a);
        return g;
      };
      this.start = grow(this.start);
      this.cap = grow(this.cap);
      this.next = grow(this.next);
    }
    this.start[b] = this.place(rows * this.width);
    this.cap[b] = rows;
    this.next[b] = -1;
    const t = this.tail[bucket]!;
    if (t < 0) this.head[bucket] = b;
    else this.next[t] = b;
    this.tail[bucket] = b;
    this.at[2 * bucket] = this.start[b]!;
    this.at[2 * bucket + 1] = this.start[b]! + rows * this.width;
    return b;
  }

  /** Room for `size` integers in the last chunk (a new chunk when it has not): where they start. */
  private place(size: number): number {
    if (this.used + size > FACT_CHUNK) {
      this.chunks.push(new Int32Array(FACT_CHUNK));
      this.used = 0;
    }
    const at = (this.chunks.length - 1) * FACT_CHUNK + this.used;
    this.used += size;
    return at;
  }

  /** From 2 integers a row to 3: every block rewritten once into new chunks (an id past 16 bits was met). */
  private widen(): void {
    const old = this.chunks;
    this.chunks = [];
    this.used = FACT_CHUNK;
    this.width = 3;
    for (let bucket = 0; bucket < this.head.length; bucket++) {
      for (let b = this.head[bucket]!; b >= 0; b = this.next[b]!) {
        const rows = b === this.tail[bucket] ? (this.at[2 * bucket]! - this.start[b]!) / 2 : this.cap[b]!;
        const from = this.start[b]!;
        const src = old[from >>> FACT_SHIFT]!;
        const to = this.place(this.cap[b]! * 3);
        const dst = this.chunks[to >>> FACT_SHIFT]!;
        for (let r = 0; r < rows; r++) {
          const o = (from & (FACT_CHUNK - 1)) + 2 * r;
          const q = (to & (FACT_CHUNK - 1)) + 3 * r;
          const ids = src[o + 1]!;
          dst[q] = src[o]!;
          dst[q + 1] = (ids >>> 16) - 1;
          dst[q + 2] = (ids & 0xffff) - 1;
        }
        this.start[b] = to;
        if (b === this.tail[bucket]) {
          this.at[2 * bucket] = to + rows * 3;
          this.at[2 * bucket + 1] = to + this.cap[b]! * 3;
        }
      }
    }
  }

  private growBuckets(n: number): void {
    const size = Math.max(n, this.head.length * 2);
    const grow = (a: Int32Array, fill: number) => {
      const g = new Int32Array(size).fill(fill);
      g.set(a);
      return g;
    };
    this.head = grow(this.head, -1);
    this.tail = grow(this.tail, -1);
    const at = new Int32Array(2 * size);
    at.set(this.at);
    this.at = at;
  }

  /** The rows of block `b` in use: all of them, or those written so far in a bucket's last block. */
  rowsIn(bucket: number, b: number): number {
    return b === this.tail[bucket] ? (this.at[2 * bucket]! - this.start[b]!) / this.width : this.cap[b]!;
  }
}

/** Rows staged before they are stored (see `Facts.staged`). */
const STAGED = 256;
/** Customer and rep ids below this (minus one, for none) are packed in 16 bits each. */
const PACKED_MAX = 0xffff;
/** Added to a day before it is stored as an occasion (days from 1900 on are about −25,000). */
const DAY_BIAS = 1 << 24;

/**
 * A fact's order and purchase occasion from its stored occasion: an order number (its id, ≥ 0), an order of
 * its own (`OWN_ORDER`) or none (`NO_ORDER`); the occasion is the order number, else −1 − the row's first day.
 */
export function factOrder(stored: number): number {
  return stored >= 0 ? stored : (-stored & 1) === 1 ? OWN_ORDER : NO_ORDER;
}

export function factOccasion(stored: number): number {
  if (stored >= 0) return stored;
  const x = -stored;
  const day = ((x & 1) === 1 ? x - 1 : x - 2) / 2 - DAY_BIAS;
  return -1 - day;
}

/** The customer (part 1) or rep (part 2) of the row at `o` of a chunk, in a layout of `width` integers. */
export function factId(chunk: Int32Array, o: number, width: number, part: 1 | 2): number {
  if (width === 3) return chunk[o + part]!;
  const ids = chunk[o + 1]!;
  return (part === 1 ? ids >>> 16 : ids & 0xffff) - 1;
}

/** Integers per chunk (4 MB), and the shift that gives a place's chunk. */
export const FACT_SHIFT = 20;
export const FACT_CHUNK = 1 << FACT_SHIFT;

/** Everything read from all sheets of all files. */
export class KpiStore {
  metrics = new Map<string, MetricInfo>();
  summary: SummaryRecord[] = [];
  /** Detail buckets by id (the same as `bucketList`), in order of creation. */
  buckets = new Map<number, Bucket>();
  /**
   * Detail buckets found without building a key: a tree of maps by each kept dimension's text (the reader
   * hands the same string object for a shared string, so a lookup is cheap), whose leaf holds the group —
   * one object shared by the buckets of that group — and its buckets by period (day number or label).
   */
  private bucketTrees = new Map<string, Map<unknown, unknown>>();

  /** The tree of buckets for one list of kept dimensions (a sheet's, in its column order), for `bucket`. */
  bucketTree(keys: readonly GroupKey[]): Map<unknown, unknown> {
    const k = keys.join('\u0001');
    let tree = this.bucketTrees.get(k);
    if (tree === undefined) {
      tree = new Map();
      this.bucketTrees.set(k, tree);
    }
    return tree;
  }

  /** The bucket of a period and the kept dimensions' texts in `tree` (see `bucketTree`), created when new. */
  bucket(
    tree: Map<unknown, unknown>,
    when: When | null,
    keys: readonly GroupKey[],
    texts: readonly string[],
  ): Bucket {
    return this.bucketIn(this.leaf(tree, keys, texts), when);
  }

  /** The group of the kept dimensions' texts in `tree` and its buckets, created when new. */
  leaf(tree: Map<unknown, unknown>, keys: readonly GroupKey[], texts: readonly string[]): BucketLeaf {
    let node = tree;
    const n = keys.length;
    for (let i = 0; i < n - 1; i++) {
      const t = texts[i]!;
      let next = node.get(t) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(t, next);
      }
      node = next;
    }
    const last = n === 0 ? null : texts[n - 1]!;
    let leaf = node.get(last) as BucketLeaf | undefined;
    if (leaf === undefined) {
      const group: Group = {};
      for (let i = 0; i < n; i++) if (texts[i] !== '') group[keys[i]!] = texts[i]!;
      leaf = { group, byWhen: new Map(), byStretch: [] };
      node.set(last, leaf);
    }
    return leaf;
  }

  /** The bucket of a group (`leaf`) for a row's period, created when new. */
  bucketIn(leaf: BucketLeaf, when: When | null): Bucket {
    if (when !== null && when.kind === 'day' && (this.focus !== null || this.wholeMonths)) {
      const k = this.stretchOf(when.day);
      let b = leaf.byStretch[k];
      if (b === undefined) {
        b = this.newBucket(this.stretchWhen[k]!, leaf.group);
        leaf.byStretch[k] = b;
      }
      return b;
    }
    const wk = when === null ? null : when.kind === 'day' ? when.day : when.month;
    let b = leaf.byWhen.get(wk);
    if (b === undefined) {
      b = this.newBucket(when, leaf.group);
      leaf.byWhen.set(wk, b);
    }
    return b;
  }

  private newBucket(when: When | null, group: Group): Bucket {
    const b = new StoreBucket(this.bucketList.length, when, group, this);
    // The first bucket sets the room per bucket: the slots known so far and a few more (a sheet's ratio parts).
    if (b.id === 0 && this.values.length === 0)
      this.stride = Math.max(8, 2 ** Math.ceil(Math.log2(this.slots.length + 4)));
    const need = (b.id + 1) * 2 * this.stride;
    if (need > this.values.length) {
      const grown = new Float64Array(Math.max(need, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.buckets.set(b.id, b);
    this.bucketList.push(b);
    return b;
  }

  /**
   * The detail buckets' sums and counts, bucket after bucket (`stride` slots each, a slot's sum and count side
   * by side, see Bucket): one array, so that adding a row's values touches one or two cache lines, not three
   * objects per bucket.
   */
  values = new Float64Array(0);
  /** Slots per bucket in `values`: at least the store's slots (a new slot beyond it widens every bucket). */
  stride = 8;

  /** Adds a value to a detail bucket's slot (the loops over a row's values write the same lines in place). */
  addValue(id: number, slot: number, v: number): void {
    const at = 2 * (id * this.stride + slot);
    this.values[at]! += v;
    this.values[at + 1]! += 1;
  }

  /** Room for `n` slots per bucket in `values`. */
  private widen(n: number): void {
    const old = this.stride;
    const stride = Math.max(n, old * 2);
    const buckets = this.bucketList.length;
    const values = new Float64Array(Math.max(64, buckets) * 2 * stride);
    for (let b = 0; b < buckets; b++)
      values.set(this.values.subarray(2 * b * old, 2 * (b + 1) * old), 2 * b * stride);
    this.values = values;
    this.stride = stride;
  }
  /** slot index → metric key and role, for detail buckets. */
  slots: { metric: string; role: ValueRole }[] = [];
  private slotIndex = new Map<string, number>();
  targets: TargetRecord[] = [];
  warnings: KpiWarning[] = [];
  notes: Note[] = [];
  /** Which days have dated detail rows with values (days 0 … 65,535: 1970 to 2149), for `daysWithRows`. */
  private dayMarks: Uint8Array | undefined;

  markDay(day: number): void {
    if (day < 0 || day >= 65_536) return;
    let marks = this.dayMarks;
    if (marks === undefined) {
      marks = new Uint8Array(65_536);
      this.dayMarks = marks;
    }
    marks[day] = 1;
  }

  /** How many days from `start` to `end` have dated detail rows with values. */
  daysWithRows(start: number, end: number): number {
    const marks = this.dayMarks;
    let n = 0;
    if (marks !== undefined) for (let d = Math.max(0, start); d <= Math.min(end, 65_535); d++) n += marks[d]!;
    return n;
  }

  /** Latest month and day seen in dated detail rows. */
  latestDay: number | null = null;
  latestMonth: string | null = null;
  rows = 0;
  sheetsUsed = 0;
  /** How the data was read, in one line each (which stages counted as won, which amount column was used). */
  info: KpiWarning[] = [];
  /** The full lists behind counted warnings (every cell), for --verbose. */
  details: string[] = [];
  stated: StatedSheet[] = [];
  /** Sheets with values but no date column and no stated period: taken as the asked period. */
  undated: { file: string; sheet: string; kind: SheetKind }[] = [];
  coverage: Coverage[] = [];
  /**
   * Detail rows that name a customer, an order or a rep, for what cannot be summed per bucket: distinct
   * orders, active and new customers, reps with sales. Texts are kept as numbers (`intern`); −1 = none.
   */
  facts = new Facts();
  /** Opportunity exports: deals, amounts and weighted amounts per stage and close date, for the funnel. */
  funnel: StageTable | null = null;
  /** Buckets by id (`Bucket.id`), for the facts. */
  bucketList: Bucket[] = [];
  /** Which of those columns the data has. */
  factsHave = { order: false, customer: false, rep: false };
  /** Metrics counted from the facts at compute time (not columns of the data). */
  derived = new Set<string>();
  /**
   * The day ranges the asked period needs (current, prior year, prior period), when it is known before the
   * data is read: rows outside them keep no facts and no per-dimension buckets. null: every row's facts are
   * kept.
   */
  focus: { start: number; end: number }[] | null = null;
  /**
   * Each customer's first purchase (start day, by interned id; NOT_SEEN for none) over all rows, in an array
   * (a map lookup per row cost about 15 ms in a million rows), and the earliest fact day.
   */
  firstSeen = new Int32Array(0);
  earliest = Number.POSITIVE_INFINITY;

  /** Notes that `customer` (an interned id) bought on `day`. */
  boughtOn(customer: number, day: number): void {
    let seen = this.firstSeen;
    if (customer >= seen.length) {
      const grown = new Int32Array(Math.max(customer + 1, seen.length * 2, 256)).fill(NOT_SEEN);
      grown.set(seen);
      this.firstSeen = grown;
      seen = grown;
    }
    if (seen[customer]! > day) seen[customer] = day;
  }
  private spans = new Map<string, { start: number; end: number } | null>();

  /** The first and last day of a row's period (a day, or a month / span label). */
  spanOfWhen(when: When): { start: number; end: number } | null {
    if (when.kind === 'day') return { start: when.day, end: when.day };
    let s = this.spans.get(when.month);
    if (s === undefined) {
      s = spanOf(when.month) ?? null;
      this.spans.set(when.month, s);
    }
    return s;
  }

  /**
   * With a focus, the days between two consecutive cuts (a focus range's first day, or the day after its
   * last) lie in the same focus ranges and add up the same way: their rows share one bucket per group, dated
   * by the stretch's first day (a breakdown by 2,000 customers over 18 months keeps 6,000 buckets, not one per
   * customer and day or month). When the period is chosen after the reading (`periodLater`), each month is a
   * stretch (a breakdown by rep keeps a bucket per rep and month, not per rep and day: 600,000 of those in a
   * million rows, 800 MB), and the months no compared range can be in any more share stretch 0. What needs the
   * day itself (repeat purchases, first purchases) reads the row's own date. Returns the stretch's index: with a
   * focus, 0 before the first cut, k from cut k − 1 on; with whole months, the months numbered from 1 as first
   * met, 0 for those left out.
   */
  stretchOf(day: number): number {
    if (this.focus === null) {
      const k = this.monthStretchOf(day);
      return this.monthKept(this.stretchMonth[k]!, false) ? k : 0;
    }
    let cuts = this.cuts;
    if (cuts === undefined) cuts = this.makeCuts();
    let k = 0;
    while (k < cuts.length && cuts[k]! <= day) k++;
    return k;
  }

  /** The cuts between stretches, ascending, and each stretch's When (its first day; the day before the first cut for stretch 0). */
  private cuts: number[] | undefined;
  private stretchWhen: When[] = [];

  /**
   * The period will be chosen after the reading (`defaultPeriod`: the latest month of the dated rows, at most
   * the month before the as-of day's; compared with the month before it and the same month a year earlier, or
   * over the years to date with `--ytd`): day-dated rows are kept by month (see `stretchOf`), and the facts and
   * `fine` buckets only of the months a compared range can still be in.
   */
  periodLater(asOf: number): void {
    this.wholeMonths = true;
    this.lastMonth = monthNumber(asOf) - 1;
    this.stretchWhen = [{ kind: 'day', day: LEFT_OUT_DAY }];
    this.stretchMonth = [Number.NaN];
    this.monthBounds();
  }

  /** Whether the period will be whole months (`periodLater`). */
  wholeMonths = false;
  /** Whether some bucket stands for a whole month (see `stretchOf`): the ranges must be whole months. */
  monthBuckets = false;
  /** With whole months: the latest month the period can be (`monthNumber`). */
  private lastMonth = 0;
  /** The latest month of a day-dated row so far: the period is at least the month before it, or before `lastMonth`. */
  private maxMonth = Number.NEGATIVE_INFINITY;
  /** Months a compared range can still hold: two spans, inclusive (then the period's own months). */
  private keptSpans = [0, 0, 0, 0];
  private periodSpan = [0, 0];
  /** Each day's month stretch + 1 (0: not met yet), for days 0 … 65,535 (1970 to 2149). */
  private monthStretchByDay: Int32Array | undefined;
  /** The month stretches by the month's first day, and each stretch's month number. */
  private monthStretches = new Map<number, number>();
  private stretchMonth: number[] = [];

  private monthStretchOf(day: number): number {
    let byDay = this.monthStretchByDay;
    if (byDay === undefined) {
      byDay = new Int32Array(65_536);
      this.monthStretchByDay = byDay;
    }
    const cached = day >= 0 && day < 65_536 ? byDay[day]! : 0;
    let k = cached - 1;
    if (cached === 0) {
      const { y, m } = ymd(day);
      const first = dayOf(y, m, 1);
      let found = this.monthStretches.get(first);
      if (found === undefined) {
        found = this.stretchWhen.length;
        this.monthStretches.set(first, found);
        this.stretchWhen.push({ kind: 'day', day: first });
        this.stretchMonth.push(monthNumber(day));
        this.monthBuckets = true;
      }
      k = found;
      if (day >= 0 && day < 65_536) byDay[day] = k + 1;
    }
    const month = this.stretchMonth[k]!;
    if (month > this.maxMonth) {
      this.maxMonth = month;
      this.monthBounds();
    }
    return k;
  }

  /**
   * The months a compared range can still be in. The period P is at least `from` (the month before the latest
   * month so far, or before the last it can be: `defaultPeriod` takes the month before when the rows of the
   * latest stop early) and at most `lastMonth`; its ranges are P, P − 1 and P − 12, or with `--ytd` January to
   * P and the same a year earlier.
   */
  private monthBounds(): void {
    const last = this.lastMonth;
    const from = Math.min(this.maxMonth, last) - 1;
    // January of the period's year with --ytd (before the first row, `from` is −∞).
    const start = this.ytd && Number.isFinite(from) ? from - (((from % 12) + 12) % 12) : from;
    this.periodSpan = [start, last];
    this.keptSpans = this.ytd ? [start, last, start - 12, last - 12] : [from - 1, last, from - 12, last - 12];
  }

  /** Whether a month (its number) can be in a compared range (`period`: in the period itself). */
  private monthKept(month: number, period: boolean): boolean {
    if (period) return month >= this.periodSpan[0]! && month <= this.periodSpan[1]!;
    const s = this.keptSpans;
    return (month >= s[0]! && month <= s[1]!) || (month >= s[2]! && month <= s[3]!);
  }

  /**
   * With whole months, whether the months of a range from `start` to `end` are all kept: compute checks each of
   * its ranges, so a period other than the one the reading expected is refused rather than counted short.
   */
  keeps(start: number, end: number): boolean {
    if (!this.wholeMonths) return true;
    for (let month = monthNumber(start); month <= monthNumber(end); month++)
      if (!this.monthKept(month, false)) return false;
    return true;
  }

  private makeCuts(): number[] {
    const focus = this.focus ?? [];
    const cuts = [...new Set(focus.flatMap((r) => [r.start, r.end + 1]))].sort((a, b) => a - b);
    this.cuts = cuts;
    this.stretchWhen = [
      { kind: 'day', day: (cuts[0] ?? 0) - 1 },
      ...cuts.map((day): When => ({ kind: 'day', day })),
    ];
    return cuts;
  }

  /**
   * Whether a row's period touches one of the focus ranges (`only`: that one; 0 is the period's), or with whole
   * months whether its month can still be in a compared range (0: in the period); always without either, or
   * without a date.
   */
  inFocus(when: When | null, only?: number): boolean {
    const focus = this.focus;
    if (when === null) return true;
    if (focus === null) {
      if (!this.wholeMonths || when.kind !== 'day') return true;
      return this.monthKept(this.stretchMonth[this.monthStretchOf(when.day)]!, only === 0);
    }
    const day = when.kind === 'day' ? when.day : undefined;
    const span = day === undefined ? this.spanOfWhen(when) : null;
    for (let i = 0; i < focus.length; i++) {
      if (only !== undefined && i !== only) continue;
      const r = focus[i]!;
      if (
        day !== undefined
          ? day >= r.start && day <= r.end
          : span !== null && span.start <= r.end && span.end >= r.start
      )
        return true;
    }
    return false;
  }
  private ids = new Map<string, number>();
  /** Detail rows with one part of a ratio and not the other (left out of the ratio), per metric, sheet and part. */
  ratioGaps: RatioGap[] = [];
  /**
   * Actuals of detail rows by each dimension that is not kept, per month and per ISO week (a dated row is in
   * two of them; customers left out), so a total over the groups that have a target can be computed without
   * `--by`; null once it grew past its cap.
   */
  fine: Map<string, Bucket> | null = new Map();
  private warned = new Set<string>();
  /**
   * The group text of a row whose cell for a kept dimension (`--by`) is blank, or a formula without a saved
   * result: `(blank)` / `（未填）`, so the breakdown adds up to the total; compute sorts it last and leaves it unranked.
   */
  readonly blankGroup: string;
  /**
   * Cells holding a number so large (|v| ≥ 1e290) that a sum of them may overflow: a non-finite total is an
   * error that names them. Found with one comparison per value; at most HUGE_MAX kept.
   */
  huge: HugeCell[] = [];

  constructor(
    readonly keep: GroupKey[],
    readonly lang: Lang,
    readonly overrides: Record<string, MetricOverride> = {},
    /** Year to date asked for: a summary sheet's 累计 columns are preferred over its 当月 columns. */
    readonly ytd = false,
    readonly stages: StageNames = {},
  ) {
    this.blankGroup = km.blankGroup()(lang);
  }

  /** Notes a cell whose value may make a sum overflow (see `huge`). */
  noteHuge(file: string, sheet: string, cell: string, metric: string): void {
    if (this.huge.length < HUGE_MAX) this.huge.push({ file, sheet, cell, metric });
  }

  /** A number per distinct text (customer, order, rep names share one table: only equality matters). */
  get internedCount(): number {
    return this.ids.size;
  }

  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
    }
    return id;
  }

  warn(w: KpiWarning): void {
    if (this.warnings.length < 500) this.warnings.push(w);
  }

  warnOnce(key: string, w: KpiWarning): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(w);
  }

  slot(metric: string, role: ValueRole): number {
    const k = `${metric}\u0001${role}`;
    let i = this.slotIndex.get(k);
    if (i === undefined) {
      i = this.slots.length;
      this.slots.push({ metric, role });
      this.slotIndex.set(k, i);
      if (i >= this.stride) this.widen(i + 1);
    }
    return i;
  }

  /** Registers a metric by dictionary entry or label; the first unit seen becomes its display unit. */
  metric(def: MetricDef | undefined, label: string, unit: Unit | null): MetricInfo {
    const key = def?.key ?? label;
    let info = this.metrics.get(key);
    const o =
      this.overrides[key] ?? this.overrides[label] ?? (def ? undefined : this.overrides[normName(label)]);
    if (!info) {
      const kind = o?.kind ?? def?.kind ?? 'amount';
      info = {
        key,
        ...(def ? { def } : {}),
        label: o?.label ?? label,
        kind,
        direction: o?.direction ?? def?.direction ?? 'higher',
        agg: o?.kind
          ? o.kind === 'ratio'
            ? 'ratio'
            : 'sum'
          : (def?.agg ?? (kind === 'ratio' ? 'ratio' : 'sum')),
        unit: o?.unit ?? (unit && !unit.percent ? unit.text : (def?.unit ?? null)),
        scale: unit && !unit.percent && unit.scale ? unit.scale : 1,
        order: this.metrics.size,
      };
      if (info.kind === 'ratio') {
        info.unit = '%';
        info.scale = 1;
      }
      this.metrics.set(key, info);
    } else if (info.unit === null && unit && !unit.percent && info.kind !== 'ratio') {
      info.unit = unit.text;
      info.scale = unit.scale ?? 1;
    }
    return info;
  }
}
