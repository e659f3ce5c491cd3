import type { ActionReport, ActionRow, RateRow } from '../../../core/actions.js';
import type { LangLabels as MinutesLabels } from '../../../core/minutes/labels.js';
import { formatMeasure } from '../../../core/minutes/view.js';
import { neutralise } from '../cells.js';
import { newWorkbook, sheetName, solidFill, type Workbook, type Worksheet, workbookBytes } from './style.js';

const utcDate = (d: string) => {
  const [y, mo, da] = d.split('-').map(Number);
  return new Date(Date.UTC(y!, mo! - 1, da!));
};

const HEADER_FILL = solidFill('FFE8EEF4');
const OVERDUE_FILL = solidFill('FFFDE2E2');

/**
 * The Excel tracker: a summary sheet (completion per owner and per meeting), a sheet of all items and one
 * sheet per owner. Item sheets have a frozen header, filters, a status drop-down (data validation) and overdue
 * rows highlighted. exceljs is imported only here, when a tracker is asked for.
 */
export async function trackerWorkbook(
  report: ActionReport,
  l: MinutesLabels,
  title: string,
): Promise<Uint8Array> {
  // A fixed creation date keeps the file reproducible from the same inputs.
  const wb = await newWorkbook(utcDate(report.asOf));
  const taken = new Set<string>();
  summarySheet(wb.addWorksheet(sheetName(l.summary, taken)), report, l, title);
  itemSheet(wb, sheetName(l.actionList, taken), report.items, l);
  for (const g of report.owners) itemSheet(wb, sheetName(g.owner ?? l.noOwner, taken), g.items, l);
  return workbookBytes(wb);
}

/** The summary: title, date, then completion per owner, per meeting and in total. */
function summarySheet(sum: Worksheet, report: ActionReport, l: MinutesLabels, title: string): void {
  sum.getCell('A1').value = neutralise(`${title} · ${l.actionList}`);
  sum.getCell('A1').font = { bold: true, size: 14 };
  sum.getCell('A2').value = l.asOf;
  sum.getCell('B2').value = utcDate(report.asOf);
  sum.getCell('B2').numFmt = 'yyyy-mm-dd';
  const rateHeader = [l.total, l.done, l.open, l.overdue, l.completion];
  const rateCells = (r: RateRow) => [r.total, r.done, r.open + r.inProgress, r.overdue, r.completion];
  let row = 4;
  const table = (head: string[], rows: (string | number | null)[][]) => {
    const h = sum.getRow(row++);
    head.forEach((t, i) => {
      const c = h.getCell(i + 1);
      c.value = t;
      c.font = { bold: true };
      c.fill = HEADER_FILL;
    });
    for (const r of rows) {
      const x = sum.getRow(row++);
      r.forEach((v, i) => {
        const c = x.getCell(i + 1);
        c.value = typeof v === 'string' ? neutralise(v) : v;
        if (head[i] === l.completion) c.numFmt = '0.0%';
      });
    }
    row++;
  };
  sum.getCell(`A${row++}`).value = l.perOwner;
  table(
    [l.owner, ...rateHeader],
    report.perOwner.map((r) => [r.key ?? l.noOwner, ...rateCells(r)]),
  );
  sum.getCell(`A${row++}`).value = l.perMeeting;
  table(
    [l.meeting, l.subject, ...rateHeader, l.carriedIn],
    report.perMeeting.map((r) => [r.key ?? '', r.title ?? '', ...rateCells(r), r.carriedIn ?? 0]),
  );
  table([l.total, ...rateHeader], [[l.total, ...rateCells(report.totals)]]);
  sum.columns.forEach((c, i) => {
    c.width = i === 0 ? 24 : i === 1 ? 36 : 12;
  });
}

/** A sheet of action items: one row each, the status as a drop-down, overdue rows filled. */
function itemSheet(wb: Workbook, name: string, items: readonly ActionRow[], l: MinutesLabels): Worksheet {
  const statusList = [
    l.actionStatus.open,
    l.actionStatus['in-progress'],
    l.actionStatus.done,
    l.actionStatus.dropped,
  ];
  const columns = [
    { header: l.id, width: 24 },
    { header: l.what, width: 44 },
    { header: l.owner, width: 12 },
    { header: l.meeting, width: 20 },
    { header: l.due, width: 12 },
    { header: l.measure, width: 36 },
    { header: l.state, width: 12 },
    { header: l.carried, width: 10 },
    { header: l.overdue, width: 10 },
    { header: l.escalate, width: 10 },
    { header: l.latest, width: 36 },
  ];
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  items.forEach((a, i) => {
    const last = a.updates[a.updates.length - 1];
    const r = ws.getRow(i + 2);
    const values: (string | number | Date | null)[] = [
      a.id,
      a.what,
      a.owner ?? '',
      a.meeting,
      a.due ? utcDate(a.due) : null,
      formatMeasure(a.measure, l),
      l.actionStatus[a.status],
      a.carried,
      a.overdue ? a.daysOverdue : null,
      a.escalate ? '⚠' : '',
      last ? `${last.date}${last.note ? ` ${last.note}` : ''}` : '',
    ];
    values.forEach((v, j) => {
      r.getCell(j + 1).value = typeof v === 'string' ? neutralise(v) : v;
    });
    r.getCell(5).numFmt = 'yyyy-mm-dd';
    r.getCell(7).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${statusList.join(',')}"`],
      showErrorMessage: true,
    };
    if (a.overdue)
      r.eachCell({ includeEmpty: true }, (c) => {
        c.fill = OVERDUE_FILL;
      });
    r.alignment = { vertical: 'top', wrapText: true };
  });
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, items.length + 1), column: columns.length },
  };
  return ws;
}
