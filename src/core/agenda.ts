import { formatClock, parseClock, parseShare } from './formats.js';
import type { AgendaItem, Meeting } from './meeting/schema.js';

/** One agenda item with its clock times. */
export interface TimedItem {
  index: number;
  title: string;
  minutes: number;
  start: string;
  end: string;
  /** Minutes after midnight, for arithmetic. */
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
  duration?: number;
  transition?: number;
  buffer?: number;
  items: readonly AgendaItem[];
}

export type AgendaProblem =
  | { kind: 'overrun'; index: number; title: string; end: string; meetingEnd: string }
  | { kind: 'fixedTooEarly'; index: number; title: string; at: string; reached: string }
  | { kind: 'sharesWithoutDuration'; index: number; title: string }
  | { kind: 'noLength'; index: number; title: string }
  | { kind: 'sharesOverflow'; total: number };

export interface TimedAgenda {
  start: string;
  end: string;
  duration: number;
  items: TimedItem[];
  /** Minutes of discussion and breaks scheduled (without buffer). */
  scheduled: number;
  transition: number;
  transitions: number;
  /** Time left at the end, and its share of the duration. */
  buffer: number;
  bufferShare: number;
  problems: AgendaProblem[];
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
  const transitions = Math.max(0, items.length - 1);

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
      const at = parseClock(it.at)!;
      if (clock > at)
        problems.push({
          kind: 'fixedTooEarly',
          index,
          title: it.title,
          at: it.at,
          reached: formatClock(clock),
        });
      else {
        gapBefore = at - clock;
        clock = at;
      }
    }
    const len = lengths[index]!;
    timed.push({
      index,
      title: it.title,
      minutes: len,
      start: formatClock(clock),
      end: formatClock(clock + len),
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
  const over = timed.find((t) => t.endMinute > meetingEnd);
  if (over) {
    problems.push({
      kind: 'overrun',
      index: over.index,
      title: over.title,
      end: over.end,
      meetingEnd: formatClock(meetingEnd),
    });
  }
  const scheduled = timed.reduce((a, t) => a + t.minutes, 0);
  const buffer = Math.max(0, meetingEnd - clock);
  return {
    start: formatClock(start),
    end: formatClock(meetingEnd),
    duration,
    items: timed,
    scheduled,
    transition,
    transitions,
    buffer,
    bufferShare: duration > 0 ? buffer / duration : 0,
    problems,
  };
}

/**
 * The agenda input of a meeting: its start, its length (`duration`, else `end` − `start`, else the agenda's
 * total), transitions, buffer and items.
 */
export function agendaInput(
  meeting: Pick<Meeting, 'start' | 'end' | 'duration' | 'transition' | 'buffer' | 'agenda'>,
): AgendaInput {
  let duration = meeting.duration;
  if (duration === undefined && meeting.end !== undefined) {
    const s = parseClock(meeting.start);
    const e = parseClock(meeting.end);
    if (s !== undefined && e !== undefined && e > s) duration = e - s;
  }
  return {
    start: meeting.start,
    duration,
    transition: meeting.transition,
    buffer: meeting.buffer,
    items: meeting.agenda,
  };
}

/** The UTC offset in minutes of a time zone at an instant (Asia/Shanghai → 480). */
export function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - instant) / 60_000);
}

/**
 * The instant (ms since epoch) of a wall-clock time on a date in a time zone. `minutes` may exceed 24:00
 * (a meeting running past midnight lands on the next day). A wall time skipped by a DST change resolves to the
 * later offset, as calendars do.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d) + minutes * 60_000;
  let guess = wall - zoneOffset(wall, timeZone) * 60_000;
  const second = wall - zoneOffset(guess, timeZone) * 60_000;
  if (second !== guess) guess = second;
  return guess;
}
