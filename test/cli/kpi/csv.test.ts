import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_RE, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let dir: string;
let cleanup: () => void;
let outside: { dir: string; cleanup: () => void };

/**
 * Order lines as a CRM exports them. June 2026: 1,200.50 + 800 − 100 (a credit note in parentheses) = 1,900.50;
 * the May line (999) is the prior period.
 */
const ORDERS_CN =
  '日期,区域,销售额\n2026-06-03,华东,"1,200.50"\n2026-06-15,华南,800\n2026-05-20,华东,999\n2026-06-28,华东,(100)\n';
const ORDERS_TW =
  '日期,區域,銷售額\n2026-06-03,華東,"1,200.50"\n2026-06-15,華南,800\n2026-05-20,華東,999\n2026-06-28,華東,(100)\n';
const ORDERS_TAB =
  '日期\t区域\t销售额\r\n2026-06-03\t华东\t1,200.50\r\n2026-06-15\t华南\t800\r\n2026-05-20\t华东\t999\r\n2026-06-28\t华东\t(100)\r\n';
const JUNE = 1900.5;
const MAY = 999;

/** A compound file whose directory holds stream entries with these names (all the reader looks at). */
function ole(names: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header);
  header.writeUInt16LE(9, 0x1e);
  const dirSector = Buffer.alloc(512);
  ['Root Entry', ...names].forEach((name, i) => {
    const at = i * 128;
    dirSector.write(name, at, 'utf16le');
    dirSector.writeUInt16LE((name.length + 1) * 2, at + 64);
    dirSector[at + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, dirSector, Buffer.alloc(1024)]);
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir('salesmeet-kpi-csv-'));
  outside = tempDir('salesmeet-outside-');
  writeFileSync(join(dir, 'utf8.csv'), ORDERS_CN);
  writeFileSync(
    join(dir, 'bom.csv'),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ORDERS_CN.replace(/\n/g, '\r\n'))]),
  );
  writeFileSync(join(dir, 'gb.csv'), iconv.encode(ORDERS_CN, 'gb18030'));
  writeFileSync(join(dir, 'big5.csv'), iconv.encode(ORDERS_TW, 'big5'));
  writeFileSync(
    join(dir, 'unicode.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ORDERS_TAB, 'utf16le')]),
  );
  writeFileSync(
    join(dir, 'semi.csv'),
    'sep=;\nDate;Region;Revenue\n2026-06-03;East;"1,200.50"\n2026-06-15;West;700\n',
  );

  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'orders-05.csv'), '日期,区域,销售额\n2026-05-20,华东,999\n');
  writeFileSync(
    join(dir, 'data', 'orders-06.tsv'),
    '日期\t区域\t销售额\n2026-06-03\t华东\t1,200.50\n2026-06-15\t华南\t800\n',
  );
  writeFileSync(
    join(dir, 'data', 'credit.csv'),
    iconv.encode('日期,区域,销售额\n2026-06-28,华东,(100)\n', 'gb18030'),
  );
  writeFileSync(join(dir, 'data', '~$orders-06.csv'), 'lock');
  writeFileSync(join(dir, 'data', 'old.xls'), ole(['Workbook']));

  mkdirSync(join(dir, 'xls-only'));
  writeFileSync(join(dir, 'xls-only', 'q1.xls'), ole(['Workbook']));
  writeFileSync(join(dir, 'xls-only', 'q2.xls'), ole(['Book']));
  mkdirSync(join(dir, 'empty'));

  writeFileSync(join(dir, 'old.xls'), ole(['Workbook', 'SummaryInformation']));
  writeFileSync(join(dir, 'locked.xlsx'), ole(['EncryptionInfo', 'EncryptedPackage']));
  writeFileSync(join(dir, 'page.csv'), '<!DOCTYPE html>\n<html><table><tr><td>1</td></tr></table></html>');
  writeFileSync(join(dir, 'report.xls'), '<html><body><table><tr><td>区域</td></tr></table></body></html>');
  writeFileSync(join(dir, 'export.xls'), iconv.encode(ORDERS_TAB, 'gb18030'));
  writeFileSync(
    join(dir, 'quote.csv'),
    '日期,区域,销售额\n2026-06-03,华东,100\n2026-06-04,"华南,200\n2026-06-05,华北,300\n',
  );

  writeFileSync(
    join(outside.dir, 'orders.csv'),
    '日期,区域,销售额\n2026-06-03,华东,1200.50\n2026-06-15,华南,九千二\n',
  );
  writeFileSync(join(outside.dir, 'empty.csv'), '');
});
afterAll(() => {
  cleanup();
  outside.cleanup();
});

const KPI = ['--period', '2026-06', '--as-of', '2026-06-30', '--json'];

async function revenue(args: string[]) {
  const r = await runIn(['kpi', ...args, ...KPI], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.totals).toHaveLength(1);
  return {
    metric: j.totals[0].metric,
    actual: j.totals[0].actual,
    priorPeriod: j.totals[0].priorPeriod,
    warnings: j.warnings,
  };
}

describe('salesmeet kpi: a CSV in each encoding', () => {
  it.each(['utf8.csv', 'bom.csv', 'gb.csv', 'big5.csv', 'unicode.txt'])(
    '%s gives the June revenue',
    async (file) => {
      expect(await revenue([file])).toEqual({
        metric: 'revenue',
        actual: JUNE,
        priorPeriod: MAY,
        warnings: [],
      });
    },
  );

  it('--encoding names the encoding; an unknown one is a usage error before anything is read', async () => {
    expect((await revenue(['gb.csv', '--encoding', 'gb18030'])).actual).toBe(JUNE);
    const bad = await runIn(['kpi', 'gb.csv', '--encoding', 'latin9', ...KPI], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'error: unknown encoding "latin9": use utf-8, utf-16le, utf-16be, gb18030, gbk, big5\n',
    );
  });

  it('a semicolon CSV with a sep= line (English headers)', async () => {
    expect(await revenue(['semi.csv'])).toEqual({
      metric: 'revenue',
      actual: 1900.5,
      priorPeriod: null,
      warnings: [],
    });
  });
});

describe('salesmeet kpi: folders', () => {
  it('reads every .csv and .tsv of a folder, not lock files; an .xls there is named with --verbose', async () => {
    expect(await revenue(['data'])).toEqual({
      metric: 'revenue',
      actual: JUNE,
      priorPeriod: MAY,
      warnings: [],
    });
    const v = await runIn(['kpi', 'data', ...KPI, '--verbose'], { cwd: dir });
    expect(v.stderr).toContain(
      'not read: old.xls (.xls files in a folder are skipped; pass one by name to read it)',
    );
    expect(v.stderr).toContain(`${join('data', 'credit.csv')}: read as CSV text (GB18030, delimiter ,)`);
    expect(v.stderr).toContain(`${join('data', 'orders-06.tsv')}: read as CSV text (UTF-8, delimiter Tab)`);
  });

  it('says what a folder without readable files holds', async () => {
    const r = await runIn(['kpi', 'xls-only', ...KPI], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe(
      'xls-only: error: no .xlsx or .csv files in this folder (found 2 .xls files: old Excel format, save them as .xlsx)',
    );
    const e = await runIn(['kpi', 'empty', ...KPI, '--lang', 'zh-CN'], { cwd: dir });
    expect(e.code).toBe(3);
    expect(e.stderr).toContain('该文件夹中没有 .xlsx 或 .csv 文件');
  });
});

describe('salesmeet kpi: .xls files and what they really are', () => {
  const fails = async (file: string, first: string, hint: string) => {
    const r = await runIn(['kpi', file, ...KPI], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`${file}: error: ${first}`);
    expect(r.stderr).toContain(hint);
    expect(r.stderr).not.toMatch(STACK_RE);
  };
  it('an old Excel 97-2003 workbook', async () =>
    await fails(
      'old.xls',
      'expected an Excel workbook (.xlsx), found an old Excel 97-2003 .xls file',
      'open it in Excel or WPS and save it as .xlsx (Excel Workbook) or .csv',
    ));
  it('a password-protected workbook', async () =>
    await fails(
      'locked.xlsx',
      'expected an Excel workbook (.xlsx), found a password-protected workbook',
      'remove the password in Excel and save the workbook again',
    ));
  it('an HTML page named .xls', async () =>
    await fails(
      'report.xls',
      'expected an Excel workbook (.xlsx) or a CSV file, found an HTML page saved under a spreadsheet file name',
      'open it in Excel and save it as .xlsx (Excel Workbook)',
    ));
  it('an HTML page named .csv', async () =>
    await fails(
      'page.csv',
      'expected an Excel workbook (.xlsx) or a CSV file, found an HTML page saved under a spreadsheet file name',
      'open it in Excel and save it as .xlsx (Excel Workbook)',
    ));
  it('tab-separated text named .xls is read, with a warning', async () => {
    const r = await runIn(['kpi', 'export.xls', ...KPI], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.totals[0].actual).toBe(JUNE);
    expect(j.warnings).toEqual([
      {
        message: 'the file is named .xls but holds text, not a workbook: read as CSV text (delimiter Tab)',
        file: 'export.xls',
        sheet: null,
        cell: null,
      },
    ]);
  });
});

describe('salesmeet kpi: positions in CSV files', () => {
  it('an unterminated quote is reported at the line it opens', async () => {
    const r = await runIn(['kpi', 'quote.csv', ...KPI], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe(
      'quote.csv:3: error: a quoted field starting on this line is never closed: its closing quote (") is missing',
    );
  });

  it('a file outside the working directory is shown by its absolute path', async () => {
    const orders = join(outside.dir, 'orders.csv');
    const r = await runIn(['kpi', orders, ...KPI], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toEqual([
      { message: 'expected a number, found 九千二', file: orders, sheet: 'orders.csv', cell: 'C3' },
    ]);
    const empty = join(outside.dir, 'empty.csv');
    const e = await runIn(['kpi', empty, ...KPI], { cwd: dir });
    expect(e.code).toBe(3);
    expect(e.stderr.split('\n')[0]).toBe(`${empty}: error: expected a CSV text file, found an empty file`);
  });
});
