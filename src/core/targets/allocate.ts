/**
 * Integer allocation. Amounts are handled in integer units of the output precision (0.1 万元 → 1 unit when the
 * precision is 1), so every part adds up exactly to its whole: no rounding cent is ever lost or invented.
 */

/** Amount → integer units at the precision (0, 1 or 2 decimals). */
export function toUnits(amount: number, precision: number): number {
  return Math.round(amount * 10 ** precision);
}

/** Integer units → amount, without floating-point noise (79.2, not 79.20000000000001). */
export function fromUnits(units: number, precision: number): number {
  return Number((units / 10 ** precision).toFixed(precision));
}

/**
 * Largest-remainder (Hamilton) allocation of `units` over non-negative weights: each part gets the floor of its
 * exact share, and the units left over go one by one to the largest remainders (ties: the earlier part).
 * The parts always add up to `units`. All-zero weights split evenly.
 */
export function allocate(units: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  if (!Number.isInteger(units) || units < 0)
    throw new RangeError(`allocate: units must be a whole number ≥ 0`);
  for (const w of weights)
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError('allocate: weights must be finite and ≥ 0');
  const sum = weights.reduce((a, b) => a + b, 0);
  const ws = sum > 0 ? weights : weights.map(() => 1);
  const total = sum > 0 ? sum : weights.length;
  const parts = ws.map((w) => Math.floor((units * w) / total));
  const rema = ws.map((w, i) => (units * w) / total - parts[i]!);
  let left = units - parts.reduce((a, b) => a + b, 0);
  const order = ws.map((_, i) => i).sort((a, b) => rema[b]! - rema[a]! || a - b);
  // Floating-point noise can make the floors overshoot or undershoot by a unit; the loops settle it exactly.
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!]!++;
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
    const i = order[k]!;
    if (parts[i]! > 0) {
      parts[i]!--;
      left++;
    }
  }
  return parts;
}

/**
 * Controlled rounding of a proportional table: splits each of `rowTotals` over the columns in proportion to
 * `colTotals` (both integers with the same sum) so that every row adds up to its row total AND every column to
 * its column total. Each cell is the floor or the ceiling of its exact value rowTotal × colTotal / total.
 * Exact integer arithmetic (BigInt); the extra units are placed by a max-flow over the cells with a remainder,
 * largest remainders first.
 */
export function splitTable(rowTotals: readonly number[], colTotals: readonly number[]): number[][] {
  const total = rowTotals.reduce((a, b) => a + b, 0);
  if (total !== colTotals.reduce((a, b) => a + b, 0))
    throw new RangeError('splitTable: row and column totals differ');
  const R = rowTotals.length;
  const C = colTotals.length;
  if (total === 0) return rowTotals.map(() => colTotals.map(() => 0));
  const T = BigInt(total);
  const cells: number[][] = [];
  const rem: bigint[][] = [];
  const rowNeed: number[] = [];
  const colNeed = [...colTotals];
  for (let r = 0; r < R; r++) {
    const row: number[] = [];
    const rr: bigint[] = [];
    for (let c = 0; c < C; c++) {
      const p = BigInt(rowTotals[r]!) * BigInt(colTotals[c]!);
      row.push(Number(p / T));
      rr.push(p % T);
      colNeed[c]! -= Number(p / T);
    }
    cells.push(row);
    rem.push(rr);
    rowNeed.push(rowTotals[r]! - row.reduce((a, b) => a + b, 0));
  }
  // plus[r][c] = 1 when cell (r, c) is rounded up.
  const plus = cells.map((row) => row.map(() => 0));
  // Greedy first: largest remainders while both the row and the column still need a unit.
  const order: [number, number][] = [];
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (rem[r]![c]! > 0n) order.push([r, c]);
  order.sort(([r1, c1], [r2, c2]) => {
    const d = rem[r2]![c2]! - rem[r1]![c1]!;
    return d > 0n ? 1 : d < 0n ? -1 : r1 - r2 || c1 - c2;
  });
  const rowLeft = [...rowNeed];
  const colLeft = [...colNeed];
  for (const [r, c] of order) {
    if (rowLeft[r]! > 0 && colLeft[c]! > 0) {
      plus[r]![c] = 1;
      rowLeft[r]!--;
      colLeft[c]!--;
    }
  }
  // Then augmenting paths (row → unused cell → column, or back through a used cell) until every row is served.
  // A feasible assignment always exists: the remainders themselves are a fractional one.
  for (let r0 = 0; r0 < R; r0++) {
    while (rowLeft[r0]! > 0) {
      const prevRow = new Array<number>(C).fill(-1);
      const seenRow = new Array<boolean>(R).fill(false);
      const backCol = new Array<number>(R).fill(-1);
      const queue = [r0];
      seenRow[r0] = true;
      let end = -1;
      while (queue.length > 0 && end < 0) {
        const r = queue.shift()!;
        for (let c = 0; c < C; c++) {
          if (plus[r]![c] === 1 || rem[r]![c] === 0n || prevRow[c]! >= 0) continue;
          prevRow[c] = r;
          if (colLeft[c]! > 0) {
            end = c;
            break;
          }
          for (let r2 = 0; r2 < R; r2++)
            if (!seenRow[r2] && plus[r2]![c] === 1) {
              seenRow[r2] = true;
              queue.push(r2);
              // The path continues from r2 by taking back its unit in column c.
              backCol[r2] = c;
            }
        }
      }
      if (end < 0) throw new Error('splitTable: no feasible rounding (internal error)');
      colLeft[end]!--;
      rowLeft[r0]!--;
      let c = end;
      for (;;) {
        const r = prevRow[c]!;
        plus[r]![c] = 1;
        if (r === r0) break;
        const back = backCol[r]!;
        plus[r]![back] = 0;
        c = back;
      }
    }
  }
  return cells.map((row, r) => row.map((v, c) => v + plus[r]![c]!));
}
