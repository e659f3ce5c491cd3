import type { ChalkInstance } from 'chalk';
import { formatLocation, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { byLang } from '../i18n/index.js';

const words: Record<Lang, { error: string; hint: string; advice: string }> = byLang(
  (c) => c.cli.report.words,
);

export function severityWord(lang: Lang, kind: 'error' | 'hint' | 'advice'): string {
  return words[lang][kind];
}

/** One problem as a line: `meeting.yaml:3:7: type: expected …`, with its hint on the next line. */
export function formatProblem(
  p: Problem,
  lang: Lang,
  c: ChalkInstance,
  kind: 'error' | 'advice' = 'error',
): string {
  const where = formatLocation(p);
  const label = kind === 'error' ? c.red(`${words[lang].error}:`) : c.yellow(`${words[lang].advice}:`);
  const path = p.path && p.path !== '(root)' ? `${c.bold(p.path)}: ` : '';
  let line = `${where ? `${c.cyan(where)}: ` : ''}${label} ${path}${p.message(lang)}`;
  if (p.hint) line += `\n  ${c.dim(`${words[lang].hint}: ${p.hint(lang)}`)}`;
  return line;
}

/** A KPI warning as it is printed: `data/kpi.xlsx [KPI]!C3: expected a number, found #DIV/0!`. */
export function kpiWarningLine(w: {
  message: string;
  file: string | null;
  sheet: string | null;
  cell: string | null;
}): string {
  const where = formatLocation({
    ...(w.file ? { file: w.file } : {}),
    ...(w.sheet ? { sheet: w.sheet } : {}),
    ...(w.cell ? { cell: w.cell } : {}),
  });
  return `${where ? `${where}: ` : ''}${w.message}`;
}
