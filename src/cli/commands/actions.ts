import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from './types.js';

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
        '--as-of <YYYY-MM-DD>',
        d(
          'judge overdue as of this day (default: today)',
          '逾期判断日期（默认：今天）',
          '逾期判斷日期（預設：今天）',
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
    addCommon(cmd, lang, { json: true, force: true });
    cmd.addHelpText(
      'after',
      examples(lang, [
        'salesmeet actions examples/',
        'salesmeet actions 2026-h1-review 2026-07-monthly --overdue',
        'salesmeet actions . --owner 王芳 --json',
        'salesmeet actions . --format xlsx --out tracker.xlsx',
        'salesmeet actions update "2026-h1-review#1" 2026-h1-review --status done --note "已收回 320 万元"',
      ]),
    );
    cmd.action(run(() => import('../actions/actions.js')));

    const update = cmd
      .command('update')
      .argument(
        '<id>',
        d(
          'action id, e.g. 2026-h1-review#1',
          '行动项编号，如 2026-h1-review#1',
          '行動項目編號，如 2026-h1-review#1',
        ),
      )
      .argument('[dir]', d('meeting folder', '会议文件夹', '會議資料夾'), '.')
      .description(
        d(
          "append a dated status update to the meeting folder's actions.yaml",
          '在会议文件夹的 actions.yaml 中追加一条带日期的进度记录',
          '在會議資料夾的 actions.yaml 中追加一筆帶日期的進度紀錄',
        ),
      )
      .option(
        '--status <status>',
        d(
          'open, in-progress, done or dropped',
          'open、in-progress、done 或 dropped',
          'open、in-progress、done 或 dropped',
        ),
      )
      .option('--note <text>', d('what happened', '进展说明', '進度說明'))
      .option('--by <name>', d('who reports it', '报告人', '回報人'));
    addCommon(update, lang, { json: true, dryRun: true });
    update.addHelpText(
      'after',
      examples(lang, [
        'salesmeet actions update "2026-h1-review#2" 2026-h1-review --status done --note "各大区已确认"',
      ]),
    );
    update.action(run(() => import('../actions/actions.js')));
    return cmd;
  },
};
