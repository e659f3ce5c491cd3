import { runTemplatesList } from '../../../app/templates.js';
import { catalogue } from '../../../i18n/index.js';
import type { Context } from '../../context.js';
import { relTo } from '../../print.js';
import type { RawInput } from '../types.js';
import { parseTemplatesListOptions } from './options.js';

/** `salesmeet templates list [-m dir] [--to dir]`. */
export default async function run(ctx: Context, input: RawInput): Promise<number> {
  const o = parseTemplatesListOptions(input);
  const rel = relTo(ctx.cwd);
  const r = await runTemplatesList(o, { cwd: ctx.cwd, langFor: ctx.langFor });
  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.templates/1',
          lang: r.lang,
          folders: r.overrides.map(rel),
          templates: r.entries.map((e) => ({
            name: e.name,
            source: e.source === 'built-in' ? 'built-in' : rel(e.source),
            path: e.source === 'built-in' ? e.path : rel(e.path),
            overrides: e.overrides,
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const width = Math.max(...r.entries.map((e) => e.name.length));
  for (const e of r.entries) {
    const source =
      e.source === 'built-in'
        ? catalogue(r.lang).cli.templates.builtIn
        : `${rel(e.path)}${e.overrides ? catalogue(r.lang).cli.templates.overridesBuiltIn : ''}`;
    ctx.print(
      `${e.name.padEnd(width)}  ${r.lang}  ${e.source === 'built-in' ? ctx.out.dim(source) : ctx.out.green(source)}`,
    );
  }
  return 0;
}
