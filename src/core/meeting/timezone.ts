import type { Lang } from '../i18n/lang.js';

/** Names under which a host reports plain UTC (servers, containers, CI). */
const UTC_ZONES = new Set([
  'UTC',
  'UCT',
  'GMT',
  'GMT0',
  'Universal',
  'Zulu',
  'Greenwich',
  'Etc/UTC',
  'Etc/UCT',
  'Etc/GMT',
  'Etc/GMT0',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'Etc/Universal',
  'Etc/Zulu',
  'Etc/Greenwich',
]);

/** The zone of the people who hold a meeting in that language, where one zone covers them. */
const LANG_ZONES: Partial<Record<Lang, string>> = { 'zh-CN': 'Asia/Shanghai', 'zh-TW': 'Asia/Taipei' };

export function isUtcZone(zone: string): boolean {
  return UTC_ZONES.has(zone);
}

/**
 * The time zone of a new meeting when none is given: the host's, except that a host on UTC (a server, a container)
 * is not where a Chinese team meets, so a zh-CN meeting gets Asia/Shanghai and a zh-TW one Asia/Taipei.
 * `instead` says the host's zone was set aside, so the caller can say so.
 */
export function defaultMeetingZone(lang: Lang, hostZone: string): { zone: string; instead: boolean } {
  const byLang = LANG_ZONES[lang];
  if (byLang && isUtcZone(hostZone)) return { zone: byLang, instead: true };
  return { zone: hostZone, instead: false };
}
