import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { InputError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import { byLang } from '../i18n/index.js';
import { packageRoot } from '../paths.js';
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

let hb: typeof Handlebars | undefined;

/** The one Handlebars instance; helpers registered once. Prototype access stays disabled (the default). */
function instance(): typeof Handlebars {
  if (hb) return hb;
  hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('inc', (n: number) => Number(n) + 1);
  // Punctuation of the document's language, so one template serves all three: `{{l.asOf}}{{colon}}{{asOf}}`.
  for (const mark of ['colon', 'lparen', 'rparen', 'comma'] as const)
    hb.registerHelper(
      mark,
      (options: { data?: { lang?: Lang } }) => PUNCTUATION[options.data?.lang ?? 'en'][mark],
    );
  /** `{{raw chart}}`: emits pre-rendered markup from a Raw value; anything else is escaped. */
  hb.registerHelper('raw', (v: unknown) => {
    if (v && typeof v === 'object' && (v as Raw).__raw === true)
      return new Handlebars.SafeString((v as Raw).html);
    return Handlebars.escapeExpression(String(v ?? ''));
  });
  return hb;
}

export interface RendererOptions {
  lang: Lang;
  /** For messages: template paths are shown relative to it. */
  cwd?: string;
  /** Folders searched before the built-in templates, each holding `<lang>/` subfolders or templates directly. */
  overrides?: string[];
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();
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

function loadPartials(h: typeof Handlebars, options: RendererOptions) {
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

/**
 * Renders a template with a view model built in core. Markdown output gets Markdown escaping of every string
 * (pipes, newlines, HTML); HTML output gets Handlebars' HTML escaping; plain text (`txt`) is left as it is. Strict mode: a field the template uses
 * but the view model lacks is an error, not a blank.
 */
export function render(name: string, format: OutputFormat, view: object, options: RendererOptions): string {
  const h = instance();
  loadPartials(h, options);
  const file = findTemplate(name, format, options);
  // Built-in templates are compiled once; a team's template is read on each render (it may change between runs).
  const builtIn = file.startsWith(BUILTIN_TEMPLATES);
  let tpl = builtIn ? compiled.get(file) : undefined;
  if (!tpl) {
    tpl = h.compile(readFileSync(file, 'utf8'), { strict: true, noEscape: format !== 'html' });
    if (builtIn) compiled.set(file, tpl);
  }
  const data = format === 'md' ? deepEscape(view, escapeMarkdown) : view;
  try {
    return tpl(data, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
      data: { lang: options.lang },
    });
  } catch (error) {
    throw templateError(error, file, options.cwd);
  }
}
