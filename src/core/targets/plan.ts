/**
 * The target plan: what `salesmeet targets` decomposes. It comes from a YAML plan file (`--plan plan.yaml`), from
 * flags, or both (flags win). Checked in two steps: the zod schema (shapes, with positions), then `planRules`
 * (what needs the whole plan: counts per period, sibling weights, floors against the total).
 */
import * as z from 'zod';
import { messagesOf, type Text } from '../i18n/messages.js';
import type { FormatParams } from '../validate.js';
import { parsePeriod, resolveMonth, type TargetPeriod } from './period.js';

const f = messagesOf((c) => c.targets.planFormats);

/** A field checked by a function; a failure reads "expected <format>, found <value>" with the value's position. */
function checked<T>(parse: (v: unknown) => T | undefined, format: Text, hint?: Text) {
  return z.unknown().transform((v, ctx): T => {
    const out = parse(v);
    if (out === undefined) {
      const params: FormatParams = hint ? { format, hint } : { format };
      ctx.addIssue({ code: 'custom', params, input: v });
      return z.NEVER;
    }
    return out;
  });
}

/** `35`, `"35"`, `"35%"` → 35; a percentage keeps its number (weights are normalised by their sum). */
export function parseWeight(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v === 'string') {
    const mm = /^\s*(\d+(?:\.\d+)?)\s*[%％]?\s*$/.exec(v);
    return mm ? Number(mm[1]) : undefined;
  }
  return undefined;
}

/** `10%`, `"10%"`, `0.1` → 0.1. A bare number ≥ 1 is refused as ambiguous (10 = 10% or 1000%?). */
export function parseMargin(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 && v < 1 ? v : undefined;
  if (typeof v === 'string') {
    const pct = /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(v);
    if (pct) {
      const n = Number(pct[1]) / 100;
      return n <= 1 ? n : undefined;
    }
    const frac = /^\s*(0(?:\.\d+)?)\s*$/.exec(v);
    if (frac) return Number(frac[1]);
  }
  return undefined;
}

export type WeightsSpec = 'even' | 'history' | number[] | Record<string, number>;

function parseWeights(v: unknown): WeightsSpec | undefined {
  if (v === 'even' || v === 'history') return v;
  if (Array.isArray(v)) {
    const out = v.map(parseWeight);
    return out.every((x) => x !== undefined) && out.length > 0 ? (out as number[]) : undefined;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, number> = {};
    for (const [k, x] of Object.entries(v)) {
      const w = parseWeight(x);
      if (w === undefined) return undefined;
      out[k] = w;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return undefined;
}

function parseFloor(v: unknown): number | Record<string, number> | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const out: Record<string, number> = {};
    for (const [k, x] of Object.entries(v)) {
      if (typeof x !== 'number' || !(x >= 0) || !Number.isFinite(x)) return undefined;
      out[k] = x;
    }
    return out;
  }
  return undefined;
}

export const ORG_LEVELS = ['region', 'team', 'rep'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
/** The key that holds a level's members in a plan file. */
export const LEVEL_KEY: Record<OrgLevel, 'regions' | 'teams' | 'reps'> = {
  region: 'regions',
  team: 'teams',
  rep: 'reps',
};

export interface OrgNodeInput {
  name: string;
  weight?: number;
  teams?: OrgNodeInput[];
  reps?: OrgNodeInput[];
}

/** A member: `{ name, weight, teams | reps }`; a bare name in a plan is expanded by `expandMemberNames` first. */
const orgNode: z.ZodType<OrgNodeInput> = z.strictObject({
  name: z.string().trim().min(1),
  weight: checked(parseWeight, f.weight()).optional(),
  get teams() {
    return z.array(orgNode).optional();
  },
  get reps() {
    return z.array(orgNode).optional();
  },
});

/**
 * A plan may list members by name only (`reps: [张三, 李四]`); this turns each such name into `{ name }` so the
 * schema sees one shape (and suggests field names for misspelt keys). Returns a copy; other values are kept.
 */
export function expandMemberNames(raw: unknown): unknown {
  const expandList = (list: unknown): unknown =>
    Array.isArray(list)
      ? list.map((item) =>
          typeof item === 'string' || typeof item === 'number' ? { name: String(item) } : expandNode(item),
        )
      : list;
  const expandNode = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
    const out: Record<string, unknown> = { ...(node as Record<string, unknown>) };
    for (const k of ['regions', 'teams', 'reps']) if (k in out) out[k] = expandList(out[k]);
    return out;
  };
  return expandNode(raw);
}

export const BY_VALUES = ['region', 'team', 'rep', 'month'] as const;
export type ByValue = (typeof BY_VALUES)[number];

export const targetPlanSchema = z.strictObject({
  total: checked((v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined), f.total()),
  unit: z.string().trim().min(1).optional(),
  period: checked(
    (v) => (typeof v === 'string' || typeof v === 'number' ? parsePeriod(String(v)) : undefined),
    f.period(),
  ),
  precision: z.number().int().min(0).max(2).optional(),
  reserve: checked(parseMargin, f.share(), f.shareHint()).optional(),
  by: z.array(z.enum(BY_VALUES)).min(1).optional(),
  quarters: checked(parseWeights, f.weights()).optional(),
  months: checked(parseWeights, f.weights()).optional(),
  floor: checked(parseFloor, f.floor()).optional(),
  split: z.enum(['even', 'history']).optional(),
  regions: z.array(orgNode).min(1).optional(),
  teams: z.array(orgNode).min(1).optional(),
  reps: z.array(orgNode).min(1).optional(),
});
export type TargetPlanInput = z.output<typeof targetPlanSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Rules that need the whole plan.

const r = messagesOf((c) => c.targets.planRules);

/** A rule broken by a plan: where (field path), what, and how to fix it. */
export interface PlanIssue {
  code: string;
  path: (string | number)[];
  message: Text;
  hint?: Text;
}

export type TimeWeights =
  | { mode: 'even' }
  /** Months only, when the plan says nothing: by the history when there is one, else even. */
  | { mode: 'auto' }
  | { mode: 'history' }
  /** Quarters only: the sum of the months' weights in each quarter. */
  | { mode: 'derived' }
  | { mode: 'weights'; values: number[] };

export interface OrgNode {
  name: string;
  weight: number | null;
  children: OrgNode[];
}

/** A plan after its rules hold: every weight aligned to the period, the tree cut to the levels asked for. */
export interface TargetPlan {
  total: number;
  unit: string | null;
  period: TargetPeriod;
  precision: number;
  reserve: number;
  /** Organisation levels decomposed, top first. */
  levels: OrgLevel[];
  /** Members given in the plan down to `org` depth; deeper levels (up to `levels`) come from the history. */
  org: OrgNode[] | null;
  orgDepth: number;
  /** How members without weights are split; `auto`: by prior-year share when there is a history, else evenly. */
  split: 'even' | 'history' | 'auto';
  quarters: TimeWeights;
  months: TimeWeights;
  /** Per month of the period, in the unit; 0 when none. */
  floors: number[];
}

function treeLevels(input: TargetPlanInput): OrgLevel[] {
  const top: OrgLevel | undefined = input.regions
    ? 'region'
    : input.teams
      ? 'team'
      : input.reps
        ? 'rep'
        : undefined;
  if (!top) return [];
  const levels: OrgLevel[] = [top];
  let nodes: OrgNodeInput[] = input[LEVEL_KEY[top]] ?? [];
  for (;;) {
    const below = nodes.find((n) => n.teams)?.teams
      ? 'team'
      : nodes.find((n) => n.reps)?.reps
        ? 'rep'
        : undefined;
    if (!below) return levels;
    levels.push(below);
    nodes = nodes.flatMap((n) => n[LEVEL_KEY[below] as 'teams' | 'reps'] ?? []);
  }
}

function checkSiblings(
  nodes: OrgNodeInput[],
  path: (string | number)[],
  level: OrgLevel,
  out: PlanIssue[],
): void {
  const seen = new Set<string>();
  nodes.forEach((n, i) => {
    if (seen.has(n.name))
      out.push({
        code: 'plan.duplicate',
        path: [...path, i, 'name'],
        message: r.duplicate({ name: n.name }),
      });
    seen.add(n.name);
  });
  const weighted = nodes.filter((n) => n.weight !== undefined).length;
  if (weighted > 0 && weighted < nodes.length) {
    const i = nodes.findIndex((n) => n.weight === undefined);
    out.push({ code: 'plan.mixedWeights', path: [...path, i], message: r.mixed(), hint: r.mixedHint() });
  } else if (weighted > 0 && nodes.every((n) => n.weight === 0)) {
    out.push({ code: 'plan.allZero', path: [...path, 0, 'weight'], message: r.allZero() });
  }
  const shape = (n: OrgNodeInput) => (n.teams ? 'teams' : n.reps ? 'reps' : '');
  const first = nodes[0] ? shape(nodes[0]) : '';
  nodes.forEach((n, i) => {
    if (level === 'rep' && (n.teams || n.reps))
      out.push({
        code: 'plan.level',
        path: [...path, i, n.teams ? 'teams' : 'reps'],
        message: r.teamsUnderRep(),
      });
    else if (level === 'team' && n.teams)
      out.push({ code: 'plan.level', path: [...path, i, 'teams'], message: r.teamsUnderTeam() });
    else if (n.teams && n.reps)
      out.push({
        code: 'plan.level',
        path: [...path, i, 'reps'],
        message: r.oneTop({ keys: 'teams + reps' }),
      });
    else if (shape(n) !== first)
      out.push({
        code: 'plan.depth',
        path: [...path, i],
        message: (lang) =>
          r.depth({
            name: n.name,
            found: shape(n) || r.nothing()(lang),
            expected: first || r.nothing()(lang),
          })(lang),
      });
  });
  for (const [i, n] of nodes.entries()) {
    if (n.teams) checkSiblings(n.teams, [...path, i, 'teams'], 'team', out);
    if (n.reps) checkSiblings(n.reps, [...path, i, 'reps'], 'rep', out);
  }
}

function resolveQuarter(key: string, period: TargetPeriod): string | undefined {
  const mm = /^(?:(\d{4})-)?Q?([1-4])$/i.exec(key.trim());
  if (!mm) return undefined;
  const q = `${mm[1] ?? period.year}-Q${mm[2]}`;
  return period.quarters.includes(q) ? q : undefined;
}

function timeWeights(
  spec: WeightsSpec | undefined,
  key: 'quarters' | 'months',
  period: TargetPeriod,
  out: PlanIssue[],
): TimeWeights {
  if (spec === undefined) return key === 'quarters' ? { mode: 'derived' } : { mode: 'auto' };
  if (spec === 'even' || spec === 'history') return { mode: spec };
  const slots = key === 'quarters' ? period.quarters : period.months;
  let values: number[];
  if (Array.isArray(spec)) {
    if (spec.length !== slots.length) {
      out.push({
        code: 'plan.weightCount',
        path: [key],
        message: (lang) =>
          r.count({
            expected: slots.length,
            what: (key === 'quarters' ? r.quarter() : r.month())(lang),
            period: period.label,
            found: spec.length,
          })(lang),
      });
      return { mode: 'even' };
    }
    values = spec;
  } else {
    values = slots.map(() => Number.NaN);
    for (const [k, w] of Object.entries(spec)) {
      const slot = key === 'quarters' ? resolveQuarter(k, period) : resolveMonth(k, period);
      if (slot === undefined) {
        out.push({
          code: 'plan.unknownSlot',
          path: [key, k],
          message:
            key === 'quarters'
              ? r.unknownQuarter({ key: k, period: period.label, quarters: period.quarters.join(', ') })
              : r.unknownMonth({ key: k, period: period.label, months: period.months.join(', ') }),
        });
        return { mode: 'even' };
      }
      values[slots.indexOf(slot)] = w;
    }
    const missing = slots.filter((_, i) => Number.isNaN(values[i]));
    if (missing.length > 0) {
      out.push({
        code: 'plan.missingWeights',
        path: [key],
        message: r.missingMonths({ missing: missing.join(', '), period: period.label }),
      });
      return { mode: 'even' };
    }
  }
  if (values.every((v) => v === 0)) {
    out.push({ code: 'plan.allZero', path: [key], message: r.allZero() });
    return { mode: 'even' };
  }
  return { mode: 'weights', values };
}

function toNodes(nodes: OrgNodeInput[], depth: number): OrgNode[] {
  return nodes.map((n) => ({
    name: n.name,
    weight: n.weight ?? null,
    children: depth > 1 ? toNodes(n.teams ?? n.reps ?? [], depth - 1) : [],
  }));
}

/**
 * Checks the rules that need the whole plan and normalises it. Returns the issues (with field paths) when a rule
 * is broken; the plan otherwise.
 */
export function planRules(
  input: TargetPlanInput,
): { plan: TargetPlan; issues: [] } | { issues: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const period = input.period;
  const tops = (['regions', 'teams', 'reps'] as const).filter((k) => input[k] !== undefined);
  if (tops.length > 1)
    issues.push({ code: 'plan.oneTop', path: [tops[1]!], message: r.oneTop({ keys: tops.join(' + ') }) });
  const top = tops[0];
  if (top && tops.length === 1)
    checkSiblings(
      input[top]!,
      [top],
      top === 'regions' ? 'region' : top === 'teams' ? 'team' : 'rep',
      issues,
    );
  const tree = issues.length === 0 ? treeLevels(input) : [];

  let levels: OrgLevel[] = tree;
  if (input.by) {
    const org = input.by.filter((b): b is OrgLevel => b !== 'month');
    const idx = org.map((l) => ORG_LEVELS.indexOf(l));
    if (idx.some((v, i) => i > 0 && v <= idx[i - 1]!)) {
      issues.push({ code: 'plan.byOrder', path: ['by'], message: r.byOrder({ by: input.by.join(',') }) });
    } else {
      // The plan's levels must be the first levels asked for; deeper ones may come from the history.
      for (let i = 0; i < Math.min(org.length, tree.length); i++) {
        if (org[i] !== tree[i]) {
          issues.push({
            code: 'plan.byGap',
            path: ['by'],
            message: r.byGap({ level: org[i], missing: tree[i] }),
          });
          break;
        }
      }
      levels = org;
    }
  }

  const quarters = timeWeights(input.quarters, 'quarters', period, issues);
  const months = timeWeights(input.months, 'months', period, issues);

  const precision = input.precision ?? defaultPrecision(input.unit);
  const reserve = input.reserve ?? 0;
  const assigned = input.total * (1 + reserve);
  let floors = period.months.map(() => 0);
  if (typeof input.floor === 'number') floors = period.months.map(() => input.floor as number);
  else if (input.floor) {
    for (const [k, v] of Object.entries(input.floor)) {
      const m = resolveMonth(k, period);
      if (m === undefined) {
        issues.push({
          code: 'plan.unknownSlot',
          path: ['floor', k],
          message: r.unknownMonth({ key: k, period: period.label, months: period.months.join(', ') }),
        });
      } else floors[period.months.indexOf(m)] = v;
    }
  }
  const floorSum = floors.reduce((a, b) => a + b, 0);
  if (floorSum > assigned + 1e-9)
    issues.push({
      code: 'plan.floors',
      path: ['floor'],
      message: r.floors({ floors: floorSum, assigned: Number(assigned.toFixed(precision)) }),
      hint: r.floorsHint(),
    });

  if (issues.length > 0) return { issues };
  const orgDepth = Math.min(tree.length, levels.length);
  return {
    issues: [],
    plan: {
      total: input.total,
      unit: input.unit ?? null,
      period,
      precision,
      reserve,
      levels,
      org: top && orgDepth > 0 ? toNodes(input[top]!, orgDepth) : null,
      orgDepth,
      split: input.split ?? 'auto',
      quarters,
      months,
      floors,
    },
  };
}

/** 万元 and larger units are usually given to 2 decimals; 元, counts and thousands to whole numbers. */
export function defaultPrecision(unit: string | undefined): number {
  if (unit === undefined) return 0;
  return /^(十万元|百万元|千万元|万元|萬元|亿元|億元|.*\bM{1,2}\b.*|\$?M)$/i.test(
    unit.replace(/\s+/g, ' ').trim(),
  )
    ? 2
    : 0;
}
