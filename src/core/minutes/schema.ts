import * as z from 'zod';
import { clockTime, isoDate } from '../formats.js';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * Attendance: present (出席), observer (列席: attends without a vote, zh-TW practice), excused (請假: absent with
 * leave), absent (缺席), late (迟到: present, arrived after the start).
 */
export const ATTENDANCE = ['present', 'late', 'observer', 'excused', 'absent'] as const;

export type AttendanceStatus = (typeof ATTENDANCE)[number];

/**
 * The words recorders actually write, mapped to the canonical status: zh-TW 出席 / 列席 / 請假 / 缺席 (and the
 * zh-CN 出席 / 列席 / 请假 / 缺席 / 迟到), so a Taiwanese 會議紀錄 can be written in its own vocabulary.
 */
export const ATTENDANCE_WORDS: Record<string, AttendanceStatus> = {
  出席: 'present',
  列席: 'observer',
  請假: 'excused',
  请假: 'excused',
  缺席: 'absent',
  遲到: 'late',
  迟到: 'late',
};

export const attendanceStatusSchema = z
  .enum([...ATTENDANCE, ...(Object.keys(ATTENDANCE_WORDS) as [string, ...string[]])])
  .transform((s): AttendanceStatus => ATTENDANCE_WORDS[s] ?? (s as AttendanceStatus));

export const attendanceSchema = z.strictObject({
  name: z.string().min(1),
  status: attendanceStatusSchema,
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

/**
 * One sign-off: NAME approved the minutes whose canonical content hashes to `hash`, at `at` (ISO 8601).
 * With a key: `key` is the fingerprint of the signer's Ed25519 public key and `signature` the base64 signature
 * of the `hash` string, checked against the public key kept in the meeting folder (`keys/<name>.pub`).
 */
export const signatureSchema = z.strictObject({
  name: z.string().min(1),
  at: z.string().min(1),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  key: z.string().optional(),
  signature: z.string().optional(),
});
export type Signature = z.output<typeof signatureSchema>;

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
export type Attendance = z.output<typeof attendanceSchema>;
export type KpiMeasure = z.output<typeof kpiMeasureSchema>;
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
export type ActionUpdate = z.output<typeof actionUpdateSchema>;
