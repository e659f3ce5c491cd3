/**
 * What a sheet is, decided once from the columns under its header: its dimensions, its kind (summary,
 * detail, pipeline, targets), the value columns kept (当月 or 累计), the metric each holds, and the ratio
 * columns left out because their parts are beside them.
 */
import { GROUP_KEYS, type Unit } from '../headers.js';
import { findMetric, metricByKey } from '../metrics.js';
import type { GroupKey } from '../result.js';
import { type Column, dimPreference, labelFor } from './columns.js';
import type { KpiStore, SheetKind } from './store.js';

/**
 * One column per dimension, in sheet order. Several columns for one dimension (SAP's Material beside Material
 * Description, 金蝶's 物料编码 beside 物料名称): the user's, else the one with the name, not the code.
 */
export function dimensionColumns(cols: readonly Column[]): Column[] {
  const out: Column[] = [];
  const seenDims = new Set<GroupKey>();
  const dims = [...cols].sort((a, b) => dimPreference(b) - dimPreference(a) || a.index - b.index);
  for (const c of dims) {
    if ((GROUP_KEYS as string[]).includes(c.info.role) && !seenDims.has(c.info.role as GroupKey)) {
      seenDims.add(c.info.role as GroupKey);
      out.push(c);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A metric column makes a summary; targets alone make a targets sheet; a stage column, a pipeline. */
export function sheetKindOf(
  valueCols: readonly Column[],
  metricCol: Column | undefined,
  stageCol: Column | undefined,
  periodCol: Column | undefined,
): SheetKind {
  const hasActual = valueCols.some((c) => c.info.role !== 'target');
  const hasTarget = valueCols.some((c) => c.info.role === 'target');
  if (metricCol) return 'summary';
  if (!hasActual && hasTarget && !stageCol) return periodCol ? 'targets' : 'targets-flat';
  if (stageCol) return 'pipeline';
  return 'detail';
}

/** 当月 and 累计 side by side: keep the scope asked for, per role, when the sheet has it. */
export function inScope(valueCols: Column[], ytd: boolean): Column[] {
  const want = ytd ? 'ytd' : 'period';
  return valueCols.filter((c) => {
    if (c.info.scope === want || c.info.scope === undefined) return true;
    return !valueCols.some((o) => o.info.role === c.info.role && o.info.scope === want);
  });
}

/** Detail and targets: every value column belongs to a metric (unnamed → revenue), with its unit and scale. */
export function assignMetric(c: Column, store: KpiStore, sheetUnit: Unit | null): void {
  const def =
    c.info.metric ??
    (c.info.metricLabel ? findMetric(c.info.metricLabel) : undefined) ??
    (c.info.metricLabel ? undefined : metricByKey('revenue'));
  const label = def ? def.labels['zh-CN'] : (c.info.metricLabel ?? c.info.text);
  const unit = c.info.unit ?? (def && def.kind !== 'amount' ? null : sheetUnit);
  const info = store.metric(
    def,
    def ? labelFor(def, c.info.text) : label,
    c.info.role === 'actual' ? unit : null,
  );
  c.metric = info;
  c.percent = unit?.percent ?? false;
  c.scale = unit?.scale ?? 1;
  c.plain = !c.percent && info.kind !== 'ratio';
}

/** A ratio column beside its numerator and denominator is recomputed from them, not read. */
export function withoutDerivable(valueCols: Column[]): Column[] {
  const present = new Set(valueCols.filter((c) => c.info.role === 'actual').map((c) => c.metric!.key));
  return valueCols.filter((c) => {
    const def = c.metric?.def;
    if (def?.agg !== 'ratio') return true;
    const num =
      def.numerator !== undefined &&
      (present.has(def.numerator) ||
        (def.numeratorFromCost !== undefined && present.has(def.numeratorFromCost)));
    return !(num && def.denominator !== undefined && present.has(def.denominator));
  });
}
