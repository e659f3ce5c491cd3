import { catalogue } from '../i18n/index.js';
import { formatClock, parseClock, parseShare } from './formats.js';
import type { Lang } from './i18n/lang.js';
import { messagesOf, type Text } from './i18n/messages.js';
import type { AgendaItem, Meeting } from './meeting/schema.js';

const m = messagesOf((c) => c.dates);

/**
 * A moment of the meeting as people read it: the wall-clock time in the meeting's zone and how many days after
 * the meeting's date it falls (a meeting past midnight ends on day 1). Never `24:30`.
 */
export interface WallTime {
  /** `HH:MM`, 00:00–23:59. */
  clock: string;
  /** Days after the meeting's date: 0 the same day, 1 the next. */
  day: number;
  /** The instant (ms since epoch), when the agenda knows its date and time zone. */
  instant?: number;
}

/** `00:30`, or with the day marked when it is not the meeting's date: `00:30 (+1)`, `次日 00:30`, `隔日 00:30`. */
export function wallTimeText(w: WallTime): Text {
  if (w.day === 0) return () => w.clock;
  return w.day === 1 ? m.nextDay({ time: w.clock }) : m.laterDay({ time: w.clock, days: w.day });
}

/** One agenda item with its clock times. */
export interface TimedItem {
  index: number;
  title: string;
  minutes: number;
  /** Local wall-clock `HH:MM` (the day is in `startTime` / `endTime`). */
  start: string;
  end: string;
  startTime: WallTime;
  endTime: WallTime;
  /**
   * Minutes after the meeting date's midnight as if no clock change happened: `start` + elapsed minutes. For
   * arithmetic only; the time people read is `startTime` / `endTime`.
   */
  startMinute: number;
  endMinute: number;
  owner?: string;
  outcome?: string;
  notes?: string;
  isBreak: boolean;
  /** Minutes of transition before this item (0 for the first). */
  transitionBefore: number;
  /** Idle minutes before an item pinned with `at` (the items before it end earlier). */
  gapBefore: number;
}

export interface AgendaInput {
  start: string;
  /**
   * The meeting's date and IANA time zone. With both, times are instants: an item starts at the meeting's start
   * plus the minutes before it in absolute time, and is shown in the zone's wall-clock time (a meeting across a
   * daylight-saving change shows the real local times). Without them, times are plain clock arithmetic.
   */
  date?: string;
  timeZone?: string;
  duration?: number;
  transition?: number;
  buffer?: number;
  items: readonly AgendaItem[];
}

export type AgendaProblem =
  | { kind: 'overrun'; index: number; title: string; end: WallTime; meetingEnd: WallTime }
  | { kind: 'fixedTooEarly'; index: number; title: string; at: string; reached: WallTime }
  /** The start falls in the hour the clocks skip; `suggestion` is the same instant on the clock after the change. */
  | {
      kind: 'startSkipped';
      field: 'start';
      date: string;
      start: string;
      timeZone: string;
      suggestion: string;
    }
  | { kind: 'sharesWithoutDuration'; index: number; title: string }
  | { kind: 'noLength'; index: number; title: string }
  | { kind: 'sharesOverflow'; total: number };

/** The start happens twice (the clocks go back): the first occurrence is used. */
export interface AmbiguousStart {
  kind: 'startAmbiguous';
  field: 'start';
  date: string;
  start: string;
  timeZone: string;
  /** UTC offsets in minutes of the occurrence used (the first) and of the other one. */
  offset: number;
  otherOffset: number;
}

export type AgendaWarning = AmbiguousStart;

export interface TimedAgenda {
  start: string;
  end: string;
  startTime: WallTime;
  endTime: WallTime;
  /** The meeting's start and end instants (ms since epoch), when the date and time zone are known. */
  startsAt?: number;
  endsAt?: number;
  duration: number;
  items: TimedItem[];
  /** Minutes of discussion and breaks scheduled (without buffer). */
  scheduled: number;
  transition: number;
  transitions: number;
  /** Time left at the end, and its share of the duration; the buffer runs from `bufferStartTime` to `endTime`. */
  buffer: number;
  bufferStartTime: WallTime;
  bufferShare: number;
  problems: AgendaProblem[];
  warnings: AgendaWarning[];
}

/**
 * Splits `total` whole minutes in proportion to `weights`, with the largest-remainder method so that the
 * parts always add up to the total exactly.
 */
export function allocateByShare(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const floors = raw.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, i) => ({ i, frac: r - Math.floor(r) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left--;
  }
  return floors;
}

/**
 * Computes the clock time of every agenda item. Items are given in minutes, or as a share of the time that
 * remains after fixed items, breaks, transitions and the buffer (quarterly reviews allocate by share).
 * An item may be pinned to a clock time with `at` (lunch at 12:00). Problems (an overrun, a pinned item that
 * cannot be reached) are returned, not thrown: `check` reports them as errors, `agenda` refuses to render.
 */
export function computeAgenda(input: AgendaInput): TimedAgenda {
  const start = parseClock(input.start) ?? 0;
  const transition = input.transition ?? 0;
  const items = input.items;
  const problems: AgendaProblem[] = [];
  const warnings: AgendaWarning[] = [];
  const transitions = Math.max(0, items.length - 1);

  // Times in the meeting's zone: the start as an instant, every later time as start + elapsed minutes.
  const zone = input.date !== undefined && input.timeZone !== undefined ? input : undefined;
  let startsAt: number | undefined;
  if (zone) {
    const r = resolveLocalTime(zone.date!, start, zone.timeZone!);
    startsAt = r.instant;
    if (r.kind === 'skipped')
      problems.push({
        kind: 'startSkipped',
        field: 'start',
        date: zone.date!,
        start: input.start,
        timeZone: zone.timeZone!,
        suggestion: wallTimeAt(r.instant, zone.date!, zone.timeZone!).clock,
      });
    else if (r.kind === 'ambiguous')
      warnings.push({
        kind: 'startAmbiguous',
        field: 'start',
        date: zone.date!,
        start: input.start,
        timeZone: zone.timeZone!,
        offset: r.offset,
        otherOffset: r.otherOffset!,
      });
  }
  /** The wall time of a minute counted from the date's midnight as if no clock change happened. */
  const wall = (minute: number): WallTime =>
    zone && startsAt !== undefined
      ? wallTimeAt(startsAt + (minute - start) * 60_000, zone.date!, zone.timeZone!)
      : { clock: formatClock(((minute % 1440) + 1440) % 1440), day: Math.floor(minute / 1440) };
  /** A pinned clock time on the meeting's date as a minute on the same scale as `start`. */
  const pinned = (clock: number): number =>
    zone && startsAt !== undefined
      ? start + Math.round((resolveLocalTime(zone.date!, clock, zone.timeZone!).instant - startsAt) / 60_000)
      : clock;

  const shares = items.map((it) => (it.share === undefined ? undefined : parseShare(it.share)));
  const usesShares = shares.some((s) => s !== undefined);
  const lengths = items.map((it) => it.minutes ?? 0);
  items.forEach((it, index) => {
    if (it.minutes === undefined && it.share === undefined && it.at === undefined) {
      problems.push({ kind: 'noLength', index, title: it.title });
    }
  });

  if (usesShares) {
    if (input.duration === undefined) {
      const index = shares.findIndex((s) => s !== undefined);
      problems.push({ kind: 'sharesWithoutDuration', index, title: items[index]!.title });
    } else {
      const buffer = input.buffer ?? Math.round(input.duration * 0.1);
      const fixed = items.reduce((a, it, i) => a + (shares[i] === undefined ? (it.minutes ?? 0) : 0), 0);
      const available = input.duration - buffer - fixed - transitions * transition;
      const shareSum = shares.reduce<number>((a, s) => a + (s ?? 0), 0);
      if (shareSum > 1.0001) problems.push({ kind: 'sharesOverflow', total: shareSum });
      // Shares are of the available time; if they add up to less than 1, the rest stays as extra buffer.
      const shareMinutes = allocateByShare(
        Math.max(0, Math.round(available * Math.min(1, shareSum))),
        shares.map((s) => s ?? 0),
      );
      shares.forEach((s, i) => {
        if (s !== undefined && items[i]!.minutes === undefined) lengths[i] = shareMinutes[i]!;
      });
    }
  }

  const timed: TimedItem[] = [];
  let clock = start;
  items.forEach((it, index) => {
    if (index > 0) clock += transition;
    let gapBefore = 0;
    if (it.at !== undefined) {
      const at = pinned(parseClock(it.at)!);
      if (clock > at)
        problems.push({
          kind: 'fixedTooEarly',
          index,
          title: it.title,
          at: it.at,
          reached: wall(clock),
        });
      else {
        gapBefore = at - clock;
        clock = at;
      }
    }
    const len = lengths[index]!;
    const startTime = wall(clock);
    const endTime = wall(clock + len);
    timed.push({
      index,
      title: it.title,
      minutes: len,
      start: startTime.clock,
      end: endTime.clock,
      startTime,
      endTime,
      startMinute: clock,
      endMinute: clock + len,
      owner: it.owner,
      outcome: it.outcome,
      notes: it.notes,
      isBreak: it.break === true,
      transitionBefore: index > 0 ? transition : 0,
      gapBefore,
    });
    clock += len;
  });

  const duration = input.duration ?? clock - start;
  const meetingEnd = start + duration;
  const startTime = wall(start);
  const endTime = wall(meetingEnd);
  const over = timed.find((t) => t.endMinute > meetingEnd);
  if (over) {
    problems.push({
      kind: 'overrun',
      index: over.index,
      title: over.title,
      end: over.endTime,
      meetingEnd: endTime,
    });
  }
  const scheduled = timed.reduce((a, t) => a + t.minutes, 0);
  const buffer = Math.max(0, meetingEnd - clock);
  return {
    start: startTime.clock,
    end: endTime.clock,
    startTime,
    endTime,
    ...(startsAt === undefined ? {} : { startsAt, endsAt: startsAt + duration * 60_000 }),
    duration,
    items: timed,
    scheduled,
    transition,
    transitions,
    buffer,
    bufferStartTime: wall(meetingEnd - buffer),
    bufferShare: duration > 0 ? buffer / duration : 0,
    problems,
    warnings,
  };
}

/**
 * The agenda input of a meeting: its start, its length (`duration`, else `end` − `start`, else the agenda's
 * total), transitions, buffer and items. With a time zone (the meeting's `timezone`, else `timeZone`, the
 * system's), the times are instants on the meeting's date in that zone, and `end` − `start` is absolute time.
 */
export function agendaInput(
  meeting: Pick<Meeting, 'start' | 'end' | 'duration' | 'transition' | 'buffer' | 'agenda'> &
    Partial<Pick<Meeting, 'date' | 'timezone'>>,
  timeZone?: string,
): AgendaInput {
  const zone = meeting.timezone ?? timeZone;
  const date = zone === undefined ? undefined : meeting.date;
  let duration = meeting.duration;
  if (duration === undefined && meeting.end !== undefined) {
    const s = parseClock(meeting.start);
    const e = parseClock(meeting.end);
    if (s !== undefined && e !== undefined && e > s) {
      duration =
        date !== undefined && zone !== undefined
          ? Math.round(
              (resolveLocalTime(date, e, zone).instant - resolveLocalTime(date, s, zone).instant) / 60_000,
            )
          : e - s;
    }
  }
  return {
    start: meeting.start,
    ...(date !== undefined && zone !== undefined ? { date, timeZone: zone } : {}),
    duration,
    transition: meeting.transition,
    buffer: meeting.buffer,
    items: meeting.agenda,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset in minutes of a time zone at an instant (Asia/Shanghai → 480). */
export function zoneOffset(instant: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** How a local wall-clock time maps to instants in a zone: once, never (clocks go forward), twice (clocks go back). */
export interface LocalTimeResolution {
  /**
   * The instant used: the only one; for a skipped time the offset before the change (RFC 5545 §3.3.5: 02:30 on
   * the day New York springs forward is 07:30 UTC, 03:30 on the clock); for an ambiguous time the first.
   */
  instant: number;
  kind: 'exact' | 'skipped' | 'ambiguous';
  /** The UTC offset in minutes at `instant`. */
  offset: number;
  /** For an ambiguous time, the offset of the second occurrence. */
  otherOffset?: number;
}

const DAY = 86_400_000;

/** Resolves a wall-clock time (minutes after midnight of `date`, possibly past 24:00) in a time zone. */
export function resolveLocalTime(date: string, minutes: number, timeZone: string): LocalTimeResolution {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d) + minutes * 60_000;
  const before = zoneOffset(wall - DAY, timeZone);
  const after = zoneOffset(wall + DAY, timeZone);
  const candidates = [...new Set([before, zoneOffset(wall, timeZone), after])];
  const valid = [
    ...new Set(
      candidates.map((o) => wall - o * 60_000).filter((i) => zoneOffset(i, timeZone) * 60_000 === wall - i),
    ),
  ].sort((a, b) => a - b);
  if (valid.length === 0) {
    const instant = wall - before * 60_000;
    return { instant, kind: 'skipped', offset: zoneOffset(instant, timeZone) };
  }
  const instant = valid[0]!;
  const offset = (wall - instant) / 60_000;
  if (valid.length > 1)
    return { instant, kind: 'ambiguous', offset, otherOffset: (wall - valid[1]!) / 60_000 };
  return { instant, kind: 'exact', offset };
}

/**
 * The instant (ms since epoch) of a wall-clock time on a date in a time zone. `minutes` may exceed 24:00
 * (a meeting running past midnight lands on the next day). A skipped time uses the offset before the change,
 * an ambiguous one its first occurrence (see resolveLocalTime).
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  return resolveLocalTime(date, minutes, timeZone).instant;
}

/** The wall-clock time of an instant in a zone, with the days after `date` it falls on. */
export function wallTimeAt(instant: number, date: string, timeZone: string): WallTime {
  const local = instant + zoneOffset(instant, timeZone) * 60_000;
  const midnight = Date.parse(`${date}T00:00:00Z`);
  const day = Math.floor((local - midnight) / DAY);
  const minute = Math.floor((local - midnight - day * DAY) / 60_000);
  return { clock: formatClock(minute), day, instant };
}

/** Old names of the zones people call by name. */
const ZONE_ALIASES: Record<string, string> = {
  PRC: 'Asia/Shanghai',
  'Asia/Chongqing': 'Asia/Shanghai',
  'Asia/Chungking': 'Asia/Shanghai',
  'Asia/Harbin': 'Asia/Shanghai',
  ROC: 'Asia/Taipei',
  Hongkong: 'Asia/Hong_Kong',
};

/**
 * The time zone as a reader names it: 北京时间 / 台北時間 / Beijing time (UTC+08:00) for the zones people call by
 * name, otherwise the offset in force when the meeting starts (`UTC−04:00` for New York in summer), and the one
 * it ends in when a clock change falls inside the meeting (`UTC−05:00→UTC−04:00`). The IANA id only when the
 * agenda has no instant (no date and time to place it).
 */
export function zoneLabel(timeZone: string, lang: Lang, start?: number, end?: number): string {
  const zones: Record<string, string> = catalogue(lang).dates.zones;
  const named = zones[ZONE_ALIASES[timeZone] ?? timeZone];
  if (named) return named;
  if (start === undefined) return timeZone;
  const first = formatUtcOffset(zoneOffset(start, timeZone));
  // A meeting across a clock change starts in one offset and ends in the other: say both.
  const last = end === undefined ? first : formatUtcOffset(zoneOffset(end, timeZone));
  return last === first ? first : `${first}→${last}`;
}

/** `UTC−04:00`, `UTC+05:30`, `UTC−02:30` for an offset in minutes. */
export function formatUtcOffset(offset: number): string {
  const a = Math.abs(offset);
  return `UTC${offset < 0 ? '−' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
