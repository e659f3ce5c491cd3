import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from '../types.js';

export const minutesCommand: CommandDef = {
  name: 'minutes',
  define(program, lang, run): Command {
    const d = (en: string, zhCN: string, zhTW: string) => tr(lang, { en, 'zh-CN': zhCN, 'zh-TW': zhTW });
    const dirArg = d('meeting folder', '会议文件夹', '會議資料夾');
    const cmd = program
      .command('minutes')
      .argument('[dir]', dirArg, '.')
      .description(
        d(
          'render the minutes (out/minutes.md, .html, .docx) and the action list; `--new` prepares minutes.yaml',
          '生成会议纪要（out/minutes.md、.html、.docx）和行动项清单；`--new` 生成 minutes.yaml 模板',
          '產生會議紀錄（out/minutes.md、.html、.docx）與行動項目清單；`--new` 產生 minutes.yaml 範本',
        ),
      )
      .option(
        '--new',
        d(
          "prepare minutes.yaml from the meeting's agenda and attendees",
          '根据议程和参会人生成 minutes.yaml',
          '依議程與出席人產生 minutes.yaml',
        ),
      )
      .option('--no-docx', d('skip the Word file', '不生成 Word 文件', '不產生 Word 檔'));
    addCommon(cmd, lang, { json: true, dryRun: true, force: true });
    cmd.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet minutes --new 2026-07-monthly',
          'salesmeet minutes 2026-h1-review',
          'salesmeet minutes sign 2026-h1-review --as 陈建国',
          'salesmeet minutes sign 2026-h1-review --as 王芳 --key ~/.config/salesmeet/keys/王芳.key',
          'salesmeet minutes verify 2026-h1-review',
          'salesmeet minutes status 2026-h1-review',
        ],
        'minutes-actions.md',
      ),
    );
    cmd.action(run(() => import('./render.js')));

    const sign = cmd
      .command('sign')
      .argument('[dir]', dirArg, '.')
      .description(
        d(
          'record that NAME approves exactly the current content of minutes.yaml (签字确认)',
          '签字确认：记录 NAME 认可 minutes.yaml 的当前内容',
          '簽名確認：記錄 NAME 認可 minutes.yaml 的目前內容',
        ),
      )
      .requiredOption('--as <name>', d('who signs', '签字人', '簽名人'))
      .option(
        '--trust <file>',
        d(
          'a trust file outside the folder pinning team keys (name: ed25519:…); default: $SALESMEET_TRUST',
          '信任清单文件（放在会议文件夹之外，“姓名: ed25519:…”）；默认取 $SALESMEET_TRUST',
          '信任清單檔案（放在會議資料夾之外，「姓名: ed25519:…」）；預設取 $SALESMEET_TRUST',
        ),
      )
      .option(
        '--key <file>',
        d(
          'sign with this Ed25519 private key (from `salesmeet keys generate`)',
          '用此 Ed25519 私钥签名（由 `salesmeet keys generate` 生成）',
          '以此 Ed25519 私鑰簽章（由 `salesmeet keys generate` 產生）',
        ),
      );
    addCommon(sign, lang, { json: true, dryRun: true });
    sign.addHelpText(
      'after',
      examples(lang, [
        'salesmeet minutes sign 2026-h1-review --as 陈建国',
        'salesmeet minutes sign --as "Wang Fang" --key ~/.config/salesmeet/keys/Wang\\ Fang.key',
      ]),
    );
    sign.action(run(() => import('./sign.js')));

    const verify = cmd
      .command('verify')
      .argument('[dir]', dirArg, '.')
      .description(
        d(
          'check every signature; exit 0 only when the minutes are fully signed off and unchanged',
          '核验每个签字；仅当纪要已全部签字且未被修改时退出码为 0',
          '核驗每個簽名；僅當紀錄已全部簽名且未被修改時結束碼為 0',
        ),
      )
      .option(
        '--trust <file>',
        d(
          'a trust file outside the folder pinning team keys (name: ed25519:…); default: $SALESMEET_TRUST',
          '信任清单文件（放在会议文件夹之外，“姓名: ed25519:…”）；默认取 $SALESMEET_TRUST',
          '信任清單檔案（放在會議資料夾之外，「姓名: ed25519:…」）；預設取 $SALESMEET_TRUST',
        ),
      );
    addCommon(verify, lang, { json: true });
    verify.addHelpText('after', examples(lang, ['salesmeet minutes verify 2026-h1-review']));
    verify.action(run(() => import('./verify.js')));

    const status = cmd
      .command('status')
      .argument('[dir]', dirArg, '.')
      .description(
        d(
          'print the sign-off state: draft, awaiting sign-off or signed off',
          '显示签字状态：草稿、待签或已签',
          '顯示簽名狀態：草稿、待簽或已簽',
        ),
      )
      .option(
        '--trust <file>',
        d(
          'a trust file outside the folder pinning team keys (name: ed25519:…); default: $SALESMEET_TRUST',
          '信任清单文件（放在会议文件夹之外，“姓名: ed25519:…”）；默认取 $SALESMEET_TRUST',
          '信任清單檔案（放在會議資料夾之外，「姓名: ed25519:…」）；預設取 $SALESMEET_TRUST',
        ),
      );
    addCommon(status, lang, { json: true });
    status.addHelpText('after', examples(lang, ['salesmeet minutes status 2026-h1-review']));
    status.action(run(() => import('./status.js')));
    return cmd;
  },
};
