import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from '../types.js';

export const packCommand: CommandDef = {
  name: 'pack',
  define(program, lang, run): Command {
    const d = (en: string, zhCN: string, zhTW: string) => tr(lang, { en, 'zh-CN': zhCN, 'zh-TW': zhTW });
    const cmd = program
      .command('pack')
      .argument('[dir]', d('meeting folder', '会议文件夹', '會議資料夾'), '.')
      .description(
        d(
          'render the pre-read pack: out/pack.html (self-contained, prints on A4) and out/pack.md; --pdf adds out/pack.pdf',
          '生成会前资料：out/pack.html（单文件，可 A4 打印）和 out/pack.md；--pdf 另生成 out/pack.pdf',
          '產生會前資料：out/pack.html（單一檔案，可 A4 列印）與 out/pack.md；--pdf 另產生 out/pack.pdf',
        ),
      )
      .option(
        '--pdf',
        d(
          'also print out/pack.pdf with Chromium (/usr/bin/chromium or SALESMEET_CHROMIUM)',
          '同时用 Chromium 打印 out/pack.pdf（/usr/bin/chromium 或 SALESMEET_CHROMIUM）',
          '同時以 Chromium 列印 out/pack.pdf（/usr/bin/chromium 或 SALESMEET_CHROMIUM）',
        ),
      );
    cmd.option(
      '--kpi <file>',
      d(
        'KPI result to show: the output of `salesmeet kpi --json`',
        '要展示的 KPI 结果：`salesmeet kpi --json` 的输出',
        '要呈現的 KPI 結果：`salesmeet kpi --json` 的輸出',
      ),
    );
    addCommon(cmd, lang, { json: true, dryRun: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet pack 2026-h1-review',
          'salesmeet pack 2026-h1-review --pdf',
          'salesmeet kpi --json > kpi.json && salesmeet pack 2026-h1-review --kpi kpi.json',
          'salesmeet pack 2026-h1-review --lang en --pdf',
        ],
        'agenda-pack.md',
      ),
    );
    cmd.action(run(() => import('./run.js')));
    return cmd;
  },
};
