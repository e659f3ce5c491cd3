/**
 * History for `targets --history`: detail exports (order lines or rep-months) read with the same reader as
 * `kpi`, summed per month and dimension. The amount is revenue (销售额 / Amount / 營收…) unless another
 * metric is asked for, in the unit of its column (万元 stays 万元).
 */
import type { HistoryRow } from '../core/history.js';
import type { Lang } from '../core/i18n/lang.js';
import { GROUP_KEYS } from '../core/kpi/headers.js';
import { countOf, KpiStore, sumOf } from '../core/kpi/ingest.js';
import { findMetric, normName } from '../core/kpi/metrics.js';
import { isoOfDay } from '../core/kpi/period.js';
import type { Group, GroupKey } from '../core/kpi/result.js';
import { ingestFiles, type KpiSource } from './kpi.js';

export interface HistoryOptions {
  cwd: string;
  /** Dimensions to keep (default: every dimension the files have). */
  by?: GroupKey[];
  /** Metric key or name (default: revenue). */
  metric?: string;
  lang?: Lang;
}

/** Reads detail sheets into one row per month × group; throws InputError for unreadable files. */
export async function loadHistory(
  files: (string | KpiSource)[],
  options: HistoryOptions,
): Promise<HistoryRow[]> {
  const by = options.by ?? GROUP_KEYS;
  const store = new KpiStore(by, options.lang ?? 'en');
  await ingestFiles(
    files.map((f) => (typeof f === 'string' ? { path: f } : f)),
    store,
    { cwd: options.cwd },
  );
  const wanted = options.metric ? (findMetric(options.metric)?.key ?? options.metric) : 'revenue';
  const info =
    store.metrics.get(wanted) ??
    [...store.metrics.values()].find((m) => normName(m.label) === normName(wanted)) ??
    (options.metric
      ? undefined
      : [...store.metrics.values()].find((m) => m.kind === 'amount' && m.agg === 'sum'));
  if (!info) return [];
  const slot = store.slots.findIndex((s) => s.metric === info.key && s.role === 'actual');
  if (slot < 0) return [];
  const rows = new Map<string, HistoryRow>();
  for (const b of store.buckets.values()) {
    if (!countOf(b, slot) || !b.when) continue;
    const v = sumOf(b, slot);
    const month = b.when.kind === 'day' ? isoOfDay(b.when.day).slice(0, 7) : b.when.month;
    if (!/^\d{4}-\d{2}$/.test(month)) continue;
    const group: Group = {};
    // A blank cell stays without a group here, as before: no target is planned for "(blank)".
    for (const k of by)
      if (b.group[k] !== undefined && b.group[k] !== store.blankGroup) group[k] = b.group[k];
    const key = `${month}\u0001${by.map((k) => group[k] ?? '').join('\u0001')}`;
    const row = rows.get(key);
    if (row) row.amount += v / info.scale;
    else rows.set(key, { month, group, amount: v / info.scale });
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) || JSON.stringify(a.group).localeCompare(JSON.stringify(b.group)),
  );
}
