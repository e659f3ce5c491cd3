import { type Lang, langFromLocale } from '../core/i18n/lang.js';

/**
 * The system locale from the environment, as POSIX tools read it (LC_ALL > LC_MESSAGES > LANG). On Windows, where
 * those are rarely set, ICU's default locale is asked (it costs ~10 ms at start-up, so POSIX systems skip it).
 */
export function systemLang(env: NodeJS.ProcessEnv, platform: string = process.platform): Lang {
  return (
    langFromLocale(env.LC_ALL) ??
    langFromLocale(env.LC_MESSAGES) ??
    langFromLocale(env.LANG) ??
    (platform === 'win32' ? langFromLocale(new Intl.Collator().resolvedOptions().locale) : undefined) ??
    'en'
  );
}

/** The host's IANA time zone (for a meeting without `timezone:`), UTC when the host does not say. */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
