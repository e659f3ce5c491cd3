import { relative } from 'node:path';
import { EXIT, type ExitCode, formatLocation, SalesmeetError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { terminalSafe } from '../core/text.js';
import { byLang } from '../i18n/index.js';
import type { Context } from './context.js';
import { formatProblem, severityWord } from './report.js';

/** File-system failures a user can fix (permissions, a full disk), told as such instead of as a bug. */
const fsWords: Record<Lang, Record<string, string> & { hint: string; read: string; write: string }> = byLang(
  (c) => c.cli.handleError.fsWords,
);

function fsError(error: unknown): { code: string; path?: string; syscall?: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as Error & { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof e.code !== 'string' || !(e.code in fsWords.en) || e.code === 'hint') return undefined;
  return {
    code: e.code,
    path: typeof e.path === 'string' ? e.path : undefined,
    syscall: typeof e.syscall === 'string' ? e.syscall : undefined,
  };
}

const t: Record<Lang, { unexpected: string; report: string; usageHint: string; cancelled: string }> = byLang(
  (c) => c.cli.handleError.t,
);

/** commander's own errors (unknown option, missing argument…), recognised without loading commander here. */
function isCommanderError(error: unknown): error is Error & { code: string } {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('commander.');
}

function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** The one place that turns an error into a message on stderr and an exit code. */
export function handleError(
  error: unknown,
  ctx: Pick<Context, 'lang' | 'verbose' | 'err' | 'streams'> & { cwd?: string },
  command?: string,
): ExitCode {
  const { lang, err: c } = ctx;
  const write = (s: string) => ctx.streams.stderr.write(`${terminalSafe(s)}\n`);
  const errWord = c.red(`${severityWord(lang, 'error')}:`);

  if (isCommanderError(error)) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return EXIT.ok;
    }
    // Commander already printed its message through configureOutput; add the hint.
    write(
      c.dim(
        `  ${severityWord(lang, 'hint')}: ${t[lang].usageHint.replace('{cmd}', command ? `${command} ` : '')}`,
      ),
    );
    return EXIT.usage;
  }
  if (isPromptCancel(error)) {
    write(t[lang].cancelled);
    return EXIT.cancelled;
  }
  if (error instanceof SalesmeetError) {
    if (error.problems.length > 0) {
      const where = formatLocation(error.location);
      write(`${where ? `${c.cyan(where)}: ` : ''}${errWord} ${error.text(lang)}`);
      for (const p of error.problems) write(formatProblem(p, lang, c));
    } else {
      const where = formatLocation(error.location);
      write(`${where ? `${c.cyan(where)}: ` : ''}${errWord} ${error.text(lang)}`);
    }
    if (error.hint) write(c.dim(`  ${severityWord(lang, 'hint')}: ${error.hint(lang)}`));
    if (ctx.verbose && error.stack) write(c.dim(error.stack));
    return error.exitCode;
  }
  const fsFail = fsError(error);
  if (fsFail) {
    const w = fsWords[lang];
    const verb =
      /^(open|read|scandir|stat|lstat|access)$/.test(fsFail.syscall ?? '') &&
      !/w/.test(String((error as { flags?: unknown }).flags ?? ''))
        ? w.read
        : w.write;
    const where = fsFail.path
      ? `${c.cyan(relative(ctx.cwd ?? process.cwd(), fsFail.path) || fsFail.path)}: `
      : '';
    write(`${where}${errWord} ${verb}: ${w[fsFail.code]}`);
    write(c.dim(`  ${severityWord(lang, 'hint')}: ${w.hint}`));
    if (ctx.verbose && error instanceof Error && error.stack) write(c.dim(error.stack));
    return EXIT.invalidInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`${errWord} ${t[lang].unexpected}: ${message}`);
  if (ctx.verbose && error instanceof Error && error.stack) write(c.dim(error.stack));
  else write(c.dim(`  ${t[lang].report}`));
  return EXIT.unexpected;
}
