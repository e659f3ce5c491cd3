/**
 * The shared string table, read the way exceljs's streaming reader reads it: a plain `<si><t>` gives its
 * text; rich text (`<r>` runs) gives the runs' texts joined; an `<si>` without text gives null (the cell
 * then reads as empty). Text is collected from every text node since the last `<t>`, as exceljs does.
 */
import { tokenize } from './xml.js';

export function parseSharedStrings(xml: string | undefined): (string | null)[] {
  const out: (string | null)[] = [];
  if (xml === undefined) return out;
  let text: string | null = null;
  let runs: string[] = [];
  let hasRuns = false;
  tokenize(xml, {
    open(name) {
      if (name === 'si') {
        runs = [];
        hasRuns = false;
        text = null;
      } else if (name === 't') text = null;
    },
    close(name) {
      if (name === 'r') {
        runs.push(text ?? '');
        hasRuns = true;
        text = null;
      } else if (name === 'si') {
        out.push(hasRuns ? runs.join('') : text);
        runs = [];
        hasRuns = false;
        text = null;
      }
    },
    text(t) {
      if (t === '') return;
      text = text ? text + t : t;
    },
  });
  return out;
}
