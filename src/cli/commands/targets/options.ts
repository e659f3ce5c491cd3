import * as z from 'zod';
import type { PlanFlagField, TargetsFormat } from '../../../app/targets.js';
import { UsageError } from '../../../core/errors.js';
import { parseInput, repeated } from '../../options.js';
import type { RawInput } from '../types.js';

const FORMATS: readonly TargetsFormat[] = ['table', 'xlsx', 'yaml', 'json'];

const numberish = (v: string): number | string => (/^\s*-?\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : v);
const splitList = (s: string) =>
  s
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** `华东=35,华南=25` → members with weights; `华东,华南` → names (even split). */
export function parseMembers(s: string): unknown[] {
  return splitList(s).map((item) => {
    const [name, weight] = item.split(/[=＝]/, 2).map((x) => x.trim());
    return weight === undefined ? name : { name, weight: numberish(weight) };
  });
}

/** `20,25,25,30` → list; `7=30,8=30` → mapping by month; `even` stays a word. */
export function parseWeightsFlag(s: string): unknown {
  const t = s.trim();
  if (t === 'even' || t === 'history') return t;
  const items = splitList(t);
  if (items.some((i) => /[=＝]/.test(i))) {
    const out: Record<string, unknown> = {};
    for (const i of items) {
      const [k, v] = i.split(/[=＝]/, 2).map((x) => x.trim());
      out[k!] = numberish(v ?? '');
    }
    return out;
  }
  return items.map(numberish);
}

const raw = z.object({
  plan: z.string().optional(),
  total: z.string().optional(),
  unit: z.string().optional(),
  period: z.string().optional(),
  by: z.string().optional(),
  regions: z.string().optional(),
  quarters: z.string().optional(),
  months: z.string().optional(),
  history: repeated,
  floor: z.string().optional(),
  reserve: z.string().optional(),
  precision: z.string().optional(),
  format: z.string().optional(),
  out: z.string().optional(),
});

export interface TargetsCliOptions {
  plan: string | undefined;
  /** Plan fields given by flags, as the YAML would hold them (the plan's rules check them, with the flag named). */
  flags: Partial<Record<PlanFlagField, unknown>>;
  history: string[];
  format: TargetsFormat | undefined;
  out: string | undefined;
}

export function parseTargetsOptions(input: RawInput): TargetsCliOptions {
  const { opts: o } = parseInput(input, { args: z.tuple([]), opts: raw });
  const flags: Partial<Record<PlanFlagField, unknown>> = {};
  if (o.total !== undefined) flags.total = numberish(o.total);
  if (o.unit !== undefined) flags.unit = o.unit;
  if (o.period !== undefined) flags.period = o.period;
  if (o.precision !== undefined) flags.precision = numberish(o.precision);
  if (o.reserve !== undefined) flags.reserve = o.reserve;
  if (o.by !== undefined) flags.by = splitList(o.by);
  if (o.quarters !== undefined) flags.quarters = parseWeightsFlag(o.quarters);
  if (o.months !== undefined) flags.months = parseWeightsFlag(o.months);
  if (o.floor !== undefined) flags.floor = numberish(o.floor);
  if (o.regions !== undefined) flags.regions = parseMembers(o.regions);

  const format = o.format;
  if (format !== undefined && !FORMATS.includes(format as TargetsFormat))
    throw new UsageError(
      'usage.badValue',
      `--format: expected one of ${FORMATS.join(', ')}, found "${format}"`,
    );
  return {
    plan: o.plan,
    flags,
    history: o.history ?? [],
    format: format as TargetsFormat | undefined,
    out: o.out,
  };
}
