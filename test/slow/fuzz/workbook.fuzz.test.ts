import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runKpi } from '../../../src/app/kpi.js';
import { SalesmeetError } from '../../../src/core/errors.js';
import { tempDir } from '../../helpers/cli.js';

// Random workbook contents through the same entry point `salesmeet kpi` uses: the only acceptable outcomes are a
// result whose every number is finite, or a SalesmeetError (a clean message with an exit code) — never a crash.
// CI runs a fixed seed so that a green run stays green; `npm run fuzz` (FUZZ_RUNS set) explores new seeds, and
// FUZZ_SEED replays a reported failure.
const seed = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : process.env.FUZZ_RUNS
    ? undefined
    : 20261123;
const runs = Math.max(20, Math.floor(Number(process.env.FUZZ_RUNS ?? 1500) / 10));
const tmp = tempDir('salesmeet-fuzz-xlsx-');
afterAll(tmp.cleanup);
let n = 0;

const HEADERS = [
  '指标',
  'Metric',
  '目标值',
  'Target',
  '实际完成',
  'Actual',
  '去年同期',
  'PY',
  '上期',
  '区域',
  'Region',
  '产品线',
  '销售代表',
  'Owner',
  '月份',
  'Month',
  'Date',
  '日期',
  '销售额(万元)',
  '回款率(%)',
  'Revenue ($K)',
  '合计',
  'Total',
  '',
  '备注',
  'x',
];
const cell = fc.oneof(
  fc.double({ noNaN: true, min: -1e12, max: 1e12 }),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(
    '92%',
    '1,234',
    '−3.5',
    'n/a',
    '—',
    '合计',
    '华东',
    'Apr 2026',
    '2026年4月',
    '2026-04',
    '=1+1',
    '#DIV/0!',
    '',
  ),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.date({
    min: new Date(Date.UTC(2024, 0, 1)),
    max: new Date(Date.UTC(2027, 11, 31)),
    noInvalidDate: true,
  }),
  fc.constant(null),
  fc.constant(null).map(() => ({ error: '#N/A' })),
  // fast-check builds records without a prototype; exceljs calls hasOwnProperty on cell values, so copy them.
  fc
    .record({ formula: fc.constant('A1*2'), result: fc.integer({ min: -100, max: 100 }) })
    .map((o) => ({ ...o })),
  fc
    .array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 })
    .map((texts) => ({ richText: texts.map((text) => ({ text })) })),
);
const sheet = fc.record({
  name: fc.constantFrom('KPI', '明细', 'Sheet1', '目标'),
  title: fc.boolean(),
  headers: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 8 }),
  rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
  pct: fc.boolean(),
});

function finite(value: unknown, path = '$'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) finite(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) finite(v, `${path}.${k}`);
}

/** How the runs ended, per property: a property that only ever rejects (or only ever reads) tests nothing. */
let seen = { result: 0, error: 0 };

async function outcome(file: string, period?: string) {
  try {
    const run = await runKpi(
      { sources: [{ path: file }], lang: 'en', asOf: '2026-06-30', ...(period ? { period } : {}) },
      { cwd: tmp.dir, now: new Date('2026-06-30T12:00:00Z') },
    );
    finite(run.result);
    expect(JSON.parse(JSON.stringify(run.result)).schema).toBe('salesmeet.kpi/1');
    seen.result++;
    return 'result';
  } catch (error) {
    if (!(error instanceof SalesmeetError)) throw error;
    expect([2, 3]).toContain(error.exitCode);
    expect(error.text('en')).not.toMatch(/undefined|\[object Object\]|NaN/);
    seen.error++;
    return 'error';
  }
}

/** A hang is a failure too: the reader must answer. */
async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${ms} ms for ${what}`)), ms);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzz: workbooks through kpi', () => {
  it('random sheets give a finite result or a clean error', async () => {
    seen = { result: 0, error: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(sheet, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(undefined, '2026-H1', '2026-06', '2026'),
        async (sheets, period) => {
          const wb = new ExcelJS.Workbook();
          sheets.forEach((s, i) => {
            const ws = wb.addWorksheet(`${s.name}${i}`);
            if (s.title) ws.addRow(['2026 年销售数据']);
            ws.addRow(s.headers);
            for (const r of s.rows) ws.addRow(r as ExcelJS.CellValue[]);
            if (s.pct) ws.getColumn(3).numFmt = '0.0%';
          });
          const file = join(tmp.dir, `r${++n}.xlsx`);
          await wb.xlsx.writeFile(file);
          await withTimeout(outcome(file, period), 10_000, file);
        },
      ),
      { numRuns: runs, seed },
    );
    // Both ends are reached: sheets that read, and sheets that are refused with a clean message.
    expect(seen.result).toBeGreaterThan(runs / 10);
    expect(seen.error).toBeGreaterThan(0);
  });

  it('damaged bytes of a real workbook give a result or a clean error', async () => {
    seen = { result: 0, error: 0 };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('KPI');
    ws.addRow(['指标', '单位', '目标值', '实际完成', '去年同期']);
    ws.addRow(['销售额', '万元', 10000, 9200, 8000]);
    ws.addRow(['回款率', '%', 90, 85, 88]);
    const base = join(tmp.dir, 'base.xlsx');
    await wb.xlsx.writeFile(base);
    const good = readFileSync(base);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat(good.length), { nil: undefined }),
        async (flips, cut) => {
          const bytes = Buffer.from(good);
          for (const [at, v] of flips) bytes[at] = v;
          const file = join(tmp.dir, `d${++n}.xlsx`);
          writeFileSync(file, cut === undefined ? bytes : bytes.subarray(0, cut));
          await withTimeout(outcome(file), 10_000, file);
        },
      ),
      { numRuns: runs, seed },
    );
    expect(seen.error).toBeGreaterThan(0);
    expect(seen.result + seen.error).toBe(runs);
  });
});
