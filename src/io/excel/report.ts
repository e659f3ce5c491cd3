/**
 * The KPI report as a formatted workbook: real numbers with number and percent formats, a frozen header,
 * status fills, filters, and a legend sheet with the formulas used. exceljs is imported lazily.
 */
import type { Lang } from '../../core/i18n/lang.js';
import type { RowExtra } from '../../core/kpi/compute.js';
import { legendLines, metricLegend, statusText, WORDS } from '../../core/kpi/present.js';
import type { GroupKey, KpiResult, KpiRow } from '../../core/kpi/result.js';
import { safeText } from './cells.js';

const FILLS: Record<string, string> = {
  'on-track': 'FFC6EFCE',
  met: 'FFC6EFCE',
  'at-risk': 'FFFFEB9C',
  'off-track': 'FFFFC7CE',
  'not-met': 'FFFFC7CE',
};

export async function kpiWorkbook(
  result: KpiResult,
  extras: Map<KpiRow, RowExtra>,
  lang: Lang,
  meta: { caption: string; thresholds: { onTrack: number; atRisk: number } },
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const w = WORDS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'salesmeet';
  // Printed landscape, every column on one page wide, the caption and header row on every page.
  const print = {
    orientation: 'landscape' as const,
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  const ws = wb.addWorksheet('KPI', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { ...print, printTitlesRow: '1:2' },
  });
  const by = result.by;
  const cols: { key: string; header: string; fmt?: string; width: number; get: (r: KpiRow) => unknown }[] = [
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
  ws.getCell(1, 1).value = safeText(meta.caption);
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const header = ws.getRow(2);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = c.width;
  });
  const all = by.length > 0 ? [...result.rows, ...result.totals] : result.rows;
  all.forEach((r, ri) => {
    const row = ws.getRow(ri + 3);
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
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
              : '#,##0.##';
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
    });
    const fill = r.status ? FILLS[r.status] : undefined;
    if (fill) row.getCell(cols.length).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    if (Object.keys(r.group).length === 0 && by.length > 0) row.font = { bold: true };
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + all.length, column: cols.length } };

  const legend = wb.addWorksheet(lang === 'en' ? 'Legend' : lang === 'zh-CN' ? '说明' : '說明', {
    pageSetup: print,
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
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[s]! } };
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
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

const LEGEND_WIDTH = 110;

/**
 * The height of a row whose wrapped text fills a column this many characters wide: spreadsheet programs do not
 * grow a row for wrapped text written by a library, so the text would be cut. CJK characters take two.
 */
function wrappedHeight(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 2 : 1;
  return 15 * Math.max(1, Math.ceil(units / (width * 0.95)));
}
