import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STACK_RE, tempDir } from '../../helpers/cli.js';
import { H2_TARGETS } from '../../helpers/h2-targets.js';
import { runIn } from '../../helpers/run-in.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('salesmeet-targets-e2e-'));
});
afterEach(() => cleanup());

const H2 = [...H2_TARGETS, '--precision', '0'];

describe('salesmeet targets', () => {
  it('prints the region × month split with the reserve stated', async () => {
    const r = await runIn(H2, { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'Targets 2026-H2: company target 12,000 万元, reserve 10% (1,200), assigned 13,200 万元',
        '',
        'Region  2026-07  2026-08  2026-09  2026-10  2026-11  2026-12   Total',
        '华东        770      770      770      770      770      770   4,620',
        '华南        550      550      550      550      550      550   3,300',
        '华北        484      484      484      484      484      484   2,904',
        '西部        396      396      396      396      396      396   2,376',
        'Total     2,200    2,200    2,200    2,200    2,200    2,200  13,200',
        '',
      ].join('\n'),
    );
  });

  it('writes the xlsx, refuses to overwrite it without --force (exit 4), and replaces it with --force', async () => {
    const args = [...H2, '--months', '15,16,17,16,17,19', '--out', 'targets-2026-H2.xlsx', '--lang', 'zh-CN'];
    const first = await runIn(args, { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(
      '已写入 targets-2026-H2.xlsx\n下一步：salesmeet kpi <实际数据.xlsx> targets-2026-H2.xlsx\n',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'targets-2026-H2.xlsx'));
    const long = wb.worksheets[0]!;
    expect(long.name).toBe('目标明细');
    expect((long.getRow(1).values as unknown[]).slice(1)).toEqual(['区域', '月份', '目标值(万元)']);
    expect((long.getRow(2).values as unknown[]).slice(1)).toEqual(['华东', '2026-07', 693]);
    expect(long.rowCount).toBe(25);

    const again = await runIn(args, { cwd: dir });
    expect(again.code).toBe(4);
    expect(again.stderr).toBe(
      'targets-2026-H2.xlsx: 错误: 拒绝覆盖 targets-2026-H2.xlsx\n  提示: 这是已存在的用户文件；如确需替换，请加 --force\n',
    );
    const forced = await runIn([...args, '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
  });

  it('--json prints the documented shape', async () => {
    const r = await runIn([...H2, '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      schema: 'salesmeet.targets/1',
      period: '2026-H2',
      unit: '万元',
      precision: 0,
      companyTarget: 12000,
      reserve: 0.1,
      reserveAmount: 1200,
      assignedTotal: 13200,
      levels: ['region'],
      file: null,
    });
    expect(doc.rows).toHaveLength(24);
    expect(doc.rows[0]).toEqual({ region: '华东', month: '2026-07', target: 770 });
    expect(doc.org[3]).toMatchObject({
      level: 'region',
      region: '西部',
      name: '西部',
      target: 2376,
      share: 0.18,
    });
    expect(doc.time.quarters.map((q: { target: number }) => q.target)).toEqual([6600, 6600]);
  });

  it('--format yaml prints YAML on stdout', async () => {
    const r = await runIn(
      [
        'targets',
        '--total',
        '240',
        '--period',
        '2026-Q1',
        '--months',
        '30,30,40',
        '--reserve',
        '10%',
        '--precision',
        '1',
        '--format',
        'yaml',
      ],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    const doc = parse(r.stdout);
    expect(doc.time.months.map((m: { target: number }) => m.target)).toEqual([79.2, 79.2, 105.6]);
    expect(doc.time.months.map((m: { companyTarget: number }) => m.companyTarget)).toEqual([72, 72, 96]);
  });

  it('reports a bad plan file with positions and exit 3, without a stack trace', async () => {
    writeFileSync(
      join(dir, 'plan.yaml'),
      'total: 12000\nperiod: 2026-H2\nreserve: 10\nregions:\n  - { name: 华东, wieght: 35 }\n',
    );
    const r = await runIn(['targets', '--plan', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      [
        'error: plan.yaml is not a valid target plan: 2 problem(s)',
        'plan.yaml:3:10: error: reserve: expected a margin: a percentage like "10%" or a fraction like 0.1 (0 to 100%), found 10',
        '  hint: write the reserve as 10% (or 0.1)',
        'plan.yaml:5:17: error: regions[0].wieght: unknown field "wieght"',
        '  hint: did you mean "weight"?',
        '',
      ].join('\n'),
    );
    expect(r.stderr).not.toMatch(STACK_RE);
  });

  it('reports bad flags with exit 2', async () => {
    const r = await runIn(['targets', '--total', '100', '--period', '2026', '--quarters', '1,2,3'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --quarters: expected 4 weights, one per quarter of 2026, found 3\n');
    const none = await runIn(['targets', '--period', '2026'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'error: missing --total: the target to decompose\n  hint: e.g. salesmeet targets --total 12000 --unit 万元 --period 2026-H2, or --plan plan.yaml\n',
    );
    const xlsx = await runIn(['targets', '--total', '1', '--period', '2026', '--format', 'xlsx'], {
      cwd: dir,
    });
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toBe(
      'error: --format xlsx writes a file: give --out FILE\n  hint: e.g. --out targets-2026-H2.xlsx\n',
    );
  });

  it('--dry-run writes nothing', async () => {
    const r = await runIn([...H2, '--out', 't.xlsx', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Would write t.xlsx (dry run, nothing written)\n');
    expect(existsSync(join(dir, 't.xlsx'))).toBe(false);
  });

  it('decomposes a plan file over regions, teams and reps (zh-TW)', async () => {
    writeFileSync(
      join(dir, 'plan.yaml'),
      [
        'total: 3000',
        'unit: 萬元',
        'period: 2026-Q4',
        'reserve: 15%',
        'precision: 1',
        'regions:',
        '  - name: 北區',
        '    weight: 60%',
        '    teams:',
        '      - { name: 台北, weight: 2, reps: [陳一, 林二, 黃三] }',
        '      - { name: 新竹, weight: 1, reps: [張四] }',
        '  - { name: 南區, weight: 40%, teams: [{ name: 高雄, reps: [李五, 王六] }] }',
        '',
      ].join('\n'),
    );
    const r = await runIn(['targets', '--plan', 'plan.yaml', '--out', 't.json', '--lang', 'zh-TW'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 't.json'), 'utf8'));
    expect(doc.levels).toEqual(['region', 'team', 'rep']);
    expect(doc.rows[0]).toEqual({
      region: '北區',
      team: '台北',
      rep: '陳一',
      month: '2026-10',
      target: 153.4,
    });
    expect(
      doc.org.filter((o: { level: string }) => o.level === 'rep').map((o: { target: number }) => o.target),
    ).toEqual([460, 460, 460, 690, 690, 690]);
    expect(r.stdout.split('\n')[0]).toBe(
      '2026-Q4 目標分解：公司目標 3,000.0 萬元，預留 15%（450.0），分配合計 3,450.0 萬元',
    );
  });

  it('has help with examples', async () => {
    const r = await runIn(['targets', '--help'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('salesmeet targets --total 12000 --unit 万元 --period 2026-H2');
    expect(r.stdout).toContain('--reserve <margin>');
  });
});
