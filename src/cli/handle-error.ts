import { EXIT, type ExitCode, formatLocation, SalesmeetError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import type { Context } from './context.js';
import { formatProblem, severityWord } from './report.js';

const t: Record<Lang, { unexpected: string; report: string; usageHint: string; cancelled: string }> = {
  en: {
    unexpected: 'unexpected error',
    report: 'this is a bug in salesmeet; run again with --verbose and report the output',
    usageHint: 'run `salesmeet {cmd}--help` for usage and examples',
    cancelled: 'cancelled',
  },
  'zh-CN': {
    unexpected: '意外错误',
    report: '这是 salesmeet 的缺陷；请加 --verbose 重新运行并报告输出',
    usageHint: '运行 `salesmeet {cmd}--help` 查看用法和示例',
    cancelled: '已取消',
  },
  'zh-TW': {
    unexpected: '非預期的錯誤',
    report: '這是 salesmeet 的缺陷；請加上 --verbose 重新執行並回報輸出',
    usageHint: '執行 `salesmeet {cmd}--help` 查看用法與範例',
    cancelled: '已取消',
  },
};

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
  ctx: Pick<Context, 'lang' | 'verbose' | 'err' | 'streams'>,
  command?: string,
): ExitCode {
  const { lang, err: c } = ctx;
  const write = (s: string) => ctx.streams.stderr.write(`${s}\n`);
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
  const message = error instanceof Error ? error.message : String(error);
  write(`${errWord} ${t[lang].unexpected}: ${message}`);
  if (ctx.verbose && error instanceof Error && error.stack) write(c.dim(error.stack));
  else write(c.dim(`  ${t[lang].report}`));
  return EXIT.unexpected;
}
