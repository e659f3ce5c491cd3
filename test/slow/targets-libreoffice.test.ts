/**
 * The targets workbook re-saved by LibreOffice, as a sales manager's office suite would: `report --targets` reads
 * the re-saved file (its texts come back as rich text, its formulas with the results LibreOffice stored) and the
 * figures are the hand-computed ones. LibreOffice keeps a formula's stored result without recalculating it, so a
 * total left stale by an edit is named by the report; a formula that had no result gets one, which is what the
 * hint of "no computed value" promises.
 *
 * The targets: 12,000 万元 for 2026-H2, a 10% reserve, regions 35/25/22/18, months even: 13,200 assigned; 华东
 * 4,620, 华南 3,300, 华北 2,904, 西部 2,376; each month 2,000 (2,200 assigned).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, tempDir } from '../helpers/cli.js';
import { H2_TARGETS } from '../helpers/h2-targets.js';
import { office } from '../helpers/office.js';
import { runIn } from '../helpers/run-in.js';

const NOW = { SALESMEET_NOW: '2026-07-10T18:00:00+08:00' };
const TARGETS = [...H2_TARGETS, '--months', 'even', '--lang', 'zh-CN'];

let tmp: { dir: string; cleanup: () => void };
const at = (f: string) => join(tmp.dir, f);

/** Opens and saves `file` in LibreOffice (headless, a throw-away profile) into `lo/`; returns the copy's path. */
function resave(file: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'salesmeet-lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        at('lo'),
        at(file),
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return `lo/${basename(file)}`;
}

async function edit(from: string, to: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(at(from));
  change(wb);
  await wb.xlsx.writeFile(at(to));
}

async function report(
  file: string,
): Promise<{ code: number; warnings: string[]; errors: string; md: string }> {
  const r = await runIn(['report', '2026-h1-review', '--targets', file], { cwd: tmp.dir, env: NOW });
  const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.includes('草稿'));
  return {
    code: r.code,
    warnings: lines.filter((l) => l.startsWith('warning: ')),
    errors: lines.filter((l) => !l.startsWith('warning: ')).join('\n'),
    md: r.code === 0 ? readFileSync(at('2026-h1-review/out/report.md'), 'utf8') : '',
  };
}

describe.skipIf(!office)('the targets workbook re-saved by LibreOffice', () => {
  beforeAll(async () => {
    tmp = tempDir('salesmeet-targets-lo-');
    copyExample('2026-h1-review', tmp.dir);
    for (const out of ['targets.xlsx', 'targets.yaml'])
      expect((await runIn([...TARGETS, '--out', out], { cwd: tmp.dir })).code).toBe(0);
  });
  afterAll(() => tmp?.cleanup());

  it('as written: the same report as from the YAML, no warning', async () => {
    const yaml = await report('targets.yaml');
    const lo = await report(resave('targets.xlsx'));
    expect(lo.code).toBe(0);
    expect(lo.warnings).toEqual([]);
    expect(lo.md).toBe(yaml.md);
  }, 300_000);

  it('a region and an owner edited, then re-saved: the figures by hand, the stale total named', async () => {
    await edit('targets.xlsx', 'edited.xlsx', (wb) => {
      const ws = wb.getWorksheet('按区域')!;
      ws.getCell('B2').value = 4800; // 华东 4,620 → 4,800; the total B6 keeps its stored 13,200
      ws.getCell('D3').value = '李雷'; // 华南's owner (负责人)
    });
    const r = await report(resave('edited.xlsx'));
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([
      'warning: lo/edited.xlsx [按区域]!B6: 合计 13,200 不等于各区域之和（13,380，B2:B5）：报告采用各区域的数字',
      'warning: lo/edited.xlsx [按区域]!B2:B5: 各区域合计 13,380（B2:B5），各月合计 13,200（[按月]!B3, …, H3）：月度表和总数采用各月数字，区域表采用各区域数字；请使两者一致',
      'warning: lo/edited.xlsx [区域×月份]!B2:G2: 华东 在此合计 4,620，在 [按区域]!B2 为 4,800：报告采用 [按区域]',
      'warning: lo/edited.xlsx [目标明细]!C2:C7: 华东 在此合计 4,620，在 [按区域]!B2 为 4,800：报告采用 [按区域]；salesmeet kpi 读取本表，请一并更正',
    ]);
    // 4,800 + 3,300 + 2,904 + 2,376 = 13,380: 35.87%, 24.66%, 21.70%, 17.76%
    expect(r.md).toContain('| 华东 | 4,800 | 35.9% | 王芳 |');
    expect(r.md).toContain('| 华南 | 3,300 | 24.7% | 李雷 |');
    expect(r.md).toContain('| 华北 | 2,904 | 21.7% | 张伟 |');
    expect(r.md).toContain('| 西部 | 2,376 | 17.8% | 赵敏 |');
    expect(r.md).toContain('2026-H2 公司目标 12,000 万元，下达合计 13,200 万元，预留 10.0%。');
  }, 300_000);

  it('a formula saved without its result is refused, and readable once LibreOffice has saved it', async () => {
    await edit('targets.xlsx', 'formula.xlsx', (wb) => {
      const ws = wb.getWorksheet('按月')!;
      ws.getCell('C3').value = { formula: '2000*1.2' } as ExcelJS.CellFormulaValue; // 2026-08: 2,200 → 2,400
      ws.getCell('J3').value = { formula: 'E3+I3' } as ExcelJS.CellFormulaValue;
    });
    const before = await report('formula.xlsx');
    expect(before.code).toBe(3);
    expect(before.errors).toContain(
      'formula.xlsx [按月]!C3: error: the formula =2000*1.2 has no computed value: the file was saved by a program that does not calculate',
    );
    const r = await report(resave('formula.xlsx'));
    expect(r.code).toBe(0);
    // LibreOffice computed C3 (2,400) and J3 from the stored quarter subtotals E3 + I3 = 6,600 + 6,600 = 13,200,
    // which it did not recalculate: the months add up to 2,200 × 5 + 2,400 = 13,400.
    expect(r.warnings[0]).toBe(
      'warning: lo/formula.xlsx [按月]!J3: 合计 13,200 不等于各月之和（13,400，B3, …, H3）：报告采用各月的数字',
    );
    // reserve 13,400 ÷ 12,000 − 1 = 11.67%; 1,400; August 2,400 ÷ 13,400 = 17.9%, the others 2,200 ÷ 13,400 = 16.4%
    expect(r.md).toContain('2026-H2 公司目标 12,000 万元，下达合计 13,400 万元，预留 11.7%。');
    expect(r.md).toContain('下达合计 = 公司目标 ×（1 + 预留）= 12,000 ×（1 + 11.7%）= 13,400；预留 1,400。');
    expect(r.md).toContain('| 2026-08 | 2,000 | 2,400 | 17.9% |');
    expect(r.md).toContain('| 2026-09 | 2,000 | 2,200 | 16.4% |');
  }, 300_000);
});
