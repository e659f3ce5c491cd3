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
  // Continuation lines are read as meant: a note, not a warning.
  for (const [kind, t] of tallies)
    reportTally(
      t,
      (p) => TALLY_TEXT[kind]({ ...p, found: t.found ?? '' }),
      store,
      opts,
      kind === 'continued',
    );
  tallies.clear();
}

/**
 * One counted line (a warning, or a note): the first three cells in it, every cell (up to 10,000) in the
 * details that `--verbose` prints.
 */
export function reportTally(
  t: Tally,
  text: (p: { count: number; cells: string }) => (lang: Lang) => string,
  store: KpiStore,
  opts: { file: string; sheet: string },
  note = false,
): void {
  const lang = store.lang;
  const cells = t.cells.slice(0, 3).join(', ') + (t.count > 3 ? ' …' : '');
  const line = {
    message: text({ count: t.count, cells })(lang),
    file: opts.file,
    sheet: opts.sheet,
    cell: null,
  };
  if (note) store.info.push(line);
  else store.warn(line);
  if (t.count > 3)
    store.details.push(
      `${formatLocation({ file: opts.file, sheet: opts.sheet })}: ${text({
        count: t.count,
        cells: t.cells.join(', ') + (t.count > t.cells.length ? ' …' : ''),
      })(lang)}`,
    );
}
