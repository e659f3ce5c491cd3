import { runCheck } from '../../../app/check.js';
import { EXIT, type Problem } from '../../../core/errors.js';
import { interpolate } from '../../../core/i18n/messages.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import { formatProblem } from '../../report.js';
import type { RawInput } from '../types.js';
import { parseCheckOptions } from './options.js';

export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const { dir, strict } = parseCheckOptions(input);
  const result = await runCheck(dir, { cwd: ctx.cwd, langFor: ctx.langFor });
  const lang = result.lang;
  const failed = result.errors.length > 0 || (strict && result.advice.length > 0);
  if (ctx.json) {
    const shape = (p: Problem) => ({
      code: p.code,
      message: p.message(lang),
      hint: p.hint?.(lang) ?? null,
      file: p.file ?? null,
      line: p.line ?? null,
      column: p.column ?? null,
      path: p.path ?? null,
    });
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.check/1',
          ok: !failed,
          files: result.files,
          errors: result.errors.map(shape),
          advice: result.advice.map(shape),
        },
        null,
        2,
      ),
    );
    return failed ? EXIT.invalidInput : EXIT.ok;
  }
  for (const e of result.errors) ctx.info(formatProblem(e, lang, ctx.err, 'error'));
  for (const a of result.advice) ctx.info(formatProblem(a, lang, ctx.err, strict ? 'error' : 'advice'));
  const e = result.errors.length;
  const a = result.advice.length;
  const files = result.files.join(', ');
  const summary = failed
    ? interpolate(catalogue(lang).cli.check.failed, { files, e, a })
    : interpolate(catalogue(lang).cli.check.ok, {
        files,
        advice: a ? interpolate(catalogue(lang).cli.check.okAdvice, { count: a }) : '',
      });
  ctx.print(failed ? ctx.out.red(summary) : ctx.out.green(summary));
  return failed ? EXIT.invalidInput : EXIT.ok;
}
