import { z } from 'zod';
import { clockTime, isoDate } from '../formats.js';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * Attendance: present (出席), observer (列席: attends without a vote, zh-TW practice), excused (請假: absent with
 * leave), absent (缺席), late (迟到: present, arrived after the start).
 */
export const ATTENDANCE = ['present', 'late', 'observer', 'excused', 'absent'] as const;

export const attendanceSchema = z.strictObject({
  name: z.string().min(1),
  status: z.enum(ATTENDANCE),
  reason: z.string().optional(),
  arrived: clockTime.optional(),
});

/** A KPI-linked measure: the action is met when the metric reaches the target by the date. */
export const kpiMeasureSchema = z.strictObject({
  metric: z.string().min(1),
  group: z.record(z.string(), z.string()).optional(),
  target: z.number(),
  by: isoDate.optional(),
});

export const actionItemSchema = z.strictObject({
  id: z.string().optional(),
  what: z.string().min(1),
  owner: z.string().optional(),
  due: isoDate.optional(),
  /** How completion is judged (考核标准): text, or a KPI target. */
  measure: z.union([z.string(), kpiMeasureSchema]).optional(),
  priority: z.enum(['high', 'medium', 'low']).optional(),
  status: z.enum(ACTION_STATUSES).default('open'),
});

export const minutesTopicSchema = z.strictObject({
  title: z.string().min(1),
  points: z.array(z.string()).default([]),
  decisions: z.array(z.string()).default([]),
});

export const signatureSchema = z.strictObject({
  name: z.string().min(1),
  at: z.string().min(1),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  key: z.string().optional(),
  signature: z.string().optional(),
});

export const minutesSchema = z
  .strictObject({
    meeting: z.string().optional(),
    actualStart: clockTime.optional(),
    actualEnd: clockTime.optional(),
    attendance: z.array(attendanceSchema).default([]),
    topics: z.array(minutesTopicSchema).default([]),
    actions: z.array(actionItemSchema).default([]),
    otherBusiness: z.array(z.string()).default([]),
    nextMeeting: z
      .strictObject({
        date: isoDate.optional(),
        start: clockTime.optional(),
        location: z.string().optional(),
        topic: z.string().optional(),
      })
      .optional(),
    signatures: z.array(signatureSchema).default([]),
  })
  .meta({
    title: 'salesmeet minutes.yaml',
    description: 'The record of one sales meeting: attendance, decisions, actions, sign-off.',
  });

export type Minutes = z.output<typeof minutesSchema>;
export type ActionItem = z.output<typeof actionItemSchema>;

/** actions.yaml: progress on the meeting's action items after the meeting (not part of the signed minutes). */
export const actionUpdateSchema = z.strictObject({
  id: z.string().min(1),
  date: isoDate,
  status: z.enum(ACTION_STATUSES).optional(),
  note: z.string().optional(),
  by: z.string().optional(),
});
export const actionsLogSchema = z.strictObject({
  updates: z.array(actionUpdateSchema).default([]),
});
export type ActionsLog = z.output<typeof actionsLogSchema>;
