import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import { didYouMean } from '../core/text.js';
import { commitWrites, planWrites, type WritePlan } from '../io/write.js';
import { BUILTIN_TEMPLATES } from '../render/engine.js';
import { templateOverrides } from './agenda.js';
import { loadMeetingFolder, MEETING_FILE, resolveMeetingDir } from './meeting-folder.js';

const m = messagesOf((c) => c.app.templates);

export interface TemplateEntry {
  /** `pack.html`, `agenda.md`, `partials/pack-style`. */
  name: string;
  lang: Lang;
  /** `built-in`, or the override folder it comes from. */
  source: string;
  path: string;
  /** A built-in template that an override replaces. */
  overrides: boolean;
}

/** The built-in template files (one set for every language): `pack.html.hbs`, `partials/pack-style.hbs`. */
export function builtinFiles(_lang?: Lang): string[] {
  const dir = BUILTIN_TEMPLATES;
  const files = readdirSync(dir).filter((f) => f.endsWith('.hbs'));
  const partials = existsSync(join(dir, 'partials'))
    ? readdirSync(join(dir, 'partials'))
        .filter((f) => f.endsWith('.hbs'))
        .map((f) => `partials/${f}`)
    : [];
  return [...files.sort(), ...partials.sort()];
}

const nameOf = (file: string) => file.replace(/\.hbs$/, '');

/** Where a template is taken from, in the engine's order: override/<lang>, override, built-in. */
export function listTemplates(lang: Lang, overrides: readonly string[]): TemplateEntry[] {
  const names = new Set(builtinFiles(lang));
  for (const o of overrides)
    for (const d of [join(o, lang), o]) {
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d)) if (f.endsWith('.hbs')) names.add(f);
      if (existsSync(join(d, 'partials')))
        for (const f of readdirSync(join(d, 'partials'))) if (f.endsWith('.hbs')) names.add(`partials/${f}`);
    }
  const entries: TemplateEntry[] = [];
  for (const file of [...names].sort()) {
    let found: TemplateEntry | undefined;
    for (const o of overrides) {
      for (const d of [join(o, lang), o]) {
        if (!found && existsSync(join(d, file)))
          found = { name: nameOf(file), lang, source: o, path: join(d, file), overrides: false };
      }
    }
    const builtin = join(BUILTIN_TEMPLATES, file);
    if (found) found.overrides = existsSync(builtin);
    else found = { name: nameOf(file), lang, source: 'built-in', path: builtin, overrides: false };
    entries.push(found);
  }
  return entries;
}

/** `pack` → both formats; `pack.html`, `pack.html.hbs`, `partials/pack-style` → that file. */
export function resolveTemplateName(name: string, lang: Lang): string[] {
  const files = builtinFiles(lang);
  const clean = name.replace(/\\/g, '/').replace(/\.hbs$/, '');
  const exact = files.filter((f) => nameOf(f) === clean);
  if (exact.length > 0) return exact;
  const family = files.filter((f) => nameOf(f).replace(/\.(md|html|txt)$/, '') === clean);
  if (family.length > 0) return family;
  const names = [...new Set(files.map((f) => nameOf(f)))];
  const families = [
    ...new Set(
      files.filter((f) => !f.startsWith('partials/')).map((f) => nameOf(f).replace(/\.(md|html|txt)$/, '')),
    ),
  ];
  const suggestion = didYouMean(clean, [...families, ...names]);
  throw new UsageError('templates.unknown', m.unknown({ name }), {
    hint: (lang2) =>
      m.unknownHint({
        suggest: suggestion ? m.suggest({ name: suggestion })(lang2) : '',
        names: [...families, ...names].join(', '),
      })(lang2),
  });
}

export interface TemplatesDeps {
  cwd: string;
  langFor: (meetingLang?: string) => Lang;
}

/** The meeting's template folder and language, when a meeting folder is given or the working folder is one. */
async function meetingContext(meetingDir: string | undefined, cwd: string) {
  const explicit = meetingDir !== undefined;
  if (!explicit && !existsSync(join(cwd, MEETING_FILE))) return undefined;
  await resolveMeetingDir(meetingDir, cwd);
  return loadMeetingFolder(meetingDir, cwd);
}

export async function runTemplatesList(
  o: { meeting?: string; to?: string },
  deps: TemplatesDeps,
): Promise<{ lang: Lang; overrides: string[]; entries: TemplateEntry[] }> {
  const folder = await meetingContext(o.meeting, deps.cwd);
  const lang = deps.langFor(folder?.meeting.value.lang);
  const overrides = [
    ...(o.to ? [resolve(deps.cwd, o.to)] : []),
    ...(folder ? templateOverrides(folder) : []),
  ];
  return { lang, overrides, entries: listTemplates(lang, overrides) };
}

export async function runTemplatesEject(
  o: { name: string; meeting?: string; to?: string; force: boolean; dryRun: boolean },
  deps: TemplatesDeps,
): Promise<{ lang: Lang; target: string; plan: WritePlan }> {
  const folder = await meetingContext(o.meeting, deps.cwd);
  const lang = deps.langFor(folder?.meeting.value.lang);
  const target = o.to ? resolve(deps.cwd, o.to) : folder ? templateOverrides(folder)[0] : undefined;
  if (!target) throw new UsageError('templates.noTarget', m.noTarget(), { hint: m.noTargetHint() });
  const files = resolveTemplateName(o.name, lang);
  const plan = await planWrites(
    files.map((f) => ({
      path: join(target, lang, f),
      content: readFileSync(join(BUILTIN_TEMPLATES, f), 'utf8'),
      kind: 'user' as const,
    })),
    [{ path: join(target, lang) }],
    { force: o.force, cwd: deps.cwd },
  );
  if (!o.dryRun) await commitWrites(plan);
  return { lang, target, plan };
}
