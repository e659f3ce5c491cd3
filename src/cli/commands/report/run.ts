import { runReport } from '../../../app/report.js';
import { interpolate } from '../../../core/i18n/messages.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import { printWrites, relTo } from '../../print.js';
import { kpiWarningLine } from '../../report.js';
import type { RawInput } from '../types.js';
import { parseReportOptions } from './options.js';

export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseReportOptions(input);
  const rel = relTo(ctx.cwd);
  const result = await runReport(
    {
      dir: o.dir,
      style: o.style,
      period: o.period,
      ...(o.targets ? { targets: o.targets } : {}),
      pdf: o.pdf,
      scaffold: o.scaffold,
      dryRun: ctx.dryRun,
      force: ctx.force,
    },
    {
      cwd: ctx.cwd,
      now: ctx.now,
      timezone: ctx.timezone,
      langFor: ctx.langFor,
      env: ctx.env,
      onKpiWarnings: (warnings) => {
        for (const w of warnings) ctx.warn(kpiWarningLine(w));
      },
      onTargetsWarnings: (warnings) => {
        for (const w of warnings) ctx.warn(kpiWarningLine(w));
      },
      progress: (step, count) => {
        if (!ctx.streams.stderr.isTTY) return;
        const w = catalogue(ctx.lang).report.cli;
        ctx.info(
          step === 'pdf'
            ? w.printingPdf
            : step === 'charts'
              ? w.drawingCharts
              : interpolate(w.computing, { count: count ?? 1 }),
        );
      },
    },
  );
  const v = result.view;
  const w = catalogue(result.lang).report;
  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.report/1',
          dir: rel(result.folder.dir),
          lang: result.lang,
          style: v.style,
          dryRun: ctx.dryRun,
          files: [...result.plan.files.map((f) => rel(f.path)), ...(result.pdf ? [rel(result.pdf)] : [])],
          parts: v.parts.map((p) => ({ title: p.title, sections: p.sections.map((s) => s.id) })),
          notes: v.notes.length,
          empty: v.empty,
          draft: v.empty.length > 0,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  if (v.empty.length > 0)
    ctx.warn(
      interpolate(w.cli.draft, {
        count: v.empty.length,
        sections: v.empty.map((k) => `${w.narrative[k]} (${k})`).join(result.lang === 'en' ? ', ' : '、'),
      }),
    );
  printWrites(ctx, result.lang, result.plan, ctx.dryRun, result.pdf ? [result.pdf] : []);
  if (result.scaffolded && !ctx.dryRun)
    ctx.info(interpolate(w.cli.scaffolded, { file: rel(result.scaffolded) }));
  return 0;
}
