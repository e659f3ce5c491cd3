import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { compileOptions, PRECOMPILED_PARTIALS, precompiledFile } from './compile-options.js';

/** A top-level template's output format, from its name: `pack.html.hbs` → `html`. */
function formatOf(file: string): string {
  const format = /\.(md|html|txt)\.hbs$/.exec(file)?.[1];
  if (!format) throw new Error(`templates/${file}: expected <name>.<md|html|txt>.hbs`);
  return format;
}

const hbsFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort();

/**
 * The built-in templates precompiled (at build time, by scripts/gen-templates.mjs): the text of one CommonJS module
 * per template, plus one for all partials, which the engine runs with Handlebars' runtime alone, so neither the
 * compiler nor source-map is loaded to render them. Each keeps the source it was made from: the engine uses a
 * precompiled form only while the file still holds that text. A partial is precompiled twice, as it is compiled
 * for an HTML template (escaped) and for a Markdown or text one (not escaped).
 */
export function precompiledModules(dir: string): Record<string, string> {
  const spec = (source: string, format: string) => Handlebars.precompile(source, compileOptions(format));
  const head = `// Made by \`npm run build\` (scripts/gen-templates.mjs) from templates/ with Handlebars ${Handlebars.VERSION}: do not edit.\n'use strict';\n`;
  const out: Record<string, string> = {};
  for (const f of hbsFiles(dir)) {
    const source = readFileSync(join(dir, f), 'utf8');
    out[precompiledFile(f)] =
      `${head}exports.source = ${JSON.stringify(source)};\nexports.spec = ${spec(source, formatOf(f))};\n`;
  }
  const partials = hbsFiles(join(dir, 'partials')).map((f) => {
    const source = readFileSync(join(dir, 'partials', f), 'utf8');
    return `${JSON.stringify(f.slice(0, -'.hbs'.length))}: { source: ${JSON.stringify(source)}, html: ${spec(source, 'html')}, text: ${spec(source, 'md')} },`;
  });
  out[PRECOMPILED_PARTIALS] = `${head}exports.partials = {\n${partials.join('\n')}\n};\n`;
  return out;
}
