import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellFormulaValue } from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { Lang } from '../../src/core/i18n/lang.js';
import { copyExample, tempDir } from '../helpers/cli.js';
import {
  office,
  officeToPdf,
  overlappingWords,
  pdfPages,
  pdfPageTexts,
  pdfRawText,
  pdfWords,
} from '../helpers/office.js';
import { runIn } from '../helpers/run-in.js';

/** Today in this process's time zone (the one LibreOffice, started from it, evaluates TODAY() in), ± days. */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Six actions of one meeting, with the long texts real minutes have, due around the real today: LibreOffice
 * recalculates TODAY() when it opens the file, so days overdue in the PDF are counted from the day the test runs,
 * not from the day the tracker was written (SALESMEET_NOW, long ago).
 */
const ACTIONS = [
  {
    what: '牵头制定华东、华南两个大区重点客户的逾期应收账款追收计划，逐户明确责任人、回款节点和法务介入条件，并每周在例会上通报进展',
    owner: '王芳',
    due: day(-12),
    measure: '九月底前累计收回逾期款三百万元以上，且逾期一百二十天以上客户全部转法务部发函',
    priority: 'high',
  },
  {
    what: '制定华北渠道伙伴季度激励方案（返点梯度、专项市场费用、季度评优），报销售副总裁审批',
    owner: '张伟',
    due: day(3),
    measure: '方案经销售副总裁批准并在渠道大会上发布',
    priority: 'medium',
  },
  {
    what: '7 月经营分析报表改为 CRM 自动导出，取消各大区手工汇总的 Excel 模板',
    owner: '李娜',
    due: day(-30),
    measure: '每月 2 日前自动生成，无需手工汇总',
    priority: 'low',
  },
  {
    what: '整理西部大区新开发客户名单并完成首次拜访，拜访记录录入 CRM 系统',
    owner: '刘强',
    due: day(40),
    measure: '名单不少于 30 家，拜访记录完整率 100%',
    priority: 'medium',
  },
  {
    what: '评估是否在成都设立西部办事处（人员编制、租金、预计新增销售额），形成书面建议',
    owner: '陈建国',
    due: day(-5),
    measure: '书面建议提交管理层',
  },
  {
    what: 'Prepare the quarterly key-account review deck for the Shanghai headquarters leadership meeting',
    owner: 'Alex Chen',
    due: day(-2),
    measure: 'Deck approved by the VP of Sales',
    priority: 'high',
  },
];

describe.skipIf(!office)('xlsx tracker printed through LibreOffice', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('fits six actions on two landscape pages, every text whole, days overdue counted from today', async () => {
    const dir = copyExample('2026-07-monthly', tmp.dir);
    const minutes = parseDocument(readFileSync(join(dir, 'minutes.yaml'), 'utf8'));
    minutes.set('actions', ACTIONS);
    writeFileSync(join(dir, 'minutes.yaml'), minutes.toString());
    const meeting = parseDocument(readFileSync(join(dir, 'meeting.yaml'), 'utf8'));
    meeting.set('carriedActions', []);
    writeFileSync(join(dir, 'meeting.yaml'), meeting.toString());
    const id = (n: number) => `2026-07-monthly#${n}`;
    writeFileSync(
      join(dir, 'actions.yaml'),
      [
        'updates:',
        `  - { id: "${id(1)}", date: ${day(-20)}, status: in-progress, note: 华东已收回一百八十万元，华南两家客户仍在对账，法务函已寄出三份 }`,
        `  - { id: "${id(3)}", date: ${day(-31)}, status: done, note: CRM 报表已上线并通知各大区停用旧模板 }`,
      ].join('\n'),
    );

    const r = await runIn(
      ['actions', '2026-07-monthly', '--format', 'xlsx', '--out', 'tracker.xlsx', '--as-of', day(0)],
      { cwd: tmp.dir, env: { SALESMEET_NOW: '2026-01-05T10:00:00+08:00' } },
    );
    expect(r.stderr).toContain('tracker.xlsx');
    expect(r.code).toBe(0);

    const pdf = officeToPdf(join(tmp.dir, 'tracker.xlsx'));
    expect(pdfPages(pdf)).toBeLessThanOrEqual(2);
    const pages = pdfPageTexts(pdf);
    const squash = (s: string) => s.replace(/\s+/g, '');
    // Each cell's text whole (its wrapped lines are drawn one after the other; CJK wraps anywhere).
    const all = squash(pdfRawText(pdf));
    for (const a of ACTIONS) {
      expect(all).toContain(squash(a.what));
      expect(all).toContain(squash(a.measure));
    }
    expect(all).toContain(squash('华东已收回一百八十万元，华南两家客户仍在对账，法务函已寄出三份'));
    expect(all).toContain(squash('2026 年 7 月销售经营分析会（2026-08-05）'));
    for (const h of HEADERS['zh-CN']) expect(all).toContain(h);
    // The list: header repeated, days overdue recalculated for today (12, 5 and 2 days), not the cached 0.
    const list = pages.map(squash).find((p) => p.includes('逾期天数'))!;
    expect(list).toBeDefined();
    const row = (what: string) => {
      const at = list.indexOf(squash(what).slice(0, 12));
      return list.slice(at, at + 400);
    };
    expect(row(ACTIONS[0]!.what)).toContain(`${day(-12)}进行中12`);
    expect(row(ACTIONS[4]!.what)).toContain(`${day(-5)}未开始5`);
    expect(row(ACTIONS[2]!.what)).toContain(`${day(-30)}已完成${day(-31)}`);
    // Rows tall enough for their wrapped text: no line is drawn over the next row's.
    expect(overlappingWords(pdfWords(pdf)).map(([a, b]) => `${a.text} × ${b.text}`)).toEqual([]);
    // Page numbers and the meeting in the margins.
    expect(squash(pages[0]!)).toContain(squash(`第 1 页 / 共 ${pages.length} 页`));
    expect(squash(pages[0]!)).toContain(squash('2026 年 7 月销售经营分析会 · '));
  });

  /**
   * The examples' three meetings as of 2026-08-20 (the day SALESMEET_NOW sets): six actions, three of them still
   * open (h1-review#3 in progress since 07-31, 07-monthly#3 due 08-15, 07-monthly#2 due 08-20), three done.
   */
  const EXAMPLE_ROWS = [
    { id: '2026-h1-review#3', what: '制定华南新客户开发方案', due: '2026-07-31', status: 'in-progress' },
    { id: '2026-07-monthly#3', what: '制定华北渠道伙伴季度激励方案', due: '2026-08-15', status: 'open' },
    { id: '2026-07-monthly#2', what: '华东逾期客户转法务发函并跟进回款', due: '2026-08-20', status: 'open' },
    {
      id: '2026-h1-review#2',
      what: '输出下半年目标分解表（大区 × 月份）',
      due: '2026-07-15',
      status: 'done',
    },
    {
      id: '2026-h1-review#1',
      what: '制定华东重点客户回款追收计划并每周跟进',
      due: '2026-07-17',
      status: 'done',
    },
    { id: '2026-07-monthly#1', what: '7 月经营分析报表改为 CRM 自动导出', due: '2026-08-12', status: 'done' },
  ] as const;
  const STATUS: Record<Lang, Record<(typeof EXAMPLE_ROWS)[number]['status'], string>> = {
    'zh-CN': { open: '未开始', 'in-progress': '进行中', done: '已完成' },
    'zh-TW': { open: '未開始', 'in-progress': '進行中', done: '已完成' },
    en: { open: 'open', 'in-progress': 'inprogress', done: 'done' },
  };
  const MEETINGS: Record<Lang, string[]> = {
    'zh-CN': [
      '2026 年上半年销售总结暨下半年目标分解会（2026-07-10）',
      '2026 年 7 月销售经营分析会（2026-08-05）',
    ],
    'zh-TW': [
      '2026 年上半年销售总结暨下半年目标分解会（2026-07-10）',
      '2026 年 7 月销售经营分析会（2026-08-05）',
    ],
    en: ['2026 年上半年销售总结暨下半年目标分解会 (2026-07-10)', '2026 年 7 月销售经营分析会 (2026-08-05)'],
  };
  const FOOTER: Record<Lang, string> = { 'zh-CN': '第1页/共2页', 'zh-TW': '第1頁/共2頁', en: 'Page1of2' };
  /** Days from `due` to today on this machine's calendar (LibreOffice's TODAY()); blank when not past due. */
  const overdueToday = (due: string) => {
    const days = Math.round(
      (Date.parse(`${day(0)}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000,
    );
    return days > 0 ? String(days) : '';
  };

  it.each(['zh-CN', 'zh-TW', 'en'] as const)(
    "prints the examples' six actions in %s on two pages, headers and cells whole, days overdue from today",
    async (lang) => {
      const root = join(tmp.dir, `examples-${lang}`);
      mkdirSync(root);
      for (const name of ['2026-h1-review', '2026-w27-weekly', '2026-07-monthly']) copyExample(name, root);
      const r = await runIn(['actions', '.', '--format', 'xlsx', '--out', 'tracker.xlsx', '--lang', lang], {
        cwd: root,
        env: { SALESMEET_NOW: '2026-08-20T10:00:00+08:00' },
      });
      expect(r.code).toBe(0);

      const pdf = officeToPdf(join(root, 'tracker.xlsx'));
      expect(pdfPages(pdf)).toBe(2);
      const squash = (s: string) => s.replace(/\s+/g, '');
      const all = squash(pdfRawText(pdf));
      for (const h of HEADERS[lang]) expect(all).toContain(h);
      for (const m of MEETINGS[lang]) expect(all).toContain(squash(m));
      const pages = pdfPageTexts(pdf).map(squash);
      expect(pages[0]).toContain(FOOTER[lang]);
      const list = pages.find((p) => p.includes(HEADERS[lang][3]!))!; // priority: on the list only
      expect(list).toBeDefined();
      for (const row of EXAMPLE_ROWS) {
        expect(list).toContain(squash(row.id));
        expect(all).toContain(squash(row.what));
        // Due, status and days overdue as LibreOffice recalculated them today: the open rows count on.
        const at = list.indexOf(squash(row.what));
        expect(at).toBeGreaterThan(-1);
        const cells = `${row.due}${STATUS[lang][row.status]}${row.status === 'done' ? '' : overdueToday(row.due)}`;
        expect(list.slice(at, at + 200)).toContain(cells);
      }
      expect(overlappingWords(pdfWords(pdf)).map(([a, b]) => `${a.text} × ${b.text}`)).toEqual([]);
    },
  );

  it('stays true after an edit: a status changed in the drop-down and an item added below the list', async () => {
    // The examples were written as of 2026-08-20; LibreOffice judges overdue on the day the test runs, later.
    expect(day(0) > '2026-08-20').toBe(true);
    const root = join(tmp.dir, 'edited');
    mkdirSync(root);
    for (const name of ['2026-h1-review', '2026-w27-weekly', '2026-07-monthly']) copyExample(name, root);
    const r = await runIn(['actions', '.', '--format', 'xlsx', '--out', 'tracker.xlsx', '--lang', 'zh-CN'], {
      cwd: root,
      env: { SALESMEET_NOW: '2026-08-20T10:00:00+08:00' },
    });
    expect(r.code).toBe(0);

    // What someone does next week in Excel or WPS: 刘强's item is done, and 王芳 gets a new one on row 8, typed
    // under the list without copying the days-overdue formula.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const file = join(root, 'tracker.xlsx');
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('行动项清单')!;
    expect(ws.getCell('A2').value).toBe('2026-h1-review#3');
    ws.getCell('F2').value = '已完成';
    const added = ws.getRow(8);
    added.getCell(1).value = '2026-07-monthly#4';
    added.getCell(2).value = '落实华东新客户拜访计划';
    added.getCell(3).value = '王芳';
    added.getCell(5).value = new Date(Date.UTC(2026, 7, 1));
    added.getCell(5).numFmt = 'yyyy-mm-dd';
    added.getCell(6).value = '未开始';
    added.getCell(11).value = '2026 年 7 月销售经营分析会（2026-08-05）';
    // A spreadsheet program recalculates what depends on an edit before it saves; exceljs keeps the old results.
    // Without them LibreOffice computes every formula when it opens the file.
    for (const sheet of wb.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) cell.value = { formula: cell.formula } as CellFormulaValue;
        }),
      );
    await wb.xlsx.writeFile(file);

    const pdf = officeToPdf(file);
    const squash = (s: string) => s.replace(/\s+/g, '');
    const [summary, list] = pdfPageTexts(pdf).map(squash);
    // Total: 7 items, 4 done, 3 open, all 3 past due (07-monthly#2, #3 and the new one), 4 / 7 = 57.1%.
    expect(summary).toContain('合计743357.1%');
    // 王芳: h1-review#1 done, 07-monthly#2 and the new item open and past due: 1 / 3 = 33.3%.
    expect(summary).toContain('王芳312233.3%');
    // 刘强: his one item done, nothing overdue any more.
    expect(summary).toContain('刘强1100100.0%');
    // The July meeting: #1 done, #2, #3 and the new one open and overdue, 1 / 4, two items carried into it.
    expect(summary).toContain(`${squash('2026 年 7 月销售经营分析会（2026-08-05）')}413325.0%2`);
    // The row marked done no longer counts days overdue.
    const at = list!.indexOf('制定华南新客户开发方案');
    expect(list!.slice(at, at + 60)).toContain('2026-07-31已完成方案已提交市场部');
    expect(list).toContain('落实华东新客户拜访计划王芳2026-08-01未开始');
  });
});

/** The list's column headers as a reader sees them (whitespace, where a header wraps, left out). */
const HEADERS: Record<Lang, string[]> = {
  'zh-CN': [
    '编号',
    '事项',
    '负责人',
    '优先级',
    '完成期限',
    '状态',
    '逾期天数',
    '完成日期',
    '本周进展',
    '考核标准',
    '来源会议',
    '结转次数',
    '需升级',
  ],
  'zh-TW': [
    '編號',
    '事項',
    '負責人',
    '優先順序',
    '完成期限',
    '狀態',
    '逾期天數',
    '完成日期',
    '本週進展',
    '驗收標準',
    '來源會議',
    '結轉次數',
    '需升級',
  ],
  en: [
    'ID',
    'Action',
    'Owner',
    'Priority',
    'Due',
    'Status',
    'Daysoverdue',
    'Completedon',
    'Progressthisweek',
    'Successmeasure',
    'Meeting',
    'Carried',
    'Escalate',
  ],
};
