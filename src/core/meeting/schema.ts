import * as z from 'zod';
import { clockTime, email, isoDate, period, share, timeZone, url } from '../formats.js';
import { LANGS } from '../i18n/lang.js';

/** Meeting types, each with a preset agenda (see presets.ts). */
export const MEETING_TYPES = [
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'half-year',
  'annual',
  'custom',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

const text = z.string().min(1);
const name = z.string().min(1);
const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

export const attendeeSchema = z
  .strictObject({
    name,
    role: z.string().optional(),
    department: z.string().optional(),
    /** Required attendees must come and sign the minutes off; optional ones are invited. */
    required: z.boolean().default(true),
    rsvp: z.enum(['pending', 'accepted', 'declined', 'tentative']).optional(),
    /** The address the calendar invite goes to (ATTENDEE mailto:). */
    email: email.optional(),
  })
  .meta({ description: 'A person invited to the meeting.' });

export const topicSchema = z.strictObject({
  title: text,
  owner: name.optional(),
  priority: z.enum(['high', 'medium', 'low']).optional(),
  /** The expected outcome (预期结果): what the meeting should decide or produce on this topic. */
  outcome: z.string().optional(),
});

export const agendaItemSchema = z.strictObject({
  title: text,
  /** Length in minutes; or `share` of the time left after fixed items, breaks, transitions and buffer. */
  minutes: minutes.optional(),
  share: share.optional(),
  owner: name.optional(),
  outcome: z.string().optional(),
  notes: z.string().optional(),
  /** A break (lunch, tea): not a discussion item, no owner needed. */
  break: z.boolean().optional(),
  /** A fixed clock time for this item (e.g. lunch at 12:00); the items before it must fit. */
  at: clockTime.optional(),
});

export const onlineSchema = z.strictObject({
  link: url,
  tool: z.string().optional(),
  id: z.string().optional(),
  passcode: z.string().optional(),
});

export const kpiSourceSchema = z.strictObject({
  file: text,
  sheet: z.string().optional(),
  /** Column mapping override: field → header text, e.g. { actual: 本月完成, region: 大区 }. */
  columns: z.record(z.string(), z.string()).optional(),
  /** CSV only: the file's encoding when detection guesses wrong (gb18030, big5, utf-16le…). */
  encoding: z.string().optional(),
});

export const kpiMetricSchema = z.strictObject({
  label: z.string().optional(),
  kind: z.enum(['amount', 'count', 'ratio']).optional(),
  direction: z.enum(['higher', 'lower']).optional(),
  unit: z.string().optional(),
});

export const kpiSchema = z.strictObject({
  sources: z.array(kpiSourceSchema).default([]),
  period: period.optional(),
  ytd: z.boolean().optional(),
  asOf: isoDate.optional(),
  workdays: z.boolean().optional(),
  by: z.array(z.string()).optional(),
  metrics: z.record(z.string(), kpiMetricSchema).optional(),
  /** Stage names counted as won / lost in opportunity exports, instead of Closed Won, 赢单… */
  /** Sales headcount for revenue per rep (人均产出) of the total; else the reps with sales in the data. */
  headcount: z.number().int().positive().optional(),
  won: z.array(z.string()).optional(),
  lost: z.array(z.string()).optional(),
  thresholds: z
    .strictObject({
      onTrack: z.number().optional(),
      atRisk: z.number().optional(),
    })
    .optional(),
});

export const materialSchema = z.strictObject({
  title: text,
  path: z.string().optional(),
  link: z.string().optional(),
  owner: name.optional(),
  due: isoDate.optional(),
});

export const openIssueSchema = z.strictObject({
  problem: text,
  category: z.string().optional(),
  raisedBy: name.optional(),
  owner: name.optional(),
});

/**
 * What the monthly and longer meetings discuss besides the numbers (市场月报, 竞品分析): market data points,
 * competitors' moves and a SWOT. Rendered in the pack of monthly and longer meetings.
 */
export const marketSchema = z.strictObject({
  data: z.array(z.strictObject({ item: text, value: text, source: z.string().optional() })).default([]),
  competitors: z
    .array(
      z.strictObject({
        name: text,
        move: text,
        impact: z.string().optional(),
        response: z.string().optional(),
      }),
    )
    .default([]),
  swot: z
    .strictObject({
      strengths: z.array(text).default([]),
      weaknesses: z.array(text).default([]),
      opportunities: z.array(text).default([]),
      threats: z.array(text).default([]),
    })
    .optional(),
});

/**
 * One line of the gap analysis (差距分析): a metric (key or label) and optionally the group it is about, with the
 * cause, the countermeasure (对策), its owner and deadline as the meeting settles them. The pack pre-fills the
 * metrics that are behind; `minutes --new` turns each line with a countermeasure into an action.
 */
export const gapSchema = z.strictObject({
  metric: text,
  group: z.record(z.string(), z.string()).optional(),
  /** The gap in words, for a line the data does not give (the pack fills it from the KPI when it can). */
  gap: z.string().optional(),
  cause: z.string().optional(),
  measure: z.string().optional(),
  owner: name.optional(),
  due: isoDate.optional(),
  /** The value the countermeasure must reach: the action gets a KPI-linked measure. */
  target: z.number().optional(),
});

const LEVELS = ['high', 'medium', 'low'] as const;

/** A risk for the next period (风险与应对预案): what, how likely, how bad, who watches it, what we do. */
export const riskSchema = z.strictObject({
  risk: text,
  likelihood: z.enum(LEVELS).optional(),
  impact: z.enum(LEVELS).optional(),
  owner: name.optional(),
  response: z.string().optional(),
});

/** An action item carried over from an earlier meeting (written by `init --from`). */
export const carriedActionSchema = z.strictObject({
  id: text,
  what: text,
  owner: z.string().optional(),
  due: isoDate.optional(),
  measure: z.unknown().optional(),
  status: z.enum(['open', 'in-progress', 'done', 'dropped']).default('open'),
  carried: z.number().int().min(0).default(1),
  from: z.string().optional(),
});

export const preReadSchema = z.strictObject({
  /** The day the pre-read pack should reach attendees (good practice: 1–3 days ahead). */
  due: isoDate.optional(),
  sent: isoDate.optional(),
});

export const meetingSchema = z
  .strictObject({
    title: text,
    type: z.enum(MEETING_TYPES),
    date: isoDate,
    start: clockTime,
    /** Planned length in minutes; when absent it is the agenda's total. */
    duration: minutes.optional(),
    end: clockTime.optional(),
    timezone: timeZone.optional(),
    location: z.string().optional(),
    online: onlineSchema.optional(),
    lang: z.enum(LANGS).optional(),
    host: name.optional(),
    recorder: name.optional(),
    attendees: z.array(attendeeSchema).default([]),
    objectives: z.array(text).default([]),
    topics: z.array(topicSchema).default([]),
    /** Minutes between agenda items (transitions); 0 by default. */
    transition: minutes.optional(),
    /** Minutes held back as buffer when items are given as shares (default 10% of the duration). */
    buffer: minutes.optional(),
    agenda: z.array(agendaItemSchema).default([]),
    kpi: kpiSchema.optional(),
    materials: z.array(materialSchema).default([]),
    issues: z.array(openIssueSchema).default([]),
    market: marketSchema.optional(),
    gaps: z.array(gapSchema).default([]),
    risks: z.array(riskSchema).default([]),
    preRead: preReadSchema.optional(),
    previous: z.string().optional(),
    carriedActions: z.array(carriedActionSchema).default([]),
    templates: z.string().optional(),
  })
  .meta({ title: 'salesmeet meeting.yaml', description: 'The plan of one sales meeting.' });

export type Meeting = z.output<typeof meetingSchema>;
export type MeetingInput = z.input<typeof meetingSchema>;
export type Attendee = z.output<typeof attendeeSchema>;
export type Topic = z.output<typeof topicSchema>;
export type AgendaItem = z.output<typeof agendaItemSchema>;
export type CarriedAction = z.output<typeof carriedActionSchema>;
export type Market = z.output<typeof marketSchema>;
export type GapLine = z.output<typeof gapSchema>;
export type Risk = z.output<typeof riskSchema>;
