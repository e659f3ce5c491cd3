import * as z from 'zod';
import { messagesOf } from './i18n/messages.js';

const f = messagesOf((c) => c.formats);

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const mm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!mm) return false;
  const [y, mo, d] = [Number(mm[1]), Number(mm[2]), Number(mm[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Minutes after midnight for `HH:MM`, or undefined when it is not a valid 24-hour time. */
export function parseClock(s: string): number | undefined {
  const mm = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(s);
  return mm ? Number(mm[1]) * 60 + Number(mm[2]) : undefined;
}

/** `HH:MM` for minutes after midnight (wraps past 24:00 as 24:10 etc. so an overrun stays visible). */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const mi = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}

export function isTimeZone(s: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: s });
    return true;
  } catch {
    return false;
  }
}

/** A share written as 0.2 or "20%" → 0.2; undefined when it is neither. */
export function parseShare(v: unknown): number | undefined {
  if (typeof v === 'number') return v > 0 && v <= 1 ? v : undefined;
  if (typeof v === 'string') {
    const mm = /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(v);
    if (mm) {
      const n = Number(mm[1]) / 100;
      return n > 0 && n <= 1 ? n : undefined;
    }
  }
  return undefined;
}

export const PERIOD_RE = /^(\d{4})(?:-(H[12]|Q[1-4]|(0[1-9]|1[0-2])|W(0[1-9]|[1-4]\d|5[0-3])))?$/;

const fmt = (format: ReturnType<typeof f.date>, hint?: ReturnType<typeof f.date>) => ({
  params: { format, hint },
});

/**
 * A string format checked by a predicate. Built with z.custom so that a number where a time belongs
 * (an unquoted 0800) reads "expected a time HH:MM, found 800" rather than a bare type error; the JSON Schema
 * for editors comes from the metadata.
 */
function formatted(
  test: (s: string) => boolean,
  format: ReturnType<typeof f.date>,
  jsonSchema: object,
  hint?: ReturnType<typeof f.date>,
) {
  return z.custom<string>((v) => typeof v === 'string' && test(v), fmt(format, hint)).meta({ jsonSchema });
}

export const isoDate = formatted(isIsoDate, f.date(), { type: 'string', format: 'date' }, f.dateHint());
export const clockTime = formatted(
  (s) => parseClock(s) !== undefined,
  f.time(),
  {
    type: 'string',
    pattern: '^([01]?\\d|2[0-3]):[0-5]\\d$',
  },
  f.timeHint(),
);
export const url = formatted((s) => /^https?:\/\/\S+$/i.test(s), f.url(), { type: 'string', format: 'uri' });
/** An e-mail address: one `@`, a dot in the domain, no spaces or characters an address or a calendar line cannot hold. */
export const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;
export const email = formatted((s) => EMAIL_RE.test(s), f.email(), { type: 'string', format: 'email' });
export const timeZone = formatted(isTimeZone, f.timezone(), { type: 'string' });
export const period = formatted((s) => PERIOD_RE.test(s), f.period(), {
  type: 'string',
  pattern: PERIOD_RE.source,
});
export const share = z
  .custom<number | string>((v) => parseShare(v) !== undefined, fmt(f.share()))
  .meta({
    jsonSchema: {
      anyOf: [
        { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' },
      ],
    },
  });
