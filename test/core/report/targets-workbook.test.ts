/**
 * The targets workbook read back as grids of cells, made by hand here: which cells are the figures, how labels
 * are found when rows and columns move, what a formula without a stored result does, and which copies of a
 * figure are checked. Every expected figure is worked out in the comments.
 *
 * The workbook: 2026-Q3, company target 240 万元 split 30/30/40 over the months (72, 72, 96), a 10% reserve
 * (264 assigned: 79.2, 79.2, 105.6), 华东 60% (158.4 = 47.5 + 47.5 + 63.4) and 华南 40% (105.6 = 31.7 + 31.7 + 42.2).
 */
import { describe, expect, it } from 'vitest';
import { formatLocation, InputError } from '../../../src/core/errors.js';
import type { Lang } from '../../../src/core/i18n/lang.js';
import {
  type GridCell,
  type GridSheet,
  type TargetsWarning,
  targetsFromWorkbook,
} from '../../../src/core/report/targets-workbook.js';

type V = number | string | null | Date | { f: string; v?: number } | { error: string };

const cell = (v: V): GridCell | undefined => {
  if (v === null) return undefined;
  if (typeof v === 'object' && !(v instanceof Date) && 'f' in v)
    return v.v === undefined
      ? { value: null, formula: v.f, computed: false }
      : { value: v.v, formula: v.f, computed: true };
  return { value: v };
};
const sheet = (name: string, rows: V[][]): GridSheet => ({ name, rows: rows.map((r) => r.map(cell)) });

function workbook(edit: (rows: Record<string, V[][]>) => void = () => {}): GridSheet[] {
  const rows: Record<string, V[][]> = {
    目标明细: [
      ['区域', '月份', '目标值(万元)'],
      ['华东', '2026-07', 47.5],
      ['华东', '2026-08', 47.5],
      ['华东', '2026-09', 63.4],
      ['华南', '2026-07', 31.7],
      ['华南', '2026-08', 31.7],
      ['华南', '2026-09', 42.2],
    ],
    按区域: [
      ['区域', '目标值(万元)', '占比', '负责人'],
      ['华东', 158.4, { f: 'IF(B$4=0,0,B2/B$4)', v: 0.6 }, null],
      ['华南', 105.6, { f: 'IF(B$4=0,0,B3/B$4)', v: 0.4 }, '李雷'],
      ['合计', { f: 'SUM(B2:B3)', v: 264 }, 1],
    ],
    按月: [
      ['月份', '2026-07', '2026-08', '2026-09', '合计'],
      ['公司目标(万元)', 72, 72, 96, { f: 'SUM(B2:D2)', v: 240 }],
      ['目标值(万元)', 79.2, 79.2, 105.6, { f: 'SUM(B3:D3)', v: 264 }],
      [
        '占比',
        { f: 'B3/$E$3', v: 0.3 },
        { f: 'C3/$E$3', v: 0.3 },
        { f: 'D3/$E$3', v: 0.4 },
        { f: 'E3/$E$3', v: 1 },
      ],
    ],
    '区域×月份': [
      ['区域', '2026-07', '2026-08', '2026-09', '合计'],
      ['华东', 47.5, 47.5, 63.4, { f: 'SUM(B2:D2)', v: 158.4 }],
      ['华南', 31.7, 31.7, 42.2, { f: 'SUM(B3:D3)', v: 105.6 }],
      [
        '合计',
        { f: 'SUM(B2:B3)', v: 79.2 },
        { f: 'SUM(C2:C3)', v: 79.2 },
        { f: 'SUM(D2:D3)', v: 105.6 },
        { f: 'SUM(E2:E3)', v: 264 },
      ],
    ],
    说明: [
      ['项目', '内容'],
      ['期间', '2026-Q3'],
      ['单位', '万元'],
      ['公司目标', 240],
      ['预留比例（超额分配）', '10%'],
      ['预留金额', 24],
      ['分配目标合计', 264],
      [null, '分配给各级的目标合计 264.0 万元，比公司目标 240.0 万元 高出 10%（预留缓冲）'],
      [],
      ['SMART 建议', ''],
      ['华东', '华东的目标高于上年同期 80%'],
      [],
      [null, '由 salesmeet targets 生成'],
    ],
  };
  edit(rows);
  return Object.entries(rows).map(([name, r]) => sheet(name, r));
}

/** An edit of one cell, as a person makes it. */
const set =
  (name: string, r: number, c: number, v: V) =>
  (rows: Record<string, V[][]>): void => {
    rows[name]![r]![c] = v;
  };

const en = (ws: TargetsWarning[]) => ws.map((w) => `[${w.sheet}]!${w.cell}: ${w.message('en')}`);

/** The error a grid gives: where (as printed) and what, in a language. */
function failure(sheets: GridSheet[], lang: Lang = 'en'): { where: string; message: string; hint?: string } {
  try {
    targetsFromWorkbook(sheets, 'targets.xlsx');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.exitCode).toBe(3);
    return {
      where: formatLocation(error.location),
      message: error.text(lang),
      ...(error.hint ? { hint: error.hint(lang) } : {}),
    };
  }
  throw new Error('expected an InputError');
}

describe('the targets workbook as written', () => {
  it('gives the months, the regions with their owners, the period, unit, reserve and advice, and no warning', () => {
    const { doc, warnings } = targetsFromWorkbook(workbook(), 'targets.xlsx');
    expect(warnings).toEqual([]);
    expect(doc).toEqual({
      schema: 'salesmeet.targets/1',
      period: '2026-Q3',
      months: ['2026-07', '2026-08', '2026-09'],
      unit: '万元',
      // 72 + 72 + 96 = 240; 79.2 + 79.2 + 105.6 = 264 exactly (not 264.00000000000006)
      companyTarget: 240,
      // the totals agree with the notes, so the notes' 10% and 24 stand
      reserve: 0.1,
      reserveAmount: 24,
      assignedTotal: 264,
      levels: ['region'],
      time: {
        months: [
          { period: '2026-07', companyTarget: 72, target: 79.2, share: 79.2 / 264 },
          { period: '2026-08', companyTarget: 72, target: 79.2, share: 79.2 / 264 },
          { period: '2026-09', companyTarget: 96, target: 105.6, share: 105.6 / 264 },
        ],
      },
      org: [
        // 158.4 / 264 = 0.6; an empty owner cell leaves the owner to the attendees (null)
        { level: 'region', name: '华东', target: 158.4, share: 158.4 / 264, owner: null },
        { level: 'region', name: '华南', target: 105.6, share: 105.6 / 264, owner: '李雷' },
      ],
      advice: [{ message: '华东的目标高于上年同期 80%' }],
    });
  });

  it('finds its labels after a title row and a column are inserted, a month header turned into a date, full-width brackets', () => {
    const moved = workbook((r) => {
      for (const name of Object.keys(r))
        r[name] = [['2026 年第三季度目标'], ...r[name]!.map((row) => [null, ...row])];
      r.按月![1]![2] = new Date(Date.UTC(2026, 6, 1));
      r.按月![3]![1] = '目标值（万元）';
      r.按区域![1]![2] = ' 目标值（万元） ';
    });
    const { doc, warnings } = targetsFromWorkbook(moved, 'targets.xlsx');
    expect(warnings).toEqual([]);
    expect(doc).toEqual(targetsFromWorkbook(workbook(), 'targets.xlsx').doc);
  });

  it('takes off the apostrophe that kept a name from being a formula', () => {
    const { doc } = targetsFromWorkbook(
      workbook((r) => {
        r.按区域![1]![0] = "'=华东";
        r.目标明细!.forEach((row, i) => {
          if (row[0] === '华东' && i > 0) row[0] = "'=华东";
        });
        r['区域×月份']![1]![0] = "'=华东";
      }),
      'targets.xlsx',
    );
    expect(doc.org.map((o) => o.name)).toEqual(['=华东', '华南']);
  });
});

describe('after an edit: the details are the figures, every other copy is checked', () => {
  it('a region raised in 按区域 with its total recomputed: the region table uses it, the months stay, three warnings', () => {
    const { doc, warnings } = targetsFromWorkbook(
      workbook((r) => {
        r.按区域![1]![1] = 170.4; // 华东 158.4 → 170.4 (+12)
        r.按区域![3]![1] = { f: 'SUM(B2:B3)', v: 276 }; // recomputed by the spreadsheet: 170.4 + 105.6
      }),
      'targets.xlsx',
    );
    // shares of the regions' own total: 170.4 / 276 = 0.6174, 105.6 / 276 = 0.3826
    expect(doc.org.map((o) => [o.name, o.target, o.share])).toEqual([
      ['华东', 170.4, 170.4 / 276],
      ['华南', 105.6, 105.6 / 276],
    ]);
    expect(doc.assignedTotal).toBe(264);
    expect(doc.reserve).toBe(0.1);
    expect(en(warnings)).toEqual([
      '[按区域]!B2:B3: the regions add up to 276 (B2:B3), the months to 264 ([按月]!B3:D3): the month table and the totals use the months, the region table the regions; make them agree',
      '[区域×月份]!B2:D2: 华东 adds up to 158.4 here, 170.4 in [按区域]!B2: the report uses [按区域]',
      '[目标明细]!C2:C4: 华东 adds up to 158.4 here, 170.4 in [按区域]!B2: the report uses [按区域]; salesmeet kpi reads this sheet, correct it too',
    ]);
  });

  it('a total whose stored value was not updated (a tool that keeps the old result) is named, and the sum used', () => {
    const { doc, warnings } = targetsFromWorkbook(
      workbook((r) => {
        r.按区域![1]![1] = 170.4;
        r.按区域![2]![1] = 93.6; // 华南 105.6 → 93.6: the regions still add up to 264
      }),
      'targets.xlsx',
    );
    expect(doc.org.map((o) => o.target)).toEqual([170.4, 93.6]);
    // 264 is still right, so the only warnings are the copies of the two regions
    expect(en(warnings)).toEqual([
      '[区域×月份]!B2:D2: 华东 adds up to 158.4 here, 170.4 in [按区域]!B2: the report uses [按区域]',
      '[区域×月份]!B3:D3: 华南 adds up to 105.6 here, 93.6 in [按区域]!B3: the report uses [按区域]',
      '[目标明细]!C2:C4: 华东 adds up to 158.4 here, 170.4 in [按区域]!B2: the report uses [按区域]; salesmeet kpi reads this sheet, correct it too',
      '[目标明细]!C5:C7: 华南 adds up to 105.6 here, 93.6 in [按区域]!B3: the report uses [按区域]; salesmeet kpi reads this sheet, correct it too',
    ]);
    const stale = targetsFromWorkbook(
      workbook((r) => {
        r.按月![2]![1] = 91.2; // July 79.2 → 91.2 (+12), total cell E3 left at 264
      }),
      'targets.xlsx',
    );
    // 91.2 + 79.2 + 105.6 = 276; the reserve is then what the figures give: 276 / 240 − 1 = 0.15, 36
    expect([stale.doc.assignedTotal, stale.doc.reserve, stale.doc.reserveAmount]).toEqual([276, 0.15, 36]);
    expect(stale.doc.time.months[0]).toEqual({
      period: '2026-07',
      companyTarget: 72,
      target: 91.2,
      share: 91.2 / 276,
    });
    expect(en(stale.warnings)).toEqual([
      '[按月]!E3: the total 264 is not the sum of the months (276, B3:D3): the report uses the months',
      '[说明]!B7: the assigned total here is 264, the months add up to 276 ([按月]!B3:D3): the report uses the months',
      '[按区域]!B2:B3: the regions add up to 264 (B2:B3), the months to 276 ([按月]!B3:D3): the month table and the totals use the months, the region table the regions; make them agree',
      '[区域×月份]!B2:B3: 2026-07 adds up to 79.2 here, 91.2 in [按月]!B3: the report uses [按月]',
      '[目标明细]!C2, …, C5: 2026-07 adds up to 79.2 here, 91.2 in [按月]!B3: the report uses [按月]; salesmeet kpi reads this sheet, correct it too',
    ]);
  });

  it('warns in the reader’s language', () => {
    const { warnings } = targetsFromWorkbook(
      workbook((r) => {
        r['区域×月份']![2]![1] = 30; // 华南 July 31.7 → 30
      }),
      'targets.xlsx',
    );
    expect(warnings.map((w) => w.message('zh-CN'))).toEqual([
      '华南 在此合计 103.9，在 [按区域]!B3 为 105.6：报告采用 [按区域]',
      '2026-07 在此合计 77.5，在 [按月]!B3 为 79.2：报告采用 [按月]',
    ]);
  });

  it('a region renamed in one sheet only is named in the others', () => {
    const { doc, warnings } = targetsFromWorkbook(
      workbook((r) => {
        r.按区域![2]![0] = '华南一区';
      }),
      'targets.xlsx',
    );
    expect(doc.org.map((o) => o.name)).toEqual(['华东', '华南一区']);
    expect(en(warnings)).toEqual([
      '[区域×月份]!B3:D3: 华南 is listed here but not in [按区域]: the report uses [按区域]',
      '[目标明细]!C5:C7: 华南 is listed here but not in [按区域]: the report uses [按区域]',
    ]);
  });
});

describe('formulas', () => {
  it('a detail that is a formula uses its stored result; a total without one needs none (the sum is computed)', () => {
    const { doc, warnings } = targetsFromWorkbook(
      workbook((r) => {
        r.按区域![1]![1] = { f: '132*1.2', v: 158.4 };
        r.按区域![3]![1] = { f: 'SUM(B2:B3)' };
        r.按月![2]![4] = { f: 'SUM(B3:D3)' };
      }),
      'targets.xlsx',
    );
    expect(warnings).toEqual([]);
    expect(doc.org[0]!.target).toBe(158.4);
    expect(doc.assignedTotal).toBe(264);
  });

  it('a detail that is a formula without a stored result is refused with its cell and what to do', () => {
    expect(failure(workbook(set('按月', 2, 2, { f: 'B3*1' })))).toEqual({
      where: 'targets.xlsx [按月]!C3',
      message:
        'the formula =B3*1 has no computed value: the file was saved by a program that does not calculate',
      hint: 'open the file in Excel, WPS or LibreOffice and save it again (they store each formula’s result), then run the report again',
    });
  });
});

describe('bad input: exit 3 with the file, sheet and cell', () => {
  it('text, an empty cell or an error where a figure belongs', () => {
    expect(failure(workbook(set('按区域', 2, 1, '约 100')))).toEqual({
      where: 'targets.xlsx [按区域]!B3',
      message: 'expected a number, found the text "约 100"',
      hint: 'type the figure as a plain number, without unit or words; a cell formatted as text keeps even digits as text: format it as a number',
    });
    expect(failure(workbook(set('按月', 1, 3, null)), 'zh-CN')).toEqual({
      where: 'targets.xlsx [按月]!D2',
      message: '应为数字，实际为空单元格',
    });
    expect(failure(workbook(set('目标明细', 3, 2, { error: '#REF!' }))).where).toBe(
      'targets.xlsx [目标明细]!C4',
    );
    expect(failure(workbook(set('说明', 3, 1, '二百四十'))).where).toBe('targets.xlsx [说明]!B4');
  });

  it('a workbook of another kind names the sheets expected and found', () => {
    expect(failure([sheet('订单明细', [['日期', '销售额']]), sheet('目标', [['区域', '目标']])])).toEqual({
      where: 'targets.xlsx',
      message:
        'not a targets workbook: expected the sheets salesmeet targets writes (按月 + 说明 | 依月 + 說明 | By month + Notes), found 订单明细, 目标',
      hint: 'give the workbook `salesmeet targets … --out targets.xlsx` wrote (or its YAML); its sheets may be edited, not renamed',
    });
  });

  it('a label renamed or a period that is not one', () => {
    expect(failure(workbook(set('按月', 2, 0, '分配(万元)')))).toEqual({
      where: 'targets.xlsx [按月]',
      message: 'no cell labelled "目标值": the row of assigned targets cannot be read',
      hint: 'keep the labels salesmeet targets wrote; rows and columns may be inserted or moved, not renamed',
    });
    expect(failure(workbook(set('说明', 1, 1, '下半年')))).toEqual({
      where: 'targets.xlsx [说明]!B2',
      message: 'expected a period (2026-H2, 2026-Q3, 2026 or 2026-07), found "下半年"',
    });
  });
});
