import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from '../types.js';

export const checkCommand: CommandDef = {
  name: 'check',
  define(program, lang, run): Command {
    const d = (en: string, zhCN: string, zhTW: string) => tr(lang, { en, 'zh-CN': zhCN, 'zh-TW': zhTW });
    const cmd = program
      .command('check')
      .argument('[dir]', d('meeting folder', '会议文件夹', '會議資料夾'), '.')
      .description(
        d(
          'validate meeting.yaml and minutes.yaml: errors with file:line:column, plus advice from good practice',
          '校验 meeting.yaml 和 minutes.yaml：错误标明 文件:行:列，并给出会议最佳实践建议',
          '驗證 meeting.yaml 與 minutes.yaml：錯誤標明 檔案:行:欄，並提供會議最佳實務建議',
        ),
      )
      .option(
        '--strict',
        d('treat advice as errors (exit 3)', '把建议视为错误（退出码 3）', '將建議視為錯誤（結束碼 3）'),
      );
    addCommon(cmd, lang, { json: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet check 2026-h1-review',
          'salesmeet check --strict',
          'salesmeet check 2026-h1-review --json',
        ],
        'init-check.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
