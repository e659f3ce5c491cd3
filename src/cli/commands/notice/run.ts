import { runNotice } from '../../../app/notice.js';
import { formatLocation } from '../../../core/errors.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import { printWrites, relTo } from '../../print.js';
import type { RawInput } from '../types.js';
import { parseNoticeOptions } from './options.js';

export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseNoticeOptions(input);
  const rel = relTo(ctx.cwd);
  const result = await runNotice(
    { dir: o.dir, pdf: o.pdf, dryRun: ctx.dryRun },
    {
      cwd: ctx.cwd,
      timezone: ctx.timezone,
      langFor: ctx.langFor,
      env: ctx.env,
      progress: () => {
        if (ctx.streams.stderr.isTTY) ctx.info(catalogue(ctx.lang).cli.notice.printingPdf);
      },
    },
  );
  for (const w of result.warnings) ctx.warn(`${formatLocation(w)}: ${w.message(ctx.lang)}`);
  if (ctx.json) {
    const n = result.notice;
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.notice/1',
          dir: rel(result.folder.dir),
          lang: result.lang,
          dryRun: ctx.dryRun,
          files: [...result.plan.files.map((f) => rel(f.path)), ...result.pdfs.map((p) => rel(p))],
          when: n.head.when,
          attendees: result.signIn.rows.map((r) => r.name),
          preparation: n.preparation,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  printWrites(ctx, result.lang, result.plan, ctx.dryRun, result.pdfs);
  return 0;
}
