import { join } from 'node:path';
import type { Workbook, Worksheet } from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { meetingInput } from '../../../../src/app/actions.js';
import { loadMeetingFolder } from '../../../../src/app/meeting-folder.js';
import { actionReport, type MeetingActionsInput, mergeActions } from '../../../../src/core/actions.js';
import type { Lang } from '../../../../src/core/i18n/lang.js';
import { minutesLabels } from '../../../../src/core/minutes/labels.js';
import { rowHeight, trackerWorkbook, wrappedLines } from '../../../../src/io/excel/write/tracker.js';
import { EXAMPLES } from '../../../helpers/cli.js';

async function examples(): Promise<MeetingActionsInput[]> {
  const out: MeetingActionsInput[] = [];
  for (const name of ['2026-h1-review', '2026-w27-weekly', '2026-07-monthly'])
    out.push(meetingInput(await loadMeetingFolder(join(EXAMPLES, name), EXAMPLES)));
  return out;
}

/** The examples' tracker as of 2026-08-20, its formulas' results computed for `today`, read back with exceljs. */
async function tracker(lang: Lang, today = '2026-08-20', asOf = '2026-08-20'): Promise<Workbook> {
  return load(await trackerBytes(lang, today, asOf));
}

async function trackerBytes(lang: Lang, today = '2026-08-20', asOf = '2026-08-20'): Promise<Uint8Array> {
  const meetings = await examples();
  const report = actionReport(mergeActions(meetings, asOf), meetings, asOf);
  return trackerWorkbook(report, minutesLabels(lang), { title: '示例 & 例会', today });
}

async function load(bytes: Uint8Array): Promise<Workbook> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/**
 * A cell's cached formula result as stored (`<v>` and the cell's type): exceljs reads back neither a 0 nor an
 * empty string, which is exactly what a viewer that does not recalculate shows.
 */
async function cached(
  bytes: Uint8Array,
  sheet: number,
  ref: string,
): Promise<{ t: string | null; v: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(`xl/worksheets/sheet${sheet}.xml`)!.async('string');
  const m = new RegExp(`<c r="${ref}"([^>]*)>(.*?)</c>`).exec(xml);
  if (!m) throw new Error(`no cell ${ref}`);
  return { t: /t="(\w+)"/.exec(m[1]!)?.[1] ?? null, v: /<v>(.*?)<\/v>/.exec(m[2]!)?.[1] ?? '' };
}

const formula = (ws: Worksheet, ref: string) => {
  const v = ws.getCell(ref).value as { formula?: string; result?: unknown } | null;
  return { formula: v?.formula, result: v?.result };
};

describe('xlsx tracker', () => {
  it('is the list and a summary, with no per-owner copies', async () => {
    const wb = await tracker('zh-CN');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '行动项清单']);
    expect((await tracker('zh-TW')).worksheets.map((w) => w.name)).toEqual(['彙總', '行動項目清單']);
    expect((await tracker('en')).worksheets.map((w) => w.name)).toEqual(['Summary', 'Action list']);
  });

  it('has the columns the follow-up needs, in each language', async () => {
    const header = async (lang: Lang) =>
      ((await tracker(lang)).worksheets[1]!.getRow(1).values as unknown[]).slice(1);
    expect(await header('zh-CN')).toEqual([
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
    ]);
    expect(await header('zh-TW')).toEqual([
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
    ]);
    expect(await header('en')).toEqual([
      'ID',
      'Action',
      'Owner',
      'Priority',
      'Due',
      'Status',
      'Days overdue',
      'Completed on',
      'Progress this week',
      'Success measure',
      'Meeting',
      'Carried',
      'Escalate',
    ]);
  });

  it('heads the summary tables in each language', async () => {
    const heads = async (lang: Lang) => {
      const sum = (await tracker(lang)).worksheets[0]!;
      const out: unknown[][] = [];
      sum.eachRow((r) => {
        if (r.getCell(2).value === sum.getCell('B5').value) out.push((r.values as unknown[]).slice(1));
      });
      return out;
    };
    expect(await heads('zh-CN')).toEqual([
      ['负责人', '合计', '已完成', '未完成', '已逾期', '完成率'],
      ['来源会议', '合计', '已完成', '未完成', '已逾期', '完成率', '结转入'],
      [undefined, '合计', '已完成', '未完成', '已逾期', '完成率'],
    ]);
    expect(await heads('zh-TW')).toEqual([
      ['負責人', '合計', '已完成', '未完成', '已逾期', '完成率'],
      ['來源會議', '合計', '已完成', '未完成', '已逾期', '完成率', '結轉入'],
      [undefined, '合計', '已完成', '未完成', '已逾期', '完成率'],
    ]);
    expect(await heads('en')).toEqual([
      ['Owner', 'Total', 'Done', 'Open', 'Overdue', 'Completion'],
      ['Meeting', 'Total', 'Done', 'Open', 'Overdue', 'Completion', 'Carried in'],
      [undefined, 'Total', 'Done', 'Open', 'Overdue', 'Completion'],
    ]);
  });

  it('fills the rows: priority, source meeting by title and date, completion date, the latest note', async () => {
    const ws = (await tracker('zh-CN')).getWorksheet('行动项清单')!;
    expect(ws.rowCount).toBe(7);
    const row = (r: number) =>
      (ws.getRow(r).values as unknown[])
        .slice(1)
        .map((v) =>
          v && typeof v === 'object' && 'formula' in v ? (v as unknown as { result: unknown }).result : v,
        );
    expect(row(2)).toEqual([
      '2026-h1-review#3',
      '制定华南新客户开发方案',
      '刘强',
      '中',
      new Date(Date.UTC(2026, 6, 31)),
      '进行中',
      20,
      undefined,
      '方案已提交市场部，评审排在 8 月 18 日',
      '每月新增客户不少于 35 家',
      '2026 年上半年销售总结暨下半年目标分解会（2026-07-10）',
      1,
      undefined, // cached '' (exceljs reads no empty result back)
    ]);
    // Done on 2026-08-08 by an update logged in the July meeting's actions.yaml.
    const done = [...Array(6).keys()]
      .map((i) => i + 2)
      .find((r) => ws.getCell(`A${r}`).value === '2026-h1-review#1')!;
    expect(ws.getCell(`F${done}`).value).toBe('已完成');
    expect(ws.getCell(`H${done}`).value).toEqual(new Date(Date.UTC(2026, 7, 8)));
    expect(ws.getCell(`D${done}`).value).toBe('高');
    expect(ws.getCell(`I${done}`).value).toBe('7 月底前累计收回逾期款 320 万元');
    expect(ws.getCell('J4').value).toBe('华东回款率 ≥ 90%（2026-09-30 前）');
    expect(ws.getCell('K4').value).toBe('2026 年 7 月销售经营分析会（2026-08-05）');
  });

  it('computes days overdue and escalation with formulas on TODAY(), cached for today', async () => {
    const ws = (await tracker('zh-CN')).getWorksheet('行动项清单')!;
    expect(formula(ws, 'G2')).toEqual({
      formula: 'IF(AND(OR($F2="未开始",$F2="进行中"),E2<>"",E2<TODAY()),TODAY()-E2,"")',
      result: 20,
    });
    expect(formula(ws, 'G3').result).toBe(5); // 2026-07-monthly#3, due 08-15
    const bytes = await trackerBytes('zh-CN');
    expect(await cached(bytes, 2, 'G2')).toEqual({ t: null, v: '20' });
    expect(await cached(bytes, 2, 'G4')).toEqual({ t: 'str', v: '' }); // due today: not overdue yet
    expect(await cached(bytes, 2, 'G5')).toEqual({ t: 'str', v: '' }); // done
    expect(formula(ws, 'M2').formula).toBe('IF(AND(OR($F2="未开始",$F2="进行中"),L2>=3),"⚠","")');
    expect(await cached(bytes, 2, 'M2')).toEqual({ t: 'str', v: '' });
    // Statuses as of 08-20, opened five days later: the cached results are those of 08-25.
    const later = (await tracker('zh-CN', '2026-08-25')).getWorksheet('行动项清单')!;
    expect([2, 3, 4, 5].map((r) => formula(later, `G${r}`).result)).toEqual([25, 10, 5, undefined]);
    const en = (await tracker('en')).getWorksheet('Action list')!;
    expect(formula(en, 'G2').formula).toBe(
      'IF(AND(OR($F2="open",$F2="in progress"),E2<>"",E2<TODAY()),TODAY()-E2,"")',
    );
  });

  it('colours overdue, due within a week and closed items by conditional formats on TODAY()', async () => {
    const ws = (await tracker('zh-CN')).getWorksheet('行动项清单')!;
    const cf = (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings as {
      ref: string;
      rules: {
        type: string;
        formulae: string[];
        priority: number;
        style: { fill: { bgColor: { argb: string } } };
      }[];
    }[];
    expect(cf).toHaveLength(1);
    // The six items and the 100 spare rows below them, where next week's new items go.
    expect(cf[0]!.ref).toBe('A2:M107');
    expect(cf[0]!.rules.map((r) => [r.type, r.priority, r.formulae, r.style.fill.bgColor.argb])).toEqual([
      ['expression', 1, ['AND(OR($F2="未开始",$F2="进行中"),$E2<>"",$E2<TODAY())'], 'FFFDE2E2'],
      [
        'expression',
        2,
        ['AND(OR($F2="未开始",$F2="进行中"),$E2<>"",$E2>=TODAY(),$E2-TODAY()<=7)'],
        'FFFFF2CC',
      ],
      ['expression', 3, ['OR($F2="已完成",$F2="已取消")'], 'FFE7E6E6'],
    ]);
    // No fixed fill: the colour follows the status drop-down and the day.
    expect((ws.getCell('B2').fill as { fgColor?: unknown } | undefined)?.fgColor).toBeUndefined();
  });

  it('keeps the status and priority drop-downs, a frozen header and a filter over the list', async () => {
    const ws = (await tracker('zh-TW')).worksheets[1]!;
    expect(ws.getCell('F2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"未開始,進行中,已完成,已取消"'],
    });
    expect(ws.getCell('F7').dataValidation).toMatchObject({ type: 'list' });
    // The spare rows have the drop-downs too, with no cell written (nothing to print below the list; getCell,
    // below, creates the cells it reads).
    expect(ws.rowCount).toBe(7);
    expect(ws.getCell('F107').dataValidation).toMatchObject({ formulae: ['"未開始,進行中,已完成,已取消"'] });
    expect(ws.getCell('D107').dataValidation).toMatchObject({ formulae: ['"高,中,低"'] });
    expect(ws.getCell('F108').dataValidation).toBeUndefined();
    expect(ws.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"高,中,低"'] });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:M7');
  });

  it('prints landscape, one page wide, the header row on every page, title and page numbers in the margins', async () => {
    const wb = await tracker('zh-CN');
    const ws = wb.getWorksheet('行动项清单')!;
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(ws.headerFooter.oddHeader).toBe('&L示例 && 例会 · 行动项清单&R统计日期：2026-08-20');
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 / 共 &N 页');
    const en = (await tracker('en')).getWorksheet('Action list')!;
    expect(en.headerFooter.oddHeader).toBe('&L示例 && 例会 · Action list&RAs of: 2026-08-20');
    expect(en.headerFooter.oddFooter).toBe('&CPage &P of &N');
    expect(wb.getWorksheet('汇总')!.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true });
  });

  it('sizes rows to their wrapped text, CJK counting two columns', async () => {
    const ws = (await tracker('zh-CN')).getWorksheet('行动项清单')!;
    // The source meeting (54 columns wide) takes three lines of a 20-wide column.
    expect(ws.getRow(2).height).toBe(
      rowHeight([{ text: '2026 年上半年销售总结暨下半年目标分解会（2026-07-10）', width: 20 }]),
    );
    expect(ws.getRow(2).height).toBe(3 * 16 + 4);
    expect(ws.getColumn(2).width).toBe(38);
  });

  it('computes the summary with COUNTIFS over the list, with results cached', async () => {
    const sum = (await tracker('zh-CN')).getWorksheet('汇总')!;
    const find = (label: string) => {
      let found = 0;
      sum.eachRow((r, n) => {
        if (r.getCell(1).value === label) found = n;
      });
      return found;
    };
    const wang = find('王芳');
    expect(wang).toBeGreaterThan(0);
    const L = "'行动项清单'!";
    // Over the items and the spare rows below them (2 to 7 + 100).
    const owner = `${L}$C$2:$C$107,$A${wang}`;
    expect(['B', 'C', 'D', 'E', 'F'].map((c) => formula(sum, `${c}${wang}`))).toEqual([
      { formula: `COUNTIFS(${owner})`, result: 2 },
      { formula: `COUNTIFS(${owner},${L}$F$2:$F$107,"已完成")`, result: 1 },
      {
        formula: `COUNTIFS(${owner},${L}$F$2:$F$107,"未开始")+COUNTIFS(${owner},${L}$F$2:$F$107,"进行中")`,
        result: 1,
      },
      {
        formula: `COUNTIFS(${owner},${L}$F$2:$F$107,"未开始",${L}$E$2:$E$107,"<"&TODAY())+COUNTIFS(${owner},${L}$F$2:$F$107,"进行中",${L}$E$2:$E$107,"<"&TODAY())`,
        result: undefined, // cached 0, below
      },
      {
        formula: `IF(B${wang}-COUNTIFS(${owner},${L}$F$2:$F$107,"已取消")>0,C${wang}/(B${wang}-COUNTIFS(${owner},${L}$F$2:$F$107,"已取消")),"")`,
        result: 0.5,
      },
    ]);
    expect(await cached(await trackerBytes('zh-CN'), 1, `E${wang}`)).toEqual({ t: null, v: '0' });
    const meeting = find('2026 年 7 月销售经营分析会（2026-08-05）');
    expect(formula(sum, `B${meeting}`)).toEqual({
      formula: `COUNTIFS(${L}$K$2:$K$107,$A${meeting})`,
      result: 3,
    });
    expect(sum.getCell(`G${meeting}`).value).toBe(2); // carried into it
    const weekly = find('华东大区销售周例会（第 27 周）（2026-07-06）');
    expect(await cached(await trackerBytes('zh-CN'), 1, `B${weekly}`)).toEqual({ t: null, v: '0' });
    expect(await cached(await trackerBytes('zh-CN'), 1, `F${weekly}`)).toEqual({ t: 'str', v: '' });
    const total = find('合计');
    expect(['B', 'C', 'D', 'E', 'F'].map((c) => formula(sum, `${c}${total}`))).toEqual([
      { formula: `ROWS(${L}$A$2:$A$107)-COUNTBLANK(${L}$A$2:$A$107)`, result: 6 },
      { formula: `COUNTIFS(${L}$F$2:$F$107,"已完成")`, result: 3 },
      { formula: `COUNTIFS(${L}$F$2:$F$107,"未开始")+COUNTIFS(${L}$F$2:$F$107,"进行中")`, result: 3 },
      {
        formula: `COUNTIFS(${L}$F$2:$F$107,"未开始",${L}$E$2:$E$107,"<"&TODAY())+COUNTIFS(${L}$F$2:$F$107,"进行中",${L}$E$2:$E$107,"<"&TODAY())`,
        result: 2,
      },
      {
        formula: `IF(B${total}-COUNTIFS(${L}$F$2:$F$107,"已取消")>0,C${total}/(B${total}-COUNTIFS(${L}$F$2:$F$107,"已取消")),"")`,
        result: 0.5,
      },
    ]);
    expect(sum.getCell(`F${total}`).numFmt).toBe('0.0%');
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const m: MeetingActionsInput = {
      id: 'x',
      title: '=HYPERLINK("http://evil")',
      date: '2026-01-01',
      own: [{ what: '=1+1', owner: '@王芳', measure: '-5% 费用', status: 'open' }],
      carried: [],
      log: undefined,
    };
    const report = actionReport(mergeActions([m]), [m], '2026-01-02');
    const bytes = await trackerWorkbook(report, minutesLabels('en'), {
      title: '+title',
      today: '2026-01-02',
    });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Action list')!;
    expect(ws.getCell('B2').value).toBe("'=1+1");
    expect(ws.getCell('C2').value).toBe("'@王芳");
    expect(ws.getCell('J2').value).toBe("'-5% 费用");
    expect(ws.getCell('K2').value).toBe('\'=HYPERLINK("http://evil") (2026-01-01)');
    expect(wb.getWorksheet('Summary')!.getCell('A1').value).toBe("'+title · Action list");
  });

  it('writes an empty list ready for items: ranges over the spare rows, formats and drop-downs', async () => {
    const report = actionReport([], [], '2026-01-02');
    const bytes = await trackerWorkbook(report, minutesLabels('zh-CN'), { title: 't', today: '2026-01-02' });
    const wb = await load(bytes);
    const sum = wb.getWorksheet('汇总')!;
    let total = 0;
    sum.eachRow((r, n) => {
      if (r.getCell(1).value === '合计') total = n;
    });
    expect(formula(sum, `B${total}`).formula).toBe(
      "ROWS('行动项清单'!$A$2:$A$101)-COUNTBLANK('行动项清单'!$A$2:$A$101)",
    );
    expect(await cached(bytes, 1, `B${total}`)).toEqual({ t: null, v: '0' });
    const list = wb.getWorksheet('行动项清单')!;
    expect(list.rowCount).toBe(1);
    expect(
      (list as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map(
        (c) => c.ref,
      ),
    ).toEqual(['A2:M101']);
    expect(list.getCell('F101').dataValidation).toMatchObject({
      formulae: ['"未开始,进行中,已完成,已取消"'],
    });
  });
});

describe('wrappedLines', () => {
  it.each([
    ['', 10, 1],
    ['abc', 10, 1],
    ['一二三四', 10, 1], // 8 columns in 8.5
    ['一二三四五', 10, 2], // 10 columns
    ['alpha beta gamma', 10, 3], // 8.5 columns of room: words wrap whole, "alpha beta" is 10
    ['alpha beta gamma', 12, 2], // 10.5: "alpha beta" / "gamma"
    ['a\nb\nc', 10, 3],
    ['x'.repeat(30), 10, 4], // a word longer than a line breaks anywhere
  ])('%j in %i columns: %i lines', (text, width, lines) => {
    expect(wrappedLines(text, width)).toBe(lines);
  });
});
