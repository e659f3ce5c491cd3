/**
 * The per-part size limits (issue 11, point 15): a shared-strings part past its limit is refused before it is
 * inflated, with the part, its size, the limit and the variable that raises it; the variables override the
 * defaults. The workbook is small — the limit is lowered for the test, never a giant file.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SalesmeetError } from '../../../src/core/errors.js';
import { inspectWorkbook, LIMITS, partLimits } from '../../../src/io/excel/read.js';
import { tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let dir: string;
let cleanup: () => void;

/** 2,000 distinct random strings of 100 hex characters: a shared-strings part of about 230 KB that does not compress well. */
async function manyStrings(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.addRow(['Order date', 'Customer', 'Revenue']);
  for (let i = 0; i < 2000; i++) ws.addRow(['2026-06-01', randomBytes(50).toString('hex'), 1]);
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('salesmeet-part-limits-'));
  await manyStrings(join(dir, 'strings.xlsx'));
});
afterAll(() => cleanup());
afterEach(() => vi.unstubAllEnvs());

async function refusal(limits: { worksheet: number; inMemoryPart: number }): Promise<SalesmeetError> {
  const e = await inspectWorkbook(join(dir, 'strings.xlsx'), 'strings.xlsx', limits).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(SalesmeetError);
  return e as SalesmeetError;
}

describe('per-part limits', () => {
  it('refuses a shared-strings part over its limit, naming the part, its size, the limit and the variable', async () => {
    const e = await refusal({ worksheet: LIMITS.worksheet, inMemoryPart: 0.1 * 1024 ** 2 });
    expect(e.exitCode).toBe(3);
    expect(e.text('en')).toMatch(
      /^refusing to read xl\/sharedStrings\.xml: it would expand to 0\.2 MB \(limit 0\.1 MB\)$/,
    );
    expect(e.hint?.('en')).toBe(
      'if the file is genuine, raise the limit for this run, e.g. SALESMEET_MAX_STRINGS_MB=100 (megabytes); see docs/kpi.md, "Safety and scale"',
    );
    expect(e.location.file).toBe('strings.xlsx');
  });

  it('refuses a worksheet over its own limit with its own variable', async () => {
    const e = await refusal({ worksheet: 0.05 * 1024 ** 2, inMemoryPart: LIMITS.inMemoryPart });
    expect(e.text('en')).toMatch(/^refusing to read xl\/worksheets\/sheet1\.xml: /);
    expect(e.hint?.('en')).toContain('SALESMEET_MAX_SHEET_MB=100');
  });

  it('reads the same file under the defaults', async () => {
    const info = await inspectWorkbook(join(dir, 'strings.xlsx'), 'strings.xlsx');
    expect(info.sheets.map((s) => s.name)).toEqual(['Orders']);
  });

  it('takes its limits from SALESMEET_MAX_STRINGS_MB and SALESMEET_MAX_SHEET_MB, in megabytes', () => {
    expect(partLimits({})).toEqual({ worksheet: 2 * 1024 ** 3, inMemoryPart: 100 * 1024 ** 2 });
    expect(partLimits({ SALESMEET_MAX_STRINGS_MB: '300', SALESMEET_MAX_SHEET_MB: '4096' })).toEqual({
      worksheet: 4096 * 1024 ** 2,
      inMemoryPart: 300 * 1024 ** 2,
    });
    expect(() => partLimits({ SALESMEET_MAX_STRINGS_MB: 'lots' })).toThrow(
      'SALESMEET_MAX_STRINGS_MB must be a positive number of megabytes, found "lots"',
    );
  });

  it('salesmeet kpi exits 3 with the message and the hint when the variable lowers the limit', async () => {
    vi.stubEnv('SALESMEET_MAX_STRINGS_MB', '0.1');
    const r = await runIn(['kpi', 'strings.xlsx', '--period', '2026-06'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('strings.xlsx: error: refusing to read xl/sharedStrings.xml');
    expect(r.stderr).toContain('(limit 0.1 MB)');
    expect(r.stderr).toContain('SALESMEET_MAX_STRINGS_MB=100');
    vi.unstubAllEnvs();
    const ok = await runIn(['kpi', 'strings.xlsx', '--period', '2026-06', '--json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
  });
});
