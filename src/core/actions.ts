import type { KpiResult, KpiRow } from './kpi/result.js';
import type { CarriedAction } from './meeting/schema.js';
import type { ActionItem, ActionStatus, ActionsLog, KpiMeasure } from './minutes/schema.js';

/** An action item as tracked across meetings. */
export interface TrackedAction {
  id: string;
  /** The meeting the item was first agreed in. */
  meeting: string;
  what: string;
  owner?: string;
  due?: string;
  measure?: unknown;
  /** From the minutes (`priority: high|medium|low`); a carried item keeps the one it was agreed with. */
  priority?: ActionItem['priority'];
  status: ActionStatus;
  /** How many times the item has been carried into a following meeting. */
  carried: number;
  updates: { date: string; status?: ActionStatus; note?: string; by?: string }[];
}

export const OPEN_STATUSES: readonly ActionStatus[] = ['open', 'in-progress'];
/** An item carried this many times is flagged for escalation. */
export const ESCALATE_AFTER = 3;

export function actionId(meetingId: string, index: number, item: { id?: string }): string {
  return item.id ?? `${meetingId}#${index + 1}`;
}

/**
 * The action items of one meeting: its own (from the minutes) and those carried into it, each with the
 * status from its latest dated update in actions.yaml.
 */
export function meetingActions(
  meetingId: string,
  own: readonly ActionItem[],
  carried: readonly CarriedAction[],
  log: ActionsLog | undefined,
): TrackedAction[] {
  const updates = [...(log?.updates ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const withUpdates = (a: TrackedAction): TrackedAction => {
    for (const u of updates) {
      if (u.id !== a.id) continue;
      a.updates.push({ date: u.date, status: u.status, note: u.note, by: u.by });
      if (u.status) a.status = u.status;
    }
    return a;
  };
  const out: TrackedAction[] = [];
  for (const c of carried) {
    out.push(
      withUpdates({
        id: c.id,
        meeting: c.from ?? c.id.split('#')[0] ?? meetingId,
        what: c.what,
        owner: c.owner,
        due: c.due,
        measure: c.measure,
        status: c.status,
        carried: c.carried,
        updates: [],
      }),
    );
  }
  own.forEach((item, i) => {
    out.push(
      withUpdates({
        id: actionId(meetingId, i, item),
        meeting: meetingId,
        what: item.what,
        owner: item.owner,
        due: item.due,
        measure: item.measure,
        ...(item.priority !== undefined ? { priority: item.priority } : {}),
        status: item.status,
        carried: 0,
        updates: [],
      }),
    );
  });
  return out;
}

/** The items still open after a meeting, as they are carried into the next one (carry count + 1). */
export function carryOver(actions: readonly TrackedAction[]): CarriedAction[] {
  return actions
    .filter((a) => OPEN_STATUSES.includes(a.status))
    .map((a) => {
      const c: CarriedAction = {
        id: a.id,
        what: a.what,
        status: a.status,
        carried: a.carried + 1,
        from: a.meeting,
      };
      if (a.owner !== undefined) c.owner = a.owner;
      if (a.due !== undefined) c.due = a.due;
      if (a.measure !== undefined) c.measure = a.measure;
      return c;
    });
}

/**
 * The day an item was completed: the date of the update that marked it done, when that is its latest status
 * update (an item reopened afterwards has none). An item marked done in the minutes themselves has none either.
 */
export function completedOn(a: Pick<TrackedAction, 'status' | 'updates'>): string | undefined {
  if (a.status !== 'done') return undefined;
  const last = [...a.updates].reverse().find((u) => u.status !== undefined);
  return last?.status === 'done' ? last.date : undefined;
}

/** The latest progress note logged for an item (the newest update that has a note). */
export function latestNote(a: Pick<TrackedAction, 'updates'>): string | undefined {
  return [...a.updates].reverse().find((u) => u.note !== undefined && u.note.trim() !== '')?.note;
}

/** Overdue: still open and its due date is before the given day (YYYY-MM-DD). */
export function isOverdue(a: Pick<TrackedAction, 'status' | 'due'>, today: string): boolean {
  return OPEN_STATUSES.includes(a.status) && a.due !== undefined && a.due < today;
}

/** One meeting's contribution to the action list across meetings. */
export interface MeetingActionsInput {
  /** The folder name: the meeting id in action ids. */
  id: string;
  title: string;
  date: string;
  own: readonly ActionItem[];
  carried: readonly CarriedAction[];
  log: ActionsLog | undefined;
}

/** An action as seen across several meetings. */
export interface MergedAction extends TrackedAction {
  /** The meetings (ids) the item appears in, oldest first: where it was agreed, then where it was carried. */
  seenIn: string[];
}

const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);

/**
 * Merges the action lists of several meetings: an item carried from meeting to meeting keeps its id and is
 * listed once, with the text, owner and carry count of the latest meeting it appears in, and the dated
 * updates logged in any of the meetings' actions.yaml (the latest status update wins). With `asOf`, updates
 * dated after that day are left out, so a report as of a past day shows the state of that day.
 */
export function mergeActions(meetings: readonly MeetingActionsInput[], asOf?: string): MergedAction[] {
  const sorted = [...meetings].sort((a, b) => byDate(a, b) || a.id.localeCompare(b.id));
  const merged = new Map<string, MergedAction>();
  // As of a day, updates logged after it have not happened yet.
  const upTo = (log: ActionsLog | undefined): ActionsLog | undefined =>
    log && asOf !== undefined ? { updates: log.updates.filter((u) => u.date <= asOf) } : log;
  for (const m of sorted) {
    for (const a of meetingActions(m.id, m.own, m.carried, upTo(m.log))) {
      const prev = merged.get(a.id);
      if (!prev) {
        merged.set(a.id, { ...a, seenIn: [m.id] });
        continue;
      }
      const seen = new Set(prev.updates.map((u) => JSON.stringify(u)));
      const updates = [...prev.updates, ...a.updates.filter((u) => !seen.has(JSON.stringify(u)))].sort(
        byDate,
      );
      const lastStatus = [...updates].reverse().find((u) => u.status !== undefined)?.status;
      merged.set(a.id, {
        ...a,
        meeting: prev.meeting,
        ...(a.priority === undefined && prev.priority !== undefined ? { priority: prev.priority } : {}),
        carried: Math.max(prev.carried, a.carried),
        updates,
        status: lastStatus ?? a.status,
        seenIn: [...prev.seenIn, m.id],
      });
    }
  }
  return [...merged.values()];
}

export type ActionFilterStatus = ActionStatus | 'overdue';

export interface ActionFilter {
  owner?: string;
  status?: ActionFilterStatus;
  overdue?: boolean;
}

export interface ActionRow extends MergedAction {
  overdue: boolean;
  /** Days past due (0 when not overdue). */
  daysOverdue: number;
  escalate: boolean;
}

export interface RateRow {
  /** Owner name or meeting id; null for items without an owner. */
  key: string | null;
  title?: string;
  date?: string;
  total: number;
  done: number;
  open: number;
  inProgress: number;
  dropped: number;
  overdue: number;
  /** done ÷ (total − dropped); null when nothing is countable. */
  completion: number | null;
  /** Items carried into this meeting from earlier ones (per meeting only). */
  carriedIn?: number;
}

export interface ActionReport {
  asOf: string;
  items: ActionRow[];
  /** Items grouped by owner, owners with overdue items first. */
  owners: { owner: string | null; items: ActionRow[] }[];
  perOwner: RateRow[];
  perMeeting: RateRow[];
  totals: RateRow;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function statusRank(a: ActionRow): number {
  if (a.overdue) return 0;
  if (a.status === 'in-progress') return 1;
  if (a.status === 'open') return 2;
  if (a.status === 'done') return 3;
  return 4;
}

/** Overdue, then in progress, then open, then done, then dropped; earlier due dates first; then by id. */
export function compareActions(a: ActionRow, b: ActionRow): number {
  return (
    statusRank(a) - statusRank(b) ||
    (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
    a.id.localeCompare(b.id, 'en', { numeric: true })
  );
}

function rate(key: string | null, items: readonly ActionRow[]): RateRow {
  const count = (s: ActionStatus) => items.filter((i) => i.status === s).length;
  const done = count('done');
  const dropped = count('dropped');
  const countable = items.length - dropped;
  return {
    key,
    total: items.length,
    done,
    open: count('open'),
    inProgress: count('in-progress'),
    dropped,
    overdue: items.filter((i) => i.overdue).length,
    completion: countable > 0 ? done / countable : null,
  };
}

const nfc = (s: string) => s.normalize('NFC');

/**
 * The action list as of a day: each item with its overdue flag, the list filtered and sorted (open and overdue
 * first), grouped by owner, and completion rates per owner, per meeting and in total (rates count every
 * item, not only the filtered ones, except that --owner narrows the owner rows).
 */
export function actionReport(
  actions: readonly MergedAction[],
  meetings: readonly Pick<MeetingActionsInput, 'id' | 'title' | 'date' | 'carried'>[],
  asOf: string,
  filter: ActionFilter = {},
): ActionReport {
  const rows: ActionRow[] = actions.map((a) => {
    const overdue = isOverdue(a, asOf);
    return {
      ...a,
      overdue,
      daysOverdue: overdue && a.due ? daysBetween(a.due, asOf) : 0,
      escalate: OPEN_STATUSES.includes(a.status) && a.carried >= ESCALATE_AFTER,
    };
  });
  rows.sort(compareActions);

  const ownerNames = [...new Set(rows.map((r) => r.owner ?? null))];
  let perOwner = ownerNames.map((o) =>
    rate(
      o,
      rows.filter((r) => (r.owner ?? null) === o),
    ),
  );
  perOwner.sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.open + b.inProgress - (a.open + a.inProgress) ||
      (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff', 'zh-CN'),
  );
  const perMeeting = [...meetings].sort(byDate).map((m) => ({
    ...rate(
      m.id,
      rows.filter((r) => r.meeting === m.id),
    ),
    title: m.title,
    date: m.date,
    carriedIn: m.carried.length,
  }));
  const totals = rate(null, rows);

  let items = rows;
  if (filter.owner !== undefined) {
    const o = nfc(filter.owner);
    items = items.filter((r) => r.owner !== undefined && nfc(r.owner) === o);
    perOwner = perOwner.filter((r) => r.key !== null && nfc(r.key) === o);
  }
  if (filter.overdue || filter.status === 'overdue') items = items.filter((r) => r.overdue);
  else if (filter.status !== undefined) items = items.filter((r) => r.status === filter.status);

  const owners = perOwner
    .map((p) => ({ owner: p.key, items: items.filter((r) => (r.owner ?? null) === p.key) }))
    .filter((g) => g.items.length > 0);
  return { asOf, items, owners, perOwner, perMeeting, totals };
}

/** A measure that names a KPI (`{metric, group, target, by}`), as opposed to a measure written as text. */
export function isKpiMeasure(measure: unknown): measure is KpiMeasure {
  return (
    typeof measure === 'object' &&
    measure !== null &&
    typeof (measure as KpiMeasure).metric === 'string' &&
    typeof (measure as KpiMeasure).target === 'number'
  );
}

/**
 * - `met`: the metric has reached the target (at or above it, or at or below it for a lower-is-better metric);
 * - `not-met`: it has not, and the `by` date has passed as of the KPI data (or there is no `by` date);
 * - `pending`: not reached yet, but the `by` date is still ahead of the data's as-of date;
 * - `no-data`: the KPI result has no row for this metric and group, or the row has no actual value.
 */
export type MeasureState = 'met' | 'not-met' | 'pending' | 'no-data';

export interface MeasureCheck {
  state: MeasureState;
  metric: string;
  group: Record<string, string>;
  target: number;
  actual: number | null;
  direction: 'higher' | 'lower' | null;
  unit: string | null;
  asOf: string;
  by: string | null;
}

function sameGroup(row: KpiRow, group: Record<string, string>): boolean {
  const rowKeys = Object.entries(row.group).filter(([, v]) => v !== undefined);
  const want = Object.entries(group);
  if (rowKeys.length !== want.length) return false;
  return want.every(
    ([k, v]) => nfc(String((row.group as Record<string, string | undefined>)[k] ?? '')) === nfc(v),
  );
}

/**
 * Checks a KPI-linked measure against a KPI result (the shape of `salesmeet kpi --json`). The row is the one
 * for the same metric (its key or its label) and exactly the same group; an empty group means the total.
 * Pure: the result's `asOf` is the date the check is made as of.
 */
export function evaluateMeasure(measure: KpiMeasure, kpi: KpiResult): MeasureCheck {
  const group = measure.group ?? {};
  const matches = (r: KpiRow) =>
    (r.metric === measure.metric || nfc(r.label) === nfc(measure.metric)) && sameGroup(r, group);
  const row = kpi.rows.find(matches) ?? kpi.totals.find(matches);
  const base: MeasureCheck = {
    state: 'no-data',
    metric: measure.metric,
    group,
    target: measure.target,
    actual: row?.actual ?? null,
    direction: row?.direction ?? null,
    unit: row?.unit ?? null,
    asOf: kpi.asOf,
    by: measure.by ?? null,
  };
  if (!row || row.actual === null) return base;
  const met = row.direction === 'lower' ? row.actual <= measure.target : row.actual >= measure.target;
  if (met) return { ...base, state: 'met' };
  return { ...base, state: measure.by !== undefined && measure.by > kpi.asOf ? 'pending' : 'not-met' };
}
