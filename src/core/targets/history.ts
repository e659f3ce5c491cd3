/**
 * What a detail export tells a target split: prior-year amounts by month (seasonality) and by organisation
 * member (shares), and the year before that (the member's own growth). Pure: takes HistoryRow arrays.
 */
import type { HistoryRow } from '../history.js';
import { addMonths } from './period.js';
import type { OrgLevel } from './plan.js';

/** A member's place in the organisation: its name at each level from the top, e.g. `{ region: 华东, team: 一组 }`. */
export type OrgPath = Partial<Record<OrgLevel, string>>;

/** True when a history row belongs to the member: its own level matches, and each ancestor level the row names. */
export function rowMatches(row: HistoryRow, path: OrgPath): boolean {
  for (const [level, name] of Object.entries(path) as [OrgLevel, string][]) {
    const v = row.group[level];
    if (v === undefined) return false;
    if (v.trim() !== name) return false;
  }
  return true;
}

export class HistoryIndex {
  private readonly byMonth = new Map<string, HistoryRow[]>();

  constructor(readonly rows: readonly HistoryRow[]) {
    for (const row of rows) {
      const list = this.byMonth.get(row.month);
      if (list) list.push(row);
      else this.byMonth.set(row.month, [row]);
    }
  }

  /** The months `yearsBack` years before each target month. */
  static base(months: readonly string[], yearsBack = 1): string[] {
    return months.map((m) => addMonths(m, -12 * yearsBack));
  }

  hasMonth(month: string): boolean {
    return this.byMonth.has(month);
  }

  /** Sum over the months for the member (the whole company when `path` is empty); null when no row matched. */
  amount(months: readonly string[], path: OrgPath = {}): number | null {
    let sum = 0;
    let found = false;
    for (const m of months) {
      for (const row of this.byMonth.get(m) ?? []) {
        if (rowMatches(row, path)) {
          sum += row.amount;
          found = true;
        }
      }
    }
    return found ? sum : null;
  }

  /**
   * The members of `level` under `parent` named in the rows of the months (all months when none match), largest
   * prior-year amount first.
   */
  members(level: OrgLevel, parent: OrgPath, months: readonly string[]): string[] {
    const pick = (rows: readonly HistoryRow[]) => {
      const sums = new Map<string, number>();
      for (const row of rows) {
        const name = row.group[level]?.trim();
        if (!name || !rowMatches(row, parent)) continue;
        sums.set(name, (sums.get(name) ?? 0) + row.amount);
      }
      return [...sums.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n);
    };
    const inBase = pick(months.flatMap((m) => this.byMonth.get(m) ?? []));
    return inBase.length > 0 ? inBase : pick(this.rows);
  }
}
