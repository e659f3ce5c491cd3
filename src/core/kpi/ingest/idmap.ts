/**
 * A hash table from numbers (exact integers below 2^53) to ids (non-negative integers), in two typed arrays:
 * a lookup allocates nothing and touches one or two places of memory (a Map keyed by numbers that are not
 * small integers boxes each key).
 */
export class IdMap {
  private keys = new Float64Array(64).fill(Number.NaN);
  private ids = new Int32Array(64);
  private size = 0;

  /** The id of `key`, or −1. */
  get(key: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = hash(key) & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key) return this.ids[i]!;
      if (Number.isNaN(k)) return -1; // an empty place
      i = (i + 1) & mask;
    }
  }

  set(key: number, id: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = hash(key) & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key || Number.isNaN(k)) break;
      i = (i + 1) & mask;
    }
    if (keys[i] !== key) this.size++;
    keys[i] = key;
    this.ids[i] = id;
  }

  private grow(): void {
    const keys = this.keys;
    const ids = this.ids;
    this.keys = new Float64Array(keys.length * 2).fill(Number.NaN);
    this.ids = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (!Number.isNaN(keys[i]!)) this.set(keys[i]!, ids[i]!);
  }
}

/** Mixes an integer below 2^53 into 32 bits. */
function hash(key: number): number {
  const lo = key | 0;
  const hi = (key / 4294967296) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) ^ (h >>> 13);
}
