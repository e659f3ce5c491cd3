/**
 * The KPI table as text: for the terminal (colours passed in, so the caller decides them once per stream), as
 * Markdown and as CSV. The table itself (headers, cells, status, totals) is built by `core/kpi/present.ts`.
 */
import stringWidth from 'string-width';
import type { FunnelText } from '../core/kpi/funnel-present.js';
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

/**
 * Display width in a terminal: ASCII counts 1 and CJK ideographs, kana, hangul and full-width forms count 2, found
 * by a plain loop; anything else (emoji, combining marks, other scripts) goes to string-width. A breakdown by
 * customer has hundreds of thousands of cells, nearly all of them ASCII and CJK: string-width on each cost seconds.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) w += 1;
    else if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3040 && c <= 0x30ff) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xff01 && c <= 0xff60) ||
      (c >= 0x3001 && c <= 0x303e)
    )
      w += 2;
    else return stringWidth(s);
  }
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const gap = Math.max(0, width - displayWidth(s));
  return right ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
}

/** Columns aligned by display width (CJK counts double), numbers right-aligned, the status coloured. */
export function renderKpiTable(t: Table, paint: Paint): string {
  const widths = t.headers.map((h, i) =>
    Math.max(displayWidth(h), ...t.rows.map((r) => displayWidth(r[i] ?? ''))),
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
    if (i === t.totalsFrom) {
      // A capped table (a breakdown by customer) says what it leaves out, after the groups it shows.
      if (t.more !== undefined) out.push(t.more);
      out.push(widths.map((w) => '─'.repeat(w)).join('  '));
    }
    out.push(line(r, t.status[i] ?? null, i >= t.totalsFrom && t.totalsFrom >= 0));
  });
  return out.join('\n');
}

/** The funnel under the KPI table: its caption, its table, its lines (win rate, coverage…), then its notes dimmed. */
export function renderFunnelText(f: FunnelText, paint: Paint, dim: (s: string) => string = same): string {
  return `${paint.bold(f.caption)}\n\n${renderKpiTable(f.table, paint)}\n\n${f.lines.join('\n')}\n${dim(f.notes.join('\n'))}`;
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
