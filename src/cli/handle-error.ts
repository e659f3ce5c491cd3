import { relative } from 'node:path';
import { EXIT, type ExitCode, formatLocation, SalesmeetError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import type { Context } from './context.js';
import { formatProblem, severityWord } from './report.js';

/** File-system failures a user can fix (permissions, a full disk), told as such instead of as a bug. */
const fsWords: Record<Lang, Record<string, string> & { hint: string; read: string; write: string }> = {
  en: {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOSPC: 'no space left on the device',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'expected a file, found a folder',
    EMFILE: 'too many open files',
    EBUSY: 'the file is in use',
    ENOENT: 'the folder does not exist or does not accept new files',
    ENAMETOOLONG: 'the name is too long for the file system',
    EXDEV: 'the file cannot be replaced across file systems',
    read: 'cannot read',
    write: 'cannot write',
    hint: 'check the path and its permissions, then run the command again; nothing else was changed',
  },
  'zh-CN': {
    EACCES: '没有权限',
    EPERM: '不允许的操作',
    ENOSPC: '磁盘空间不足',
    EROFS: '文件系统为只读',
    ENOTDIR: '路径中的某一段是文件而不是文件夹',
    EISDIR: '应为文件，实际是文件夹',
    EMFILE: '打开的文件过多',
    EBUSY: '文件正被占用',
    ENOENT: '文件夹不存在或不接受新文件',
    ENAMETOOLONG: '名称超出文件系统的长度限制',
    EXDEV: '无法跨文件系统替换该文件',
    read: '无法读取',
    write: '无法写入',
    hint: '请检查路径及其权限后重新运行；其他文件未被改动',
  },
  'zh-TW': {
    EACCES: '沒有權限',
    EPERM: '不允許的操作',
    ENOSPC: '磁碟空間不足',
    EROFS: '檔案系統為唯讀',
    ENOTDIR: '路徑中的某一段是檔案而不是資料夾',
    EISDIR: '應為檔案，實際是資料夾',
    EMFILE: '開啟的檔案過多',
    EBUSY: '檔案正被使用',
    ENOENT: '資料夾不存在或不接受新檔案',
    ENAMETOOLONG: '名稱超出檔案系統的長度限制',
    EXDEV: '無法跨檔案系統取代該檔案',
    read: '無法讀取',
    write: '無法寫入',
    hint: '請檢查路徑及其權限後重新執行；其他檔案未被變更',
  },
};

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
  ctx: Pick<Context, 'lang' | 'verbose' | 'err' | 'streams'> & { cwd?: string },
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
