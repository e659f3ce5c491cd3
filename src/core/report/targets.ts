/**
 * The next period's targets in the report (part two): read from a `salesmeet targets` result (YAML or JSON,
 * schema `salesmeet.targets/1`), checked the SMART way against the period just reviewed and the meeting.
 */
import { z } from 'zod';
import type { Meeting } from '../meeting/schema.js';

const num = z.number();

/** The fields of `salesmeet targets --format yaml|json` the report reads; other fields are ignored. */
export const targetsDocSchema = z.object({
  schema: z.literal('salesmeet.targets/1'),
  period: z.string(),
  months: z.array(z.string()),
  unit: z.string().nullable().optional(),
  companyTarget: num,
  reserve: num,
  reserveAmount: num,
  assignedTotal: num,
  levels: z.array(z.string()),
  time: z.object({
    months: z.array(z.object({ period: z.string(), companyTarget: num, target: num, share: num })),
  }),
  org: z
    .array(
      z.object({
        level: z.string(),
        name: z.string(),
        target: num,
        share: num,
        /** Who answers for the group, when the file names one (the workbook's owner column). */
        owner: z.string().nullable().optional(),
      }),
    )
    .default([]),
  advice: z.array(z.object({ message: z.string() })).default([]),
});

export type TargetsDoc = z.output<typeof targetsDocSchema>;

/**
 * Who answers for a group's target: the attendee whose role or department names it (王芳, 华东大区经理, for
 * 华东). Null when nobody does — the SMART check then says so.
 */
export function ownerOf(group: string, meeting: Meeting): string | null {
  const a = meeting.attendees.find(
    (x) => (x.role ?? '').includes(group) || (x.department ?? '').includes(group),
  );
  return a?.name ?? null;
}

/** Who answers for an entry of the targets: the owner the file names (the workbook's owner column), else `ownerOf`. */
export function ownerFor(
  entry: { name: string; owner?: string | null | undefined },
  meeting: Meeting,
): string | null {
  return entry.owner?.trim() || ownerOf(entry.name, meeting);
}

/** The top organisation level's entries (regions, or teams when there are no regions). */
export function topLevel(doc: TargetsDoc): TargetsDoc['org'] {
  const level = doc.levels[0];
  return level === undefined ? [] : doc.org.filter((o) => o.level === level);
}

/** The period after a year, half, quarter or month label (2026-H1 → 2026-H2, 2026-12 → 2027-01); else null. */
export function nextPeriodOf(label: string): string | null {
  const l = label.replace(/ YTD$/, '');
  let m = /^(\d{4})$/.exec(l);
  if (m) return String(Number(m[1]) + 1);
  m = /^(\d{4})-H([12])$/.exec(l);
  if (m) return m[2] === '1' ? `${m[1]}-H2` : `${Number(m[1]) + 1}-H1`;
  m = /^(\d{4})-Q([1-4])$/.exec(l);
  if (m) return m[2] === '4' ? `${Number(m[1]) + 1}-Q1` : `${m[1]}-Q${Number(m[2]) + 1}`;
  m = /^(\d{4})-(\d{2})$/.exec(l);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return null;
}
