/**
 * The report's charts as data (ECharts specs drawn by render/charts.ts, like the pack's): achievement by the first
 * breakdown, sorted and in status colours, and the monthly trend of revenue against target and the prior year.
 */

import { catalogue } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import type { KpiResult } from '../kpi/result.js';
import { type ChartSpec, kpiCharts, withUnit } from '../pack/kpi-view.js';
import { PACK_LABELS } from '../pack/labels.js';
import { REVENUE, total } from './view.js';

export interface ReportChartSpecs {
  regions?: ChartSpec;
  trend?: ChartSpec;
}

export function reportChartSpecs(
  kpi: KpiResult | null,
  months: readonly { label: string; result: KpiResult }[],
  lang: Lang,
): ReportChartSpecs {
  const out: ReportChartSpecs = {};
  if (!kpi) return out;
  const achievement = kpiCharts(kpi, lang).find((c) => c.id === 'achievement');
  if (achievement) out.regions = { ...achievement, id: 'regions' };
  const rows = months.map((m) => ({ month: m.label, row: total(m.result, REVENUE) }));
  if (rows.length >= 2 && rows.some((r) => r.row?.actual != null)) {
    const L = PACK_LABELS[lang];
    const unit = total(kpi, REVENUE)?.unit ?? null;
    const title = catalogue(lang).report.sections.trend;
    out.trend = {
      id: 'trend',
      kind: 'actual-target',
      title: withUnit(title, unit, lang),
      categories: rows.map((r) => r.month),
      series: [
        { name: L.actual, values: rows.map((r) => r.row?.actual ?? null), pattern: 'solid' },
        { name: L.target, values: rows.map((r) => r.row?.target ?? null), pattern: 'hatch' },
        ...(rows.some((r) => r.row?.priorYear != null)
          ? [
              {
                name: L.priorYear,
                values: rows.map((r) => r.row?.priorYear ?? null),
                pattern: 'dots' as const,
              },
            ]
          : []),
      ],
      status: null,
      statusWords: {},
      percent: false,
      markLine: null,
      unit,
      valueLabels: 'first',
    };
  }
  return out;
}
