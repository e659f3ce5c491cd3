/**
 * A hash table from numbers (exact integers below 2^53) to ids (integers from 0 to 2^31 − 1), in one typed array of
 * places, each a key and its id side by side: a lookup allocates nothing and reads one place of memory (a Map
 * keyed by numbers that are not small integers boxes each key; keys and ids in two arrays were two cache lines a
 * lookup, which a breakdown by rep, with thousands of keys, paid on every row).
 */
export class IdMap {
  /** Place i: its key at 2i (NaN: empty), its id at 2i + 1. */
  private places = new Float64Array(128).fill(Number.NaN);
  private size = 0;

  /** The id of `key`, or −1. */
  get(key: number): number {
    const places = this.places;
    const mask = (places.length >> 1) - 1;
    let i = hash(key) & mask;
    for (;;) {
      const k = places[2 * i]!;
      // An int32, as it was put: a double would make every use of the id compute in doubles.
      if (k === key) return places[2 * i + 1]! | 0;
      if (Number.isNaN(k)) return -1; // an empty place
      i = (i + 1) & mask;
    }
  }

  set(key: number, id: number): void {
    if ((this.size + 1) * 4 > this.places.length) this.grow();
    const places = this.places;
    const mask = (places.length >> 1) - 1;
    let i = hash(key) & mask;
    for (;;) {
      const k = places[2 * i]!;
      if (k === key || Number.isNaN(k)) break;
      i = (i + 1) & mask;
    }
    if (places[2 * i] !== key) this.size++;
    places[2 * i] = key;
    places[2 * i + 1] = id;
  }

  private grow(): void {
    const old = this.places;
    this.places = new Float64Array(old.length * 2).fill(Number.NaN);
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (!Number.isNaN(old[i]!)) this.set(old[i]!, old[i + 1]!);
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
