import { byLang, type Messages } from '../../i18n/index.js';
import type { Lang } from './lang.js';

/** A piece of text that is rendered in the user's language only when it is shown. */
export type Text = (lang: Lang) => string;

export type Params = Record<string, string | number | undefined>;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible rather than silently dropped. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** The string entries of a catalogue namespace (functions and nested tables are left to their callers). */
type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * One module's messages from the catalogue (`src/i18n`): `messagesOf((c) => c.kpi)` gives each string key as a
 * function that takes the parameters and returns a `Text`.
 */
export function messagesOf<T>(select: (m: Messages) => T): {
  [P in StringKeys<T>]: (params?: Params) => Text;
} {
  const table = byLang(select);
  const out = {} as { [P in StringKeys<T>]: (params?: Params) => Text };
  for (const key of Object.keys(table.en as object) as StringKeys<T>[]) {
    if (typeof table.en[key] !== 'string') continue;
    out[key] = (params?: Params) => (lang: Lang) => interpolate(table[lang][key] as string, params);
  }
  return out;
}

/** A fixed text that reads the same in every language (file names, numbers). */
export const literal =
  (s: string): Text =>
  () =>
    s;

/** Joins texts rendered later. */
export const joinText =
  (parts: Text[], sep = ''): Text =>
  (lang) =>
    parts.map((p) => p(lang)).join(sep);
