import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import type Handlebars from 'handlebars';
import Runtime from 'handlebars/dist/cjs/handlebars.runtime.js';
import { InputError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import { byLang } from '../i18n/index.js';
import { packageRoot } from '../paths.js';
import { compileOptions, PRECOMPILED_PARTIALS, precompiledFile } from './compile-options.js';
import { deepEscape, escapeMarkdown } from './escape.js';

const m = messagesOf((c) => c.render.messages);

/** Full-width marks in Chinese documents, ASCII ones with their spaces in English. */
const PUNCTUATION: Record<Lang, { colon: string; lparen: string; rparen: string; comma: string }> = byLang(
  (c) => c.punctuation,
);

/** The templates shipped with the package: one set for every language (words come from the view model). */
export const BUILTIN_TEMPLATES: string = join(packageRoot(), 'templates');

/** `txt`: plain text to paste into a chat or an e-mail, neither escaped nor marked up. */
export type OutputFormat = 'md' | 'html' | 'txt';

/** A value that goes into HTML unescaped (inline SVG built by salesmeet). Text from users never is. */
export interface Raw {
  __raw: true;
  html: string;
}
export const raw = (html: string): Raw => ({ __raw: true, html });

type HB = typeof Handlebars;
type Template = Handlebars.TemplateDelegate;

// The full Handlebars (CommonJS) is loaded with require on first need: `render` is synchronous.
const require = createRequire(import.meta.url);

/** Helpers registered once per instance. Prototype access stays disabled (the default). */
function withHelpers(h: HB): HB {
  h.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  h.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  h.registerHelper('not', (a: unknown) => !a);
  h.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  h.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  h.registerHelper('inc', (n: number) => Number(n) + 1);
  // Punctuation of the document's language, so one template serves all three: `{{l.asOf}}{{colon}}{{asOf}}`.
  for (const mark of ['colon', 'lparen', 'rparen', 'comma'] as const)
    h.registerHelper(
      mark,
      (options: { data?: { lang?: Lang } }) => PUNCTUATION[options.data?.lang ?? 'en'][mark],
    );
  /** `{{code text}}`: the text escaped, a `command` between backticks set as code (as Markdown shows it). */
  h.registerHelper(
    'code',
    (v: unknown) =>
      new h.SafeString(
        // Handlebars escapes a backtick as &#x60;.
        h
          .escapeExpression(String(v ?? ''))
          .replace(/&#x60;((?:(?!&#x60;)[^\n])+)&#x60;/g, (_, c: string) => `<code>${c}</code>`),
      ),
  );
  /**
   * `{{mdCode text}}` in a Markdown template: the text comes escaped (`\``), and a pair of escaped backticks is
   * made a code span again, its inside unescaped (a code span shows backslashes as they are).
   */
  h.registerHelper(
    'mdCode',
    (v: unknown) =>
      new h.SafeString(
        String(v ?? '').replace(
          /\\`((?:[^`\\\n]|\\[^`\n])+?)\\`/g,
          (_, c: string) => `\`${c.replace(/\\([\\|*_[\]#~])/g, '$1')}\``,
        ),
      ),
  );
  /** `{{raw chart}}`: emits pre-rendered markup from a Raw value; anything else is escaped. */
  h.registerHelper('raw', (v: unknown) => {
    if (v && typeof v === 'object' && (v as Raw).__raw === true) return new h.SafeString((v as Raw).html);
    return h.escapeExpression(String(v ?? ''));
  });
  return h;
}

let runtime: HB | undefined;
let compiler: HB | undefined;
/** Handlebars' runtime alone: runs the precompiled built-in templates (no compiler, no source-map). */
const runtimeInstance = (): HB => (runtime ??= withHelpers(Runtime.create()));
/** The full Handlebars, loaded only to compile a template that has no precompiled form (a team's own). */
const compilerInstance = (): HB => (compiler ??= withHelpers((require('handlebars') as HB).create()));

export interface RendererOptions {
  lang: Lang;
  /** For messages: template paths are shown relative to it. */
  cwd?: string;
  /** Folders searched before the built-in templates, each holding `<lang>/` subfolders or templates directly. */
  overrides?: string[];
}

const compiled = new Map<string, Template>();
let partialsLoaded: string | undefined;

/** The folders searched for a language, most specific first. */
export function templateDirs(options: RendererOptions): string[] {
  const dirs: string[] = [];
  for (const o of options.overrides ?? []) {
    dirs.push(join(o, options.lang));
    dirs.push(o);
  }
  dirs.push(BUILTIN_TEMPLATES);
  return dirs;
}

/** Resolves `<name>.<format>.hbs` in the override folders, then in the built-in templates. */
export function findTemplate(name: string, format: OutputFormat, options: RendererOptions): string {
  const file = `${name}.${format}.hbs`;
  const dirs = templateDirs(options);
  for (const d of dirs) {
    const p = join(d, file);
    if (existsSync(p)) return p;
  }
  throw new InputError(
    'template.missing',
    m.missing({ name: file, lang: options.lang, dirs: dirs.join(', ') }),
  );
}

function loadPartials(h: HB, options: RendererOptions) {
  // Partials: `partials/*.hbs` from the built-in folder first, then overrides (which win). The built-in ones are
  // read once; a team's are read again on each render (main() may run many times in one process, as in the tests,
  // and a team's partial may change between runs or belong to another meeting).
  const dirs = templateDirs(options).reverse();
  const key = dirs.join('|');
  if (key === partialsLoaded && dirs.length === 1) return;
  for (const name of Object.keys(h.partials)) h.unregisterPartial(name);
  for (const d of dirs) {
    const pd = join(d, 'partials');
    if (!existsSync(pd)) continue;
    for (const f of readdirSync(pd)) {
      if (f.endsWith('.hbs')) h.registerPartial(basename(f, '.hbs'), readFileSync(join(pd, f), 'utf8'));
    }
  }
  partialsLoaded = key;
}

/**
 * A template failure as the user should read it: `file:line:column` of the template and the field it uses that
 * the view model does not have (Handlebars says `"x" not defined in [object Object] - 3:14`).
 */
function templateError(error: unknown, file: string, cwd = process.cwd()): InputError {
  const raw = error instanceof Error ? error.message : String(error);
  const root = packageRoot();
  const shown = file.startsWith(root) ? relative(root, file) : relative(cwd, file) || file;
  const pos = / - (\d+):(\d+)\s*$/m.exec(raw);
  const field = /^"([^"]+)" not defined in/.exec(raw)?.[1];
  const detail = raw.split('\n')[0]!.replace(/ - \d+:\d+\s*$/, '');
  return new InputError(
    'template.failed',
    field ? m.unknownField({ field }) : m.failed({ file: shown, detail }),
    {
      hint: m.failedHint(),
      location: {
        file: shown,
        line: pos ? Number(pos[1]) : undefined,
        column: pos ? Number(pos[2]) + 1 : undefined,
      },
      cause: error,
    },
  );
}

type TemplateSpecification = Parameters<HB['template']>[0];
/** A module of dist/templates/, made by the build (src/render/precompile.ts). */
interface PrecompiledTemplate {
  source: string;
  spec: TemplateSpecification & { usePartial?: boolean };
}
interface PrecompiledPartials {
  partials: Record<string, { source: string; html: TemplateSpecification; text: TemplateSpecification }>;
}

/** A module of dist/templates/, or undefined before a build (tests run from src) or if it cannot be read. */
function precompiled<T>(name: string): T | undefined {
  try {
    return require(join(packageRoot(), 'dist', 'templates', name)) as T;
  } catch {
    return undefined;
  }
}

/** Each built-in template's runnable precompiled form, by file, once checked against the file's text. */
const runnable = new Map<string, { tpl: Template; usePartial: boolean } | null>();
/** The built-in partials, precompiled for HTML and for text; null if missing or one no longer matches its file. */
let builtinPartials: { html: Record<string, Template>; text: Record<string, Template> } | null | undefined;

function precompiledPartials() {
  if (builtinPartials !== undefined) return builtinPartials;
  builtinPartials = null;
  const pre = precompiled<PrecompiledPartials>(PRECOMPILED_PARTIALS)?.partials;
  const dir = join(BUILTIN_TEMPLATES, 'partials');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.hbs')) : [];
  if (
    pre &&
    files.length === Object.keys(pre).length &&
    files.every((f) => pre[basename(f, '.hbs')]?.source === readFileSync(join(dir, f), 'utf8'))
  ) {
    const h = runtimeInstance();
    builtinPartials = { html: {}, text: {} };
    for (const [name, p] of Object.entries(pre)) {
      builtinPartials.html[name] = h.template(p.html);
      builtinPartials.text[name] = h.template(p.text);
    }
  }
  return builtinPartials;
}

/** A team's partials (`partials/*.hbs` in an override folder) take the compiler's path, as before. */
const hasOwnPartials = (options: RendererOptions) =>
  templateDirs(options)
    .slice(0, -1)
    .some(
      (d) =>
        existsSync(join(d, 'partials')) && readdirSync(join(d, 'partials')).some((f) => f.endsWith('.hbs')),
    );

type Run = (data: object, options: Handlebars.RuntimeOptions) => string;

/**
 * A built-in template and the built-in partials as the build precompiled them, run by Handlebars' runtime; or
 * undefined when that is not possible: a team's template or partial, no build, or a built-in file that was edited
 * since (its text no longer equals the one precompiled).
 */
function precompiledRun(file: string, format: OutputFormat, options: RendererOptions): Run | undefined {
  if (!file.startsWith(BUILTIN_TEMPLATES) || hasOwnPartials(options)) return undefined;
  let entry = runnable.get(file);
  if (entry === undefined) {
    const p = precompiled<PrecompiledTemplate>(precompiledFile(basename(file)));
    entry =
      p && p.source === readFileSync(file, 'utf8')
        ? { tpl: runtimeInstance().template(p.spec), usePartial: p.spec.usePartial === true }
        : null;
    runnable.set(file, entry);
  }
  if (!entry) return undefined;
  const { tpl, usePartial } = entry;
  if (!usePartial) return tpl;
  const partials = precompiledPartials();
  if (!partials) return undefined;
  const own = format === 'html' ? partials.html : partials.text;
  return (data, runtimeOptions) => tpl(data, { ...runtimeOptions, partials: own });
}

/** A template compiled at run time by the full Handlebars, with the partials of every template folder. */
function compiledRun(file: string, format: OutputFormat, options: RendererOptions): Run {
  const h = compilerInstance();
  loadPartials(h, options);
  // Built-in templates are compiled once; a team's template is read on each render (it may change between runs).
  const builtIn = file.startsWith(BUILTIN_TEMPLATES);
  let tpl = builtIn ? compiled.get(file) : undefined;
  if (!tpl) {
    tpl = h.compile(readFileSync(file, 'utf8'), compileOptions(format));
    if (builtIn) compiled.set(file, tpl);
  }
  return tpl;
}

/**
 * Renders a template with a view model built in core. Markdown output gets Markdown escaping of every string
 * (pipes, newlines, HTML); HTML output gets Handlebars' HTML escaping; plain text (`txt`) is left as it is. Strict mode: a field the template uses
 * but the view model lacks is an error, not a blank. A built-in template runs precompiled (dist/templates/); a
 * team's template is compiled here, loading Handlebars' compiler only then.
 */
export function render(name: string, format: OutputFormat, view: object, options: RendererOptions): string {
  const file = findTemplate(name, format, options);
  const run = precompiledRun(file, format, options) ?? compiledRun(file, format, options);
  const data = format === 'md' ? deepEscape(view, escapeMarkdown) : view;
  try {
    return run(data, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
      data: { lang: options.lang },
    });
  } catch (error) {
    throw templateError(error, file, options.cwd);
  }
}
