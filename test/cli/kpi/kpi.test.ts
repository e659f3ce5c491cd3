import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, STACK_RE, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let dir: string;
let cleanup: () => void;

/** The worked example of DESIGN.md as a CRM would export it: title row, note row, units, a formula error. */
async function workedExample(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KPI');
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = '2026年上半年 KPI 汇总';
  ws.getCell('A2').value = '数据来源：CRM；单位：万元';
  ws.getRow(3).values = ['指标', '目标值', '实际完成', '去年同期'];
  ws.getRow(4).values = ['销售额(万元)', 10000, 9200, 8000];
  ws.getRow(5).values = ['回款率(%)', 90, 85, 88];
  ws.getRow(6).values = ['新客户数', 200, 180, 150];
  ws.getRow(7).values = ['毛利率', '32%', { formula: 'C9/0', result: { error: '#DIV/0!' } }, '31%'];
  ws.getRow(8).values = ['费用率', 0.12, 0.132, 0.125];
  for (const c of ['B8', 'C8', 'D8']) ws.getCell(c).numFmt = '0.0%';
  await wb.xlsx.writeFile(path);
}

/** Order lines in one file, targets by region × month in another; merged header, date serials, a totals row. */
async function ordersAndTargets(orders: string, targets: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.getCell('A1').value = 'Opportunities — Closed Won';
  ws.mergeCells('A2:B2');
  ws.getCell('A2').value = 'Deal';
  ws.mergeCells('C2:D2');
  ws.getCell('C2').value = 'Revenue ($K)';
  ws.getRow(3).values = ['Close Date', 'Region', 'Actual', 'Prior Year'];
  const lines: [number | string, string, number | string | null][] = [
    [46176, 'East', 120], // 2026-06-03 as a bare serial
    ['2026-06-20', 'East', '30'],
    [46188, 'West', 80], // 2026-06-15
    ['2026/05/10', 'East', 90],
    ['2025-06-11', 'East', 100],
    ['2025-06-12', 'West', 100],
    ['2026-06-21', 'North', null],
  ];
  lines.forEach((l, i) => {
    ws.getRow(4 + i).values = [l[0], l[1], l[2]];
  });
  // A totals row dated inside the period, its label in the region column (as SAP and 用友 print it): counted, it
  // would double June's revenue and add a region called "Grand Total".
  ws.getRow(4 + lines.length).values = ['2026-06-30', 'Grand Total', 420];
  await wb.xlsx.writeFile(orders);
  const tb = new ExcelJS.Workbook();
  const t = tb.addWorksheet('Targets');
  t.getRow(1).values = ['Region', 'Month', 'Target ($K)'];
  t.addRow(['East', '2026-06', 200]);
  t.addRow(['West', 'Jun 2026', 80]);
  t.addRow(['East', '2026-05', 100]);
  const m = tb.addWorksheet('Matrix');
  m.getRow(1).values = ['Region', '2026-04', '2026-05', '2026-06'];
  m.addRow(['East', 1, 2, 3]);
  await tb.xlsx.writeFile(targets);
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('salesmeet-kpi-'));
  await workedExample(join(dir, 'kpi.xlsx'));
  await ordersAndTargets(join(dir, 'orders.xlsx'), join(dir, 'targets.xlsx'));
  writeFileSync(join(dir, 'notes.xlsx'), 'region,target\nEast,100\n');
  const good = readFileSync(join(dir, 'kpi.xlsx'));
  writeFileSync(join(dir, 'cut.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(
    join(dir, 'old.xlsx'),
    Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]),
  );
  const future = new ExcelJS.Workbook();
  future.addWorksheet('Orders').addRows([
    ['Date', 'Revenue'],
    ['2027-01-05', 10],
  ]);
  await future.xlsx.writeFile(join(dir, 'future.xlsx'));
  const blank = new ExcelJS.Workbook();
  blank.addWorksheet('Notes').addRow(['Meeting notes', 'nothing here']);
  await blank.xlsx.writeFile(join(dir, 'blank.xlsx'));
});
afterAll(() => cleanup());

const AS_OF = ['--as-of', '2026-06-30'];

describe('salesmeet kpi: the worked example', () => {
  it('prints the table with the exact figures of DESIGN.md and names the error cell', async () => {
    const r = await runIn(['kpi', 'kpi.xlsx', '--period', '2026-H1', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    const line = (label: string) => r.stdout.split('\n').find((l) => l.startsWith(label)) ?? '';
    expect(line('Revenue')).toMatch(/万元\s+10,000\s+9,200\s+92\.0%\s+−800\s+8,000\s+\+15\.0%\s+! at risk/);
    expect(line('Collection rate')).toMatch(/%\s+90\.0%\s+85\.0%\s+94\.4%\s+−5\.0 pp\s+88\.0%\s+−3\.0 pp/);
    expect(line('New customers')).toMatch(/200\s+180\s+90\.0%\s+−20\s+150\s+\+20\.0%/);
    expect(line('Expense ratio')).toMatch(/12\.0%\s+13\.2%\s+90\.0%\s+\+1\.2 pp\s+12\.5%\s+\+0\.7 pp/);
    expect(line('Gross margin')).toMatch(/32\.0%\s+—\s+—\s+—\s+31\.0%\s+—/);
    expect(r.stderr).toContain('warning: kpi.xlsx [KPI]!C7: expected a number, found #DIV/0!');
    expect(r.stdout).toContain(
      'KPI 2026-H1 · 2026-01-01 ~ 2026-06-30 · as of 2026-06-30 · time progress 100.0%',
    );
    expect(r.stdout).toContain('Achievement = actual / target');
  });

  it('reads the same in Chinese', async () => {
    const r = await runIn(['kpi', 'kpi.xlsx', '--period', '2026-H1', ...AS_OF, '--lang', 'zh-CN'], {
      cwd: dir,
    });
    expect(r.stdout).toMatch(
      /回款率\s+%\s+90\.0%\s+85\.0%\s+94\.4%\s+−5\.0 个百分点\s+88\.0%\s+−3\.0 个百分点\s+! 预警/,
    );
    expect(r.stderr).toContain('提示：kpi.xlsx [KPI]!C7: 应为数字，实际是 #DIV/0!');
    const tw = await runIn(['kpi', 'kpi.xlsx', '--period', '2026-H1', ...AS_OF, '--lang', 'zh-TW'], {
      cwd: dir,
    });
    expect(tw.stdout).toMatch(/營收\s+万元\s+10,000\s+9,200\s+92\.0%/);
    expect(tw.stdout).toContain('年增率');
  });

  it('--json prints the documented shape with fractions', async () => {
    const r = await runIn(['kpi', 'kpi.xlsx', '--period', '2026-H1', ...AS_OF, '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual([
      'schema',
      'period',
      'asOf',
      'timeProgress',
      'by',
      'rows',
      'totals',
      'warnings',
      'notes',
    ]);
    expect(j.schema).toBe('salesmeet.kpi/1');
    expect(j.period).toEqual({ label: '2026-H1', start: '2026-01-01', end: '2026-06-30', from: 'option' });
    expect(j.timeProgress).toBe(1);
    const [rev, col, cust, gm, exp] = j.rows;
    expect(Object.keys(rev)).toEqual([
      'metric',
      'label',
      'kind',
      'direction',
      'unit',
      'group',
      'target',
      'actual',
      'priorYear',
      'priorPeriod',
      'achievement',
      'variance',
      'yoy',
      'yoyUnit',
      'yoyNote',
      'mom',
      'momUnit',
      'momNote',
      'share',
      'rank',
      'status',
      'forecast',
      'forecastAchievement',
    ]);
    expect(rev).toMatchObject({
      metric: 'revenue',
      kind: 'amount',
      unit: '万元',
      target: 10000,
      actual: 9200,
      achievement: 0.92,
      variance: -800,
      yoy: 0.15,
      yoyUnit: 'ratio',
      priorPeriod: null,
      mom: null,
      status: 'at-risk',
    });
    expect(col).toMatchObject({
      metric: 'collection_rate',
      kind: 'ratio',
      target: 0.9,
      actual: 0.85,
      priorYear: 0.88,
      achievement: 0.944444444444444,
      yoy: -0.03,
      yoyUnit: 'pp',
    });
    expect(cust).toMatchObject({ metric: 'new_customers', kind: 'count', achievement: 0.9, yoy: 0.2 });
    expect(gm).toMatchObject({
      metric: 'gross_margin',
      actual: null,
      achievement: null,
      yoy: null,
      status: null,
    });
    expect(exp).toMatchObject({
      metric: 'expense_ratio',
      direction: 'lower',
      achievement: 0.9,
      yoy: 0.007,
      yoyUnit: 'pp',
    });
    expect(j.warnings).toEqual([
      { message: 'expected a number, found #DIV/0!', file: 'kpi.xlsx', sheet: 'KPI', cell: 'C7' },
    ]);
  });
});

describe('salesmeet kpi: detail rows and targets from another file', () => {
  it('joins targets by region and month, reads serials, text dates, units in merged headers, skips totals', async () => {
    const r = await runIn(
      ['kpi', 'orders.xlsx', 'targets.xlsx', '--period', '2026-06', ...AS_OF, '--by', 'region', '--json'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const by = (region: string) =>
      j.rows.find((x: { group: { region: string } }) => x.group.region === region);
    expect(by('East')).toMatchObject({
      metric: 'revenue',
      unit: '$K',
      target: 200,
      actual: 150,
      priorYear: 100,
      priorPeriod: 90,
      achievement: 0.75,
      yoy: 0.5,
      rank: 2,
      status: 'off-track',
    });
    expect(by('East').mom).toBeCloseTo(0.666666666667, 10);
    expect(by('West')).toMatchObject({
      target: 80,
      actual: 80,
      achievement: 1,
      yoy: -0.2,
      momNote: null,
      mom: null,
      rank: 1,
      status: 'on-track',
    });
    expect(by('East').share).toBeCloseTo(150 / 230, 10);
    expect(j.totals[0]).toMatchObject({ group: {}, target: 280, actual: 230, priorYear: 200 });
    expect(j.rows.some((x: { group: { region: string } }) => x.group.region === 'North')).toBe(false);
  });

  it('every period kind, year to date, and the default period', async () => {
    const q = JSON.parse(
      (
        await runIn(['kpi', 'orders.xlsx', 'targets.xlsx', '--period', '2026-Q2', ...AS_OF, '--json'], {
          cwd: dir,
        })
      ).stdout,
    );
    expect(q.totals[0]).toMatchObject({ target: 380, actual: 320, priorYear: 200 });
    const ytd = JSON.parse(
      (await runIn(['kpi', 'orders.xlsx', '--period', '2026-06', '--ytd', ...AS_OF, '--json'], { cwd: dir }))
        .stdout,
    );
    expect(ytd.period).toEqual({
      from: 'option',
      label: '2026-06 YTD',
      start: '2026-01-01',
      end: '2026-06-30',
    });
    expect(ytd.totals[0]).toMatchObject({ actual: 320, priorYear: 200, priorPeriod: null });
    const w = JSON.parse(
      (await runIn(['kpi', 'orders.xlsx', '--period', '2026-W25', ...AS_OF, '--json'], { cwd: dir })).stdout,
    );
    expect(w.period).toEqual({ from: 'option', label: '2026-W25', start: '2026-06-15', end: '2026-06-21' });
    expect(w.totals[0]).toMatchObject({ actual: 110 });
    const h = JSON.parse(
      (await runIn(['kpi', 'orders.xlsx', '--period', '2026-H1', ...AS_OF, '--json'], { cwd: dir })).stdout,
    );
    expect(h.totals[0].actual).toBe(320);
    const y = JSON.parse(
      (await runIn(['kpi', 'orders.xlsx', '--period', '2025', ...AS_OF, '--json'], { cwd: dir })).stdout,
    );
    expect(y.totals[0]).toMatchObject({ actual: 200, priorYear: null });
    // No --period: the latest complete month in the data as of the day (2026-06 is not over on 06-25).
    const d = JSON.parse(
      (await runIn(['kpi', 'orders.xlsx', '--as-of', '2026-06-25', '--json'], { cwd: dir })).stdout,
    );
    expect(d.period).toMatchObject({ label: '2026-05', from: 'data' });
    expect(d.totals[0].actual).toBe(90);
    // The line above the table says where the period came from.
    expect((await runIn(['kpi', 'orders.xlsx', '--as-of', '2026-06-25'], { cwd: dir })).stdout).toContain(
      'KPI 2026-05 · 2026-05-01 ~ 2026-05-31 · as of 2026-06-25 · time progress 100.0% · latest complete month in the data',
    );
  });

  it('time progress, forecast and working days mid-period', async () => {
    const r = await runIn(
      ['kpi', 'orders.xlsx', 'targets.xlsx', '--period', '2026-06', '--as-of', '2026-06-18', '--json'],
      { cwd: dir },
    );
    const j = JSON.parse(r.stdout);
    expect(j.timeProgress).toBe(0.6);
    // As of the 18th: 06-03 East 120 and 06-15 West 80; the 06-20 row (30) comes after the as-of day and is left
    // out, with a warning that names the flag. Forecast 200 × 30 / 18; 200 / 280 at 60% time progress: on track.
    expect(j.totals[0]).toMatchObject({ actual: 200, forecast: 333.333333333333, status: 'on-track' });
    expect(r.stderr).toContain(
      'warning: rows dated after the as-of day 2026-06-18 are not counted (--as-of 2026-06-30 counts the whole period)',
    );
    // Like for like: the prior year to 2025-06-18 (06-11 and 06-12, 200), May to the 18th (05-10, 90).
    expect(j.totals[0]).toMatchObject({ priorYear: 200, priorPeriod: 90 });
    expect(j.notes.map((n: { message: string }) => n.message)).toContain(
      'mid-period, like for like: actuals 2026-06-01 ~ 2026-06-18, prior year 2025-06-01 ~ 2025-06-18, prior period 2026-05-01 ~ 2026-05-18',
    );
    const wd = JSON.parse(
      (
        await runIn(
          ['kpi', 'orders.xlsx', '--period', '2026-06', '--as-of', '2026-06-18', '--workdays', '--json'],
          {
            cwd: dir,
          },
        )
      ).stdout,
    );
    // June 2026: 21 working days (端午 06-19 off), 14 of them up to the 18th.
    expect(wd.timeProgress).toBeCloseTo(14 / 21, 10);
    const out = await runIn(
      ['kpi', 'future.xlsx', '--period', '2027-01', '--as-of', '2027-01-10', '--workdays'],
      {
        cwd: dir,
      },
    );
    expect(out.stderr).toContain(
      'no Chinese holiday data for 2027: working days there are counted Monday to Friday',
    );
    // Asked for a month the orders do not reach: not an empty table with exit 0, but what the data covers.
    const none = await runIn(['kpi', 'orders.xlsx', '--period', '2027-01', '--as-of', '2027-01-10'], {
      cwd: dir,
    });
    expect(none.code).toBe(3);
    expect(none.stderr).toBe(
      'error: no KPI values for 2027-01: the data covers 2025-06-11 ~ 2026-06-20 (orders.xlsx [Orders])\n' +
        '  hint: ask for a period the data covers, e.g. --period 2026-06\n',
    );
  });

  it('--verbose says how each sheet was read', async () => {
    const r = await runIn(
      ['kpi', 'orders.xlsx', 'targets.xlsx', '--period', '2026-06', ...AS_OF, '--verbose'],
      {
        cwd: dir,
      },
    );
    expect(r.stderr).toContain('orders.xlsx [Orders]: detail');
    expect(r.stderr).toContain('targets.xlsx [Targets]: targets');
    expect(r.stderr).toContain('targets.xlsx [Matrix]: skipped: months as column headers');
  });
});

describe('salesmeet kpi: the workbook `salesmeet targets` writes', () => {
  it('reads its long table without mapping, ignores the sheets made for people, converts 万元 to 元', async () => {
    const wb = new ExcelJS.Workbook();
    const long = wb.addWorksheet('目标明细');
    long.addRow(['区域', '团队', '月份', '目标值(万元)']);
    long.addRow(['华东', '一组', '2026-07', 60]);
    long.addRow(['华东', '二组', '2026-07', 40]);
    long.addRow(['华南', '一组', '2026-07', 80]);
    const level = wb.addWorksheet('区域');
    level.addRow(['区域', '目标值(万元)']);
    level.addRow(['华东', { formula: 'SUM(目标明细!D2:D3)', result: 100 }]);
    level.addRow(['华南', 80]);
    level.addRow(['合计', { formula: 'SUM(B2:B3)', result: 180 }]);
    const matrix = wb.addWorksheet('区域×月份');
    matrix.addRow(['区域', '2026-07', '2026-08', '2026-09']);
    matrix.addRow(['华东', 100, 110, 120]);
    wb.addWorksheet('说明').addRow(['本工作簿由 salesmeet targets 生成']);
    await wb.xlsx.writeFile(join(dir, 'targets-h2.xlsx'));
    const orders = new ExcelJS.Workbook();
    const o = orders.addWorksheet('订单');
    o.addRow(['订单日期', '区域', '团队', '金额(元)']);
    o.addRow(['2026-07-03', '华东', '一组', 500000]);
    o.addRow(['2026-07-09', '华东', '二组', 450000]);
    o.addRow(['2026-07-12', '华南', '一组', 700000]);
    await orders.xlsx.writeFile(join(dir, 'orders-h2.xlsx'));
    const r = await runIn(
      [
        'kpi',
        'orders-h2.xlsx',
        'targets-h2.xlsx',
        '--period',
        '2026-07',
        '--as-of',
        '2026-07-31',
        '--by',
        'region,team',
        '--json',
        '--verbose',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.totals[0]).toMatchObject({ unit: '元', target: 1_800_000, actual: 1_650_000 });
    const east = j.rows.find(
      (x: { group: object }) => JSON.stringify(x.group) === JSON.stringify({ region: '华东' }),
    );
    expect(east).toMatchObject({ target: 1_000_000, actual: 950_000, achievement: 0.95, status: 'at-risk' });
    const team = j.rows.find(
      (x: { group: object }) => JSON.stringify(x.group) === JSON.stringify({ region: '华东', team: '二组' }),
    );
    expect(team).toMatchObject({ target: 400_000, actual: 450_000, achievement: 1.125, rank: 1 });
    expect(r.stderr).toContain(
      'targets-h2.xlsx [区域]: skipped: targets without a period, because this file has a targets sheet by period',
    );
    expect(r.stderr).toContain('targets-h2.xlsx [区域×月份]: skipped: months as column headers');
  });
});

describe('salesmeet kpi: broken input', () => {
  const fails = async (file: string, message: string) => {
    const r = await runIn(['kpi', file], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`${file}: error: ${message}`);
    expect(r.stderr).not.toMatch(STACK_RE);
    return r;
  };
  it('a text file named .xlsx', async () => {
    const r = await fails('notes.xlsx', 'expected an Excel workbook (.xlsx), found text that looks like CSV');
    expect(r.stderr).toContain('rename it to .csv');
  });
  it('a truncated zip', async () =>
    await fails('cut.xlsx', 'the workbook is incomplete: its zip archive is cut short'));
  it('an encrypted or old .xls file', async () =>
    await fails(
      'old.xlsx',
      'expected an Excel workbook (.xlsx), found a password-protected workbook or an old .xls file',
    ));
  it('no recognisable headers', async () => {
    const r = await fails(
      'blank.xlsx',
      'no sheet with recognisable KPI headers (looked for 指标/Metric, 目标/Target, 实际/Actual, 月份/Month, 区域/Region… in the first 40 rows)',
    );
    expect(r.stderr).toContain('kpi.columns');
  });
  it('a missing file, a bad period, a bad dimension', async () => {
    expect((await runIn(['kpi', 'nope.xlsx'], { cwd: dir })).stderr).toContain(
      'nope.xlsx: error: file not found',
    );
    const p = await runIn(['kpi', 'kpi.xlsx', '--period', '2026-13'], { cwd: dir });
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(
      'expected a period such as 2026, 2026-H1, 2026-Q2, 2026-06 or 2026-W25, found "2026-13"',
    );
    const b = await runIn(['kpi', 'kpi.xlsx', '--by', 'planet'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('cannot break down by "planet"');
  });
});

describe('salesmeet kpi: files out', () => {
  it('csv with a BOM; --out refuses to overwrite without --force', async () => {
    const r = await runIn(['kpi', 'kpi.xlsx', '--period', '2026-H1', ...AS_OF, '--out', 'report.csv'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote report.csv');
    const csv = readFileSync(join(dir, 'report.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFMetric,Unit,Target,Actual,Achievement')).toBe(true);
    expect(csv).toContain('Revenue,万元,"10,000","9,200",92.0%,-800,"8,000",+15.0%,! at risk');
    expect(csv).toContain("Collection rate,%,90.0%,85.0%,94.4%,'-5.0 pp,88.0%,'-3.0 pp,! at risk");
    const again = await runIn(['kpi', 'kpi.xlsx', '--period', '2026-H1', '--out', 'report.csv'], {
      cwd: dir,
    });
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('refusing to overwrite report.csv');
    expect(
      (
        await runIn(['kpi', 'kpi.xlsx', '--period', '2026-H1', '--out', 'report.csv', '--force'], {
          cwd: dir,
        })
      ).code,
    ).toBe(0);
  });

  it('csv neutralises cells that would become formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['Metric', 'Target', 'Actual']);
    ws.addRow(['=HYPERLINK("http://x")', 10, 9]);
    await wb.xlsx.writeFile(join(dir, 'evil.xlsx'));
    const r = await runIn(['kpi', 'evil.xlsx', '--period', '2026-06', '--format', 'csv'], { cwd: dir });
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('csv on stdout keeps its CRLF line ends, so `kpi --format csv > file.csv` is a valid file', async () => {
    const r = await runIn(['kpi', 'kpi.xlsx', '--period', '2026-H1', ...AS_OF, '--format', 'csv'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\\u{D}');
    const lines = r.stdout.split('\r\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[0]).not.toContain('\r');
  });

  it('markdown', async () => {
    const r = await runIn(['kpi', 'kpi.xlsx', '--period', '2026-H1', ...AS_OF, '--format', 'md'], {
      cwd: dir,
    });
    expect(r.stdout).toContain(
      '| Revenue | 万元 | 10,000 | 9,200 | 92.0% | −800 | 8,000 | +15.0% | ! at risk |',
    );
    expect(r.stdout).toContain('| --- | --- | ---: |');
  });

  it('an xlsx report with formats, frozen header and a legend', async () => {
    const r = await runIn(
      [
        'kpi',
        'orders.xlsx',
        'targets.xlsx',
        '--period',
        '2026-06',
        ...AS_OF,
        '--by',
        'region',
        '--out',
        'kpi-report.xlsx',
        '--lang',
        'zh-CN',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'kpi-report.xlsx'));
    const ws = wb.getWorksheet('KPI')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getRow(2).getCell(1).value).toBe('区域');
    expect(ws.getRow(2).getCell(6).value).toBe('达成率');
    // West (achievement above East's) leads; East, behind, comes second.
    expect(ws.getRow(3).getCell(1).value).toBe('West');
    const east = ws.getRow(4);
    expect(east.getCell(1).value).toBe('East');
    expect(east.getCell(4).value).toBe(200);
    // Whole amounts: #,##0 (never #,##0.##, which prints "200." in Excel).
    expect(east.getCell(4).numFmt).toBe('#,##0');
    expect(east.getCell(5).value).toBe(150);
    expect(east.getCell(6).value).toBe(0.75);
    expect(east.getCell(6).numFmt).toBe('0.0%');
    expect(east.getCell(17).value).toBe('✗ 落后');
    expect((east.getCell(17).fill as { fgColor: { argb: string } }).fgColor.argb).toBe('FFFFC7CE');
    expect(ws.getRow(5).getCell(1).value).toBe('合计');
    const legend = wb.getWorksheet('说明')!;
    expect(String(legend.getCell(3, 1).value)).toContain('达成率 = 实际 / 目标');
    // Printed landscape on one page wide with the header on every page; a legend row tall enough for its text.
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    expect(legend.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    expect(legend.getRow(3).height).toBeGreaterThanOrEqual(30);
  });

  it('xlsx needs --out', async () => {
    const r = await runIn(['kpi', 'kpi.xlsx', '--format', 'xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the xlsx report needs --out FILE');
  });
});

describe('salesmeet kpi: the default period when the latest month of the data stops early', () => {
  it('takes the month before, says so in the three languages, and --period takes the month anyway', async () => {
    const { dir: tmp, cleanup: done } = tempDir();
    try {
      // An export taken on 2026-07-01, read at the end of November: an order every day from April, and July
      // holds one day.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('订单');
      ws.addRow(['订单日期', '区域', '销售额']);
      const lines: [string, number][] = [['2025-06-12', 40]];
      for (let d = Date.UTC(2026, 3, 1); d <= Date.UTC(2026, 5, 30); d += 86_400_000)
        lines.push([new Date(d).toISOString().slice(0, 10), 10]);
      lines.push(['2026-07-01', 30]);
      for (const [d, v] of lines) ws.addRow([new Date(`${d}T00:00:00Z`), '华东', v]);
      ws.getColumn(1).numFmt = 'yyyy-mm-dd';
      await wb.xlsx.writeFile(join(tmp, 'orders.xlsx'));
      const asOf = ['--as-of', '2026-11-29'];
      const j = JSON.parse((await runIn(['kpi', 'orders.xlsx', ...asOf, '--json'], { cwd: tmp })).stdout);
      expect(j.period).toEqual({ label: '2026-06', start: '2026-06-01', end: '2026-06-30', from: 'data' });
      // June: 30 days × 10; May: 31 × 10.
      expect(j.totals[0]).toMatchObject({ metric: 'revenue', actual: 300, priorYear: 40, priorPeriod: 310 });
      const en =
        'the rows of 2026-07 stop on 2026-07-01, 30 days before its end, so 2026-07 is not complete in the data: the period is 2026-06 (--period 2026-07 to see 2026-07 anyway)';
      expect(j.warnings).toEqual([{ message: en, file: null, sheet: null, cell: null }]);
      const table = await runIn(['kpi', 'orders.xlsx', ...asOf, '--lang', 'en'], { cwd: tmp });
      expect(table.code).toBe(0);
      expect(table.stdout + table.stderr).toContain(en);
      const zh = await runIn(['kpi', 'orders.xlsx', ...asOf, '--lang', 'zh-CN'], { cwd: tmp });
      expect(zh.stdout + zh.stderr).toContain(
        '2026-07 的数据行只到 2026-07-01（距月末还有 30 天），该月在数据中不完整：期间取 2026-06（仍要看 2026-07：--period 2026-07）',
      );
      const tw = await runIn(['kpi', 'orders.xlsx', ...asOf, '--lang', 'zh-TW'], { cwd: tmp });
      expect(tw.stdout + tw.stderr).toContain(
        '2026-07 的資料列只到 2026-07-01（距月底還有 30 天），該月在資料中不完整：期間取 2026-06（仍要看 2026-07：--period 2026-07）',
      );
      const july = JSON.parse(
        (await runIn(['kpi', 'orders.xlsx', ...asOf, '--period', '2026-07', '--json'], { cwd: tmp })).stdout,
      );
      expect(july.totals[0]).toMatchObject({ actual: 30, priorPeriod: 300 });
      expect(july.warnings).toEqual([]);
    } finally {
      done();
    }
  });
});

describe('salesmeet kpi --meeting (the examples)', () => {
  it('half-year review: summary, detail and targets agree', async () => {
    const { dir: tmp, cleanup: done } = tempDir();
    try {
      const folder = copyExample('2026-h1-review', tmp);
      const r = await runIn(['kpi', '--meeting', folder, '--json'], { cwd: tmp });
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.warnings).toEqual([]);
      expect(j.by).toEqual(['region']);
      const total = (k: string) => j.totals.find((t: { metric: string }) => t.metric === k);
      expect(total('revenue')).toMatchObject({
        target: 10000,
        actual: 9200,
        priorYear: 8000,
        achievement: 0.92,
        yoy: 0.15,
      });
      // Recomputed from 回款额 / 应回款额 of the order lines (cents rounded per line).
      expect(total('collection_rate').actual).toBeCloseTo(0.85, 8);
      expect(total('collection_rate').priorYear).toBeCloseTo(0.88, 8);
      expect(total('collection_rate').yoy).toBeCloseTo(-0.03, 8);
      expect(total('new_customers')).toMatchObject({ achievement: 0.9, yoy: 0.2 });
      expect(total('expense_ratio')).toMatchObject({ direction: 'lower', achievement: 0.9 });
      const regions = j.rows.filter((x: { metric: string }) => x.metric === 'revenue');
      expect(regions.map((x: { group: { region: string } }) => x.group.region).sort()).toEqual(
        ['华东', '华北', '华南', '西部'].sort(),
      );
      const sum = regions.reduce((s: number, x: { actual: number }) => s + x.actual, 0);
      expect(sum).toBeCloseTo(9200, 6);
      expect(regions.reduce((s: number, x: { target: number }) => s + x.target, 0)).toBeCloseTo(10000, 6);
      const table = await runIn(['kpi', '--meeting', folder], { cwd: tmp });
      expect(table.stdout).toContain('KPI 达成情况 2026-H1');
    } finally {
      done();
    }
  });

  it('weekly: ISO week from order lines, weekly targets per rep', async () => {
    const { dir: tmp, cleanup: done } = tempDir();
    try {
      const folder = copyExample('2026-w27-weekly', tmp);
      const j = JSON.parse(
        (await runIn(['kpi', '--meeting', folder, '--metric', 'revenue', '--json'], { cwd: tmp })).stdout,
      );
      expect(j.period).toEqual({
        from: 'meeting',
        label: '2026-W27',
        start: '2026-06-29',
        end: '2026-07-05',
      });
      expect(j.rows.map((x: { group: { rep: string } }) => x.group.rep).sort()).toEqual(
        ['林静', '王芳', '马超', '黄涛'].sort(),
      );
      expect(j.totals[0].target).toBe(750000);
      expect(j.rows.every((x: { achievement: number | null }) => x.achievement !== null)).toBe(true);
    } finally {
      done();
    }
  });
});
