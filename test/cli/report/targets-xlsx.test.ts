/**
 * `report --targets targets.xlsx`: part two from the workbook `salesmeet targets` writes, as written (the same
 * part two as from its YAML, in each of the three languages of the workbook) and after a sales manager edited it.
 *
 * The targets: 12,000 万元 for 2026-H2, a 10% reserve, regions 35/25/22/18, months even, with the example's
 * history (so the workbook has prior-year columns and the notes sheet SMART advice). By hand: 13,200 assigned;
 * 华东 13,200 × 35% = 4,620, 华南 × 25% = 3,300, 华北 × 22% = 2,904, 西部 × 18% = 2,376; each month 12,000 ÷ 6 =
 * 2,000 (2,200 assigned, 2,200 ÷ 13,200 = 16.7%); growth 12,000 ÷ 9,200 − 1 = +30.4%.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, tempDir } from '../../helpers/cli.js';
import { H2_TARGETS } from '../../helpers/h2-targets.js';
import { runIn } from '../../helpers/run-in.js';

const NOW = { SALESMEET_NOW: '2026-07-10T18:00:00+08:00' };
const TARGETS = [...H2_TARGETS, '--months', 'even', '--history', '2026-h1-review/data/kpi-2026-h1.xlsx'];

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = tempDir('salesmeet-targets-xlsx-');
  copyExample('2026-h1-review', tmp.dir);
});
/** The zh-CN workbook the edits start from. */
beforeAll(async () => {
  const t = await runIn([...TARGETS, '--lang', 'zh-CN', '--out', 'targets.xlsx'], { cwd: tmp.dir });
  expect(t.code).toBe(0);
});
afterAll(() => tmp.cleanup());

const at = (f: string) => join(tmp.dir, f);

/** `report --targets FILE` in the example: exit code, stderr without the draft line, and out/report.md. */
async function report(file: string, lang?: string): Promise<{ code: number; stderr: string; md: string }> {
  const r = await runIn(['report', '2026-h1-review', '--targets', file, ...(lang ? ['--lang', lang] : [])], {
    cwd: tmp.dir,
    env: NOW,
  });
  const stderr = r.stderr
    .split('\n')
    .filter((l) => l !== '' && !/草稿|draft/i.test(l))
    .join('\n');
  const md = r.code === 0 ? readFileSync(at('2026-h1-review/out/report.md'), 'utf8') : '';
  return { code: r.code, stderr, md };
}

/** Part two's targets section of the zh-CN report, with the notes it cites. */
function targetsPart(md: string): string {
  const start = md.indexOf('### 下半年销售目标');
  const end = md.indexOf('\n### ', start);
  expect(start).toBeGreaterThan(0);
  const section = md.slice(start, end);
  const lines = md.split('\n');
  const notes = [...section.matchAll(/\[\^(\d+)\]/g)].map((m) =>
    lines.find((l) => l.startsWith(`[^${m[1]}]:`)),
  );
  return [section, ...notes].join('\n');
}

async function edit(from: string, to: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(at(from));
  change(wb);
  await wb.xlsx.writeFile(at(to));
}

describe('the workbook as written gives the same part two as the YAML', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en']) {
    it(`a ${lang} workbook`, async () => {
      for (const ext of ['yaml', 'xlsx']) {
        const t = await runIn([...TARGETS, '--lang', lang, '--out', `t-${lang}.${ext}`], { cwd: tmp.dir });
        expect(t.code).toBe(0);
      }
      const yaml = await report(`t-${lang}.yaml`);
      const xlsx = await report(`t-${lang}.xlsx`);
      expect(yaml.code).toBe(0);
      expect(xlsx.code).toBe(0);
      expect(xlsx.stderr).toBe('');
      expect(targetsPart(xlsx.md)).toBe(targetsPart(yaml.md));
      expect(xlsx.md).toBe(yaml.md);
      const part = targetsPart(xlsx.md);
      expect(part).toContain('2026-H2 公司目标 12,000 万元，下达合计 13,200 万元，预留 10.0%。');
      expect(part).toContain('| 2026-07 | 2,000 | 2,200 | 16.7% |');
      expect(part).toContain('| 合计 | 12,000 | 13,200 | 100.0% |');
      expect(part).toContain('| 华东 | 4,620 | 35.0% | 王芳 |');
      expect(part).toContain('| 西部 | 2,376 | 18.0% | 赵敏 |');
      // The SMART advice of the notes sheet, in the workbook's language: 西部's 2,376 against 1,119.05 the year before.
      const advice = part.split('\n').filter((l) => l.startsWith('- '));
      expect(advice).toHaveLength(4);
      expect(
        advice.filter((l) => ['2376.00 万元', '1119.05 万元', '+112.3%'].every((x) => l.includes(x))),
      ).toHaveLength(1);
    });
  }
});

// The warnings are in the meeting's language (zh-CN), like the KPI's.
describe('after a sales manager edited the workbook', () => {
  it('a region raised and an owner named: the region table shows them, the copies left behind are named', async () => {
    await edit('targets.xlsx', 'region.xlsx', (wb) => {
      const ws = wb.getWorksheet('按区域')!;
      ws.getCell('B2').value = 4800; // 华东 4,620 → 4,800
      ws.getCell('B6').value = { formula: 'SUM(B2:B5)', result: 13380 }; // recomputed, as Excel does on save
      ws.getCell('F3').value = '李雷'; // 华南's owner (the column 负责人)
    });
    const r = await report('region.xlsx');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        'warning: region.xlsx [按区域]!B2:B5: 各区域合计 13,380（B2:B5），各月合计 13,200（[按月]!B3, …, H3）：月度表和总数采用各月数字，区域表采用各区域数字；请使两者一致',
        'warning: region.xlsx [区域×月份]!B2:G2: 华东 在此合计 4,620，在 [按区域]!B2 为 4,800：报告采用 [按区域]',
        'warning: region.xlsx [目标明细]!C2:C7: 华东 在此合计 4,620，在 [按区域]!B2 为 4,800：报告采用 [按区域]；salesmeet kpi 读取本表，请一并更正',
      ].join('\n'),
    );
    const part = targetsPart(r.md);
    // Shares of the regions' own total 13,380: 4,800 ÷ 13,380 = 35.87%, 3,300 ÷ 13,380 = 24.66%,
    // 2,904 ÷ 13,380 = 21.70%, 2,376 ÷ 13,380 = 17.76%. 华南's owner from the workbook, the others from the attendees.
    expect(part).toContain('| 华东 | 4,800 | 35.9% | 王芳 |');
    expect(part).toContain('| 华南 | 3,300 | 24.7% | 李雷 |');
    expect(part).toContain('| 华北 | 2,904 | 21.7% | 张伟 |');
    expect(part).toContain('| 西部 | 2,376 | 17.8% | 赵敏 |');
    // The months were not changed: the headline and the month table stay as written.
    expect(part).toContain('2026-H2 公司目标 12,000 万元，下达合计 13,200 万元，预留 10.0%。');
    expect(part).toContain('| 合计 | 12,000 | 13,200 | 100.0% |');
  });

  it('a month raised: the totals and the reserve follow it (assigned = company × (1 + reserve) still holds)', async () => {
    await edit('targets.xlsx', 'month.xlsx', (wb) => {
      const ws = wb.getWorksheet('按月')!;
      ws.getCell('B3').value = 2500; // 2026-07 assigned 2,200 → 2,500
      ws.getCell('E3').value = { formula: 'SUM(B3:D3)', result: 6900 };
      ws.getCell('J3').value = { formula: 'E3+I3', result: 13500 };
    });
    const r = await report('month.xlsx');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toEqual([
      'warning: month.xlsx [说明]!B7: 此处分配目标合计为 13,200，各月合计 13,500（[按月]!B3, …, H3）：报告采用各月之和',
      'warning: month.xlsx [按区域]!B2:B5: 各区域合计 13,200（B2:B5），各月合计 13,500（[按月]!B3, …, H3）：月度表和总数采用各月数字，区域表采用各区域数字；请使两者一致',
      'warning: month.xlsx [区域×月份]!B2:B5: 2026-07 在此合计 2,200，在 [按月]!B3 为 2,500：报告采用 [按月]',
      'warning: month.xlsx [目标明细]!C2, …, C20: 2026-07 在此合计 2,200，在 [按月]!B3 为 2,500：报告采用 [按月]；salesmeet kpi 读取本表，请一并更正',
    ]);
    const part = targetsPart(r.md);
    // 2,500 + 5 × 2,200 = 13,500; reserve 13,500 ÷ 12,000 − 1 = 12.5%, 1,500; July 2,500 ÷ 13,500 = 18.5%,
    // the others 2,200 ÷ 13,500 = 16.3%.
    expect(part).toContain('2026-H2 公司目标 12,000 万元，下达合计 13,500 万元，预留 12.5%。');
    expect(part).toContain('下达合计 = 公司目标 ×（1 + 预留）= 12,000 ×（1 + 12.5%）= 13,500；预留 1,500。');
    expect(part).toContain('| 2026-07 | 2,000 | 2,500 | 18.5% |');
    expect(part).toContain('| 2026-08 | 2,000 | 2,200 | 16.3% |');
    expect(part).toContain('| 合计 | 12,000 | 13,500 | 100.0% |');
  });
});

describe('the owner column', () => {
  it('filled in, the workbook still reads as the same targets sheet in salesmeet kpi', async () => {
    await edit('targets.xlsx', 'owners.xlsx', (wb) => {
      const ws = wb.getWorksheet('按区域')!;
      ['王芳', '李雷', '张伟', '赵敏'].forEach((name, i) => {
        ws.getCell(`F${i + 2}`).value = name;
      });
    });
    writeFileSync(at('july.csv'), '日期,区域,销售额(万元)\n2026-07-10,华东,700\n2026-07-10,华南,480\n');
    const kpi = (targets: string) =>
      runIn(['kpi', 'july.csv', targets, '--period', '2026-07', '--by', 'region', '--json'], {
        cwd: tmp.dir,
        env: NOW,
      });
    const [before, after] = [await kpi('targets.xlsx'), await kpi('owners.xlsx')];
    expect(after.code).toBe(0);
    expect(after.stderr).toBe(before.stderr);
    const rows = (out: string) =>
      (JSON.parse(out).rows as { metric: string; group: { region?: string }; target: number }[])
        .filter((r) => r.metric === 'revenue')
        .map((r) => [r.group.region, r.target]);
    // July: 华东 4,620 ÷ 6 = 770, 华南 3,300 ÷ 6 = 550, 华北 484, 西部 396
    expect(rows(after.stdout)).toEqual(rows(before.stdout));
    expect(rows(after.stdout)).toEqual(
      expect.arrayContaining([
        ['华东', 770],
        ['华南', 550],
      ]),
    );
  });
});

describe('bad input: exit 3 with the file, and the sheet and cell', () => {
  it('a file that is not a zip, a workbook of another kind', async () => {
    writeFileSync(at('bin.xlsx'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x80, 0x81]));
    const bin = await report('bin.xlsx', 'en');
    expect(bin.code).toBe(3);
    expect(bin.stderr).toContain(
      'bin.xlsx: error: expected an Excel workbook (.xlsx), found a file that is not one (not a zip archive)',
    );
    const other = await report('2026-h1-review/data/kpi-2026-h1.xlsx', 'en');
    expect(other.code).toBe(3);
    expect(other.stderr.split('\n')).toEqual([
      '2026-h1-review/data/kpi-2026-h1.xlsx: error: not a targets workbook: expected the sheets salesmeet targets writes (按月 + 说明 | 依月 + 說明 | By month + Notes), found KPI汇总, 订单明细, 目标, 区域月度',
      '  hint: give the workbook `salesmeet targets … --out targets.xlsx` wrote (or its YAML); its sheets may be edited, not renamed',
    ]);
    // The zip's part sizes are checked before anything is inflated, as for every workbook (here with a tiny limit).
    const big = await runIn(['report', '2026-h1-review', '--targets', 'targets.xlsx', '--lang', 'en'], {
      cwd: tmp.dir,
      env: { ...NOW, SALESMEET_MAX_SHEET_MB: '0.001' },
    });
    expect(big.code).toBe(3);
    expect(big.stderr).toMatch(
      /^targets\.xlsx: error: refusing to read xl\/worksheets\/sheet\d+\.xml: it would expand to [\d.]+ MB \(limit 0\.0 MB\)\n {2}hint: .*SALESMEET_MAX_SHEET_MB/,
    );
    const missing = await report('none.xlsx', 'en');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('none.xlsx: error: file not found');
  });

  it('text where a figure belongs, a formula saved without its result', async () => {
    await edit('targets.xlsx', 'text.xlsx', (wb) => {
      wb.getWorksheet('按区域')!.getCell('B3').value = '三千三百';
    });
    const text = await report('text.xlsx', 'zh-CN');
    expect(text.code).toBe(3);
    expect(text.stderr.split('\n')).toEqual([
      'text.xlsx [按区域]!B3: 错误: 应为数字，实际为文本“三千三百”',
      '  提示: 请填写纯数字，不带单位或文字；设置为文本格式的单元格即使输入数字也是文本：请改为数字格式',
    ]);
    await edit('targets.xlsx', 'formula.xlsx', (wb) => {
      // A program that writes formulas without computing them (no stored result): a total is summed here, a
      // figure cannot be.
      const ws = wb.getWorksheet('按月')!;
      ws.getCell('J3').value = { formula: 'E3+I3' } as ExcelJS.CellFormulaValue;
      ws.getCell('C3').value = { formula: '2000*1.1' } as ExcelJS.CellFormulaValue;
    });
    const formula = await report('formula.xlsx', 'en');
    expect(formula.code).toBe(3);
    expect(formula.stderr.split('\n')).toEqual([
      'formula.xlsx [按月]!C3: error: the formula =2000*1.1 has no computed value: the file was saved by a program that does not calculate',
      '  hint: open the file in Excel, WPS or LibreOffice and save it again (they store each formula’s result), then run the report again',
    ]);
  });
});
