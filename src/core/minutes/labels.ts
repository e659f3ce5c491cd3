import { byLang } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';

/**
 * The words of minutes and action lists per locale, following the conventions of a Chinese 会议纪要, a
 * Taiwanese 會議紀錄 (主席, 紀錄, 出席 / 列席 / 請假 / 缺席, 決議, 臨時動議) and English minutes (Chair, Present,
 * Apologies, AOB). Markdown, HTML and Word output all take their wording from here.
 */
export interface MinutesLabels {
  minutes: string;
  actionList: string;
  subject: string;
  time: string;
  place: string;
  online: string;
  host: string;
  recorder: string;
  present: string;
  observers: string;
  excused: string;
  absent: string;
  late: string;
  arrived: string;
  none: string;
  topics: string;
  points: string;
  decisions: string;
  actions: string;
  otherBusiness: string;
  nextMeeting: string;
  signOff: string;
  status: string;
  contentHash: string;
  name: string;
  role: string;
  signedAt: string;
  hash: string;
  check: string;
  id: string;
  what: string;
  owner: string;
  due: string;
  measure: string;
  priority: string;
  carried: string;
  meeting: string;
  overdue: string;
  escalate: string;
  completion: string;
  total: string;
  done: string;
  open: string;
  noOwner: string;
  asOf: string;
  perOwner: string;
  perMeeting: string;
  summary: string;
  carriedIn: string;
  generated: string;
  latest: string;
  state: string;
  items: string;
  daysOverdue: string;
  daysOverdueHeader: string;
  completedOn: string;
  progressThisWeek: string;
  overdueHeader: string;
  escalateHeader: string;
  keySigned: string;
  listSep: string;
  statuses: Record<'draft' | 'awaiting' | 'signed-off', string>;
  roles: Record<'host' | 'recorder' | 'attendee' | 'other', string>;
  states: Record<
    | 'valid'
    | 'changed'
    | 'bad-signature'
    | 'no-public-key'
    | 'key-required'
    | 'key-changed'
    | 'untrusted-key'
    | 'outdated'
    | 'missing',
    string
  >;
  actionStatus: Record<'open' | 'in-progress' | 'done' | 'dropped', string>;
  priorities: Record<'high' | 'medium' | 'low', string>;
  measureTarget: string;
  measureBy: string;
  /** The page footer: `{page}` and `{pages}` become Word's page fields. */
  /** The title of an action list across more than three meetings. */
  meetingsSpan: string;
  pageOf: string;
  signaturePage: string;
  signatureStatement: string;
  signature: string;
  signDate: string;
}

/** The words, from the catalogue (`src/i18n`, namespace `minutes`). */
/** The labels with the language they are in (a measure's wording needs it). */
export type LangLabels = MinutesLabels & { lang: Lang };

export const MINUTES_LABELS: Record<Lang, LangLabels> = (() => {
  const t = byLang((c) => c.minutes);
  return {
    en: { ...t.en, lang: 'en' },
    'zh-CN': { ...t['zh-CN'], lang: 'zh-CN' },
    'zh-TW': { ...t['zh-TW'], lang: 'zh-TW' },
  };
})();

export function minutesLabels(lang: Lang): LangLabels {
  return MINUTES_LABELS[lang];
}
