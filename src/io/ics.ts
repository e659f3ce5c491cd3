import { createHash } from 'node:crypto';
import { stripUnsafe } from '../core/text.js';

/** One invitee: a name and, when known, an e-mail address. */
export interface IcsPerson {
  name: string;
  email?: string;
  required?: boolean;
}

export interface IcsEvent {
  /** Stable across re-runs so that a re-sent invite updates the event instead of duplicating it. */
  uid: string;
  /** When the file was produced (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  organizer?: IcsPerson;
  attendees: IcsPerson[];
  /** A reminder (VALARM, shown on screen) this many minutes before the start, with its text. */
  alarm?: { minutesBefore: number; description: string };
}

/** `20260710T010000Z`. */
export function icsUtc(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A value that must stay one token (URL, address): no control character, no line break, no tab. */
function oneToken(s: string): string {
  return stripUnsafe(s).replace(/[\t\n]/g, '');
}

/** TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines; control characters dropped. */
export function escapeText(s: string): string {
  // Control characters and bidi overrides are refused in meeting.yaml; whatever reaches the writer anyway is
  // dropped (stripUnsafe), since a calendar shows every character of a text value.
  return stripUnsafe(s.replace(/\r\n?/g, '\n'))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** A parameter value (CN=…): quoted when it holds `:;,`; DQUOTE and control characters are not allowed. */
function paramValue(s: string): string {
  const clean = stripUnsafe(s).replace(/["\t\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character: continuation lines
 * start with one space.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > limit) {
      out.push(current);
      current = ' ';
      bytes = 1;
      limit = 75;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n');
}

/**
 * The calendar address of a person: `mailto:` with the e-mail when there is one; otherwise `invalid:nomail`,
 * the address Apple Calendar writes for a name without e-mail, which Outlook, Google, Feishu and DingTalk
 * import as a named attendee.
 */
function address(p: IcsPerson): string {
  return p.email ? `mailto:${oneToken(p.email)}` : 'invalid:nomail';
}

/** A stable UID from the parts that identify a meeting (folder and title), not from its time. */
export function stableUid(...parts: string[]): string {
  return `${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24)}@salesmeet`;
}

/** One VEVENT in a VCALENDAR, CRLF line ends, folded lines, times in UTC. */
export function buildIcs(e: IcsEvent, prodVersion: string): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//salesmeet//salesmeet ${prodVersion}//EN`,
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icsUtc(e.stamp)}`,
    `DTSTART:${icsUtc(e.start)}`,
    `DTEND:${icsUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${oneToken(e.url)}`);
  lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:${address(e.organizer)}`);
  for (const a of e.attendees) {
    const role = a.required === false ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT';
    lines.push(
      `ATTENDEE;CN=${paramValue(a.name)};ROLE=${role};PARTSTAT=NEEDS-ACTION;CUTYPE=INDIVIDUAL:${address(a)}`,
    );
  }
  lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'SEQUENCE:0');
  if (e.alarm)
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(e.alarm.description)}`,
      `TRIGGER:-PT${Math.max(0, Math.round(e.alarm.minutesBefore))}M`,
      'END:VALARM',
    );
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
