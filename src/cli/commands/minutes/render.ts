import { relative } from 'node:path';
import { runMinutes, runMinutesNew } from '../../../app/minutes.js';
import { EXIT, formatLocation } from '../../../core/errors.js';
import { minutesLabels } from '../../../core/minutes/labels.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import type { RawInput } from '../types.js';
import { parseMinutesOptions } from './options.js';
import { printPlan, signOffJson } from './print.js';

/** `salesmeet minutes [dir]` renders the minutes; `salesmeet minutes --new [dir]` prepares minutes.yaml. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseMinutesOptions(input);
  // `salesmeet minutes [dir]` and `salesmeet minutes --new [dir]`
  if (o.new) {
    const result = await runMinutesNew(
      { dir: o.dir, force: ctx.force, dryRun: ctx.dryRun, langFor: ctx.langFor },
      { cwd: ctx.cwd },
    );
    const lang = result.lang;
    if (ctx.json) {
      ctx.print(
        JSON.stringify(
          {
            schema: 'salesmeet.minutes.new/1',
            dryRun: ctx.dryRun,
            files: result.plan.files.map((f) => ({ path: relative(ctx.cwd, f.path), action: f.action })),
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    printPlan(ctx, lang, result.plan);
    if (!ctx.dryRun) {
      const d = relative(ctx.cwd, result.dir) || '.';
      ctx.print('');
      ctx.print(catalogue(lang).cli.print.next);
      ctx.print(`  ${catalogue(lang).cli.minutes.fillIn} ${d}/minutes.yaml`);
      ctx.print(`  salesmeet minutes ${d}`);
    }
    return EXIT.ok;
  }

  const result = await runMinutes(
    { dir: o.dir, langFor: ctx.langFor, dryRun: ctx.dryRun, docx: o.docx },
    { cwd: ctx.cwd, now: ctx.now(), timezone: ctx.timezone },
  );
  const lang = result.lang;
  const l = minutesLabels(lang);
  for (const w of result.warnings) ctx.warn(`${formatLocation(w)}: ${w.message(lang)}`);
  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.minutes/1',
          dryRun: ctx.dryRun,
          files: result.plan.files.map((f) => ({ path: relative(ctx.cwd, f.path), action: f.action })),
          ...signOffJson(result.state),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  printPlan(ctx, lang, result.plan);
  ctx.print(`${l.status}${catalogue(lang).punctuation.colon}${l.statuses[result.signOff.status]}`);
  if (!ctx.dryRun && result.signOff.status !== 'signed-off') {
    const d = relative(ctx.cwd, result.folder.dir) || '.';
    ctx.print('');
    ctx.print(catalogue(lang).cli.print.next);
    ctx.print(`  salesmeet minutes sign ${d} --as <${l.name}>`);
    ctx.print(`  salesmeet minutes verify ${d}`);
  }
  return EXIT.ok;
}
