/** Messages, headings and labels of `salesmeet targets`, in zh-CN, zh-TW and en. */
import { byLang, catalogue } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import { interpolate, messagesOf } from '../i18n/messages.js';
import type { OrgLevel } from './plan.js';

export const tm = messagesOf((c) => c.targets.messages);

export interface TargetLabels {
  level: Record<OrgLevel, string>;
  month: string;
  quarter: string;
  target: string;
  companyTarget: string;
  share: string;
  priorYear: string;
  growth: string;
  floor: string;
  total: string;
  subtotal: string;
  /** The owner column of the region and team sheets: left empty, filled in by the sales manager. */
  owner: string;
  sheets: {
    long: string;
    byLevel: Record<OrgLevel, string>;
    byMonth: string;
    matrix: (level: OrgLevel) => string;
    notes: string;
  };
  notes: {
    title: string;
    item: string;
    value: string;
    period: string;
    unit: string;
    companyTarget: string;
    reserve: string;
    reserveAmount: string;
    assignedTotal: string;
    reserveStatement: (pct: string, assigned: string, company: string) => string;
    time: string;
    org: string;
    rounding: string;
    roundingText: (precision: number) => string;
    history: string;
    historyYes: string;
    historyNo: string;
    floors: string;
    advice: string;
    noAdvice: string;
    generated: string;
    method: Record<string, string>;
  };
}

/** The words, from the catalogue (`src/i18n`, namespace `targets.labels`). */
const LABELS: Record<Lang, TargetLabels> = byLang((c) => c.targets.labels);

export function targetLabels(lang: Lang): TargetLabels {
  return LABELS[lang];
}

/** `目标值(万元)`, `Target ($K)`, or the bare word without a unit. */
export function targetHeader(lang: Lang, unit: string | null): string {
  const word = targetLabels(lang).target;
  if (!unit) return word;
  return interpolate(catalogue(lang).layout.withUnit, { word, unit });
}
