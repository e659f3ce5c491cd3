/**
 * Rows skipped or read with a caveat are counted, not reported one by one: one warning (or note) per kind,
 * with the first cells, and every cell in the details.
 */

import { formatLocation } from '../../errors.js';
import type { Lang } from '../../i18n/lang.js';
import { km } from '../messages.js';
import type { KpiStore } from './store.js';

export type TallyKind = 'noDate' | 'badDate' | 'openNoClose' | 'closedNoClose' | 'continued';
export const TALLY_TEXT: Record<
  TallyKind,
  (p: { count: number; cells: string; found: string }) => (lang: Lang) => string
> = {
  noDate: (p) => km.noDateRows(p),
  badDate: (p) => km.badDateRows(p),
  openNoClose: (p) => km.openNoClose(p),
  closedNoClose: (p) => km.closedNoClose(p),
  continued: (p) => km.continuedLines(p),
};

export interface Tally {
  count: number;
  cells: string[];
  found?: string;
}

/** Reports the counted rows (see TALLY_TEXT) of a sheet and empties the tallies. */
export function flushTallies(
  tallies: Map<TallyKind, Tally>,
  store: KpiStore,
  opts: { file: string; sheet: string },
): void {
  const lang = store.lang;
  for (const [kind, t] of tallies) {
    const cells = t.cells.slice(0, 3).join(', ') + (t.count > 3 ? ' …' : '');
    const text = TALLY_TEXT[kind]({ count: t.count, cells, found: t.found ?? '' });
    const line = { message: text(lang), file: opts.file, sheet: opts.sheet, cell: null };
    // Continuation lines are read as meant: a note, not a warning.
    if (kind === 'continued') store.info.push(line);
    else store.warn(line);
    if (t.count > 3)
      store.details.push(
        `${formatLocation({ file: opts.file, sheet: opts.sheet })}: ${TALLY_TEXT[kind]({
          count: t.count,
          cells: t.cells.join(', ') + (t.count > t.cells.length ? ' …' : ''),
          found: t.found ?? '',
        })(lang)}`,
      );
  }
  tallies.clear();
}
