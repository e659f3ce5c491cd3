/**
 * How a template is compiled, shared by the engine (a team's template, compiled at run time) and the build
 * (the built-in ones, precompiled into dist/templates/), so both give the same bytes. Strict: a field the
 * view model lacks is an error, not a blank. Only HTML is escaped by Handlebars (Markdown is escaped in the view
 * model; plain text not at all).
 */
export function compileOptions(format: string): { strict: true; noEscape: boolean } {
  return { strict: true, noEscape: format !== 'html' };
}

/** The name of a built-in template's precompiled module in dist/templates/: `pack.html.hbs` → `pack.html.cjs`. */
export const precompiledFile = (template: string): string => template.replace(/\.hbs$/, '.cjs');
/** The precompiled module of every built-in partial, in dist/templates/. */
export const PRECOMPILED_PARTIALS = 'partials.cjs';
