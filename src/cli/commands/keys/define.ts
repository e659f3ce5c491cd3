import type { Command } from 'commander';
import { addCommon, type CommandDef, examples, tr } from '../types.js';

export const keysCommand: CommandDef = {
  name: 'keys',
  define(program, lang, run): Command {
    const d = (en: string, zhCN: string, zhTW: string) => tr(lang, { en, 'zh-CN': zhCN, 'zh-TW': zhTW });
    const cmd = program
      .command('keys')
      .description(
        d(
          'Ed25519 keys for signatures that cannot be forged by editing minutes.yaml',
          '用于签字的 Ed25519 密钥：编辑 minutes.yaml 也无法伪造签名',
          '用於簽名的 Ed25519 金鑰：編輯 minutes.yaml 也無法偽造簽章',
        ),
      );
    const gen = cmd
      .command('generate')
      .argument(
        '[dir]',
        d(
          'meeting folder to register the public key in (optional)',
          '登记公钥的会议文件夹（可选）',
          '登記公鑰的會議資料夾（選用）',
        ),
      )
      .description(
        d(
          'make a key pair: private key (0600) in ~/.config/salesmeet/keys or $SALESMEET_KEYS_DIR, public key beside it and in the meeting folder',
          '生成密钥对：私钥（权限 0600）存于 ~/.config/salesmeet/keys 或 $SALESMEET_KEYS_DIR，公钥同时登记到会议文件夹',
          '產生金鑰對：私鑰（權限 0600）存於 ~/.config/salesmeet/keys 或 $SALESMEET_KEYS_DIR，公鑰同時登記到會議資料夾',
        ),
      )
      .requiredOption('--as <name>', d('whose key', '密钥所有人', '金鑰所有人'));
    addCommon(gen, lang, { json: true, dryRun: true, force: true });
    gen.addHelpText(
      'after',
      examples(
        lang,
        [
          'salesmeet keys generate --as 王芳 2026-h1-review',
          'SALESMEET_KEYS_DIR=~/secure/keys salesmeet keys generate --as "Wang Fang"',
        ],
        'minutes-actions.md',
      ),
    );
    gen.action(run(() => import('./generate.js')));
    cmd.addHelpText('after', examples(lang, ['salesmeet keys generate --as 王芳 2026-h1-review']));
    return cmd;
  },
};
