import {
  type ActionReport,
  completedOn,
  ESCALATE_AFTER,
  latestNote,
  OPEN_STATUSES,
} from '../../../core/actions.js';
import type { LangLabels as MinutesLabels } from '../../../core/minutes/labels.js';
import type { ActionStatus } from '../../../core/minutes/schema.js';
import { formatMeasure } from '../../../core/minutes/view.js';
import { catalogue } from '../../../i18n/index.js';
import { neutralise } from '../cells.js';
import {
  colLetter,
  newWorkbook,
  PRINT_LANDSCAPE,
  sheetName,
  solidFill,
  styleHeader,
  textWidth,
  validateRange,
  type Workbook,
  type Worksheet,
  workbookBytes,
} from './style.js';

const utcDate = (d: string) => {
  const [y, mo, da] = d.split('-').map(Number);
  return new Date(Date.UTC(y!, mo! - 1, da!));
};

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const HEADER_FILL = solidFill('FFE8EEF4');
/** The summary's first column: owners and meetings (title and date). */
const LABEL_WIDTH = 46;
/** Conditional fills: overdue, due within a week, closed (done or dropped). */
export const TRACKER_FILLS = { overdue: 'FFFDE2E2', dueSoon: 'FFFFF2CC', closed: 'FFE7E6E6' } as const;
/** Due within this many days (and not yet overdue): amber. */
export const DUE_SOON_DAYS = 7;
/**
 * Blank rows below the list that the drop-downs, the colours and the summary's ranges already cover, so an item
 * added next week under the last one (the last row copied down, for its formulas) is counted like the others.
 * They hold no cell, so they neither print nor scroll.
 */
export const SPARE_ROWS = 100;

export interface TrackerOptions {
  /** What the tracker is for (the meeting's title, or the meetings'): the summary's title and the page header. */
  title: string;
  /**
   * Today (YYYY-MM-DD) in the meeting's time zone. The sheet judges overdue with TODAY() whenever it is opened;
   * the cached results written with the formulas (for viewers that do not recalculate) are computed for this day.
   */
  today: string;
}

/** A string literal inside a formula. */
const lit = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** A sheet-qualified absolute range: 'Sheet'!$C$2:$C$7. */
const range = (sheet: string, col: number, from: number, to: number) =>
  `'${sheet.replace(/'/g, "''")}'!$${colLetter(col)}$${from}:$${colLetter(col)}$${to}`;
/** Text for a page header or footer: `&` starts a code there, so a literal one is doubled; at most `max` long. */
const hf = (s: string, max = 80) => {
  const cut = [...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s;
  return cut.replace(/&/g, '&&');
};

/** The list's columns, in order; `wrap`: long text, wrapped, and counted for the row's height. */
type Key =
  | 'id'
  | 'what'
  | 'owner'
  | 'priority'
  | 'due'
  | 'status'
  | 'daysOverdue'
  | 'completedOn'
  | 'progress'
  | 'measure'
  | 'meeting'
  | 'carried'
  | 'escalate';

function listColumns(l: MinutesLabels): { key: Key; header: string; width: number; center?: boolean }[] {
  return [
    { key: 'id', header: l.id, width: 19 },
    { key: 'what', header: l.what, width: 38 },
    { key: 'owner', header: l.owner, width: 10, center: true },
    { key: 'priority', header: l.priority, width: 8, center: true },
    { key: 'due', header: l.due, width: 11, center: true },
    { key: 'status', header: l.state, width: 10, center: true },
    { key: 'daysOverdue', header: l.daysOverdueHeader, width: 9, center: true },
    { key: 'completedOn', header: l.completedOn, width: 11, center: true },
    { key: 'progress', header: l.progressThisWeek, width: 30 },
    { key: 'measure', header: l.measure, width: 24 },
    { key: 'meeting', header: l.meeting, width: 20 },
    { key: 'carried', header: l.carried, width: 8, center: true },
    { key: 'escalate', header: l.escalateHeader, width: 8, center: true },
  ];
}

/** Points per line of 11-point text (CJK fonts set it taller than Latin ones), and the cell's padding. */
const LINE = 16;
const PAD = 4;

/**
 * How many lines a text takes in a wrapped cell this many characters wide: words wrap whole (a word longer than a
 * line breaks anywhere), CJK characters may break anywhere and count two columns.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1.5);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const token of para.match(
      /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+|\s+/g,
    ) ?? []) {
      const w = textWidth(token);
      if (/^\s+$/.test(token)) {
        if (used > 0) used += w;
        continue;
      }
      if (used + w <= room) {
        used += w;
        continue;
      }
      if (used > 0) {
        lines++;
        used = 0;
      }
      // A word wider than a line: it fills whole lines and the rest starts the next.
      while (w - used > room && w > room) {
        lines++;
        used += room;
      }
      used = w > room ? w % room : w;
    }
  }
  return Math.max(1, lines);
}

/** The height (points) of a row whose cells hold these texts in columns of these widths. */
export function rowHeight(cells: readonly { text: string; width: number }[]): number {
  return LINE * Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width))) + PAD;
}

/**
 * The Excel tracker: a sheet of all items — the one source of truth — and a summary whose counts and completion
 * rates are COUNTIFS formulas over it, so both stay true when someone changes a status in the drop-down next
 * week. Overdue (red), due within a week (amber) and closed (grey) are conditional formats on TODAY(), days
 * overdue and the escalation flag are formulas; every formula carries its result for `today`, for viewers that do
 * not recalculate. Printed landscape on A4, one page wide, the header row on every page, the meeting and page
 * numbers in the margins. exceljs is imported only here, when a tracker is asked for.
 */
export async function trackerWorkbook(
  report: ActionReport,
  l: MinutesLabels,
  options: TrackerOptions,
): Promise<Uint8Array> {
  // A fixed creation date keeps the file reproducible from the same inputs.
  const wb = await newWorkbook(utcDate(report.asOf));
  const taken = new Set<string>();
  const summaryName = sheetName(l.summary, taken);
  const listName = sheetName(l.actionList, taken);
  const sum = wb.addWorksheet(summaryName);
  const list = itemSheet(wb, listName, report, l, options);
  summarySheet(sum, list, report, l, options);
  return workbookBytes(wb);
}

interface ListInfo {
  name: string;
  /** The first data row, and the last row the summary counts: the items and the spare rows below them. */
  first: number;
  end: number;
  col: Record<Key, number>;
  /** Each item as written: its owner and meeting cells, status, days overdue for `today`. */
  rows: { owner: string; meeting: string; status: ActionStatus; daysOverdue: number | '' }[];
  status: Record<ActionStatus, string>;
}

/** Header and footer: the title and the as-of day on top, page N of M below. */
function margins(ws: Worksheet, l: MinutesLabels, title: string, asOf: string): void {
  const p = catalogue(l.lang).punctuation;
  // The words are escaped, the page codes are not.
  const pages = hf(l.pageOf).replace('{page}', '&P').replace('{pages}', '&N');
  ws.headerFooter = {
    oddHeader: `&L${hf(title)}&R${hf(`${l.asOf}${p.colon}${asOf}`)}`,
    oddFooter: `&C${pages}`,
  };
}

/** The list of action items: one row each, the status as a drop-down, live formats and formulas. */
function itemSheet(
  wb: Workbook,
  name: string,
  report: ActionReport,
  l: MinutesLabels,
  o: TrackerOptions,
): ListInfo {
  const items = report.items;
  const p = catalogue(l.lang).punctuation;
  const meetingName = new Map(
    report.perMeeting.map((m) => [
      m.key,
      m.title !== undefined ? `${m.title}${p.lparen}${m.date}${p.rparen}` : (m.key ?? ''),
    ]),
  );
  const statusWord = l.actionStatus;
  const statusList = [statusWord.open, statusWord['in-progress'], statusWord.done, statusWord.dropped];
  const priorityList = [l.priorities.high, l.priorities.medium, l.priorities.low];
  const columns = listColumns(l);
  const col = Object.fromEntries(columns.map((c, i) => [c.key, i + 1])) as Record<Key, number>;
  const L = (k: Key) => colLetter(col[k]);

  const ws = wb.addWorksheet(name, {
    pageSetup: { ...PRINT_LANDSCAPE, printTitlesRow: '1:1' },
  });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  styleHeader(ws, columns.length, HEADER_FILL);
  ws.getRow(1).height = rowHeight(columns.map((c) => ({ text: c.header, width: c.width })));
  margins(ws, l, `${o.title} · ${l.actionList}`, report.asOf);

  const first = 2;
  const last = items.length + 1;
  const end = last + SPARE_ROWS;
  // Column-absolute ($F2): a conditional format's formula is written for its top-left cell and shifts with it.
  const isOpen = (r: number) =>
    `OR(${OPEN_STATUSES.map((s) => `$${L('status')}${r}=${lit(statusWord[s])}`).join(',')})`;
  const rows: ListInfo['rows'] = [];
  items.forEach((a, i) => {
    const r = first + i;
    const row = ws.getRow(r);
    const open = OPEN_STATUSES.includes(a.status);
    const daysOverdue = open && a.due !== undefined && a.due < o.today ? daysBetween(a.due, o.today) : '';
    const done = completedOn(a);
    const owner = a.owner ?? l.noOwner;
    const meeting = meetingName.get(a.meeting) ?? a.meeting;
    const text: Record<Key, string> = {
      id: a.id,
      what: a.what,
      owner,
      priority: a.priority ? l.priorities[a.priority] : '',
      due: a.due ?? '',
      status: statusWord[a.status],
      daysOverdue: String(daysOverdue),
      completedOn: done ?? '',
      progress: latestNote(a) ?? '',
      measure: formatMeasure(a.measure, l),
      meeting,
      carried: String(a.carried),
      escalate: '',
    };
    for (const c of columns) {
      const cell = row.getCell(col[c.key]);
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        ...(c.center ? { horizontal: 'center' as const } : {}),
      };
      if (c.key === 'due' || c.key === 'completedOn') {
        cell.value = text[c.key] ? utcDate(text[c.key]) : null;
        cell.numFmt = 'yyyy-mm-dd';
      } else if (c.key === 'carried') cell.value = a.carried;
      else if (c.key === 'daysOverdue')
        cell.value = {
          formula: `IF(AND(${isOpen(r)},${L('due')}${r}<>"",${L('due')}${r}<TODAY()),TODAY()-${L('due')}${r},"")`,
          result: daysOverdue,
        };
      else if (c.key === 'escalate')
        cell.value = {
          formula: `IF(AND(${isOpen(r)},${L('carried')}${r}>=${ESCALATE_AFTER}),"⚠","")`,
          result: open && a.carried >= ESCALATE_AFTER ? '⚠' : '',
        };
      else cell.value = text[c.key] ? neutralise(text[c.key]) : null;
    }
    row.getCell(col.daysOverdue).numFmt = '0';
    row.height = rowHeight(columns.map((c) => ({ text: text[c.key], width: c.width })));
    rows.push({ owner, meeting, status: a.status, daysOverdue });
  });

  // The drop-downs, over the items and the spare rows (one range each, no cells created below the list).
  validateRange(ws, `${L('status')}${first}:${L('status')}${end}`, {
    type: 'list',
    allowBlank: false,
    formulae: [`"${statusList.join(',')}"`],
    showErrorMessage: true,
  });
  validateRange(ws, `${L('priority')}${first}:${L('priority')}${end}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${priorityList.join(',')}"`],
    showErrorMessage: true,
  });
  const due = (r: number) => `$${L('due')}${r}`;
  const fill = (argb: string) => ({
    fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb }, bgColor: { argb } },
  });
  ws.addConditionalFormatting({
    ref: `A${first}:${colLetter(columns.length)}${end}`,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [`AND(${isOpen(first)},${due(first)}<>"",${due(first)}<TODAY())`],
        style: fill(TRACKER_FILLS.overdue),
      },
      {
        type: 'expression',
        priority: 2,
        formulae: [
          `AND(${isOpen(first)},${due(first)}<>"",${due(first)}>=TODAY(),${due(first)}-TODAY()<=${DUE_SOON_DAYS})`,
        ],
        style: fill(TRACKER_FILLS.dueSoon),
      },
      {
        type: 'expression',
        priority: 3,
        formulae: [
          `OR($${L('status')}${first}=${lit(statusWord.done)},$${L('status')}${first}=${lit(statusWord.dropped)})`,
        ],
        style: fill(TRACKER_FILLS.closed),
      },
    ],
  });
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, last), column: columns.length },
  };
  return { name, first, end, col, rows, status: statusWord };
}

/**
 * The summary: title and as-of day, then per owner, per meeting and in total the items, done, still open, overdue
 * and the completion rate (done ÷ (items − dropped)) — every figure a formula over the list.
 */
function summarySheet(
  sum: Worksheet,
  list: ListInfo,
  report: ActionReport,
  l: MinutesLabels,
  o: TrackerOptions,
): void {
  sum.pageSetup = { ...PRINT_LANDSCAPE };
  margins(sum, l, `${o.title} · ${l.summary}`, report.asOf);
  sum.getCell('A1').value = neutralise(`${o.title} · ${l.actionList}`);
  sum.getCell('A1').font = { bold: true, size: 14 };
  sum.getCell('A2').value = l.asOf;
  sum.getCell('B2').value = utcDate(report.asOf);
  sum.getCell('B2').numFmt = 'yyyy-mm-dd';
  sum.getCell('B2').alignment = { horizontal: 'left' };

  const R = (k: Key) => range(list.name, list.col[k], list.first, list.end);
  const st = list.status;
  /** COUNTIFS over the list: the group's rows (its column equal to `key`, a cell) and these conditions. */
  const countIfs = (group: { col: Key; key: string } | undefined, conditions: [string, string][]) => {
    const all: [string, string][] = [
      ...(group ? [[R(group.col), group.key] as [string, string]] : []),
      ...conditions,
    ];
    if (all.length === 0) return `ROWS(${R('id')})-COUNTBLANK(${R('id')})`;
    return `COUNTIFS(${all.map(([r, c]) => `${r},${c}`).join(',')})`;
  };

  type Row = (typeof list.rows)[number];
  const tally = (rows: readonly Row[]) => {
    const n = (s: ActionStatus) => rows.filter((r) => r.status === s).length;
    const countable = rows.length - n('dropped');
    return {
      total: rows.length,
      done: n('done'),
      open: n('open') + n('in-progress'),
      overdue: rows.filter((r) => r.daysOverdue !== '' && r.daysOverdue > 0).length,
      dropped: n('dropped'),
      completion: countable > 0 ? n('done') / countable : ('' as const),
    };
  };

  const rateHeader = [l.total, l.done, l.open, l.overdueHeader, l.completion];
  let row = 4;
  const heading = (text: string) => {
    sum.getCell(`A${row}`).value = text;
    sum.getCell(`A${row}`).font = { bold: true };
    row++;
  };
  const headerRow = (head: string[]) => {
    const h = sum.getRow(row++);
    head.forEach((t, i) => {
      const c = h.getCell(i + 1);
      c.value = t;
      c.font = { bold: true };
      c.fill = HEADER_FILL;
      c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
  };
  /** One row of figures: the label in A, then total, done, open, overdue, completion as formulas. */
  const figures = (label: string, group: 'owner' | 'meeting' | undefined, rows: readonly Row[]) => {
    const r = row++;
    const x = sum.getRow(r);
    const t = tally(rows);
    x.getCell(1).value = neutralise(label);
    x.getCell(1).alignment = { vertical: 'top', wrapText: true };
    const f = (conditions: [string, string][]) =>
      countIfs(group ? { col: group, key: `$A${r}` } : undefined, conditions);
    const is = (s: ActionStatus): [string, string] => [R('status'), lit(st[s])];
    const pastDue: [string, string] = [R('due'), '"<"&TODAY()'];
    const dropped = f([is('dropped')]);
    const cells: [string, number | ''][] = [
      [f([]), t.total],
      [f([is('done')]), t.done],
      [`${f([is('open')])}+${f([is('in-progress')])}`, t.open],
      // Open or in progress and past due: counted from the status and the due date, so a row added below the
      // list counts even before its days-overdue formula is copied down.
      [`${f([is('open'), pastDue])}+${f([is('in-progress'), pastDue])}`, t.overdue],
      [`IF(B${r}-${dropped}>0,C${r}/(B${r}-${dropped}),"")`, t.completion],
    ];
    cells.forEach(([formula, result], i) => {
      const c = x.getCell(i + 2);
      c.value = { formula, result };
      c.alignment = { vertical: 'top' };
      if (i === 4) c.numFmt = '0.0%';
    });
    return x;
  };

  heading(l.perOwner);
  headerRow([l.owner, ...rateHeader]);
  const owners = [
    ...new Set([
      ...report.perOwner.map((p) => p.key ?? l.noOwner).filter((k) => list.rows.some((r) => r.owner === k)),
      ...list.rows.map((r) => r.owner),
    ]),
  ];
  for (const owner of owners)
    figures(
      owner,
      'owner',
      list.rows.filter((r) => r.owner === owner),
    );
  row++;

  heading(l.perMeeting);
  headerRow([l.meeting, ...rateHeader, l.carriedIn]);
  const p = catalogue(l.lang).punctuation;
  for (const m of report.perMeeting) {
    const name = m.title !== undefined ? `${m.title}${p.lparen}${m.date}${p.rparen}` : (m.key ?? '');
    const x = figures(
      name,
      'meeting',
      list.rows.filter((r) => r.meeting === name),
    );
    x.getCell(7).value = m.carriedIn ?? 0;
    x.getCell(7).alignment = { vertical: 'top' };
  }
  row++;

  headerRow(['', ...rateHeader]);
  sum.getCell(`A${row - 1}`).value = null;
  const total = figures(l.total, undefined, list.rows);
  total.font = { bold: true };

  sum.columns.forEach((c, i) => {
    c.width = i === 0 ? LABEL_WIDTH : 12;
  });
  for (let r = 1; r <= sum.rowCount; r++) {
    const v = sum.getRow(r).getCell(1).value;
    if (typeof v === 'string' && r > 3) sum.getRow(r).height = rowHeight([{ text: v, width: LABEL_WIDTH }]);
  }
}
