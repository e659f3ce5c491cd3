/**
 * Finding the header row: each of the first rows held is scored by the columns it names, with the group
 * text of a merged header row above it and the user's `kpi.columns` taking precedence.
 */
import { type HeaderInfo, type Role, recognise, scopeOf, splitUnit } from '../headers.js';
import { normName } from '../metrics.js';
import { cellText, type SheetRow } from '../values.js';
import { roleOfOverride } from './columns.js';

export const VALUE_ROLES = new Set<Role>(['target', 'actual', 'priorYear', 'priorPeriod']);

/** Header text per column for a held row, with the group text above when the row above looks like a group header. */
export function headerCandidates(
  held: readonly SheetRow[],
  i: number,
  mergeMaster: ReadonlyMap<string, string>,
  columns: Record<string, string> | undefined,
): { infos: (HeaderInfo | undefined)[]; score: number; values: number } {
  const row = held[i]!;
  const above = i > 0 ? held[i - 1] : undefined;
  const groups: (string | undefined)[] = [];
  if (above) {
    const filled = above.cells.filter((c) => cellText(c) !== '').length;
    if (filled >= 2) {
      let last: string | undefined;
      const width = Math.max(row.cells.length, above.cells.length);
      for (let c = 0; c < width; c++) {
        const master = mergeMaster.get(`${above.n}:${c}`);
        const own = cellText(above.cells[c]);
        if (own !== '') last = own;
        else if (master === undefined && mergeMaster.size > 0) last = undefined;
        groups[c] =
          own !== ''
            ? own
            : master !== undefined
              ? cellText(
                  held.find((r) => r.n === Number(master.split(':')[0]))?.cells[Number(master.split(':')[1])],
                )
              : last;
      }
    }
  }
  const overrides = new Map<string, Role>();
  for (const [field, header] of Object.entries(columns ?? {})) {
    const role = roleOfOverride(field);
    if (role) overrides.set(normName(header), role);
  }
  const infos: (HeaderInfo | undefined)[] = [];
  let score = 0;
  let values = 0;
  const width = Math.max(row.cells.length, above?.cells.length ?? 0);
  for (let c = 0; c < width; c++) {
    let text = cellText(row.cells[c]);
    if (text === '' && above) {
      // A header merged down over two rows (指标 over A3:A4) sits in the row above.
      const master = mergeMaster.get(`${row.n}:${c}`);
      if (master !== undefined && master === `${above.n}:${c}`) text = cellText(above.cells[c]);
      else if (groups.length > 0 && master === undefined && !mergeMaster.has(`${above.n}:${c + 1}`))
        text = cellText(above.cells[c]);
      if (text !== '') {
        const info = recognise(text);
        infos[c] = info;
        if (info && info.role !== 'derived') {
          score += 1;
          if (VALUE_ROLES.has(info.role) || info.role === 'stage') values += 1;
        }
        continue;
      }
    }
    if (text === '' || typeof row.cells[c]?.v === 'number') continue;
    const forced =
      overrides.size > 0
        ? (overrides.get(normName(text)) ?? overrides.get(normName(splitUnit(text).name)))
        : undefined;
    let info: HeaderInfo | undefined = forced
      ? { role: forced, unit: splitUnit(text).unit, text, forced: true }
      : recognise(text, groups[c]);
    if (!info && groups[c] && cellText(row.cells[c]) !== '') info = recognise(`${groups[c]}${text}`);
    if (info) {
      const group = groups[c];
      const scope = scopeOf(text) ?? (group ? scopeOf(group) : undefined);
      if (scope) info.scope = scope;
    }
    infos[c] = info;
    if (info && info.role !== 'derived') {
      score += 1;
      if (VALUE_ROLES.has(info.role) || info.role === 'stage') values += 1;
    }
  }
  return { infos, score, values };
}
