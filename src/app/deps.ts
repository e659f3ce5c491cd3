import type { Lang } from '../core/i18n/lang.js';

/**
 * The output language for a meeting: --lang, else the meeting's `lang`, else the system's. Decided once by the
 * caller (`src/cli/context.ts`) and passed down; an app function applies it to the meeting it loads and returns
 * the `lang` it used.
 */
export type LangFor = (meetingLang?: string) => Lang;
