/**
 * The KPI report as a formatted workbook: real numbers with number and percent formats, a frozen header,
 * status fills, filters, and a legend sheet with the formulas used. exceljs is imported lazily.
 */
import type { Lang } from '../../../core/i18n/lang.js';
import type { RowExtra } from '../../../core/kpi/compute.js';
import { funnelText } from '../../../core/kpi/funnel-present.js';
import { decimalsByMetric, legendLines, metricLegend, statusText, WORDS } from '../../../core/kpi/present.js';
import type { GroupKey, KpiResult, KpiRow } from '../../../core/kpi/result.js';
import { STATUS_COLOURS } from '../../../core/kpi/status-colours.js';
import { catalogue } from '../../../i18n/index.js';
import { safeText } from '../cells.js';
import {
  type Cell,
  newWorkbook,
  PRINT_LANDSCAPE,
  solidFill,
  type Workbook,
  type Worksheet,
  workbookBytes,
  wrappedHeight,
} from './style.js';

/** The status fills as ARGB, from the one set of status colours. */
const FILLS: Record<string, string> = Object.fromEntries(
  Object.entries(STATUS_COLOURS).map(([status, c]) => [status, `FF${c.fill.slice(1).toUpperCase()}`]),
);
const HEADER_FILL = solidFill('FFD9E1F2');

type Words = (typeof WORDS)[Lang];

/** A column of the KPI sheet: its header, its number format (or a rule: value, change, mom), width and value. */
interface Column {
  key: string;
  header: string;
  fmt?: string;
  width: number;
  get: (r: KpiRow) => unknown;
}

export async function kpiWorkbook(
  result: KpiResult,
  extras: Map<KpiRow, RowExtra>,
  lang: Lang,
  meta: { caption: string; thresholds: { onTrack: number; atRisk: number } },
): Promise<Uint8Array> {
  const w = WORDS[lang];
  const wb = await newWorkbook();
  // Printed landscape, every column on one page wide, the caption and header row on every page.
  const ws = wb.addWorksheet('KPI', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { ...PRINT_LANDSCAPE, printTitlesRow: '1:2' },
  });
  const cols = kpiColumns(result.by, w, extras, lang);
  ws.getCell(1, 1).value = safeText(meta.caption);
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const header = ws.getRow(2);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = c.width;
  });
  const all = result.by.length > 0 ? [...result.rows, ...result.totals] : result.rows;
  // One number format per metric, as the terminal table: #,##0.00 when any of its values has cents, else #,##0.
  const digits = decimalsByMetric(all);
  all.forEach((r, ri) => {
    const row = ws.getRow(ri + 3);
    cols.forEach((c, i) => {
      writeValue(row.getCell(i + 1), c, r, w, digits.get(r.metric) ?? 2);
    });
    const fill = r.status ? FILLS[r.status] : undefined;
    if (fill) row.getCell(cols.length).fill = solidFill(fill);
    if (Object.keys(r.group).length === 0 && result.by.length > 0) row.font = { bold: true };
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + all.length, column: cols.length } };
  funnelSheet(wb, result, lang);
  legendSheet(wb, result, lang, meta);
  return workbookBytes(wb);
}

/**
 * The funnel of opportunity exports, on a sheet of its own after the KPI sheet: the stages and the open and closed
 * totals as real numbers, then the win rate, coverage and overdue lines and how the table reads.
 */
function funnelSheet(wb: Workbook, result: KpiResult, lang: Lang): void {
  const f = result.funnel;
  const text = funnelText(result, lang);
  if (!f || !text) return;
  const ws = wb.addWorksheet(catalogue(lang).kpi.funnel.title, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { ...PRINT_LANDSCAPE, printTitlesRow: '1:2' },
  });
  ws.getCell(1, 1).value = safeText(text.caption);
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const money = text.digits === 0 ? '#,##0' : '#,##0.00';
  const header = ws.getRow(2);
  text.columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text.table.headers[i]!;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = col === 'stage' ? 24 : col === 'verdict' ? 10 : 14;
  });
  const closed = {
    count: f.won.count + f.lost.count,
    amount:
      f.won.amount === null && f.lost.amount === null
        ? null
        : Number(((f.won.amount ?? 0) + (f.lost.amount ?? 0)).toPrecision(12)),
  };
  const figures: { count: number; amount: number | null; weighted: number | null; share: number | null }[] = [
    ...f.stages.map((st) => ({
      count: st.count,
      amount: st.amount,
      weighted: st.weightedAmount,
      share: st.share,
    })),
    {
      count: f.open.count,
      amount: f.open.amount,
      weighted: f.open.weightedAmount,
      share: f.open.count > 0 ? 1 : null,
    },
    { count: closed.count, amount: closed.amount, weighted: null, share: closed.count > 0 ? 1 : null },
  ];
  text.table.rows.forEach((cells, ri) => {
    const row = ws.getRow(ri + 3);
    const v = figures[ri]!;
    text.columns.forEach((col, i) => {
      const cell = row.getCell(i + 1);
      const n =
        col === 'deals'
          ? v.count
          : col === 'amount'
            ? v.amount
            : col === 'weighted'
              ? v.weighted
              : col === 'share'
                ? v.share
                : undefined;
      if (n === undefined) {
        if (cells[i]) cell.value = safeText(cells[i]!);
      } else if (n !== null) {
        cell.value = n;
        cell.numFmt = col === 'deals' ? '#,##0' : col === 'share' ? '0.0%' : money;
      }
    });
    if (ri >= text.table.totalsFrom) row.font = { bold: true };
  });
  const below = text.table.rows.length + 4;
  [...text.lines, ...text.notes].forEach((l, i) => {
    const c = ws.getCell(below + i, 1);
    c.value = safeText(l);
  });
}

/** The columns of the KPI sheet: the grouping keys, then the figures, then the status. */
function kpiColumns(by: readonly GroupKey[], w: Words, extras: Map<KpiRow, RowExtra>, lang: Lang): Column[] {
  return [
    ...by.map((k: GroupKey, i: number) => ({
      key: `g:${k}`,
      header: w.group[k],
      width: 14,
      get: (r: KpiRow) => {
        const depth = Object.keys(r.group).length;
        if (depth === 0) return i === 0 ? w.total : null;
        return r.group[k] ?? (i === depth ? w.subtotal : null);
      },
    })),
    { key: 'metric', header: w.col.metric!, width: 16, get: (r) => r.label },
    { key: 'unit', header: w.col.unit!, width: 8, get: (r) => r.unit },
    { key: 'target', header: w.col.target!, fmt: 'value', width: 14, get: (r) => r.target },
    { key: 'actual', header: w.col.actual!, fmt: 'value', width: 14, get: (r) => r.actual },
    { key: 'achievement', header: w.col.achievement!, fmt: '0.0%', width: 10, get: (r) => r.achievement },
    { key: 'variance', header: w.col.variance!, fmt: 'value', width: 14, get: (r) => r.variance },
    { key: 'priorYear', header: w.col.priorYear!, fmt: 'value', width: 14, get: (r) => r.priorYear },
    {
      key: 'yoy',
      header: w.col.yoy!,
      fmt: 'change',
      width: 12,
      get: (r) => (r.yoyNote ? w.note[r.yoyNote] : r.yoy),
    },
    { key: 'priorPeriod', header: w.col.priorPeriod!, fmt: 'value', width: 14, get: (r) => r.priorPeriod },
    {
      key: 'mom',
      header: w.col.mom!,
      fmt: 'mom',
      width: 12,
      get: (r) => (r.momNote ? w.note[r.momNote] : r.mom),
    },
    { key: 'forecast', header: w.col.forecast!, fmt: 'value', width: 14, get: (r) => r.forecast },
    {
      key: 'forecastAchievement',
      header: w.col.forecastAchievement!,
      fmt: '0.0%',
      width: 10,
      get: (r) => r.forecastAchievement,
    },
    {
      key: 'pace',
      header: w.col.pace!,
      fmt: 'value',
      width: 14,
      get: (r) => extras.get(r)?.requiredPace ?? null,
    },
    { key: 'share', header: w.col.share!, fmt: '0.0%', width: 9, get: (r) => r.share },
    { key: 'rank', header: w.col.rank!, fmt: '0', width: 6, get: (r) => r.rank },
    { key: 'status', header: w.col.status!, width: 12, get: (r) => statusText(r.status, lang) },
  ];
}

/** One cell of a KPI row: text as safe text, numbers with the format their metric and column call for. */
function writeValue(cell: Cell, c: Column, r: KpiRow, w: Words, digits: 0 | 2): void {
  const v = c.get(r);
  if (v === null || v === undefined) return;
  if (typeof v === 'string') {
    cell.value = safeText(v);
    if (c.fmt) cell.alignment = { horizontal: 'right' };
    return;
  }
  if (typeof v !== 'number') return;
  const isPp = (c.key === 'yoy' && r.yoyUnit === 'pp') || (c.key === 'mom' && r.momUnit === 'pp');
  if (c.fmt === 'value') {
    cell.value = v;
    cell.numFmt =
      r.unit === '×'
        ? '0.0"×"'
        : r.kind === 'ratio'
          ? c.key === 'variance'
            ? `+0.0" ${w.pp}";-0.0" ${w.pp}";0.0" ${w.pp}"`
            : '0.0%'
          : digits === 0
            ? '#,##0'
            : '#,##0.00';
    if (r.kind === 'ratio' && c.key === 'variance') cell.value = Math.round(v * 1000) / 10;
  } else if (c.fmt === 'change' || c.fmt === 'mom') {
    if (isPp) {
      cell.value = Math.round(v * 1000) / 10;
      cell.numFmt = `+0.0" ${w.pp}";-0.0" ${w.pp}";0.0" ${w.pp}"`;
    } else {
      cell.value = v;
      cell.numFmt = '+0.0%;-0.0%;0.0%';
    }
  } else {
    cell.value = v;
    if (c.fmt) cell.numFmt = c.fmt;
  }
}

/** The legend sheet: the caption, how to read the table, the status colours, the formulas and reading notes. */
function legendSheet(
  wb: Workbook,
  result: KpiResult,
  lang: Lang,
  meta: { caption: string; thresholds: { onTrack: number; atRisk: number } },
): void {
  const legend: Worksheet = wb.addWorksheet(catalogue(lang).excel.legendSheet, {
    pageSetup: PRINT_LANDSCAPE,
  });
  legend.getColumn(1).width = LEGEND_WIDTH;
  legend.getCell(1, 1).value = safeText(meta.caption);
  legend.getCell(1, 1).font = { bold: true };
  legendLines(lang, meta.thresholds).forEach((l, i) => {
    const c = legend.getCell(i + 3, 1);
    c.value = l;
    c.alignment = { wrapText: true, vertical: 'top' };
    legend.getRow(i + 3).height = wrappedHeight(l, LEGEND_WIDTH);
  });
  const statuses = ['on-track', 'at-risk', 'off-track', 'met', 'not-met'] as const;
  statuses.forEach((s, i) => {
    const c = legend.getCell(i + 8, 1);
    c.value = statusText(s, lang);
    c.fill = solidFill(FILLS[s]!);
  });
  // The formulas of the counted metrics, then how the data was read (which stages were won, which amount).
  [...metricLegend(result, lang), ...result.notes.map((n) => `${n.file} [${n.sheet}]: ${n.message}`)].forEach(
    (l, i) => {
      const c = legend.getCell(i + 14, 1);
      c.value = safeText(l);
      c.alignment = { wrapText: true, vertical: 'top' };
      legend.getRow(i + 14).height = wrappedHeight(l, LEGEND_WIDTH);
    },
  );
}

const LEGEND_WIDTH = 110;
