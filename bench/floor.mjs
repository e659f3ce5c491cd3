#!/usr/bin/env node
/**
 * The floor: the least work that reads the bench's detail export (bench/orders.mjs) and aggregates what
 * `salesmeet kpi --by region --period 2026-H1` aggregates — a node:zlib inflate stream of the worksheet part
 * and a byte scanner that knows only this file's shape (`<c r="B2" s=".." t="s"><v>..</v></c>`): per region
 * (shared-string index) the sums of 销售额, 成本, 应回款额 and 回款额 and the row count, over the rows dated in
 * each of the three ranges (2026-H1, 2025-H1, 2025-H2). No shared strings, no styles, no checks: nothing
 * can read the sheet much faster in Node. Written for the benchmark, not for use.
 *
 *   node bench/floor.mjs FILE        # prints JSON: { rows, ranges: [{ rows, sums: [4 amounts, '123.45'] }, …] }
 */
import { createReadStream } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { sheetEntry } from './orders.mjs';

// Excel serials (1900 system) of the ranges' first and last days.
const serial = (y, m, d) => Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
export const RANGES = [
  [serial(2026, 1, 1), serial(2026, 6, 30)],
  [serial(2025, 1, 1), serial(2025, 6, 30)],
  [serial(2025, 7, 1), serial(2025, 12, 31)],
];

export async function floor(path) {
  const e = sheetEntry(path);
  const src = createReadStream(path, {
    start: e.start,
    end: e.start + e.compressed - 1,
    highWaterMark: 1 << 20,
  });
  // Per range: rows and the four sums; per range and region index: the revenue.
  // Sums in whole cents (the export's amounts have at most two decimals): exact, whatever the order of adding.
  const out = RANGES.map(() => ({ rows: 0, sums: [0, 0, 0, 0], byRegion: new Map() }));
  let rows = 0;
  let date = 0;
  let region = -1;
  const vals = [0, 0, 0, 0];
  let carry = null;
  const endRow = () => {
    if (region < 0 || date === 0) return;
    rows++;
    for (let r = 0; r < RANGES.length; r++) {
      if (date < RANGES[r][0] || date > RANGES[r][1]) continue;
      const o = out[r];
      o.rows++;
      for (let k = 0; k < 4; k++) o.sums[k] += vals[k];
      o.byRegion.set(region, (o.byRegion.get(region) ?? 0) + vals[0]);
    }
    region = -1;
  };
  for await (const chunk of src.pipe(createInflateRaw({ chunkSize: 256 * 1024 }))) {
    let buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    // Only whole cells are scanned: the rest (from the last '<c ') waits for the next chunk.
    let end = buf.lastIndexOf('<c ');
    if (end < 0) end = 0;
    carry = buf.subarray(end);
    buf = buf.subarray(0, end);
    const len = buf.length;
    let i = 0;
    while (i < len) {
      if (buf[i] !== 60) {
        i++;
        continue;
      }
      const b1 = buf[i + 1];
      if (b1 === 99 && buf[i + 2] === 32) {
        // <c r="X123" ...>: the column letter, then the value after <v>.
        const col = buf[i + 6] - 65;
        let j = i + 7;
        while (buf[j] !== 62) j++;
        if (buf[j - 1] === 47) {
          i = j + 1;
          continue;
        }
        j += 4; // '><v>'
        let mant = 0;
        let frac = -1;
        let neg = false;
        for (;;) {
          const b = buf[j];
          if (b >= 48 && b <= 57) {
            mant = mant * 10 + (b - 48);
            if (frac >= 0) frac++;
          } else if (b === 46) frac = 0;
          else if (b === 45) neg = true;
          else break;
          j++;
        }
        if (neg) mant = -mant;
        if (col === 0) date = mant;
        else if (col === 1) region = mant;
        else if (col >= 5 && col <= 8) vals[col - 5] = frac > 0 ? mant * 10 ** (2 - frac) : mant * 100;
        i = j;
        continue;
      }
      if (b1 === 47 && buf[i + 2] === 114)
        endRow(); // </row>
      else if (b1 === 114) {
        // <row ...>: a new row (the header row has a text region, so region stays -1 until a number).
        region = -1;
        date = 0;
      }
      i++;
    }
  }
  if (carry) {
    const tail = carry.toString('latin1');
    if (tail.includes('</row>')) {
      // The last cells of the last row.
      const m = [...tail.matchAll(/<c r="([A-Z])\d+"[^>]*><v>([^<]*)<\/v><\/c>/g)];
      for (const [, c, t] of m) {
        const col = c.charCodeAt(0) - 65;
        const v = Number(t);
        if (col === 0) date = v;
        else if (col === 1) region = v;
        else if (col >= 5 && col <= 8) vals[col - 5] = Math.round(v * 100);
      }
      endRow();
    }
  }
  // Back to yuan, as text with two decimals (the cents are exact integers).
  const yuan = (c) =>
    `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
  return {
    rows,
    ranges: out.map((o) => ({ rows: o.rows, sums: o.sums.map(yuan), regions: o.byRegion.size })),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const t0 = performance.now();
  const r = await floor(process.argv[2]);
  process.stdout.write(`${JSON.stringify({ ...r, ms: performance.now() - t0 })}\n`);
}
