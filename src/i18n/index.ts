/**
 * The message catalogues, one per language. Pure data: this folder imports nothing outside itself, so `core`,
 * `io`, `render` (and later `app` and `cli`) may all read it. To add or change a message, edit en.ts, then
 * zh-CN.ts and zh-TW.ts; the compiler names every key that is missing or left over.
 */
import { en, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export type { Messages } from './en.js';

/** The languages a catalogue exists in (the same three as `Lang` in core). */
export type CatalogueLang = 'en' | 'zh-CN' | 'zh-TW';

const CATALOGUES: Record<CatalogueLang, Messages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** All words in one language. */
export function catalogue(lang: CatalogueLang): Messages {
  return CATALOGUES[lang];
}

/** Every catalogue, keyed by language (for tests and for tables that need all three at once). */
export const catalogues: Readonly<Record<CatalogueLang, Messages>> = CATALOGUES;

/** One namespace in each language: `byLang((c) => c.pack)` → `{ en: …, 'zh-CN': …, 'zh-TW': … }`. */
export function byLang<T>(select: (m: Messages) => T): Record<CatalogueLang, T> {
  return { en: select(en), 'zh-CN': select(zhCN), 'zh-TW': select(zhTW) };
}
