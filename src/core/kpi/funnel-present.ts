/**
 * How the funnel reads (the terminal, Markdown, the pack and the report): a caption that says which deals count,
 * a table of stages (deals, amount, weighted amount, share) with the open and closed totals, and one line each for
 * the win rate, the coverage of the remaining target and the open deals left out — each with its formula and
 * figures, in zh-CN, zh-TW or en.
 */
import { catalogue } from '../../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import { messagesOf } from '../i18n/messages.js';
import { DASH, num, pct, type Table } from './present.js';
import type { Funnel, KpiResult } from './result.js';

const fm = messagesOf((c) => c.kpi.funnel);

export interface FunnelText {
  /** Which deals count: `Funnel 2026-Q2: open deals expected to close from 2026-04-01 on; …`. */
  caption: string;
  table: Table;
  /** What each column of the table holds (the amount and weighted columns only when the export has them). */
  columns: ('stage' | 'verdict' | 'deals' | 'amount' | 'weighted' | 'share')[];
  /** Decimals of every amount: 2 when any has cents, else 0. */
  digits: 0 | 2;
  /**
   * In this order: the win rate, the coverage of the remaining target (each with its formula), then — when there
   * are any — the open deals left out as overdue.
   */
  lines: string[];
  /** How the table reads: the order of the stages, what the share is of. */
  notes: string[];
}

/** A multiple, `1.7×` (two decimals below 0.05, so a small coverage is not 0.0×). */
export function multiple(v: number | null): string {
  if (v === null) return DASH;
  return `${v > 0 && v < 0.05 ? v.toFixed(2) : v.toFixed(1)}×`;
}

const isWhole = (v: number) => Math.abs(v * 100 - Math.round(v) * 100) < 0.5;

/** The sum of two amounts, either of which may be absent. */
function plus(a: number | null, b: number | null): number | null {
  if (a === null && b === null) return null;
  return Number(((a ?? 0) + (b ?? 0)).toPrecision(12));
}

/** The funnel of a KPI result as text; null when the result has none. */
export function funnelText(result: KpiResult, lang: Lang): FunnelText | null {
  const f = result.funnel;
  if (!f) return null;
  const t = (key: keyof typeof fm, p?: Parameters<(typeof fm)[typeof key]>[0]) => fm[key](p)(lang);
  const closedAmount = plus(f.won.amount, f.lost.amount);
  const amounts = [
    ...f.stages.flatMap((s) => [s.amount, s.weightedAmount]),
    f.open.amount,
    f.open.weightedAmount,
    closedAmount,
    f.overdue.amount,
    f.coverage?.pipeline ?? null,
    f.coverage?.target ?? null,
    f.coverage?.actual ?? null,
    f.coverage?.remaining ?? null,
  ].filter((v): v is number => v !== null);
  // One number of decimals for every amount: two when any has cents.
  const digits: 0 | 2 = amounts.some((v) => !isWhole(v)) ? 2 : 0;
  const money = (v: number | null) => num(v, lang, false, digits);
  const count = (v: number) => num(v, lang, false, 0);
  const hasAmount = f.stages.some((s) => s.amount !== null);
  const hasWeighted = f.stages.some((s) => s.weightedAmount !== null);
  const p = catalogue(lang).punctuation;
  const withUnit = (word: string) => (f.unit ? `${word}${p.lparen}${f.unit}${p.rparen}` : word);

  const columns: FunnelText['columns'] = ['stage', 'verdict', 'deals'];
  if (hasAmount) columns.push('amount');
  if (hasWeighted) columns.push('weighted');
  columns.push('share');
  const headers = columns.map((c) => (c === 'amount' || c === 'weighted' ? withUnit(t(c)) : t(c)));
  const row = (
    stage: string,
    verdict: string,
    deals: number,
    amount: number | null,
    weighted: number | null,
    share: number | null,
  ) => {
    const cells = [stage, verdict, count(deals)];
    if (hasAmount) cells.push(money(amount));
    if (hasWeighted) cells.push(money(weighted));
    cells.push(pct(share, lang));
    return cells;
  };
  const closedCount = f.won.count + f.lost.count;
  const rows = f.stages.map((s) => row(s.stage, t(s.verdict), s.count, s.amount, s.weightedAmount, s.share));
  rows.push(
    row(t('openTotal'), '', f.open.count, f.open.amount, f.open.weightedAmount, f.open.count > 0 ? 1 : null),
    row(t('closedTotal'), '', closedCount, closedAmount, null, closedCount > 0 ? 1 : null),
  );
  const table: Table = {
    headers,
    numeric: headers.map((_, i) => i >= 2),
    rows,
    status: rows.map(() => null),
    totalsFrom: f.stages.length,
  };

  const lines: string[] = [];
  if (f.winRate === null) lines.push(t('winRateNone'));
  else if (f.winRateAmount !== null)
    lines.push(
      t('winRateAmount', {
        rate: pct(f.winRate, lang),
        won: count(f.won.count),
        lost: count(f.lost.count),
        rateAmount: pct(f.winRateAmount, lang),
        wonAmount: money(f.won.amount ?? 0),
        lostAmount: money(f.lost.amount ?? 0),
      }),
    );
  else
    lines.push(
      t('winRate', { rate: pct(f.winRate, lang), won: count(f.won.count), lost: count(f.lost.count) }),
    );
  lines.push(coverageLine(f, lang, money));
  if (f.overdue.count > 0)
    lines.push(
      f.overdue.amount !== null
        ? t('overdueAmount', {
            count: count(f.overdue.count),
            start: result.period.start,
            amount: money(f.overdue.amount),
          })
        : t('overdue', { count: count(f.overdue.count), start: result.period.start }),
    );

  const order =
    f.order === 'number' ? 'orderNumber' : f.order === 'probability' ? 'orderProbability' : 'orderCount';
  return {
    caption: t('caption', {
      period: result.period.label,
      start: result.period.start,
      end: result.period.end,
    }),
    table,
    columns,
    digits,
    lines,
    notes: [t(order), t(hasAmount ? 'shareAmount' : 'shareCount')],
  };
}

/** `Coverage of the remaining target: 0.4× = weighted open pipeline 64,400 ÷ (target 400,000 − actual 240,950 = 159,050)`. */
export function coverageLine(f: Funnel, lang: Lang, money: (v: number | null) => string): string {
  const c = f.coverage;
  if (c === null)
    return fm[f.open.amount === null && f.won.amount === null ? 'coverageNoAmount' : 'coverageNoTarget']()(
      lang,
    );
  if (c.met) return fm.coverageMet({ actual: money(c.actual), target: money(c.target) })(lang);
  return fm.coverage({
    ratio: multiple(c.ratio),
    pipeline: fm[c.basis === 'weighted' ? 'weightedPipeline' : 'openPipeline']()(lang),
    amount: money(c.pipeline),
    target: money(c.target),
    actual: money(c.actual),
    remaining: money(c.remaining),
  })(lang);
}
