import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from '../types.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const kpiCommand: CommandDef = {
  name: 'kpi',
  define(program, lang, run): Command {
    const d = (en: string, zhCN: string, zhTW: string) => tr(lang, { en, 'zh-CN': zhCN, 'zh-TW': zhTW });
    const cmd = program
      .command('kpi')
      .argument(
        '[files...]',
        d('.xlsx exports or folders of them', '.xlsx 导出文件或其所在文件夹', '.xlsx 匯出檔或其所在資料夾'),
      )
      .description(
        d(
          'target vs actual from Excel exports: achievement, variance, YoY, MoM, time progress, forecast, by region / product / rep',
          '从 Excel 导出计算目标达成：达成率、差额、同比、环比、时间进度、预计完成，可按区域 / 产品线 / 销售代表拆分',
          '從 Excel 匯出計算目標達成：達成率、差額、年增率、月增率、時間進度、預估完成，可按區域 / 產品線 / 業務代表拆分',
        ),
      )
      .option(
        '-m, --meeting <dir>',
        d(
          "use the meeting folder's kpi: section",
          '使用会议文件夹中 meeting.yaml 的 kpi: 段',
          '使用會議資料夾中 meeting.yaml 的 kpi: 段',
        ),
      )
      .option(
        '-p, --period <period>',
        d(
          '2026-06, 2026-Q2, 2026-H1, 2026 or 2026-W25 (default: meeting.yaml, else the latest complete month in the data)',
          '期间：2026-06、2026-Q2、2026-H1、2026 或 2026-W25（默认取 meeting.yaml，否则取数据中最近一个完整月）',
          '期間：2026-06、2026-Q2、2026-H1、2026 或 2026-W25（預設取 meeting.yaml，否則取資料中最近一個完整月）',
        ),
      )
      .option('--ytd', d('cumulative year to date', '本年累计', '本年累計'))
      .option(
        '--as-of <YYYY-MM-DD>',
        d(
          'date for time progress (default: today)',
          '计算时间进度的截至日期（默认今天）',
          '計算時間進度的截至日期（預設今天）',
        ),
      )
      .option(
        '--workdays',
        d(
          'time progress in Chinese working days (holidays and 调休 make-up days)',
          '按中国工作日（含节假日与调休）计算时间进度',
          '按中國大陸工作日（含國定假日與補班）計算時間進度',
        ),
      )
      .option(
        '-b, --by <dims>',
        d(
          'break down by region, product, rep, customer, channel, team (comma-separated; 区域, 产品, 销售代表, 客户, 渠道, 部门 too)',
          '拆分维度：区域、产品、销售代表、客户、渠道、部门（或 region、product、rep、customer、channel、team；逗号分隔）',
          '拆分維度：區域、產品、業務代表、客戶、通路、部門（或 region、product、rep、customer、channel、team；逗號分隔）',
        ),
        collect,
      )
      .option(
        '--columns <field=header,…>',
        d(
          'name the columns yourself: actual=价税合计,team=销售部门 (fields: actual, target, priorYear, period, region, product, rep, customer, channel, team, stage)',
          '自行指定列：actual=价税合计,team=销售部门（字段：actual、target、priorYear、period、region、product、rep、customer、channel、team、stage）',
          '自行指定欄：actual=價稅合計,team=銷售部門（欄位：actual、target、priorYear、period、region、product、rep、customer、channel、team、stage）',
        ),
        collect,
      )
      .option(
        '--encoding <name>',
        d(
          'CSV files: their encoding, when detection guesses wrong (utf-8, gb18030, gbk, big5, utf-16le, utf-16be)',
          'CSV 文件的编码（自动识别有误时指定）：utf-8、gb18030、gbk、big5、utf-16le、utf-16be',
          'CSV 檔案的編碼（自動辨識有誤時指定）：utf-8、gb18030、gbk、big5、utf-16le、utf-16be',
        ),
      )
      .option(
        '--won <stages>',
        d(
          'opportunity exports: the stages counted as won (default: Closed Won, closedwon, Won, 赢单, 成交…)',
          '商机导出：计为赢单的阶段（默认 Closed Won、closedwon、Won、赢单、成交 等）',
          '商機匯出：計為贏單的階段（預設 Closed Won、closedwon、Won、贏單、成交 等）',
        ),
        collect,
      )
      .option(
        '--lost <stages>',
        d(
          'opportunity exports: the stages counted as lost (default: Closed Lost, closedlost, Lost, 输单, 丢单…)',
          '商机导出：计为输单的阶段（默认 Closed Lost、closedlost、Lost、输单、丢单 等）',
          '商機匯出：計為輸單的階段（預設 Closed Lost、closedlost、Lost、輸單、丟單 等）',
        ),
        collect,
      )
      .option(
        '--metric <name>',
        d(
          'only this metric (key or label); repeat for more',
          '只看该指标（键名或名称）；可重复',
          '只看該指標（鍵名或名稱）；可重複',
        ),
        collect,
      )
      .option(
        '-f, --format <format>',
        d(
          'table, md, csv, xlsx or json (default: table, or from --out)',
          '输出格式：table、md、csv、xlsx 或 json（默认 table，或按 --out 扩展名）',
          '輸出格式：table、md、csv、xlsx 或 json（預設 table，或依 --out 副檔名）',
        ),
      )
      .option(
        '--no-fast',
        d(
          'read the workbooks with exceljs only, not the fast reader (same as SALESMEET_FAST_XLSX=0)',
          '只用 exceljs 读取工作簿，不用快速读取（同 SALESMEET_FAST_XLSX=0）',
          '只用 exceljs 讀取活頁簿，不用快速讀取（同 SALESMEET_FAST_XLSX=0）',
        ),
      )
      .option(
        '-o, --out <file>',
        d('write to this file instead of stdout', '写入该文件而不是 stdout', '寫入該檔案而非 stdout'),
      );
    addCommon(cmd, lang, { json: true, force: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet kpi data/kpi-2026-h1.xlsx --period 2026-H1',
          'salesmeet kpi data/ --period 2026-06 --by region --as-of 2026-06-18 --workdays',
          'salesmeet kpi --meeting 2026-h1-review --by region,product',
          'salesmeet kpi data/orders.xlsx data/targets.xlsx --ytd --period 2026-06 --out out/kpi.xlsx',
          'salesmeet kpi data/kpi.xlsx --json',
          'salesmeet kpi 销售出库单.xlsx --columns actual=价税合计,team=销售部门 --by 部门',
          'salesmeet kpi opportunities.xlsx --won "Signed,Paid" --period 2026-Q2',
        ],
        'kpi.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
