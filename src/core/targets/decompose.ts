/**
 * Decomposes a period target over time (quarters → months) and over the organisation (regions → teams → reps),
 * keeping a reserve, in integer units of the precision so that every level adds up exactly to its parent.
 */
import { InputError, UsageError } from '../errors.js';
import type { HistoryRow } from '../history.js';
import type { Text } from '../i18n/messages.js';
import { type Advice, smartAdvice } from './advice.js';
import { allocate, fromUnits, splitTable, toUnits } from './allocate.js';
import { HistoryIndex, type OrgPath } from './history.js';
import { tm } from './messages.js';
import { quarterOf } from './period.js';
import type { OrgLevel, OrgNode, TargetPlan, TimeWeights } from './plan.js';

export interface TimeRow {
  /** `2026-Q3` or `2026-07`. */
  period: string;
  /** The company target (before the reserve) for this period. */
  companyTarget: number;
  /** The assigned target (with the reserve). */
  target: number;
  /** Share of the assigned total. */
  share: number;
  floor: number | null;
  priorYear: number | null;
  growth: number | null;
}

export interface OrgRow {
  level: OrgLevel;
  /** The member's names from the top level down. */
  path: OrgPath;
  name: string;
  target: number;
  /** Share of its parent (of the assigned total at the top level). */
  share: number;
  /** Per month of the period, aligned with `months`. */
  months: number[];
  priorYear: number | null;
  growth: number | null;
}

/** One line of the long table: a leaf of the organisation (or the company) in one month. */
export interface TargetLine {
  path: OrgPath;
  month: string;
  target: number;
}

/** How a level was split; `mixed` when some groups of the level had weights and others did not. */
export type OrgMethod = 'weights' | 'even' | 'history' | 'mixed';

export interface TargetsResult {
  period: string;
  months: string[];
  quarters: string[];
  unit: string | null;
  precision: number;
  companyTarget: number;
  reserve: number;
  reserveAmount: number;
  assignedTotal: number;
  levels: OrgLevel[];
  method: {
    quarters: Exclude<TimeWeights['mode'], 'auto'>;
    months: Exclude<TimeWeights['mode'], 'auto' | 'derived'>;
    /** How each level was split, top first. */
    org: OrgMethod[];
    floors: boolean;
    history: boolean;
  };
  time: { quarters: TimeRow[]; months: TimeRow[] };
  org: OrgRow[];
  lines: TargetLine[];
  advice: Advice[];
  /** Facts worth stating in the notes (e.g. a month without history that got the average weight). */
  notes: Text[];
}

interface Node {
  level: OrgLevel;
  name: string;
  path: OrgPath;
  weight: number | null;
  children: Node[];
  units: number;
  months: number[];
  priorYear: number | null;
  priorYear2: number | null;
}

const growthOf = (target: number, py: number | null) => (py !== null && py > 0 ? target / py - 1 : null);

/** Water-filling: months below their floor get the floor, the rest is shared by the others in proportion. */
function applyFloors(ideal: number[], floors: number[], total: number): number[] {
  const fixed = ideal.map(() => false);
  let out = [...ideal];
  for (let iter = 0; iter < ideal.length; iter++) {
    const fixedSum = out.reduce((a, v, i) => a + (fixed[i] ? v : 0), 0);
    const freeIdeal = ideal.reduce((a, v, i) => a + (fixed[i] ? 0 : v), 0);
    const left = total - fixedSum;
    out = out.map((v, i) => (fixed[i] ? v : freeIdeal > 0 ? (ideal[i]! * left) / freeIdeal : 0));
    let changed = false;
    out.forEach((v, i) => {
      if (!fixed[i] && v < floors[i]! - 1e-12) {
        fixed[i] = true;
        out[i] = floors[i]!;
        changed = true;
      }
    });
    if (!changed) break;
  }
  return out;
}

export function needHistory(what: string, members = false): UsageError {
  return new UsageError('targets.needsHistory', tm.needsHistory({ what }), {
    hint: members ? tm.needsMembersHint() : tm.needsHistoryHint(),
  });
}

/** The month weights (real numbers) of the period, before floors; and notes on gaps in the history. */
function monthIdeal(plan: TargetPlan, hist: HistoryIndex | null, notes: Text[]): number[] {
  const { months, quarters } = plan.period;
  const base = HistoryIndex.base(months);
  let v: number[];
  if (plan.months.mode === 'weights') v = plan.months.values;
  else if (plan.months.mode === 'history') {
    if (!hist) throw needHistory('months: history');
    const amounts = base.map((m) => hist.amount([m]));
    const known = amounts.filter((a): a is number => a !== null && a > 0);
    const mean = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
    v = amounts.map((a, i) => {
      if (a !== null && a > 0) return a;
      notes.push(tm.noteMonthAverage({ month: months[i], base: base[i] }));
      return mean;
    });
  } else v = months.map(() => 1);

  const inQuarter = (q: string) => months.map((m, i) => (quarterOf(m) === q ? i : -1)).filter((i) => i >= 0);
  let qw: number[];
  if (plan.quarters.mode === 'weights') qw = plan.quarters.values;
  else if (plan.quarters.mode === 'even') qw = quarters.map((q) => inQuarter(q).length);
  else if (plan.quarters.mode === 'history') {
    if (!hist) throw needHistory('quarters: history');
    qw = quarters.map((q) => hist.amount(inQuarter(q).map((i) => base[i]!)) ?? 0);
    if (qw.every((w) => w <= 0)) {
      notes.push(tm.noteQuarterEven());
      qw = quarters.map((q) => inQuarter(q).length);
    }
  } else qw = quarters.map((q) => inQuarter(q).reduce((a, i) => a + v[i]!, 0));
  const qSum = qw.reduce((a, b) => a + b, 0);
  const share = months.map(() => 0);
  quarters.forEach((q, qi) => {
    const idx = inQuarter(q);
    const vs = idx.reduce((a, i) => a + v[i]!, 0);
    for (const i of idx) share[i] = (qw[qi]! / qSum) * (vs > 0 ? v[i]! / vs : 1 / idx.length);
  });
  return share;
}

/**
 * Decomposes the plan. `history` (rows of a detail export) is needed for `history` weights and drives the SMART
 * advice; without it the split uses the plan's weights alone.
 */
export function decompose(input: TargetPlan, history: readonly HistoryRow[] | null): TargetsResult {
  let plan = input;
  const p = plan.precision;
  const hist = history ? new HistoryIndex(history) : null;
  // Without a word in the plan, a history drives the split: seasonality over time, prior-year shares over people.
  if (plan.months.mode === 'auto') plan = { ...plan, months: { mode: hist ? 'history' : 'even' } };
  if (plan.split === 'auto') plan = { ...plan, split: hist ? 'history' : 'even' };
  const notes: Text[] = [];
  const { months, quarters } = plan.period;
  const base = HistoryIndex.base(months);
  const base2 = HistoryIndex.base(months, 2);

  const companyUnits = toUnits(plan.total, p);
  const assignedUnits = toUnits(plan.total * (1 + plan.reserve), p);

  // Over time.
  const share = monthIdeal(plan, hist, notes);
  const hasFloors = plan.floors.some((f) => f > 0);
  const ideal = hasFloors
    ? applyFloors(
        share.map((s) => s * fromUnits(assignedUnits, p)),
        plan.floors,
        fromUnits(assignedUnits, p),
      )
    : share;
  const monthUnits = allocate(assignedUnits, ideal);
  const companyMonthUnits = allocate(companyUnits, ideal);

  // Over the organisation.
  const orgMethods: OrgMethod[] = [];
  const build = (level: number, given: OrgNode[] | null, parent: OrgPath): Node[] => {
    const lv = plan.levels[level];
    if (lv === undefined) return [];
    let list: { name: string; weight: number | null; children: OrgNode[] | null }[];
    if (given)
      list = given.map((g) => ({
        name: g.name,
        weight: g.weight,
        children: level + 1 < plan.orgDepth ? g.children : null,
      }));
    else {
      if (!hist) throw needHistory(`--by ${lv}`, true);
      const names = hist.members(lv, parent, base);
      if (names.length === 0)
        throw new InputError(
          'targets.noMembers',
          tm.noMembers({ level: lv, parent: Object.values(parent).join(' / ') || '—' }),
        );
      list = names.map((name) => ({ name, weight: null, children: null }));
    }
    const nodes = list.map((g): Node => {
      const path = { ...parent, [lv]: g.name };
      return {
        level: lv,
        name: g.name,
        path,
        weight: g.weight,
        children: build(level + 1, g.children, path),
        units: 0,
        months: [],
        priorYear: hist ? hist.amount(base, path) : null,
        priorYear2: hist ? hist.amount(base2, path) : null,
      };
    });
    const method: OrgMethod = nodes.some((n) => n.weight !== null)
      ? 'weights'
      : plan.split === 'history'
        ? 'history'
        : 'even';
    const seen = orgMethods[level];
    orgMethods[level] = seen === undefined || seen === method ? method : 'mixed';
    if (method === 'history' && !hist) throw needHistory('split: history');
    return nodes;
  };
  const top = plan.levels.length > 0 ? build(0, plan.org, {}) : [];

  const weightsOf = (nodes: Node[]): number[] => {
    if (nodes.some((n) => n.weight !== null)) return nodes.map((n) => n.weight ?? 0);
    if (plan.split !== 'history') return nodes.map(() => 1);
    const known = nodes.map((n) => n.priorYear).filter((v): v is number => v !== null && v > 0);
    if (known.length === 0) return nodes.map(() => 1);
    const mean = known.reduce((a, b) => a + b, 0) / known.length;
    return nodes.map((n) => {
      if (n.priorYear !== null && n.priorYear > 0) return n.priorYear;
      notes.push(tm.noteShareAverage({ name: Object.values(n.path).join(' / ') }));
      return mean;
    });
  };
  const split = (nodes: Node[], units: number, monthVec: number[]) => {
    const totals = allocate(units, weightsOf(nodes));
    const table = splitTable(totals, monthVec);
    nodes.forEach((n, i) => {
      n.units = totals[i]!;
      n.months = table[i]!;
      if (n.children.length > 0) split(n.children, n.units, n.months);
    });
  };
  if (top.length > 0) split(top, assignedUnits, monthUnits);

  // Result.
  const amt = (u: number) => fromUnits(u, p);
  const monthPy = months.map((_, i) => (hist ? hist.amount([base[i]!]) : null));
  const monthRows: TimeRow[] = months.map((m, i) => ({
    period: m,
    companyTarget: amt(companyMonthUnits[i]!),
    target: amt(monthUnits[i]!),
    share: assignedUnits > 0 ? monthUnits[i]! / assignedUnits : 0,
    floor: hasFloors ? plan.floors[i]! : null,
    priorYear: monthPy[i]!,
    growth: growthOf(amt(monthUnits[i]!), monthPy[i]!),
  }));
  const quarterRows: TimeRow[] = quarters.map((q) => {
    const idx = months.map((m, i) => (quarterOf(m) === q ? i : -1)).filter((i) => i >= 0);
    const u = idx.reduce((a, i) => a + monthUnits[i]!, 0);
    const pys = idx.map((i) => monthPy[i]);
    const py = pys.every((v) => v === null) ? null : pys.reduce<number>((a, v) => a + (v ?? 0), 0);
    return {
      period: q,
      companyTarget: amt(idx.reduce((a, i) => a + companyMonthUnits[i]!, 0)),
      target: amt(u),
      share: assignedUnits > 0 ? u / assignedUnits : 0,
      floor: null,
      priorYear: py,
      growth: growthOf(amt(u), py),
    };
  });

  const orgRows: OrgRow[] = [];
  const lines: TargetLine[] = [];
  const walk = (nodes: Node[], parentUnits: number) => {
    for (const n of nodes) {
      orgRows.push({
        level: n.level,
        path: n.path,
        name: n.name,
        target: amt(n.units),
        share: parentUnits > 0 ? n.units / parentUnits : 0,
        months: n.months.map(amt),
        priorYear: n.priorYear,
        growth: growthOf(amt(n.units), n.priorYear),
      });
      if (n.children.length > 0) walk(n.children, n.units);
      else
        months.forEach((m, i) => {
          lines.push({ path: n.path, month: m, target: amt(n.months[i]!) });
        });
    }
  };
  walk(top, assignedUnits);
  if (top.length === 0)
    months.forEach((m, i) => {
      lines.push({ path: {}, month: m, target: amt(monthUnits[i]!) });
    });

  const result: TargetsResult = {
    period: plan.period.label,
    months,
    quarters,
    unit: plan.unit,
    precision: p,
    companyTarget: amt(companyUnits),
    reserve: plan.reserve,
    reserveAmount: amt(assignedUnits - companyUnits),
    assignedTotal: amt(assignedUnits),
    levels: plan.levels,
    method: {
      quarters: plan.quarters.mode as Exclude<TimeWeights['mode'], 'auto'>,
      months: plan.months.mode as Exclude<TimeWeights['mode'], 'auto' | 'derived'>,
      org: orgMethods,
      floors: hasFloors,
      history: hist !== null,
    },
    time: { quarters: quarterRows, months: monthRows },
    org: orgRows,
    lines,
    advice: [],
    notes,
  };
  if (hist) {
    const twoYears = new Map<string, number | null>();
    const collect = (nodes: Node[]) => {
      for (const n of nodes) {
        twoYears.set(JSON.stringify(n.path), n.priorYear2);
        collect(n.children);
      }
    };
    collect(top);
    result.advice = smartAdvice(result, (path) => twoYears.get(JSON.stringify(path)) ?? null);
  }
  return result;
}
