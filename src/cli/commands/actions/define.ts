import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from '../types.js';

export const actionsCommand: CommandDef = {
  name: 'actions',
  define(program, lang, run): Command {
    const d = (en: string, zhCN: string, zhTW: string) => tr(lang, { en, 'zh-CN': zhCN, 'zh-TW': zhTW });
    const cmd = program
      .command('actions')
      .argument(
        '[dirs...]',
        d(
          'meeting folders, or root folders searched for meeting folders (default: .)',
          '会议文件夹，或包含会议文件夹的根目录（默认：当前目录）',
          '會議資料夾，或包含會議資料夾的根目錄（預設：目前目錄）',
        ),
      )
      .description(
        d(
          'the action list across meetings: overdue and open first, by owner, completion rates; xlsx tracker',
          '跨会议的行动项清单：逾期和未完成优先、按负责人分组、完成率；可导出 Excel 跟踪表',
          '跨會議的行動項目清單：逾期與未完成優先、依負責人分組、完成率；可匯出 Excel 追蹤表',
        ),
      )
      .option('--owner <name>', d('only this owner', '只看此负责人', '只看此負責人'))
      .option(
        '--status <status>',
        d(
          'only open, in-progress, done, dropped or overdue items',
          '只看某状态：open、in-progress、done、dropped 或 overdue',
          '只看某狀態：open、in-progress、done、dropped 或 overdue',
        ),
      )
      .option('--overdue', d('only overdue items', '只看逾期项', '只看逾期項目'))
      .option(
        '--note <text>',
        d('with `update`: what happened', '与 `update` 一起用：进展说明', '與 `update` 一起用：進度說明'),
      )
      .option(
        '--by <name>',
        d('with `update`: who reports it', '与 `update` 一起用：报告人', '與 `update` 一起用：回報人'),
      )
      .option(
        '--as-of <YYYY-MM-DD>',
        d(
          'judge overdue as of this day (default: today)',
          '逾期判断日期（默认：今天）',
          '逾期判斷日期（預設：今天）',
        ),
      )
      .option(
        '--kpi <file|dir>',
        d(
          'check KPI-linked measures against these exports (repeatable)',
          '用这些 KPI 导出文件检查与 KPI 挂钩的考核标准（可重复）',
          '用這些 KPI 匯出檔檢查與 KPI 連動的考核標準（可重複）',
        ),
        (v: string, prev: string[] = []) => [...prev, v],
      )
      .option(
        '--kpi-period <period>',
        d(
          'the KPI period for --kpi (default: the latest complete month in the data)',
          '--kpi 使用的期间（默认：数据中最近的完整月份）',
          '--kpi 使用的期間（預設：資料中最近的完整月份）',
        ),
      )
      .option(
        '--format <format>',
        d(
          'text (default), md, html or xlsx',
          'text（默认）、md、html 或 xlsx',
          'text（預設）、md、html 或 xlsx',
        ),
      )
      .option(
        '-o, --out <file>',
        d(
          'write to this file (required for xlsx)',
          '写入此文件（xlsx 必须指定）',
          '寫入此檔案（xlsx 必須指定）',
        ),
      );
    addCommon(cmd, lang, { json: true, force: true, dryRun: true });
    // `actions update <id> [dir] --status S --note N` is read by this command's own action rather than a
    // commander subcommand: commander would give `--status` to the list filter of the same name.
    cmd.usage(
      tr(lang, {
        en: '[options] [dirs...]\n       salesmeet actions update <id> [dir] [--status S] [--note TEXT] [--by NAME] [--dry-run]',
        'zh-CN':
          '[选项] [dirs...]\n       salesmeet actions update <编号> [dir] [--status 状态] [--note 说明] [--by 报告人] [--dry-run]',
        'zh-TW':
          '[選項] [dirs...]\n       salesmeet actions update <編號> [dir] [--status 狀態] [--note 說明] [--by 回報人] [--dry-run]',
      }),
    );
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet actions examples/',
          'salesmeet actions 2026-h1-review 2026-07-monthly --overdue',
          'salesmeet actions . --owner 王芳 --json',
          'salesmeet actions . --format xlsx --out tracker.xlsx',
          'salesmeet actions update "2026-h1-review#1" 2026-h1-review --status done --note "已收回 320 万元"',
        ],
        'minutes-actions.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
