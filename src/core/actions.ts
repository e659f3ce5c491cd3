import type { CarriedAction } from './meeting/schema.js';
import type { ActionItem, ActionStatus, ActionsLog } from './minutes/schema.js';

/** An action item as tracked across meetings. */
export interface TrackedAction {
  id: string;
  /** The meeting the item was first agreed in. */
  meeting: string;
  what: string;
  owner?: string;
  due?: string;
  measure?: unknown;
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

/** Overdue: still open and its due date is before the given day (YYYY-MM-DD). */
export function isOverdue(a: Pick<TrackedAction, 'status' | 'due'>, today: string): boolean {
  return OPEN_STATUSES.includes(a.status) && a.due !== undefined && a.due < today;
}
