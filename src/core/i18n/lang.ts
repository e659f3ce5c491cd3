/** The three languages every template and message exists in. */
export const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * Maps a locale string (`zh_CN.UTF-8`, `zh-Hant-TW`, `en_US`, `zh-HK`) to one of the supported languages.
 * Returns undefined for an empty or unrecognised value so callers can fall through to the next source.
 */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const l = locale.trim().replace(/_/g, '-').replace(/\..*$/, '').toLowerCase();
  if (l === '' || l === 'c' || l === 'posix') return undefined;
  if (l.startsWith('zh')) {
    if (/(^|-)(tw|hk|mo|hant)($|-)/.test(l)) return 'zh-TW';
    return 'zh-CN';
  }
  if (/^[a-z]{2,3}($|-)/.test(l)) return 'en';
  return undefined;
}
