/**
 * Number formats of a workbook's cell styles, resolved the way exceljs resolves them: `cellXfs[i].numFmtId`
 * (0 means none), a custom `<numFmt>` of `<numFmts>` first (backslash escapes removed), else exceljs's table
 * of built-in formats (which has no code for the locale-dependent ids 27–36 and 50–58). A format is a date
 * format when it has one of `y m d h M s b` outside `[...]` and `"..."`.
 */
import { tokenize } from './xml.js';

/** exceljs's built-in number formats (`lib/xlsx/defaultnumformats.js`, the entries with a code). */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

export interface CellStyle {
  /** The number format code, if the style has one. */
  fmt: string | undefined;
  date: boolean;
  /** `fmt` when it contains `%` (what kpi reads as a percent), else undefined. */
  percent: string | undefined;
}

/** One entry per `cellXfs` index; undefined entries are styles exceljs would not find. */
export function parseStyles(xml: string | undefined): CellStyle[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  // exceljs only indexes <numFmt> inside <numFmts> and <xf> inside <cellXfs> (dxfs and cellStyleXfs have their own).
  let section = '';
  let depth = 0;
  tokenize(xml, {
    open(name, attrs) {
      depth++;
      if (depth === 2) section = name;
      else if (depth === 3 && section === 'numFmts' && name === 'numFmt') {
        const id = Number.parseInt(attrs.numFmtId ?? '', 10);
        const code = (attrs.formatCode ?? '').replace(/[\\](.)/g, '$1');
        custom.set(id, code);
      } else if (depth === 3 && section === 'cellXfs' && name === 'xf') {
        xfIds.push(Number.parseInt(attrs.numFmtId ?? '', 10));
      }
    },
    close() {
      if (depth === 2) section = '';
      depth--;
    },
    text() {},
  });
  return xfIds.map((id) => {
    const fmt = id ? custom.get(id) || BUILT_IN[id] || undefined : undefined;
    return { fmt, date: isDateFormat(fmt), percent: fmt?.includes('%') ? fmt : undefined };
  });
}

/** `<workbookPr date1904="1">`: exceljs accepts exactly "1". */
export function parseDate1904(workbookXml: string): boolean {
  let on = false;
  tokenize(workbookXml, {
    open(name, attrs) {
      if (name === 'workbookPr') on = attrs.date1904 === '1';
    },
    close() {},
    text() {},
  });
  return on;
}
