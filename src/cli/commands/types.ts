import type { Command } from 'commander';
import type { Lang } from '../../core/i18n/lang.js';
import { interpolate } from '../../core/i18n/messages.js';
import { catalogue } from '../../i18n/index.js';
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

/** Adds the per-command common flags in the same words everywhere. */
export function addCommon(
  cmd: Command,
  lang: Lang,
  which: { json?: boolean; dryRun?: boolean; force?: boolean },
): Command {
  const h = catalogue(lang).help.common;
  if (which.json) cmd.option('--json', h.json);
  if (which.dryRun) cmd.option('--dry-run', h.dryRun);
  if (which.force) cmd.option('--force', h.force);
  return cmd;
}

/** Formats the "Examples:" block shown after a command's help. */
export function examples(lang: Lang, lines: string[], doc?: string): string {
  const h = catalogue(lang).help.common;
  const ref = doc ? `\n${interpolate(h.reference, { doc })}\n` : '';
  return `\n${h.examples}\n${lines.map((l) => `  ${l}`).join('\n')}\n${ref}`;
}
