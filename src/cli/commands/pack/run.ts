import { runPack } from '../../../app/pack.js';
import { formatLocation } from '../../../core/errors.js';
import { interpolate } from '../../../core/i18n/messages.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import { printWrites, relTo } from '../../print.js';
import { kpiWarningLine } from '../../report.js';
import type { RawInput } from '../types.js';
import { parsePackOptions } from './options.js';

export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parsePackOptions(input);
  const rel = relTo(ctx.cwd);
  const result = await runPack(
    { dir: o.dir, pdf: o.pdf, dryRun: ctx.dryRun, kpiFile: o.kpiFile },
    {
      cwd: ctx.cwd,
      now: ctx.now,
      timezone: ctx.timezone,
      langFor: ctx.langFor,
      env: ctx.env,
      onKpiWarnings: (warnings) => {
        for (const w of warnings) ctx.warn(kpiWarningLine(w));
      },
      progress: (step) => {
        if (!ctx.streams.stderr.isTTY) return;
        const lang = ctx.lang;
        ctx.info(
          step === 'pdf' ? catalogue(lang).cli.pack.printingPdf : catalogue(lang).cli.pack.drawingCharts,
        );
      },
    },
  );
  for (const w of result.warnings) ctx.warn(`${formatLocation(w)}: ${w.message(ctx.lang)}`);
  const v = result.view;
  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.pack/1',
          dir: rel(result.folder.dir),
          lang: result.lang,
          dryRun: ctx.dryRun,
          files: [...result.plan.files.map((f) => rel(f.path)), ...(result.pdf ? [rel(result.pdf)] : [])],
          sections: v.sections.map((s) => s.title),
          kpi: v.kpi !== null,
          charts: v.kpi?.charts.map((c) => c.id) ?? [],
          issues: v.issues.reduce((n, g) => n + g.items.length, 0),
          actions: v.actions.length,
          overdue: v.overdueCount,
          materials: v.materials.length,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const lang = result.lang;
  const note = (text: string) => ctx.info(`${ctx.err.yellow(catalogue(lang).cli.pack.note)}${text}`);
  if (!v.kpi) note(v.kpiNone);
  if (v.overdueCount > 0)
    note(interpolate(catalogue(lang).cli.pack.overdueActions, { overdueCount: v.overdueCount }));
  printWrites(ctx, lang, result.plan, ctx.dryRun, result.pdf ? [result.pdf] : []);
  return 0;
}
