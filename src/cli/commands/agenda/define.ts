import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from '../types.js';

export const agendaCommand: CommandDef = {
  name: 'agenda',
  define(program, lang, run): Command {
    const d = (en: string, zhCN: string, zhTW: string) => tr(lang, { en, 'zh-CN': zhCN, 'zh-TW': zhTW });
    const cmd = program
      .command('agenda')
      .argument('[dir]', d('meeting folder', '会议文件夹', '會議資料夾'), '.')
      .description(
        d(
          'render the time-boxed agenda (out/agenda.md, out/agenda.html) and the calendar invite (out/invite.ics)',
          '生成带时间的议程（out/agenda.md、out/agenda.html）和日历邀请（out/invite.ics）',
          '產生含時間的議程（out/agenda.md、out/agenda.html）與行事曆邀請（out/invite.ics）',
        ),
      );
    addCommon(cmd, lang, { json: true, dryRun: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet agenda 2026-h1-review',
          'salesmeet agenda 2026-h1-review --json',
          'salesmeet agenda --lang en --dry-run',
        ],
        'agenda-pack.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
