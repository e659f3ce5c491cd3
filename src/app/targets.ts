import { extname, relative, resolve } from 'node:path';
import { InputError, type Problem, UsageError } from '../core/errors.js';
import type { HistoryRow } from '../core/history.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import { decompose, type TargetsResult } from '../core/targets/decompose.js';
import {
  expandMemberNames,
  type PlanIssue,
  planRules,
  type TargetPlan,
  type TargetPlanInput,
  targetPlanSchema,
} from '../core/targets/plan.js';
import { validate } from '../core/validate.js';
import { commitWrites, planWrites, type WritePlanEntry } from '../io/write.js';
import { type LoadedYaml, loadYamlFile } from '../io/yaml.js';
import { toYaml } from './yaml-out.js';

const m = messagesOf((c) => c.app.targets);

export type TargetsFormat = 'table' | 'xlsx' | 'yaml' | 'json';

/** Plan fields that flags may set, and the flag that sets each (for messages). */
export const PLAN_FLAGS = {
  total: '--total',
  unit: '--unit',
  period: '--period',
  precision: '--precision',
  reserve: '--reserve',
  by: '--by',
  quarters: '--quarters',
  months: '--months',
  floor: '--floor',
  regions: '--regions',
} as const;
export type PlanFlagField = keyof typeof PLAN_FLAGS;

export interface TargetsOptions {
  /** A YAML plan file. */
  plan?: string;
  /** Plan fields given by flags (raw, as the YAML would hold them); they win over the plan file. */
  flags: Partial<Record<PlanFlagField, unknown>>;
  /** Detail exports of the prior year(s), read by `deps.loadHistory`. */
  history?: string[];
  format?: TargetsFormat;
  out?: string;
  lang: Lang;
  force: boolean;
  dryRun: boolean;
  now: Date;
}

export interface TargetsDeps {
  cwd: string;
  /** Reads a detail export (default: exactly as `salesmeet kpi` reads it: header synonyms, units, totals rows). */
  loadHistory?: (file: string) => Promise<HistoryRow[]>;
}

export interface TargetsRun {
  /** The output language (targets have no meeting: the caller's). */
  lang: Lang;
  plan: TargetPlan;
  result: TargetsResult;
  format: TargetsFormat;
  /** The file written (or that would be with --dry-run). */
  file: (WritePlanEntry & { shown: string; format: Exclude<TargetsFormat, 'table'> }) | null;
  written: boolean;
}

function formatFromOut(out: string): Exclude<TargetsFormat, 'table'> {
  const ext = extname(out).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  throw new UsageError('targets.unknownExt', m.unknownExt({ file: out, ext: ext || '—' }), {
    hint: m.unknownExtHint(),
  });
}

function issuesToProblems(
  issues: { path: (string | number)[]; code: string; message: Problem['message']; hint?: Problem['hint'] }[],
  fromFlag: (key: string) => boolean,
  loaded: LoadedYaml | undefined,
  file: string | undefined,
): { flagProblems: Problem[]; fileProblems: Problem[] } {
  const flagProblems: Problem[] = [];
  const fileProblems: Problem[] = [];
  for (const i of issues) {
    const key = String(i.path[0] ?? '');
    const rest = i.path
      .slice(1)
      .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
      .join('');
    if (fromFlag(key)) {
      flagProblems.push({
        code: i.code,
        message: i.message,
        hint: i.hint,
        path: `${PLAN_FLAGS[key as PlanFlagField]}${rest}`,
      });
    } else {
      const pos = loaded ? loaded.positionOf(i.path) : undefined;
      fileProblems.push({
        code: i.code,
        message: i.message,
        hint: i.hint,
        file,
        path: `${key}${rest}` || '(root)',
        ...(pos ?? {}),
      });
    }
  }
  fileProblems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { flagProblems, fileProblems };
}

/** Loads the plan (file and flags), checks it, reads the history, decomposes, and writes --out. */
export async function runTargets(o: TargetsOptions, deps: TargetsDeps): Promise<TargetsRun> {
  let loaded: LoadedYaml | undefined;
  let display: string | undefined;
  let raw: Record<string, unknown> = {};
  if (o.plan !== undefined) {
    const path = resolve(deps.cwd, o.plan);
    display = relative(deps.cwd, path) || o.plan;
    loaded = await loadYamlFile(path, display);
    raw = { ...(loaded.data as Record<string, unknown>) };
  }
  const flagKeys = new Set<string>();
  for (const [k, v] of Object.entries(o.flags)) {
    if (v === undefined) continue;
    raw[k] = v;
    flagKeys.add(k);
  }
  const fromFlag = (key: string) => flagKeys.has(key) || (loaded === undefined && key in PLAN_FLAGS);
  if (loaded === undefined) {
    if (raw.total === undefined)
      throw new UsageError('usage.missing', m.missingTotal(), { hint: m.missingHint() });
  }

  const fail = (problems: { flagProblems: Problem[]; fileProblems: Problem[] }) => {
    if (problems.flagProblems.length > 0) {
      const all = [...problems.flagProblems, ...problems.fileProblems];
      if (all.length === 1) {
        const p = all[0]!;
        throw new UsageError(p.code, (lang) => `${p.path}: ${p.message(lang)}`, { hint: p.hint });
      }
      throw new UsageError('targets.invalidFlags', m.invalidFlags({ count: all.length }), { problems: all });
    }
    throw new InputError(
      'schema.invalid',
      m.invalidPlan({ file: display, count: problems.fileProblems.length }),
      {
        problems: problems.fileProblems,
      },
    );
  };

  const checked = validate(
    targetPlanSchema,
    expandMemberNames(raw),
    display ?? '',
    loaded?.positionOf ?? (() => ({ line: 0, column: 0 })),
  );
  if (!checked.ok) {
    // validate() placed every problem in the file; re-attribute those of flag-given fields to their flags.
    const flagProblems: Problem[] = [];
    const fileProblems: Problem[] = [];
    for (const p of checked.problems) {
      const key = (p.path ?? '').split(/[.[]/)[0] ?? '';
      if (fromFlag(key)) {
        const missing = raw[key] === undefined;
        flagProblems.push({
          code: p.code,
          message: missing && key === 'period' ? m.missingPeriod() : p.message,
          hint: missing ? m.missingHint() : p.hint,
          path: `${PLAN_FLAGS[key as PlanFlagField] ?? key}${(p.path ?? '').slice(key.length)}`,
        });
      } else fileProblems.push(p);
    }
    fail({ flagProblems, fileProblems });
  }
  const rules = planRules((checked as { ok: true; value: TargetPlanInput }).value);
  if (!('plan' in rules)) fail(issuesToProblems(rules.issues as PlanIssue[], fromFlag, loaded, display));
  const plan = (rules as { plan: TargetPlan }).plan;

  let history: HistoryRow[] | null = null;
  if (o.history && o.history.length > 0) {
    const loadHistory =
      deps.loadHistory ??
      (async (file: string) => {
        const { loadHistory } = await import('./history.js');
        return loadHistory([file], { cwd: deps.cwd, lang: o.lang });
      });
    history = [];
    for (const f of o.history) history.push(...(await loadHistory(resolve(deps.cwd, f))));
  }
  const result = decompose(plan, history);

  let format: TargetsFormat = o.format ?? (o.out !== undefined ? formatFromOut(o.out) : 'table');
  if (format === 'xlsx' && o.out === undefined)
    throw new UsageError('targets.xlsxNeedsOut', m.xlsxNeedsOut(), { hint: m.xlsxNeedsOutHint() });
  if (o.out !== undefined && format === 'table') format = formatFromOut(o.out);

  let file: TargetsRun['file'] = null;
  if (o.out !== undefined) {
    const path = resolve(deps.cwd, o.out);
    const fileFormat = format as Exclude<TargetsFormat, 'table'>;
    const content = await renderTargets(result, fileFormat, o.lang, o.now);
    const planned = await planWrites([{ path, content, kind: 'user' }], [], {
      force: o.force,
      cwd: deps.cwd,
    });
    if (!o.dryRun) await commitWrites(planned);
    file = { ...planned.files[0]!, shown: relative(deps.cwd, path) || o.out, format: fileFormat };
  }
  return { lang: o.lang, plan, result, format, file, written: file !== null && !o.dryRun };
}

/** The document of `--json` and `--format yaml|json` (schema "salesmeet.targets/1"). */
export function targetsDocument(r: TargetsResult, lang: Lang) {
  const pathOf = (path: Partial<Record<string, string>>) =>
    Object.fromEntries(r.levels.map((l) => [l, path[l] ?? null]));
  return {
    schema: 'salesmeet.targets/1' as const,
    period: r.period,
    months: r.months,
    quarters: r.quarters,
    unit: r.unit,
    precision: r.precision,
    companyTarget: r.companyTarget,
    reserve: r.reserve,
    reserveAmount: r.reserveAmount,
    assignedTotal: r.assignedTotal,
    levels: r.levels,
    method: r.method,
    time: r.time,
    org: r.org.map((o) => ({
      level: o.level,
      ...pathOf(o.path),
      name: o.name,
      target: o.target,
      share: o.share,
      months: Object.fromEntries(r.months.map((mo, i) => [mo, o.months[i]!])),
      priorYear: o.priorYear,
      growth: o.growth,
    })),
    rows: r.lines.map((l) => ({ ...pathOf(l.path), month: l.month, target: l.target })),
    advice: r.advice.map((a) => ({ code: a.code, subject: a.subject, message: a.message(lang) })),
    notes: r.notes.map((n) => n(lang)),
  };
}

/** The bytes of an output file. */
export async function renderTargets(
  r: TargetsResult,
  format: Exclude<TargetsFormat, 'table'>,
  lang: Lang,
  now: Date,
): Promise<string | Uint8Array> {
  if (format === 'xlsx') {
    const { targetsWorkbook } = await import('../io/excel/write/targets.js');
    return targetsWorkbook(r, { lang, created: now });
  }
  const doc = targetsDocument(r, lang);
  if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  return toYaml(doc, { header: [` ${m.yamlHeader()(lang)}`] });
}
