/**
 * The view model of the period report (《销售年中总结及下半年工作计划》): five parts in the order and with the
 * emphasis of the chosen style, part one written from the KPI data — every sentence that states a figure is
 * built from the numbers, with its formula as a numbered note. The md, html and docx outputs lay this model out;
 * they hold no logic and no words of their own.
 */

import { catalogue } from '../../i18n/index.js';
import type { ReportMessages } from '../../i18n/report-en.js';
import type { TrackedAction } from '../actions.js';
import type { Lang } from '../i18n/lang.js';
import { interpolate, type Params } from '../i18n/messages.js';
import type { Thresholds } from '../kpi/formulas.js';
import { funnelText, multiple } from '../kpi/funnel-present.js';
import { parsePeriod } from '../kpi/period.js';
import { legendLines } from '../kpi/present.js';
import type { GroupKey, KpiResult, KpiRow } from '../kpi/result.js';
import type { Meeting } from '../meeting/schema.js';
import type { Minutes } from '../minutes/schema.js';
import { marketView } from '../pack/discussion-view.js';
import { formatChange, formatFigure, formatNumber, formatPercent } from '../pack/format.js';
import { PACK_LABELS } from '../pack/labels.js';
import {
  type Bridge,
  bridge,
  headline,
  movers,
  priceVolume,
  type Ranked,
  ranking,
  statusCounts,
  trend,
} from './analysis.js';
import { nextPeriodOf, ownerFor, type TargetsDoc, topLevel } from './targets.js';

export const REPORT_STYLES = ['data', 'team', 'market', 'process', 'key-accounts'] as const;
export type ReportStyle = (typeof REPORT_STYLES)[number];

/** The sections of report.yaml: what only people can write. */
export const NARRATIVE_KEYS = ['successFactors', 'challenges', 'strategy', 'team', 'outlook'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type Narrative = Partial<Record<NarrativeKey, string>>;

export interface Sentence {
  text: string;
  /** What follows it in its paragraph: a space between English sentences, nothing in Chinese. */
  after: string;
  /** The number of the note that holds its formula. */
  note: number | null;
}

export interface ReportTable {
  head: string[];
  rows: string[][];
  /** 'r' for figures, 'l' for words, per column. */
  align: ('l' | 'r')[];
  /** Relative column widths (docx grid, html col widths). */
  weights: number[];
  /** Each row is its own metric (an order count above an order value): decimals are the row's, not aligned down the column. */
  rowsAreMetrics?: true;
}

export interface ReportChart {
  id: string;
  title: string;
  /** Filled by the caller (the charts' SVG); the view holds the data. */
  svg: unknown;
  /** The chart as an image file, relative to the report (report.md links it): report-charts/<id>.svg. */
  file: string;
  /** The dimension a bridge or mix chart shows: it goes after that dimension's table. */
  key?: GroupKey;
}

export type Block =
  | { kind: 'text'; isText: true; sentences: Sentence[] }
  | { kind: 'table'; isTable: true; table: ReportTable }
  | { kind: 'list'; isList: true; items: string[] }
  | { kind: 'placeholder'; isPlaceholder: true; key: string; label: string; hint: string; prompts: string[] }
  | { kind: 'narrative'; isNarrative: true; paragraphs: string[] }
  | { kind: 'chart'; isChart: true; chart: ReportChart };

export interface ReportSection {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportPart {
  no: number;
  title: string;
  sections: ReportSection[];
}

export interface ReportView {
  lang: Lang;
  style: ReportStyle;
  title: string;
  meta: string;
  styleLine: string;
  status: string;
  /** Narrative sections still empty (report.yaml keys). */
  empty: NarrativeKey[];
  parts: ReportPart[];
  notes: { no: number; text: string }[];
  legend: string[];
  labels: { contents: string; notes: string; legend: string; page: string };
  generated: string;
}

export interface ReportDimension {
  key: GroupKey;
  current: KpiResult;
  /** The previous period, by the same dimension (for the change of rank). */
  previous: KpiResult | null;
}

export interface ReportInput {
  lang: Lang;
  style: ReportStyle;
  meeting: Meeting;
  /** The KPI of the period (meeting's `kpi:`, or --period); null when the meeting has none. */
  kpi: KpiResult | null;
  dimensions: ReportDimension[];
  /** The months of the period (or of the year to date for a month), by the first dimension. */
  months: { label: string; result: KpiResult }[];
  thresholds: Thresholds;
  narrative: Narrative;
  minutes: Minutes | undefined;
  actions: TrackedAction[];
  /** YYYY-MM-DD. */
  today: string;
  sources: string[];
  charts?: Partial<Record<'regions' | 'trend' | 'bridge' | 'mix', ReportChart>>;
  /** The next period's targets (`--targets`, a `salesmeet targets` YAML or JSON); null without one. */
  targets?: TargetsDoc | null;
}

type Words = ReportMessages;

export const REVENUE = 'revenue';

function periodKey(label: string): keyof Words['periods'] {
  const p = parsePeriod(label.replace(/ YTD$/, ''));
  if (!p) return 'year';
  if (p.kind === 'half') return p.label.endsWith('H2') ? 'H2' : 'H1';
  return p.kind;
}

/** Removes the space before a unit that is empty and before full-width punctuation. */
function tidy(s: string): string {
  return s
    .replace(/ {2,}/g, ' ')
    .replace(/ +([，。；：）、,.;)])/g, '$1')
    .replace(/（\s*）|\(\s*\)/g, '');
}

export function revenueRows(result: KpiResult | null, key?: GroupKey): KpiRow[] {
  if (!result) return [];
  return result.rows.filter(
    (r) => r.metric === REVENUE && (key === undefined || (r.group[key] !== undefined && r.group[key] !== '')),
  );
}

export function total(result: KpiResult | null, metric: string): KpiRow | undefined {
  return result?.totals.find((r) => r.metric === metric);
}

export const isRevenueDim = (d: ReportDimension) => revenueRows(d.current, d.key).length > 0;

export function reportView(input: ReportInput): ReportView {
  const { lang } = input;
  const w = catalogue(lang).report;
  const by = catalogue(lang).pack.by;
  const pk = periodKey(input.kpi?.period.label ?? '');
  const pw = w.periods[pk];
  const base: Params = { this: pw.this, next: pw.next, thisCap: pw.thisCap, nextCap: pw.nextCap };
  const t = (tpl: string, p: Params = {}) => tidy(interpolate(tpl, { ...base, ...p }));
  const notes: { no: number; text: string }[] = [];
  const say = (tpl: string, p: Params, noteTpl?: string, np?: Params): Sentence => {
    let note: number | null = null;
    if (noteTpl) {
      note = notes.length + 1;
      notes.push({ no: note, text: t(noteTpl, { ...p, ...np }) });
    }
    return { text: t(tpl, p), note, after: '' };
  };
  const n = (v: number | null | undefined, digits = 2) => formatFigure(v ?? null, lang, digits);
  const pc = (v: number | null | undefined) => formatPercent(v ?? null, lang).replace(/^-/, '−');
  const signedPct = (v: number | null) => formatChange(v, 'ratio', null, lang);
  const signedPp = (v: number | null) => formatChange(v, 'pp', null, lang);
  const signedNum = (v: number) => (v > 0 ? `+${n(v)}` : v < 0 ? `−${n(-v)}` : n(0));
  const changeWords = (v: number | null): string =>
    v === null
      ? '—'
      : v > 0
        ? t(w.sentences.rose, { pct: pc(v) })
        : v < 0
          ? t(w.sentences.fell, { pct: pc(-v) })
          : w.sentences.flat;

  const kpi = input.kpi;
  const revenue = total(kpi, REVENUE);
  const unit = revenue?.unit ?? '';
  const dims = input.dimensions.filter(isRevenueDim);
  const dimOf = (k: GroupKey) => dims.find((d) => d.key === k);
  const dimWord = (k: GroupKey) => by[k];
  /** The dimension inside a sentence ("by region", not "by Region"). */
  const dimIn = (k: GroupKey) => by[k].toLowerCase();
  /** "4 regions", "1 region": English counts its nouns; Chinese has no plural. */
  const dimsIn = (k: GroupKey, count: number) => (lang === 'en' && count !== 1 ? `${dimIn(k)}s` : dimIn(k));

  // ── Part one blocks ────────────────────────────────────────────────────────────────────────────────────
  const overall = (): ReportSection | null => {
    if (!revenue) return null;
    const h = headline(
      {
        name: 'total',
        actual: revenue.actual,
        target: revenue.target,
        priorYear: revenue.priorYear,
        priorPeriod: revenue.priorPeriod,
      },
      kpi?.timeProgress ?? null,
    );
    if (!h) return null;
    const s: Sentence[] = [];
    const p = {
      actual: n(h.actual),
      target: n(h.target),
      achievement: pc(h.achievement),
      gap: n(h.gap === null ? null : Math.abs(h.gap)),
      signedGap: h.gap === null ? '—' : signedNum(h.gap),
      unit,
    };
    if (h.achievement !== null)
      s.push(
        say(h.gap! < 0 ? w.sentences.headlineBelow : w.sentences.headlineAbove, p, w.sentences.headlineNote),
      );
    else s.push(say(w.sentences.headlineNoTarget, p));
    if (h.yoy !== null) {
      const g = {
        yoyWords: changeWords(h.yoy),
        momWords: changeWords(h.mom),
        priorYear: n(h.priorYear),
        priorPeriod: n(h.priorPeriod),
        actual: n(h.actual),
        yoy: signedPct(h.yoy),
        mom: signedPct(h.mom),
        unit,
      };
      s.push(
        h.mom !== null
          ? say(w.sentences.growth, g, w.sentences.growthNote)
          : say(w.sentences.growthYoyOnly, g, w.sentences.growthYoyNote),
      );
    }
    const progress = kpi?.timeProgress ?? null;
    if (progress !== null && progress < 1 && h.gapToProgress !== null)
      s.push(
        say(
          w.sentences.progress,
          {
            progress: pc(progress),
            gap: formatNumber(Math.abs(Math.round(h.gapToProgress * 1000) / 10), lang, 1),
            aheadBehind: h.gapToProgress >= 0 ? w.sentences.ahead : w.sentences.behind,
          },
          w.sentences.progressNote,
          {
            achievement: pc(h.achievement),
            signedGap: signedPp(h.gapToProgress).replace(/ .*$/, ''),
          },
        ),
      );
    const blocks: Block[] = [text(s)];
    const first = dims[0];
    if (first) {
      const rows = revenueRows(first.current, first.key);
      const withTarget = rows.filter((r) => r.achievement !== null);
      if (withTarget.length > 0) {
        const counts = statusCounts(
          withTarget.map((r) => r.achievement),
          input.thresholds,
        );
        const sorted = [...withTarget].sort((a, b) => b.achievement! - a.achievement!);
        const best = sorted[0]!;
        const worst = sorted.at(-1)!;
        blocks.push(
          text([
            say(
              w.sentences.status,
              {
                count: withTarget.length,
                dims: dimsIn(first.key, withTarget.length),
                onTrack: counts.onTrack,
                atRisk: counts.atRisk,
                offTrack: counts.offTrack,
                best: best.group[first.key],
                bestAchievement: pc(best.achievement),
                worst: worst.group[first.key],
                worstAchievement: pc(worst.achievement),
              },
              w.sentences.statusNote,
              {
                onTrack: pc(input.thresholds.onTrack),
                atRisk: pc(input.thresholds.atRisk),
                bestActual: n(best.actual),
                bestTarget: n(best.target),
                worstActual: n(worst.actual),
                worstTarget: n(worst.target),
              },
            ),
          ]),
        );
      }
      blocks.push(achievementTable(first.key, rows));
    }
    if (input.charts?.regions) blocks.push(chart(input.charts.regions));
    return { id: 'overall', title: w.sections.overall, blocks };
  };

  const achievementTable = (key: GroupKey, rows: KpiRow[]): Block => {
    const c = w.columns;
    const u = unit ? ` (${unit})` : '';
    const body = [...rows]
      .sort((a, b) => (b.actual ?? 0) - (a.actual ?? 0))
      .map((r) => [
        r.group[key] ?? '',
        n(r.target),
        n(r.actual),
        pc(r.achievement),
        r.variance === null ? '—' : signedNum(r.variance),
        n(r.priorYear),
        signedPct(r.yoy),
        pc(r.share),
      ]);
    if (revenue)
      body.push([
        c.total,
        n(revenue.target),
        n(revenue.actual),
        pc(revenue.achievement),
        revenue.variance === null ? '—' : signedNum(revenue.variance),
        n(revenue.priorYear),
        signedPct(revenue.yoy),
        '',
      ]);
    return table({
      head: [dimWord(key), c.target + u, c.actual + u, c.achievement, c.gap, c.priorYear + u, c.yoy, c.share],
      rows: body,
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      weights: [14, 12, 12, 10, 12, 12, 10, 9],
    });
  };

  const trendSection = (): ReportSection | null => {
    if (input.months.length < 2) return null;
    const months = input.months.map((m) => {
      const r = total(m.result, REVENUE);
      return {
        month: m.label,
        actual: r?.actual ?? null,
        target: r?.target ?? null,
        priorYear: r?.priorYear ?? null,
      };
    });
    const tr = trend(months);
    const blocks: Block[] = [];
    const withAch = tr.points.filter((p) => p.achievement !== null);
    if (withAch.length > 0 && tr.best && tr.worst) {
      const last = tr.points.filter((p) => p.cumulativeAchievement !== null).at(-1)!;
      blocks.push(
        text([
          say(
            w.sentences.trend,
            {
              months: withAch.length,
              met: withAch.filter((p) => p.achievement! >= 1).length,
              best: tr.best.month,
              bestAchievement: pc(tr.best.achievement),
              worst: tr.worst.month,
              worstAchievement: pc(tr.worst.achievement),
            },
            w.sentences.trendNote,
            {
              actual: n(last.cumulativeActual),
              target: n(last.cumulativeTarget),
              achievement: pc(last.cumulativeAchievement),
            },
          ),
        ]),
      );
    }
    // Months running below target, per group of the first dimension.
    const first = dims[0];
    const runs: { name: string; count: number; below: { month: string; achievement: number | null }[] }[] =
      [];
    if (first) {
      const names = revenueRows(first.current, first.key).map((r) => r.group[first.key]!);
      for (const name of names) {
        const series = input.months.map((m) => {
          const r = revenueRows(m.result, first.key).find((x) => x.group[first.key] === name);
          return { month: m.label, actual: r?.actual ?? null, target: r?.target ?? null, priorYear: null };
        });
        const g = trend(series);
        if (g.monthsBelowTarget >= 2)
          runs.push({
            name,
            count: g.monthsBelowTarget,
            below: g.points.filter((p) => p.achievement !== null).slice(-g.monthsBelowTarget),
          });
      }
    }
    // The longest run first: the region that has missed longest is the one to talk about.
    if (runs.length > 0)
      blocks.push(
        text(
          runs
            .sort((a, b) => b.count - a.count)
            .map(({ name, count, below }) =>
              say(w.sentences.belowRun, { name, count }, w.sentences.belowRunNote, {
                last: below.at(-1)!.month,
                months: below.map((p) => `${p.month} ${pc(p.achievement)}`).join(lang === 'en' ? ', ' : '、'),
              }),
            ),
        ),
      );
    const c = w.columns;
    const u = unit ? ` (${unit})` : '';
    blocks.push(
      table({
        head: [c.month, c.target + u, c.actual + u, c.achievement, c.priorYear + u, c.yoy, c.cumulative],
        rows: tr.points.map((p) => [
          p.month,
          n(p.target),
          n(p.actual),
          pc(p.achievement),
          n(p.priorYear),
          signedPct(p.yoy),
          pc(p.cumulativeAchievement),
        ]),
        align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
        weights: [10, 12, 12, 10, 12, 10, 12],
      }),
    );
    if (input.charts?.trend) blocks.push(chart(input.charts.trend));
    return { id: 'trend', title: w.sections.trend, blocks };
  };

  const bridgeOf = (d: ReportDimension): Bridge | null =>
    bridge(
      revenueRows(d.current, d.key).map((r) => ({
        name: r.group[d.key]!,
        current: r.actual,
        base: r.priorYear,
      })),
    );

  const driversSection = (keys: GroupKey[]): ReportSection | null => {
    const blocks: Block[] = [];
    for (const k of keys) {
      const d = dimOf(k);
      if (!d) continue;
      const b = bridgeOf(d);
      if (!b || b.growth === null || b.delta === 0 || b.items.length < 2) continue;
      const up = b.delta > 0;
      const lead = up ? b.items[0]! : b.items.at(-1)!;
      const others = b.items.filter((i) => i !== lead);
      const sumPrinted = b.items.reduce((s, i) => s + i.printed.contribution, 0);
      const s = [
        say(
          up ? w.sentences.driversUp : w.sentences.driversDown,
          {
            dim: dimIn(k),
            top: lead.name,
            share: pc(lead.printed.shareOfChange),
            pp: signedPp(lead.printed.contribution),
            growth: signedPct(b.printedGrowth),
          },
          w.sentences.driversNote,
          {
            name: lead.name,
            current: n(lead.current),
            base: n(lead.base),
            baseTotal: n(b.base),
            delta: signedNum(lead.printed.delta),
            totalDelta: signedNum(b.delta),
            sum:
              b.items.map((i) => signedPp(i.printed.contribution).replace(/ .*$/, '')).join(' ') +
              ` = ${signedPp(sumPrinted)}`,
            base2: n(b.base),
            current2: n(b.current),
          },
        ),
        say(w.sentences.driversOthers, {
          list: others
            .map((i) => t(w.sentences.driversItem, { name: i.name, pp: signedPp(i.printed.contribution) }))
            .join(lang === 'en' ? '; ' : '；'),
        }),
      ];
      blocks.push(text(s));
      const c = w.columns;
      const u = unit ? ` (${unit})` : '';
      blocks.push(
        table({
          head: [
            dimWord(k),
            c.priorYear + u,
            c.actual + u,
            c.delta + u,
            c.yoy,
            c.contribution,
            c.shareOfGrowth,
          ],
          rows: [
            ...b.items.map((i) => [
              i.name,
              n(i.base),
              n(i.current),
              signedNum(i.printed.delta),
              signedPct(i.growth),
              signedPp(i.printed.contribution),
              pc(i.printed.shareOfChange),
            ]),
            [
              c.total,
              n(b.base),
              n(b.current),
              signedNum(b.delta),
              signedPct(b.growth),
              signedPp(b.printedGrowth),
              pc(1),
            ],
          ],
          align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
          weights: [14, 12, 12, 12, 10, 14, 12],
        }),
      );
      const bridgeChart = input.charts?.bridge;
      if (bridgeChart && k === (bridgeChart.key ?? dims[0]?.key)) blocks.push(chart(bridgeChart));
    }
    return blocks.length > 0 ? { id: 'drivers', title: w.sections.drivers, blocks } : null;
  };

  const priceVolumeSection = (): ReportSection | null => {
    const orders = total(kpi, 'orders');
    if (!revenue || !orders) return null;
    // Revenue from the same rows as the orders: the sum of the first dimension's groups (the detail rows).
    const first = dims[0];
    const rows = first ? revenueRows(first.current, first.key) : [];
    const cur = rows.length ? rows.reduce((s, r) => s + (r.actual ?? 0), 0) : revenue.actual;
    const prior =
      rows.length && rows.every((r) => r.priorYear !== null)
        ? rows.reduce((s, r) => s + r.priorYear!, 0)
        : revenue.priorYear;
    const pv = priceVolume(
      { revenue: cur, orders: orders.actual },
      { revenue: prior, orders: orders.priorYear },
    );
    if (!pv) return null;
    const s = say(
      w.sentences.priceVolume,
      {
        aov: n(pv.aov.current),
        aovChange: signedPct(pv.aov.growth),
        orders: n(pv.orders.current, 0),
        ordersChange: signedPct(pv.orders.growth),
        driver: pv.driver === 'volume' ? w.sentences.driverVolume : w.sentences.driverPrice,
        price: signedNum(pv.priceEffect),
        volume: signedNum(pv.volumeEffect),
        interaction: signedNum(pv.interaction),
        unit,
      },
      w.sentences.priceVolumeNote,
      {
        q1: n(pv.orders.current, 0),
        q0: n(pv.orders.base, 0),
        p1: n(pv.aov.current),
        p0: n(pv.aov.base),
        delta: signedNum(pv.revenue.delta),
      },
    );
    const c = w.columns;
    const u = unit ? ` (${unit})` : '';
    return {
      id: 'priceVolume',
      title: w.sections.priceVolume,
      blocks: [
        text([s]),
        table({
          head: [c.metric, c.priorYear, c.actual, c.yoy],
          rows: [
            [c.orders, n(pv.orders.base, 0), n(pv.orders.current, 0), signedPct(pv.orders.growth)],
            [c.aov + u, n(pv.aov.base), n(pv.aov.current), signedPct(pv.aov.growth)],
          ],
          align: ['l', 'r', 'r', 'r'],
          weights: [20, 14, 14, 12],
          rowsAreMetrics: true,
        }),
        table({
          head: [c.effect, c.amount + u, c.shareOfGrowth],
          rows: [
            [
              c.priceEffect,
              signedNum(pv.priceEffect),
              pc(pv.revenue.delta ? pv.priceEffect / pv.revenue.delta : null),
            ],
            [
              c.volumeEffect,
              signedNum(pv.volumeEffect),
              pc(pv.revenue.delta ? pv.volumeEffect / pv.revenue.delta : null),
            ],
            [
              c.interaction,
              signedNum(pv.interaction),
              pc(pv.revenue.delta ? pv.interaction / pv.revenue.delta : null),
            ],
            [c.total, signedNum(pv.revenue.delta), pc(pv.revenue.delta ? 1 : null)],
          ],
          align: ['l', 'r', 'r'],
          weights: [24, 14, 14],
        }),
      ],
    };
  };

  const mixSection = (keys: GroupKey[]): ReportSection | null => {
    const blocks: Block[] = [];
    for (const k of keys) {
      const d = dimOf(k);
      if (!d) continue;
      const rows = revenueRows(d.current, k);
      const totalNow = rows.reduce((s, r) => s + (r.actual ?? 0), 0);
      const totalPrior = rows.every((r) => r.priorYear !== null)
        ? rows.reduce((s, r) => s + r.priorYear!, 0)
        : null;
      if (totalNow <= 0) continue;
      const sorted = [...rows].sort((a, b) => (b.actual ?? 0) - (a.actual ?? 0));
      const share = (r: KpiRow) => (r.actual ?? 0) / totalNow;
      const priorShare = (r: KpiRow) =>
        totalPrior && r.priorYear !== null ? r.priorYear / totalPrior : null;
      const top = sorted[0]!;
      const topPrior = priorShare(top);
      const s: Sentence[] = [
        say(
          w.sentences.mix,
          {
            top: top.group[k],
            dim: dimIn(k),
            share: pc(share(top)),
            shift: topPrior === null ? '—' : signedPp(share(top) - topPrior),
          },
          w.sentences.mixNote,
          {
            actual: n(top.actual),
            total: n(totalNow),
            priorActual: n(top.priorYear),
            priorTotal: n(totalPrior),
            priorShare: pc(topPrior),
          },
        ),
      ];
      const mv = movers(
        rows.map((r) => ({ name: r.group[k]!, current: r.actual, base: r.priorYear })),
        1,
      );
      const upM = mv.up[0];
      const downM = mv.down[0];
      if (upM && downM)
        s.push(
          say(
            w.sentences.movers,
            {
              up: upM.name,
              upDelta: signedNum(upM.delta),
              upGrowth: signedPct(upM.growth),
              down: downM.name,
              downDelta: signedNum(downM.delta),
              downGrowth: signedPct(downM.growth),
              unit,
            },
            w.sentences.moversNote,
            {
              upCurrent: n(upM.current),
              upBase: n(upM.base),
              downCurrent: n(downM.current),
              downBase: n(downM.base),
            },
          ),
        );
      else if (upM)
        s.push(
          say(
            w.sentences.moversUpOnly,
            {
              up: upM.name,
              upDelta: signedNum(upM.delta),
              upGrowth: signedPct(upM.growth),
              unit,
              dim: dimIn(k),
            },
            w.sentences.moversUpNote,
            { upCurrent: n(upM.current), upBase: n(upM.base) },
          ),
        );
      blocks.push(text(s));
      const c = w.columns;
      const u = unit ? ` (${unit})` : '';
      blocks.push(
        table({
          head: [dimWord(k), c.actual + u, c.share, c.priorShare, c.shift, c.yoy],
          rows: sorted.map((r) => {
            const ps = priorShare(r);
            return [
              r.group[k] ?? '',
              n(r.actual),
              pc(share(r)),
              pc(ps),
              ps === null ? '—' : signedPp(share(r) - ps),
              signedPct(r.yoy),
            ];
          }),
          align: ['l', 'r', 'r', 'r', 'r', 'r'],
          weights: [16, 13, 10, 12, 13, 10],
        }),
      );
      if (input.charts?.mix && input.charts.mix.key === k) blocks.push(chart(input.charts.mix));
    }
    return blocks.length > 0 ? { id: 'mix', title: w.sections.mix, blocks } : null;
  };

  const metricsSection = (): ReportSection | null => {
    if (!kpi) return null;
    const rows = kpi.totals.filter((r) => r.metric !== REVENUE && r.actual !== null);
    if (rows.length === 0) return null;
    // Pipeline coverage is a multiple (2.5×), not a percentage.
    const bare = (r: KpiRow, v: number | null) =>
      r.unit === '×' ? multiple(v) : r.kind === 'ratio' ? pc(v) : n(v, r.kind === 'count' ? 0 : 2);
    const value = (r: KpiRow, v: number | null) =>
      v === null || r.kind === 'ratio' || !r.unit || r.unit === '%' ? bare(r, v) : `${bare(r, v)} ${r.unit}`;
    const change = (r: KpiRow) => formatChange(r.yoy, r.yoyUnit, r.yoyNote, lang);
    const s: Sentence[] = rows
      .filter((r) => r.target !== null && r.achievement !== null)
      .map((r) =>
        say(
          w.sentences.metric,
          {
            label: r.label,
            actual: value(r, r.actual),
            target: value(r, r.target),
            achievement: pc(r.achievement),
            change: change(r),
          },
          w.sentences.metricNote,
          {
            formula:
              r.direction === 'lower'
                ? `2 − ${value(r, r.actual)} ÷ ${value(r, r.target)} = ${pc(r.achievement)}`
                : `${value(r, r.actual)} ÷ ${value(r, r.target)} = ${pc(r.achievement)}`,
            yoyFormula:
              r.yoyUnit === 'pp'
                ? `${value(r, r.actual)} − ${value(r, r.priorYear)} = ${change(r)}`
                : `(${value(r, r.actual)} − ${value(r, r.priorYear)}) ÷ ${value(r, r.priorYear)} = ${change(r)}`,
          },
        ),
      );
    const c = w.columns;
    const blocks: Block[] = [];
    if (s.length) blocks.push(text(s));
    blocks.push(
      table({
        head: [c.metric, c.target, c.actual, c.achievement, c.priorYear, c.yoy],
        rows: rows.map((r) => [
          r.label + (r.unit && r.kind !== 'ratio' ? ` (${r.unit})` : ''),
          bare(r, r.target),
          bare(r, r.actual),
          pc(r.achievement),
          bare(r, r.priorYear),
          change(r),
        ]),
        align: ['l', 'r', 'r', 'r', 'r', 'r'],
        weights: [20, 12, 12, 10, 12, 12],
      }),
    );
    blocks.push(...marginByProduct());
    return { id: 'metrics', title: w.sections.metrics, blocks };
  };

  /** Gross margin by product line, highest first, against the prior year (when the detail rows carry a cost). */
  const marginByProduct = (): Block[] => {
    const d = dimOf('product');
    const rows = (d?.current.rows ?? [])
      .filter(
        (r) =>
          r.metric === 'gross_margin' &&
          r.actual !== null &&
          Object.keys(r.group).length === 1 &&
          r.group.product !== undefined,
      )
      .sort((a, b) => b.actual! - a.actual!);
    if (rows.length < 2) return [];
    const top = rows[0]!;
    const bottom = rows.at(-1)!;
    const change = (r: KpiRow) => formatChange(r.yoy, r.yoyUnit, r.yoyNote, lang);
    const fell = rows.filter((r) => r.yoy !== null && r.yoy < 0).length;
    const sentence = say(
      w.sentences.marginByProduct,
      {
        metric: top.label,
        dim: dimIn('product'),
        top: top.group.product!,
        topMargin: pc(top.actual),
        bottom: bottom.group.product!,
        bottomMargin: pc(bottom.actual),
      },
      w.sentences.marginByProductNote,
      { metric: top.label, dim: dimIn('product') },
    );
    const all = rows.every((r) => r.yoy !== null);
    const tail =
      all && fell === rows.length
        ? t(w.sentences.marginAllFell, { metric: top.label, dim: dimIn('product') })
        : all && fell === 0
          ? t(w.sentences.marginAllRose, { metric: top.label, dim: dimIn('product') })
          : '';
    const c = w.columns;
    return [
      text(tail ? [sentence, { text: tail, note: null, after: sentence.after }] : [sentence]),
      table({
        head: [dimWord('product'), top.label, c.priorYear, c.yoy],
        rows: rows.map((r) => [r.group.product!, pc(r.actual), pc(r.priorYear), change(r)]),
        align: ['l', 'r', 'r', 'r'],
        weights: [20, 12, 12, 12],
      }),
    ];
  };

  const rankChange = (r: Ranked) =>
    r.change === null
      ? r.previousRank === null && r.rank !== null
        ? w.newEntry
        : '—'
      : r.change > 0
        ? t(w.up, { n: r.change })
        : r.change < 0
          ? t(w.down, { n: -r.change })
          : w.same;

  const rankingSection = (keys: GroupKey[]): ReportSection | null => {
    const blocks: Block[] = [];
    for (const k of keys) {
      const d = dimOf(k);
      if (!d) continue;
      const rows = revenueRows(d.current, k);
      const prevRows = revenueRows(d.previous, k);
      const prevOf = (name: string) => prevRows.find((r) => r.group[k] === name);
      const byAchievement = rows.some((r) => r.achievement !== null);
      const prevHasAchievement = prevRows.some((r) => r.achievement !== null);
      const basis: 'achievement' | 'revenue' =
        byAchievement && (prevHasAchievement || prevRows.length === 0)
          ? 'achievement'
          : byAchievement
            ? 'achievement'
            : 'revenue';
      const ranked = ranking(
        rows.map((r) => {
          const p = prevOf(r.group[k]!);
          return {
            name: r.group[k]!,
            score: basis === 'achievement' ? r.achievement : r.actual,
            previousScore: basis === 'achievement' ? (p?.achievement ?? null) : (p?.actual ?? null),
          };
        }),
      );
      const rowOf = (name: string) => rows.find((r) => r.group[k] === name)!;
      const s: Sentence[] = [];
      const improved = ranked.filter((r) => (r.change ?? 0) > 0).sort((a, b) => b.change! - a.change!)[0];
      if (improved)
        s.push(
          say(
            w.sentences.mostImproved,
            { name: improved.name, places: improved.change!, rank: improved.rank! },
            w.sentences.mostImprovedNote,
            { basis: w.rankBasis[basis], previous: improved.previousRank! },
          ),
        );
      else {
        const growers = rows.filter((r) => r.yoy !== null).sort((a, b) => b.yoy! - a.yoy!);
        const g = growers[0];
        if (g && g.yoy! > 0)
          s.push(
            say(
              w.sentences.mostImprovedGrowth,
              { name: g.group[k], growth: signedPct(g.yoy) },
              w.sentences.mostImprovedGrowthNote,
              { actual: n(g.actual), priorYear: n(g.priorYear) },
            ),
          );
      }
      if (s.length) blocks.push(text(s));
      const c = w.columns;
      const u = unit ? ` (${unit})` : '';
      const hasPrev = ranked.some((r) => r.previousRank !== null);
      const head = [c.rank, dimWord(k), c.actual + u];
      if (byAchievement) head.push(c.achievement);
      head.push(c.yoy);
      if (hasPrev) head.push(c.previousRank, c.rankChange);
      // A long list (a hundred reps) shows its head and its tail, 红榜 and 黑榜; the rest is one line under it.
      const shown =
        ranked.length > MAX_RANKED ? [...ranked.slice(0, RANKED_END), ...ranked.slice(-RANKED_END)] : ranked;
      blocks.push(
        table({
          head,
          rows: shown.map((r) => {
            const row = rowOf(r.name);
            const cells = [r.rank === null ? '—' : String(r.rank), r.name, n(row.actual)];
            if (byAchievement) cells.push(pc(row.achievement));
            cells.push(signedPct(row.yoy));
            if (hasPrev) cells.push(r.previousRank === null ? '—' : String(r.previousRank), rankChange(r));
            return cells;
          }),
          align: head.map((_, i) => (i === 1 ? 'l' : 'r')),
          weights: head.map((_, i) => (i === 1 ? 16 : i === 0 ? 7 : 11)),
        }),
      );
      if (shown.length < ranked.length)
        blocks.push(
          text([
            {
              text: t(w.sentences.rankingMore, {
                n: RANKED_END,
                count: ranked.length - shown.length,
                command: `salesmeet kpi --by ${k}`,
              }),
              after: lang === 'en' ? ' ' : '',
              note: null,
            },
          ]),
        );
    }
    return blocks.length > 0 ? { id: 'ranking', title: w.sections.ranking, blocks } : null;
  };

  const customersSection = (): ReportSection | null => {
    const d = dimOf('customer');
    if (!d || !revenue) return null;
    const rows = revenueRows(d.current, 'customer').sort((a, b) => (b.actual ?? 0) - (a.actual ?? 0));
    const totalNow = rows.reduce((s, r) => s + (r.actual ?? 0), 0);
    if (totalNow <= 0) return null;
    const top = rows.slice(0, 10);
    const topSum = top.reduce((s, r) => s + (r.actual ?? 0), 0);
    const c = w.columns;
    const u = unit ? ` (${unit})` : '';
    return {
      id: 'customers',
      title: w.sections.customers,
      blocks: [
        text([
          say(
            w.sentences.customers,
            { n: top.length, actual: n(topSum), share: pc(topSum / totalNow), unit },
            w.sentences.customersNote,
            { total: n(totalNow) },
          ),
        ]),
        table({
          head: [c.rank, by.customer, c.actual + u, c.share, c.priorYear + u, c.yoy],
          rows: top.map((r, i) => [
            String(i + 1),
            r.group.customer ?? '',
            n(r.actual),
            pc((r.actual ?? 0) / totalNow),
            n(r.priorYear),
            signedPct(r.yoy),
          ]),
          align: ['r', 'l', 'r', 'r', 'r', 'r'],
          weights: [7, 18, 12, 10, 12, 10],
        }),
      ],
    };
  };

  const perRepSection = (): ReportSection | null => {
    const r = total(kpi, 'revenue_per_rep');
    if (!r || r.actual === null) return null;
    const reps = total(kpi, 'active_reps');
    return {
      id: 'perRep',
      title: w.sections.perRep,
      blocks: [
        text([
          say(
            w.sentences.perRep,
            {
              value: n(r.actual),
              change: formatChange(r.yoy, r.yoyUnit, r.yoyNote, lang),
              unit: r.unit ?? '',
            },
            w.sentences.perRepNote,
            {
              formula:
                reps?.actual && revenue?.actual
                  ? `${n(revenue.actual)} ÷ ${n(reps.actual, 0)} = ${n(r.actual)}`
                  : revenue?.actual
                    ? `${n(revenue.actual)} ÷ ${n(revenue.actual / r.actual, 0)} = ${n(r.actual)}`
                    : n(r.actual),
            },
          ),
        ]),
      ],
    };
  };

  /**
   * The funnel of opportunity exports: the open pipeline and its largest stage, the win rate, the coverage of the
   * remaining target — each sentence with its formula as a note — and the table `kpi` prints.
   */
  const funnelSection = (): ReportSection | null => {
    const f = kpi?.funnel;
    const ft = kpi ? funnelText(kpi, lang) : null;
    if (!kpi || !f || !ft) return null;
    const fw = catalogue(lang).kpi.funnel;
    const u = f.unit ?? '';
    const s: Sentence[] = [];
    const open = f.stages.filter((x) => x.verdict === 'open' && x.amount !== null);
    if (f.open.count > 0 && f.open.amount !== null && open.length > 0) {
      const top = open.reduce((a, b) => (b.amount! > a.amount! ? b : a));
      const weighted = f.open.weightedAmount !== null;
      s.push(
        say(
          weighted ? w.sentences.funnelPipeline : w.sentences.funnelPipelineUnweighted,
          {
            count: n(f.open.count, 0),
            amount: n(f.open.amount),
            weighted: n(f.open.weightedAmount),
            stage: top.stage,
            share: pc(top.share),
            unit: u,
          },
          weighted ? w.sentences.funnelPipelineNote : w.sentences.funnelPipelineUnweightedNote,
          { start: kpi.period.start, stageAmount: n(top.amount), unit: u },
        ),
      );
    }
    if (f.winRate !== null) {
      const byAmount = f.winRateAmount !== null;
      s.push(
        say(
          byAmount ? w.sentences.funnelWinRate : w.sentences.funnelWinRateCount,
          {
            won: n(f.won.count, 0),
            lost: n(f.lost.count, 0),
            closed: n(f.won.count + f.lost.count, 0),
            rate: pc(f.winRate),
            rateAmount: pc(f.winRateAmount),
          },
          byAmount ? w.sentences.funnelWinRateNote : w.sentences.funnelWinRateCountNote,
          { wonAmount: n(f.won.amount ?? 0), lostAmount: n(f.lost.amount ?? 0) },
        ),
      );
    }
    const c = f.coverage;
    if (c?.met)
      s.push(
        say(w.sentences.funnelCoverageMet, {
          actual: n(c.actual),
          target: n(c.target),
          amount: n(f.open.amount),
          unit: u,
        }),
      );
    else if (c)
      s.push(
        say(
          w.sentences.funnelCoverage,
          {
            remaining: n(c.remaining),
            pipeline: c.basis === 'weighted' ? fw.weightedPipeline : fw.openPipeline,
            amount: n(c.pipeline),
            ratio: multiple(c.ratio),
            unit: u,
          },
          w.sentences.funnelCoverageNote,
          { target: n(c.target), actual: n(c.actual) },
        ),
      );
    const blocks: Block[] = [];
    if (s.length > 0) blocks.push(text(s));
    const numeric = ft.table.numeric;
    blocks.push(
      table({
        head: ft.table.headers,
        rows: ft.table.rows,
        align: numeric.map((x) => (x ? 'r' : 'l')),
        weights: ft.table.headers.map((_, i) => (i === 0 ? 18 : i === 1 ? 8 : 10)),
      }),
    );
    // What the table holds: which deals, the order of the stages, what the share is of, the deals left out.
    blocks.push({
      kind: 'list',
      isList: true,
      items: [
        ft.caption,
        // The win rate and coverage lines when no sentence says them (no closed deal, no target).
        ...(f.winRate === null ? ft.lines.slice(0, 1) : []),
        ...(c === null ? ft.lines.slice(1, 2) : []),
        ...ft.lines.slice(2),
        ...ft.notes,
      ],
    });
    return { id: 'funnel', title: w.sections.funnel, blocks };
  };

  // ── The user's parts ─────────────────────────────────────────────────────────────────────────────────
  const prompts = promptsFor(input);
  const empty: NarrativeKey[] = [];
  const narrativeBlock = (key: NarrativeKey): Block => {
    const textValue = input.narrative[key]?.trim();
    if (textValue)
      return {
        kind: 'narrative',
        isNarrative: true,
        paragraphs: textValue.split(/\n\s*\n/).map((p) => p.trim()),
      };
    empty.push(key);
    return {
      kind: 'placeholder',
      isPlaceholder: true,
      key,
      label: t(w.placeholder, { section: w.narrative[key] }),
      hint: t(prompts[key].length ? w.placeholderHint : w.placeholderNone, { key }),
      prompts: prompts[key],
    };
  };
  const narrativeSection = (key: NarrativeKey, title: string, extra: Block[] = []): ReportSection => ({
    id: key,
    title,
    blocks: [narrativeBlock(key), ...extra],
  });

  const issuesSection = (): ReportSection => {
    const c = w.columns;
    const issues = input.meeting.issues;
    return {
      id: 'issues',
      title: w.sections.issues,
      blocks: issues.length
        ? [
            table({
              head: [c.problem, c.category, c.raisedBy],
              rows: issues.map((i) => [i.problem, i.category ?? '', i.raisedBy ?? '']),
              align: ['l', 'l', 'l'],
              weights: [40, 10, 8],
            }),
          ]
        : [{ kind: 'list', isList: true, items: [w.noIssues] }],
    };
  };

  // The market (meeting.yaml `market`, as in the pack): data points, competitors' moves, the SWOT.
  const marketSection = (): ReportSection | null => {
    const mv = marketView(input.meeting, lang);
    if (!mv) return null;
    const P = PACK_LABELS[lang];
    const blocks: Block[] = [];
    if (mv.data.length)
      blocks.push(
        table({
          head: [P.marketItem, P.marketValue, P.marketSource],
          rows: mv.data.map((d) => [d.item, d.value, d.source]),
          align: ['l', 'l', 'l'],
          weights: [24, 14, 12],
        }),
      );
    if (mv.competitors.length)
      blocks.push(
        table({
          head: [P.competitor, P.competitorMove, P.competitorImpact, P.competitorResponse],
          rows: mv.competitors.map((c) => [c.name, c.move, c.impact, c.response]),
          align: ['l', 'l', 'l', 'l'],
          weights: [8, 20, 18, 20],
        }),
      );
    if (mv.swot)
      blocks.push(
        table({
          head: [P.swotTitle, ''],
          rows: mv.swot.map((q) => [q.title, q.items.join(lang === 'en' ? '; ' : '；')]),
          align: ['l', 'l'],
          weights: [10, 40],
        }),
      );
    return { id: 'market', title: w.sections.market, blocks };
  };

  const decisionsSection = (): ReportSection => {
    const c = w.columns;
    const rows = (input.minutes?.topics ?? []).flatMap((tp) => tp.decisions.map((d) => [tp.title, d]));
    return {
      id: 'decisions',
      title: w.sections.decisions,
      blocks: rows.length
        ? [table({ head: [c.topic, c.decision], rows, align: ['l', 'l'], weights: [14, 30] })]
        : [{ kind: 'list', isList: true, items: [w.noDecisions] }],
    };
  };

  const actionsSection = (): ReportSection => {
    const c = w.columns;
    const status = catalogue(lang).pack.actionStatus;
    return {
      id: 'actions',
      title: w.sections.actions,
      blocks: input.actions.length
        ? [
            table({
              head: [c.action, c.owner, c.due, c.measure, c.status],
              rows: input.actions.map((a) => [
                a.what,
                a.owner ?? '',
                a.due ?? '',
                measureText(a.measure),
                status[a.status],
              ]),
              align: ['l', 'l', 'l', 'l', 'l'],
              weights: [26, 8, 10, 22, 9],
            }),
          ]
        : [{ kind: 'list', isList: true, items: [w.noActions] }],
    };
  };

  const targetsSection = (): ReportSection => {
    const doc = input.targets;
    if (!doc)
      return {
        id: 'targets',
        title: t(w.sections.targets),
        blocks: [{ kind: 'list', isList: true, items: [w.noTargets] }],
      };
    const c = w.columns;
    const tw = w.targets;
    const u = doc.unit ?? '';
    const withUnit = (h: string) => (u ? `${h}${lang === 'en' ? ` (${u})` : `（${u}）`}` : h);
    const sentences: Sentence[] = [
      say(
        tw.headline,
        {
          period: doc.period,
          company: n(doc.companyTarget),
          assigned: n(doc.assignedTotal),
          reserve: pc(doc.reserve),
          unit: u,
        },
        tw.headlineNote,
        { reserveAmount: n(doc.reserveAmount) },
      ),
    ];
    // Growth over the period just reviewed: comparable only in the same unit and for periods of equal length.
    const growth =
      revenue?.actual &&
      doc.months.length === (input.months.length || doc.months.length) &&
      (revenue.unit ?? '') === u
        ? doc.companyTarget / revenue.actual - 1
        : null;
    if (growth !== null && revenue?.actual)
      sentences.push(
        say(tw.growth, { change: changeWords(growth), actual: n(revenue.actual), unit: u }, tw.growthNote, {
          growth: signedPct(growth),
          company: n(doc.companyTarget),
        }),
      );
    // The open pipeline expected to close in the months of the next targets (opportunity exports, same unit).
    const f = kpi?.funnel;
    const due = f?.openByMonth.filter((m) => doc.months.includes(m.month)) ?? [];
    if (f && due.length > 0 && (f.unit ?? '') === u && doc.companyTarget > 0) {
      const weighted = due.every((m) => m.weightedAmount !== null);
      const amounts = due.map((m) => (weighted ? m.weightedAmount : m.amount));
      if (amounts.every((a) => a !== null)) {
        const amount = Number(amounts.reduce((a, b) => a! + b!, 0)!.toPrecision(12));
        const fw = catalogue(lang).kpi.funnel;
        const months = doc.months.length > 1 ? `${doc.months[0]} ~ ${doc.months.at(-1)}` : doc.period;
        sentences.push(
          say(
            tw.pipeline,
            {
              pipeline: weighted ? fw.weightedPipeline : fw.openPipeline,
              period: doc.period,
              amount: n(amount),
              ratio: multiple(amount / doc.companyTarget),
              unit: u,
            },
            tw.pipelineNote,
            { months, company: n(doc.companyTarget) },
          ),
        );
      }
    }
    const blocks: Block[] = [{ kind: 'text', isText: true, sentences }];
    blocks.push(
      table({
        head: [c.month, withUnit(tw.companyTarget), withUnit(tw.assigned), c.share],
        rows: [
          ...doc.time.months.map((m) => [m.period, n(m.companyTarget), n(m.target), pc(m.share)]),
          [c.total, n(doc.companyTarget), n(doc.assignedTotal), pc(1)],
        ],
        align: ['l', 'r', 'r', 'r'],
        weights: [10, 12, 12, 8],
      }),
    );
    const top = topLevel(doc);
    if (top.length > 0) {
      const key = doc.levels[0] as GroupKey;
      blocks.push(
        table({
          head: [by[key] ?? doc.levels[0]!, withUnit(tw.assigned), c.share, c.owner],
          rows: top.map((o) => [o.name, n(o.target), pc(o.share), ownerFor(o, input.meeting) ?? '—']),
          align: ['l', 'r', 'r', 'l'],
          weights: [10, 12, 8, 10],
        }),
      );
    }
    // The SMART check: each line a criterion, whether it holds, and why.
    const ok = (b: boolean) => (b ? tw.pass : tw.fail);
    const missing = top.filter((o) => ownerFor(o, input.meeting) === null).map((o) => o.name);
    const next = kpi ? nextPeriodOf(kpi.period.label) : null;
    const ambitious = growth !== null && revenue?.yoy != null && growth > Math.max(2 * revenue.yoy, 0.3);
    const rows: string[][] = [
      [tw.specific, ok(u !== ''), u ? t(tw.specificYes, { unit: u, period: doc.period }) : tw.specificNo],
      [tw.measurable, ok(true), t(tw.measurableYes, { months: doc.months.length, groups: top.length })],
      [
        tw.achievable,
        growth === null ? '—' : ambitious ? tw.warn : tw.pass,
        growth === null
          ? tw.achievableUnknown
          : t(ambitious ? tw.achievableHigh : tw.achievableOk, {
              growth: signedPct(growth),
              yoy: signedPct(revenue?.yoy ?? null),
            }),
      ],
      [
        tw.relevant,
        next === null ? '—' : ok(next === doc.period),
        next === null
          ? ''
          : next === doc.period
            ? t(tw.relevantYes, { period: doc.period })
            : t(tw.relevantNo, { period: doc.period, next }),
      ],
      [
        tw.timeBound,
        ok(doc.months.length > 0),
        t(tw.timeBoundYes, { from: doc.months[0] ?? '', to: doc.months.at(-1) ?? '' }),
      ],
      [
        tw.owned,
        top.length === 0 ? '—' : ok(missing.length === 0),
        top.length === 0
          ? tw.ownedNone
          : missing.length === 0
            ? tw.ownedYes
            : t(tw.ownedNo, { groups: missing.join(lang === 'en' ? ', ' : '、') }),
      ],
    ];
    blocks.push(
      table({
        head: [tw.criterion, tw.result, tw.detail],
        rows,
        align: ['l', 'l', 'l'],
        weights: [8, 5, 40],
      }),
    );
    if (doc.advice.length > 0)
      blocks.push({ kind: 'list', isList: true, items: doc.advice.map((a) => a.message) });
    return { id: 'targets', title: t(w.sections.targets), blocks };
  };

  const noKpi = (): ReportSection[] =>
    kpi
      ? []
      : [
          {
            id: 'overall',
            title: w.sections.overall,
            blocks: [{ kind: 'list', isList: true, items: [w.noKpi] }],
          },
        ];

  const keep = (xs: (ReportSection | null)[]) => xs.filter((x): x is ReportSection => x !== null);
  const first = dims[0]?.key ?? 'region';
  // Each dimension once: the first breakdown may itself be `rep`.
  const present = (ks: GroupKey[]) => ks.filter((k, i) => dimOf(k) && ks.indexOf(k) === i);

  // Part one by style, then the others. Team puts capability before the targets (the article's order).
  const style = input.style;
  let partOne: ReportSection[];
  switch (style) {
    case 'team':
      partOne = keep([
        overall(),
        rankingSection(present([first, 'rep'])),
        perRepSection(),
        driversSection([first]),
      ]);
      break;
    case 'market':
      partOne = keep([
        overall(),
        mixSection(present(['product', first])),
        driversSection(present(['product', first])),
        priceVolumeSection(),
        customersSection(),
      ]);
      break;
    case 'process':
      partOne = keep([overall(), trendSection(), funnelSection(), metricsSection(), priceVolumeSection()]);
      break;
    case 'key-accounts':
      partOne = keep([
        overall(),
        customersSection(),
        funnelSection(),
        priceVolumeSection(),
        driversSection([first]),
      ]);
      break;
    default:
      partOne = keep([
        overall(),
        trendSection(),
        driversSection(present([first, 'product'])),
        priceVolumeSection(),
        mixSection(present(['product'])),
        funnelSection(),
        metricsSection(),
        rankingSection(present([first, 'rep'])),
      ]);
  }
  partOne = [
    ...noKpi(),
    ...partOne,
    ...keep([marketSection()]),
    narrativeSection('successFactors', w.sections.successFactors),
    narrativeSection('challenges', w.sections.challenges),
    issuesSection(),
  ];
  const plan = [
    targetsSection(),
    narrativeSection('strategy', w.sections.strategy),
    decisionsSection(),
    actionsSection(),
  ];
  const teamPart = keep([
    narrativeSection('team', w.sections.team),
    style === 'data' ? perRepSection() : null,
  ]);
  const riskRows = input.meeting.risks;
  const level = (l: 'high' | 'medium' | 'low' | undefined) => (l ? w.levels[l] : '');
  const risks: ReportSection[] = [
    {
      id: 'risks',
      title: w.sections.risks,
      blocks: riskRows.length
        ? [
            table({
              head: [
                w.columns.risk,
                w.columns.likelihood,
                w.columns.impact,
                w.columns.owner,
                w.columns.response,
              ],
              rows: riskRows.map((r) => [
                r.risk,
                level(r.likelihood),
                level(r.impact),
                r.owner ?? '',
                r.response ?? '',
              ]),
              align: ['l', 'l', 'l', 'l', 'l'],
              weights: [30, 7, 7, 9, 30],
            }),
          ]
        : [{ kind: 'list', isList: true, items: [w.noRisks] }],
    },
  ];
  const outlook = [narrativeSection('outlook', w.sections.outlook)];
  const bodies =
    style === 'team' ? [partOne, teamPart, plan, risks, outlook] : [partOne, plan, teamPart, risks, outlook];
  const titles = w.parts[style];
  const parts: ReportPart[] = bodies.map((sections, i) => ({
    no: i + 1,
    title: t(w.partTitle, { no: w.numerals[i], title: t(titles[i]!) }),
    sections,
  }));

  if (lang === 'en')
    for (const part of parts)
      for (const sec of part.sections)
        for (const b of sec.blocks)
          if (b.kind === 'text')
            for (const [i, x] of b.sentences.entries()) x.after = i < b.sentences.length - 1 ? ' ' : '';
  const period = kpi?.period;
  const emptyNames = empty.map((k) => w.narrative[k]).join(lang === 'en' ? ', ' : '、');
  return {
    lang,
    style,
    title: t(w.title),
    meta: t(w.meta, {
      meeting: input.meeting.title,
      period: period?.label ?? '—',
      start: period?.start ?? '—',
      end: period?.end ?? '—',
      asOf: kpi?.asOf ?? '—',
    }),
    styleLine: t(w.styleLine, { style: w.styles[style] }),
    status: empty.length ? t(w.draft, { count: empty.length, sections: emptyNames }) : w.final,
    empty,
    parts,
    notes,
    legend: kpi ? legendLines(lang, input.thresholds) : [],
    labels: { contents: w.contents, notes: w.notes, legend: w.legend, page: w.page },
    generated: t(w.generated, {
      sources: input.sources.join(lang === 'en' ? ', ' : '、') || '—',
      date: input.today,
    }),
  };
}

/** A ranking longer than this shows its first and last RANKED_END rows. */
const MAX_RANKED = 30;
const RANKED_END = 10;

function text(sentences: Sentence[]): Block {
  return { kind: 'text', isText: true, sentences };
}

/** A plain figure as the tables print it: sign, grouped digits, optional decimals ("+1,531.71", "−800", "3,700"). */
const FIGURE = /^([+−-]?[\d,]+)(?:\.(\d+))?$/;

/**
 * One number of decimals down each column: where a column of plain figures mixes whole ones with ones in cents
 * (9,200 under 3,093.55), the whole ones get the same decimals (9,200.00). Columns with words, percentages or
 * units are left as they are.
 */
export function alignDecimals(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out = rows.map((r) => [...r]);
  for (let col = 0; col < width; col++) {
    const cells = rows.map((r) => r[col] ?? '').filter((c) => c !== '' && c !== '—');
    if (cells.length === 0 || !cells.every((c) => FIGURE.test(c))) continue;
    const decimals = Math.max(...cells.map((c) => FIGURE.exec(c)![2]?.length ?? 0));
    if (decimals === 0) continue;
    for (const r of out) {
      const m = FIGURE.exec(r[col] ?? '');
      if (m && (m[2]?.length ?? 0) < decimals) r[col] = `${m[1]}.${(m[2] ?? '').padEnd(decimals, '0')}`;
    }
  }
  return out;
}

function table(tb: ReportTable): Block {
  return {
    kind: 'table',
    isTable: true,
    table: { ...tb, rows: tb.rowsAreMetrics ? tb.rows : alignDecimals(tb.rows) },
  };
}

function chart(c: ReportChart): Block {
  return { kind: 'chart', isChart: true, chart: c };
}

function measureText(m: unknown): string {
  if (m === undefined || m === null) return '';
  if (typeof m === 'string' || typeof m === 'number' || typeof m === 'boolean') return String(m);
  return JSON.stringify(m);
}

/** The questions of each narrative section, in the input's language. */
export function promptsFor(input: ReportInput): Record<NarrativeKey, string[]> {
  const { lang } = input;
  const w = catalogue(lang).report;
  const pw = w.periods[periodKey(input.kpi?.period.label ?? '')];
  const base: Params = { this: pw.this, next: pw.next, thisCap: pw.thisCap, nextCap: pw.nextCap };
  const t = (tpl: string, p: Params = {}) => tidy(interpolate(tpl, { ...base, ...p }));
  return seedPrompts(input, w, t, {
    n: (v, digits = 2) => formatFigure(v ?? null, lang, digits),
    pc: (v) => formatPercent(v ?? null, lang),
    signedPct: (v) => formatChange(v, 'ratio', null, lang),
    unit: total(input.kpi, REVENUE)?.unit ?? '',
    dims: input.dimensions.filter(isRevenueDim),
    lang,
  });
}

interface Fmt {
  lang: Lang;
  n: (v: number | null | undefined, digits?: number) => string;
  pc: (v: number | null | undefined) => string;
  signedPct: (v: number | null) => string;
  unit: string;
  dims: ReportDimension[];
}

/**
 * The questions report.yaml and the placeholders ask, seeded from the data: the best group and where the growth
 * came from (success factors), groups behind target or time progress and metrics that missed (challenges), the
 * gap to make up and the open issues (strategy), output per rep and team issues (team).
 */
export function seedPrompts(
  input: Pick<ReportInput, 'kpi' | 'meeting'>,
  w: Words,
  t: (tpl: string, p?: Params) => string,
  f: Fmt,
): Record<NarrativeKey, string[]> {
  const out: Record<NarrativeKey, string[]> = {
    successFactors: [],
    challenges: [],
    strategy: [],
    team: [],
    outlook: [],
  };
  const kpi = input.kpi;
  const revenue = kpi?.totals.find((r) => r.metric === REVENUE);
  const first = f.dims[0];
  const progress = kpi?.timeProgress ?? null;
  if (first) {
    const rows = revenueRows(first.current, first.key);
    const b = bridge(rows.map((r) => ({ name: r.group[first.key]!, current: r.actual, base: r.priorYear })));
    const best = [...rows]
      .filter((r) => r.achievement !== null)
      .sort((a, c) => c.achievement! - a.achievement!)[0];
    if (best) {
      const item = b?.items.find((i) => i.name === best.group[first.key]);
      if (item && item.printed.shareOfChange !== null && item.delta > 0)
        out.successFactors.push(
          t(w.prompts.successBest, {
            name: best.group[first.key],
            achievement: f.pc(best.achievement),
            share: f.pc(item.printed.shareOfChange),
          }),
        );
    }
    for (const r of rows) {
      if (r.achievement === null) continue;
      const name = r.group[first.key];
      if (progress !== null && r.achievement < progress)
        out.challenges.push(
          t(w.prompts.challengeBehind, {
            name,
            achievement: f.pc(r.achievement),
            gap: formatNumber(Math.round((progress - r.achievement) * 1000) / 10, f.lang, 1),
          }),
        );
      else if (r.achievement < 1)
        out.challenges.push(
          t(w.prompts.challengeShort, {
            name,
            achievement: f.pc(r.achievement),
            gap: f.n(Math.abs(r.variance ?? 0)),
            unit: f.unit,
          }),
        );
    }
  }
  const product = f.dims.find((d) => d.key === 'product');
  if (product) {
    for (const r of revenueRows(product.current, 'product')) {
      if (r.yoy === null) continue;
      if (r.yoy >= 0.2)
        out.successFactors.push(t(w.prompts.successGrowth, { name: r.group.product, growth: f.pc(r.yoy) }));
      if (r.yoy < 0)
        out.challenges.push(t(w.prompts.challengeDecline, { name: r.group.product, growth: f.pc(-r.yoy) }));
    }
  }
  for (const r of kpi?.totals ?? []) {
    if (r.metric === REVENUE || r.achievement === null || r.achievement >= 1) continue;
    out.challenges.push(t(w.prompts.challengeMetric, { label: r.label, achievement: f.pc(r.achievement) }));
  }
  if (revenue && revenue.variance !== null && revenue.variance < 0)
    out.strategy.push(t(w.prompts.strategyGap, { gap: f.n(-revenue.variance), unit: f.unit }));
  const teamWords = /团队|團隊|人员|人員|流失|招聘|培训|培訓|team|staff|hiring|training/i;
  for (const i of input.meeting.issues) {
    if (teamWords.test(`${i.category ?? ''} ${i.problem}`))
      out.team.push(t(w.prompts.teamIssue, { problem: i.problem }));
    else out.strategy.push(t(w.prompts.strategyIssue, { problem: i.problem }));
  }
  const perRep = kpi?.totals.find((r) => r.metric === 'revenue_per_rep');
  if (perRep?.actual)
    out.team.unshift(t(w.prompts.teamOutput, { value: f.n(perRep.actual), unit: perRep.unit ?? '' }));
  out.outlook.push(t(w.prompts.outlook));
  return out;
}
