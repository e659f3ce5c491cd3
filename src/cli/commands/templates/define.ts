import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from '../types.js';

export const templatesCommand: CommandDef = {
  name: 'templates',
  define(program, lang, run): Command {
    const d = (en: string, zhCN: string, zhTW: string) => tr(lang, { en, 'zh-CN': zhCN, 'zh-TW': zhTW });
    const cmd = program
      .command('templates')
      .description(
        d(
          'list the templates and where they come from; eject one to restyle it',
          '列出模板及其来源；导出模板以便自定义样式',
          '列出範本及其來源；匯出範本以自訂樣式',
        ),
      );
    const list = cmd
      .command('list')
      .description(
        d(
          'list the templates for a language: built-in or from the meeting’s template folder',
          '列出某语言的模板：内置或来自会议的模板文件夹',
          '列出某語言的範本：內建或來自會議的範本資料夾',
        ),
      )
      .option(
        '-m, --meeting <dir>',
        d('meeting folder (default: .)', '会议文件夹（默认：.）', '會議資料夾（預設：.）'),
      )
      .option(
        '--to <dir>',
        d('a template folder to look in too', '同时查找的模板文件夹', '同時搜尋的範本資料夾'),
      );
    addCommon(list, lang, { json: true });
    list.action(run(() => import('./list.js')));
    const eject = cmd
      .command('eject')
      .argument(
        '<name>',
        d(
          'template: agenda, pack, agenda.html, pack.md, partials/pack-style…',
          '模板名：agenda、pack、agenda.html、pack.md、partials/pack-style…',
          '範本名稱：agenda、pack、agenda.html、pack.md、partials/pack-style…',
        ),
      )
      .description(
        d(
          "copy a built-in template into the team's template folder (`templates:` in meeting.yaml, or --to) so that it overrides the built-in one",
          '把内置模板复制到团队模板文件夹（meeting.yaml 中的 `templates:`，或 --to），覆盖内置模板',
          '把內建範本複製到團隊範本資料夾（meeting.yaml 中的 `templates:`，或 --to），取代內建範本',
        ),
      )
      .option(
        '-m, --meeting <dir>',
        d('meeting folder (default: .)', '会议文件夹（默认：.）', '會議資料夾（預設：.）'),
      )
      .option('--to <dir>', d('template folder to copy into', '复制到的模板文件夹', '複製到的範本資料夾'));
    addCommon(eject, lang, { json: true, dryRun: true, force: true });
    eject.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet templates list -m 2026-h1-review',
          'salesmeet templates eject pack -m 2026-h1-review',
          'salesmeet templates eject partials/pack-style --to ../team-templates --lang en',
        ],
        'agenda-pack.md',
      ),
    );
    eject.action(run(() => import('./eject.js')));
    cmd.addHelpText(
      'after',
      examples(lang, ['salesmeet templates list', 'salesmeet templates eject pack --to team-templates']),
    );
    return cmd;
  },
};
