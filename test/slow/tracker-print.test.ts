import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
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
});
