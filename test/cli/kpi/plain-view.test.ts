/**
 * The fast reader hands detail rows to kpi as a plain view (kinds and numbers per column, no Cell objects); kpi
 * reads shared strings by index, dates from their serials and plain numbers straight from it. Whatever it
 * reads that way must give the same answer, warnings included, as the same workbook read by exceljs, on every
 * vendor export of the corpus and on an order-line export like the benchmark's, for several breakdowns and
 * periods (with the period known before reading, and without).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fxiaoke from '../../fixtures/exports/fxiaoke.js';
import * as kingdee from '../../fixtures/exports/kingdee.js';
import * as salesforce from '../../fixtures/exports/salesforce.js';
import * as sap from '../../fixtures/exports/sap.js';
import { handMade, zipParts } from '../../fixtures/fast/support.js';
import { tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let dir: string;
let cleanup: () => void;

/** A small order-line export as exceljs writes it (shared strings, date cells, numbers), with a blank region. */
async function orders(path: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('订单明细');
  ws.addRow([
    '订单日期',
    '区域',
    '产品线',
    '销售代表',
    '客户',
    '销售额(元)',
    '成本(元)',
    '应回款额(元)',
    '回款额(元)',
  ]).commit();
  const regions = ['华东', '华南', '华北', ' 华东 ', ''];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < 3000; i++) {
    const revenue = Math.round((100 + rnd() * 9900) * 100) / 100;
    const day = Date.UTC(2025, 0, 1) + Math.floor(rnd() * 546) * 86_400_000;
    const row = ws.addRow([
      // Some rows are dated to the minute: their day is the date's, as for a Date cell.
      new Date(day + (i % 7 === 0 ? 37_800_000 : 0)),
      regions[Math.floor(rnd() * regions.length)],
      `产品${Math.floor(rnd() * 4)}`,
      `销售${Math.floor(rnd() * 9)}`,
      `客户${Math.floor(rnd() * 150)}`,
      i % 97 === 0 ? -revenue : revenue,
      Math.round(revenue * 0.6 * 100) / 100,
      i % 11 === 0 ? null : revenue,
      Math.round(revenue * 0.8 * 100) / 100,
    ]);
    row.getCell(1).numFmt = i % 7 === 0 ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
    row.commit();
  }
  ws.addRow(['合计', null, null, null, null, 1, 1, 1, 1]).commit();
  ws.commit();
  await wb.commit();
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('salesmeet-plain-'));
  await salesforce.write(dir);
  await kingdee.write(dir);
  await sap.write(dir);
  await fxiaoke.write(dir);
  await orders(join(dir, 'orders.xlsx'));
  // A detail sheet written by hand: a row style, a percent-formatted amount, an inline string, a number as
  // text in a dimension, a styled empty cell, an amount in exponent form, −0, dates in the 1904 system.
  writeFileSync(
    join(dir, 'hand.xlsx'),
    zipParts(
      handMade({
        sheets: [
          {
            name: 'D',
            xml: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2" s="1" customFormat="1"><c r="A2"><v>44300</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>100.5</v></c><c r="D2" s="2"><v>0.5</v></c></row><row r="3"><c r="A3" s="1"><v>44301.75</v></c><c r="B3" t="inlineStr"><is><t>华南</t></is></c><c r="C3" s="0"><v>200</v></c><c r="D3" s="3"/></row><row r="4"><c r="A4" s="1"><v>44330</v></c><c r="B4"><v>2024</v></c><c r="C4"><v>50</v></c></row><row r="5" spans="1:4"><c r="A5" s="1"><v>44302</v></c><c r="B5" t="s"><v>4</v></c><c r="C5" t="n"><v>1.25E2</v></c><c r="D5"><v>-0</v></c></row></sheetData>`,
          },
        ],
        sharedStrings:
          '<si><t>日期</t></si><si><t>区域</t></si><si><t>销售额</t></si><si><t>回款额</t></si><si><t>华东</t></si>',
        styles:
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="0"/></cellXfs>',
        workbookPr: '<workbookPr date1904="1"/>',
      }),
    ),
  );
});
afterAll(() => cleanup());

const CASES: [string, string, string[]][] = [
  ['orders.xlsx', '2026-06-30', ['--period', '2026-H1']],
  ['orders.xlsx', '2026-06-30', ['--period', '2026-H1', '--by', 'region']],
  ['orders.xlsx', '2026-06-30', ['--period', '2026-06', '--by', 'customer']],
  ['orders.xlsx', '2026-06-30', ['--period', '2026-W10', '--by', 'region,product,rep']],
  ['orders.xlsx', '2026-06-30', ['--period', '2026-Q1', '--ytd', '--by', 'product']],
  ['orders.xlsx', '2026-06-30', ['--by', 'rep']],
  ['销售出库单列表.xlsx', '2026-07-06', ['--by', 'customer']],
  ['销售出库单列表.xlsx', '2026-07-06', ['--period', '2026-Q2', '--by', 'product']],
  ['sap-vf05-billing-items.xlsx', '2026-07-06', ['--by', 'product']],
  ['sap-vf05-billing-items.xlsx', '2026-07-06', ['--period', '2026-06', '--by', 'customer']],
  ['salesforce-opportunities.xlsx', salesforce.AS_OF, ['--by', 'rep']],
  ['商机列表_20260706.xlsx', fxiaoke.AS_OF, ['--period', '2026-06']],
  ['hand.xlsx', '2025-12-31', ['--period', '2025-04', '--by', 'region']],
  ['hand.xlsx', '2025-12-31', ['--period', '2025-05']],
];

describe('kpi reads the same through the fast reader and exceljs', () => {
  for (const [file, asOf, args] of CASES) {
    it(`${file} ${args.join(' ')}`, async () => {
      const argv = ['kpi', file, '--json', '--as-of', asOf, '--verbose', ...args];
      const fast = await runIn(argv, { cwd: dir });
      const slow = await runIn([...argv, '--no-fast'], { cwd: dir });
      expect(fast.code, fast.stderr).toBe(slow.code);
      expect(fast.stdout).toBe(slow.stdout);
      expect(fast.stderr).toBe(slow.stderr);
      expect(fast.stderr).not.toContain('fast reader not used');
      if (fast.code === 0)
        expect(JSON.parse(fast.stdout).rows.length + JSON.parse(fast.stdout).totals.length).toBeGreaterThan(
          0,
        );
    });
  }
});
