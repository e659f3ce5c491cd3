/**
 * The KPI table as text: for the terminal (colours passed in, so the caller decides them once per stream), as
 * Markdown and as CSV. The table itself (headers, cells, status, totals) is built by `core/kpi/present.ts`.
 */
import stringWidth from 'string-width';
import type { Table } from '../core/kpi/present.js';
import type { Status } from '../core/kpi/result.js';
import { neutralise } from '../io/excel/cells.js';

/** How the terminal table is painted; `PLAIN` for a file. */
export interface Paint {
  bold(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  red(s: string): string;
}

const same = (s: string) => s;
export const PLAIN: Paint = { bold: same, green: same, yellow: same, red: same };

function pad(s: string, width: number, right: boolean): string {
  const gap = Math.max(0, width - stringWidth(s));
  return right ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
}

/** Columns aligned by display width (CJK counts double), numbers right-aligned, the status coloured. */
export function renderKpiTable(t: Table, paint: Paint): string {
  const widths = t.headers.map((h, i) =>
    Math.max(stringWidth(h), ...t.rows.map((r) => stringWidth(r[i] ?? ''))),
  );
  const colour = (s: string, st: Status) => {
    if (st === 'on-track' || st === 'met') return paint.green(s);
    if (st === 'at-risk') return paint.yellow(s);
    if (st === 'off-track' || st === 'not-met') return paint.red(s);
    return s;
  };
  const statusCol = t.headers.length - 1;
  const line = (cells: string[], st: Status | null, bold: boolean) =>
    cells
      .map((c, i) => {
        const p = pad(c, widths[i]!, t.numeric[i]!);
        if (i === statusCol && st !== null && c !== '—') return colour(p, st);
        return bold ? paint.bold(p) : p;
      })
      .join('  ')
      .trimEnd();
  const out = [line(t.headers, null, true), widths.map((w) => '─'.repeat(w)).join('  ')];
  t.rows.forEach((r, i) => {
    if (i === t.totalsFrom) out.push(widths.map((w) => '─'.repeat(w)).join('  '));
    out.push(line(r, t.status[i] ?? null, i >= t.totalsFrom && t.totalsFrom >= 0));
  });
  return out.join('\n');
}

const mdCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderKpiMarkdown(t: Table, title: string, legend: string[]): string {
  const out = [
    `## ${mdCell(title)}`,
    '',
    `| ${t.headers.map(mdCell).join(' | ')} |`,
    `|${t.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`,
  ];
  t.rows.forEach((r, i) => {
    const cells = r.map(mdCell);
    out.push(
      `| ${i >= t.totalsFrom && t.totalsFrom >= 0 ? cells.map((c) => (c ? `**${c}**` : c)).join(' | ') : cells.join(' | ')} |`,
    );
  });
  out.push('', ...legend.map((l) => `- ${mdCell(l)}`));
  return `${out.join('\n')}\n`;
}

/** CSV with a UTF-8 BOM (Excel opens it as UTF-8) and cells that would become formulas neutralised. */
export function renderKpiCsv(t: Table): string {
  const cell = (raw: string) => {
    // An ASCII minus, so Excel reads −800 and −3.0% as numbers; a plain number cannot hide a formula.
    const s = raw.replace(/\u2212/g, '-');
    const numeric = /^[-+]?[\d,]+(\.\d+)?%?$/.test(s);
    const v = numeric ? s : neutralise(s);
    return /[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [t.headers, ...t.rows].map((r) => r.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
