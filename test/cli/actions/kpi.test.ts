import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

// The loop no tool closes: an action's measure names a KPI, and `actions --kpi` checks it against the export.
const tmp = tempDir('salesmeet-actions-kpi-');
afterAll(tmp.cleanup);
beforeAll(() => {
  for (const m of ['2026-h1-review', '2026-07-monthly']) copyExample(m, tmp.dir);
});
const data = '2026-h1-review/data/kpi-2026-h1.xlsx';

describe('actions --kpi', () => {
  it('reports a KPI-linked measure as pending before its date, not met after it', async () => {
    const before = await runIn(
      [
        'actions',
        '2026-07-monthly',
        '--as-of',
        '2026-08-20',
        '--kpi',
        data,
        '--kpi-period',
        '2026-06',
        '--json',
      ],
      { cwd: tmp.dir },
    );
    expect(before.code).toBe(0);
    const checks = JSON.parse(before.stdout).kpiChecks;
    expect(checks).toEqual([
      {
        id: '2026-07-monthly#2',
        what: expect.any(String),
        owner: '王芳',
        period: '2026-06',
        state: 'pending',
        metric: 'collection_rate',
        group: { region: '华东' },
        target: 0.9,
        actual: expect.closeTo(0.852, 3),
        direction: 'higher',
        unit: '%',
        asOf: '2026-08-20',
        by: '2026-09-30',
      },
    ]);
    const after = await runIn(
      [
        'actions',
        '2026-07-monthly',
        '--as-of',
        '2026-10-08',
        '--kpi',
        data,
        '--kpi-period',
        '2026-06',
        '--lang',
        'en',
      ],
      { cwd: tmp.dir },
    );
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(
      'KPI-linked measures\n  2026-07-monthly#2  华东 collection rate ≥ 90% by 2026-09-30  actual 85.2%  ✗ not met  (2026-06)',
    );
  });

  it('a target that the data reaches is met', async () => {
    const file = join(tmp.dir, '2026-07-monthly', 'minutes.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('target: 0.9,', 'target: 0.85,'));
    const r = await runIn(
      [
        'actions',
        '2026-07-monthly',
        '--as-of',
        '2026-08-20',
        '--kpi',
        data,
        '--kpi-period',
        '2026-06',
        '--json',
      ],
      { cwd: tmp.dir },
    );
    expect(JSON.parse(r.stdout).kpiChecks[0].state).toBe('met');
  });

  it('an unreadable export is exit 3 naming the file', async () => {
    writeFileSync(join(tmp.dir, 'broken.xlsx'), 'not a workbook');
    const r = await runIn(['actions', '2026-07-monthly', '--kpi', 'broken.xlsx', '--lang', 'en'], {
      cwd: tmp.dir,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('broken.xlsx: error: expected an Excel workbook (.xlsx)');
  });
});
