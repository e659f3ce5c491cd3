import type { Command } from 'commander';
import type { Lang } from '../../core/i18n/lang.js';
import type { Context } from '../context.js';

/** What commander hands a command: its positional arguments (a variadic one as an array) and its options. */
export interface RawInput {
  args: unknown[];
  opts: Record<string, unknown>;
}

/**
 * What a lazily loaded `run.ts` exports: parse the options once (its `options.ts`), call one app function, print
 * the result; returns the exit code.
 */
export type RunFn = (ctx: Context, input: RawInput) => Promise<number>;
export type Loader = () => Promise<{ default: RunFn }>;
export type Runner = (loader: Loader) => (...args: unknown[]) => Promise<void>;

/** A command definition: light (commander only), so `--help` loads nothing heavy. */
export interface CommandDef {
  name: string;
  define(program: Command, lang: Lang, run: Runner): Command;
}

/** Picks the help text for the language. */
export const tr = (lang: Lang, texts: Record<Lang, string>): string => texts[lang];

/** Adds the per-command common flags in the same words everywhere. */
export function addCommon(
  cmd: Command,
  lang: Lang,
  which: { json?: boolean; dryRun?: boolean; force?: boolean },
): Command {
  if (which.json)
    cmd.option(
      '--json',
      tr(lang, {
        en: 'print the result as JSON on stdout',
        'zh-CN': '以 JSON 输出结果到 stdout',
        'zh-TW': '以 JSON 輸出結果到 stdout',
      }),
    );
  if (which.dryRun)
    cmd.option(
      '--dry-run',
      tr(lang, {
        en: 'show what would be written, write nothing',
        'zh-CN': '只显示将写入的文件，不实际写入',
        'zh-TW': '只顯示將寫入的檔案，不實際寫入',
      }),
    );
  if (which.force)
    cmd.option(
      '--force',
      tr(lang, {
        en: 'overwrite existing user files',
        'zh-CN': '覆盖已存在的用户文件',
        'zh-TW': '覆寫既有的使用者檔案',
      }),
    );
  return cmd;
}

/** Formats the "Examples:" block shown after a command's help. */
export function examples(lang: Lang, lines: string[], doc?: string): string {
  const title = tr(lang, { en: 'Examples:', 'zh-CN': '示例：', 'zh-TW': '範例：' });
  const ref = doc
    ? `\n${tr(lang, {
        en: `Reference: docs/${doc} in the salesmeet package`,
        'zh-CN': `参考文档：salesmeet 包内的 docs/${doc}`,
        'zh-TW': `參考文件：salesmeet 套件內的 docs/${doc}`,
      })}\n`
    : '';
  return `\n${title}\n${lines.map((l) => `  ${l}`).join('\n')}\n${ref}`;
}
