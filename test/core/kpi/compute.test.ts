import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpi } from '../../../src/core/kpi/compute.js';
import {
  achievementOf,
  changeOf,
  DEFAULT_THRESHOLDS,
  difference,
  fin,
  forecastOf,
  ranks,
  requiredPaceOf,
  statusOf,
  varianceOf,
} from '../../../src/core/kpi/formulas.js';
import { isTotalLabel, recognise, splitUnit } from '../../../src/core/kpi/headers.js';
import { KpiStore, periodInTitle, SheetIngester } from '../../../src/core/kpi/ingest.js';
import {
  comparedRanges,
  countDays,
  dayOfIso,
  isoOfDay,
  isoWeekOf,
  parsePeriod,
  priorPeriodOf,
  priorYearOf,
  progressOf,
  ytdOf,
} from '../../../src/core/kpi/period.js';
import { buildTable, change, pct, pp } from '../../../src/core/kpi/present.js';
import type { KpiResult } from '../../../src/core/kpi/result.js';
import { type Cell, readNumber, readWhen, type SheetRow } from '../../../src/core/kpi/values.js';
import { chineseCalendar } from '../../../src/io/holidays.js';

const day = (s: string) => dayOfIso(s)!;
/** The working calendar kpi --workdays uses (from the chinese-days package). */
const CN = chineseCalendar();
const range = (p: { start: number; end: number }) => [isoOfDay(p.start), isoOfDay(p.end)];

describe('formulas', () => {
  it('achievement: higher is better, lower is better (2 − a/t), no percentage for a target ≤ 0', () => {
    expect(achievementOf(9200, 10000, 'higher')).toBe(0.92);
    expect(achievementOf(0.132, 0.12, 'lower')).toBeCloseTo(0.9, 12);
    expect(achievementOf(0.1, 0.12, 'lower')).toBeCloseTo(1 + 1 / 6, 10);
    expect(achievementOf(5, 0, 'higher')).toBeNull();
    expect(achievementOf(5, -10, 'higher')).toBeNull();
    expect(achievementOf(null, 10, 'higher')).toBeNull();
    expect(achievementOf(-50, 100, 'higher')).toBe(-0.5);
  });

  it('target 0: met / not met by direction', () => {
    expect(statusOf(0, 0, null, 'higher', 1, DEFAULT_THRESHOLDS)).toBe('met');
    expect(statusOf(-1, 0, null, 'higher', 1, DEFAULT_THRESHOLDS)).toBe('not-met');
    expect(statusOf(0, 0, null, 'lower', 1, DEFAULT_THRESHOLDS)).toBe('met');
    expect(statusOf(2, 0, null, 'lower', 1, DEFAULT_THRESHOLDS)).toBe('not-met');
  });

  it('status against thresholds, and against time progress mid-period', () => {
    expect(statusOf(100, 100, 1, 'higher', 1, DEFAULT_THRESHOLDS)).toBe('on-track');
    expect(statusOf(92, 100, 0.92, 'higher', 1, DEFAULT_THRESHOLDS)).toBe('at-risk');
    expect(statusOf(89, 100, 0.89, 'higher', 1, DEFAULT_THRESHOLDS)).toBe('off-track');
    // 57.7% achieved at 60% of the month: 0.96 of pace → at risk; 50% → off track.
    expect(statusOf(300, 520, 300 / 520, 'higher', 0.6, DEFAULT_THRESHOLDS)).toBe('at-risk');
    expect(statusOf(260, 520, 0.5, 'higher', 0.6, DEFAULT_THRESHOLDS)).toBe('off-track');
    expect(statusOf(95, 100, 0.95, 'higher', 1, { onTrack: 0.95, atRisk: 0.8 })).toBe('on-track');
  });

  it('YoY / MoM: relative for amounts, pp for ratios, labels for zero and negative bases', () => {
    expect(changeOf(9200, 8000, 'amount')).toEqual({ value: 0.15, unit: 'ratio', note: null });
    expect(changeOf(180, 150, 'count')).toEqual({ value: 0.2, unit: 'ratio', note: null });
    const r = changeOf(0.85, 0.88, 'ratio');
    expect(r.unit).toBe('pp');
    expect(r.value).toBeCloseTo(-0.03, 12);
    expect(changeOf(5, 0, 'amount')).toEqual({ value: null, unit: 'ratio', note: 'turned-positive' });
    expect(changeOf(0, 0, 'amount')).toEqual({ value: null, unit: 'ratio', note: 'n/m' });
    expect(changeOf(3, -5, 'amount').note).toBe('turned-positive');
    expect(changeOf(-2, -5, 'amount').note).toBe('loss-narrowed');
    expect(changeOf(-8, -5, 'amount').note).toBe('loss-widened');
    expect(changeOf(-5, -5, 'amount').note).toBe('n/m');
    expect(changeOf(null, 5, 'amount')).toEqual({ value: null, unit: 'ratio', note: null });
    expect(changeOf(5, null, 'ratio')).toEqual({ value: null, unit: 'pp', note: null });
  });

  it('run-rate forecast and required pace (domain research worked example)', () => {
    // June 2025 as of 06-18: target 520, actual 300 → 500 forecast; 220 / 12 days left.
    expect(forecastOf(300, 18, 30)).toBe(500);
    expect(requiredPaceOf(300, 520, 18, 30)).toBeCloseTo(18.3333333, 6);
    // Working days: 12 of 20 elapsed.
    expect(forecastOf(300, 12, 20)).toBe(500);
    expect(requiredPaceOf(300, 520, 12, 20)).toBe(27.5);
    expect(forecastOf(300, 0, 30)).toBeNull();
    expect(forecastOf(300, 30, 30)).toBe(300);
    expect(requiredPaceOf(600, 520, 18, 30)).toBe(0);
    expect(requiredPaceOf(300, 520, 30, 30)).toBeNull();
  });

  it('figures keep 15 significant digits; a difference keeps the digits of its operands', () => {
    // A 1M-row revenue total summed in doubles: 12 digits made it …545.20; the exact cents are …545.19.
    expect(fin(16_914_751_545.19 - 2e-6)).toBe(16_914_751_545.19);
    expect(fin(17_108_384_896.46 + 3e-6)).toBe(17_108_384_896.46);
    expect(Number((16_914_751_545.19 - 2e-6).toPrecision(12))).toBe(16_914_751_545.2);
    // 7 / 15 and 1 / 22 to 15 significant digits (worked by hand: 0.4666…67, 0.04545…455).
    expect(fin(7 / 15)).toBe(0.466666666666667);
    expect(fin(1 / 22)).toBe(0.0454545454545455);
    expect(fin(0.1 + 0.2)).toBe(0.3);
    expect(fin(-0)).toBe(0);
    expect(fin(Number.NaN)).toBeNull();
    // The doubles' differences are 0.007000000000000006, −799.8999999999996 and −0.030000000000000027.
    expect(difference(0.132, 0.125)).toBe(0.007);
    expect(difference(9200.1, 10_000)).toBe(-799.9);
    expect(difference(0.85, 0.88)).toBe(-0.03);
    expect(difference(0.3, 0.3)).toBe(0);
    expect(difference(1e20, 1)).toBe(1e20);
    expect(changeOf(0.132, 0.125, 'ratio').value).toBe(0.007);
    expect(varianceOf(9200.1, 10_000)).toBe(-799.9);
    // (10,000 − 9,200.1) / 15 = 53.326666…: the difference first, then 15 digits of the quotient.
    expect(requiredPaceOf(9200.1, 10_000, 15, 30)).toBe(53.3266666666667);
  });

  it('fin and difference round without a string exactly as through one (toPrecision, toFixed)', () => {
    // The arithmetic path is taken when the rounding is clear-cut; it must give the string's number to the bit.
    const viaPrecision = (x: number) => {
      const r = Number(x.toPrecision(15));
      return r === 0 ? 0 : r;
    };
    const viaFixed = (a: number, b: number) => {
      const d = a - b;
      const larger = Math.max(Math.abs(a), Math.abs(b));
      if (!Number.isFinite(d) || larger === 0) return d;
      const places = 14 - Math.floor(Math.log10(larger));
      if (places < 0) return d;
      const r = Number(d.toFixed(Math.min(places, 100)));
      return r === 0 ? 0 : r;
    };
    const cents = fc.integer({ min: -1e14, max: 1e14 }).map((n) => n / 100);
    const any = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 });
    const nearPow10 = fc
      .tuple(fc.integer({ min: -12, max: 15 }), fc.integer({ min: -40, max: 40 }))
      .map(([e, ulps]) => 10 ** e * (1 + ulps * Number.EPSILON));
    const value = fc.oneof(
      cents,
      any,
      nearPow10,
      fc.tuple(cents, cents).map(([a, b]) => a / (b || 1)),
    );
    fc.assert(
      fc.property(value, (x) => {
        expect(fin(x)).toBe(Number.isInteger(x) && Math.abs(x) < 1e15 ? x || 0 : viaPrecision(x));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(difference(a, b)).toBe(viaFixed(a, b));
      }),
      { numRuns: 20_000 },
    );
    // Next to a power of ten log10 can be one off; a half at the 15th digit goes through the string.
    expect(fin(999.9999999999999)).toBe(1000);
    expect(fin(0.09999999999999999)).toBe(0.1);
    expect(fin(1 + 2 * Number.EPSILON)).toBe(1);
    expect(difference(0.125, 0.0625)).toBe(0.0625);
  });

  it('ranks with ties (1, 2, 2, 4) and no rank for missing values', () => {
    expect(ranks([0.9, 1.1, 0.9, 0.5, null], true)).toEqual([2, 1, 2, 4, null]);
    expect(ranks([10, 5, 7], false)).toEqual([3, 1, 2]);
  });
});

describe('periods', () => {
  it('parses every period kind into its days', () => {
    expect(range(parsePeriod('2026')!)).toEqual(['2026-01-01', '2026-12-31']);
    expect(range(parsePeriod('2026-H1')!)).toEqual(['2026-01-01', '2026-06-30']);
    expect(range(parsePeriod('2026-H2')!)).toEqual(['2026-07-01', '2026-12-31']);
    expect(range(parsePeriod('2026-Q2')!)).toEqual(['2026-04-01', '2026-06-30']);
    expect(range(parsePeriod('2024-02')!)).toEqual(['2024-02-01', '2024-02-29']);
    expect(range(parsePeriod('2026-W27')!)).toEqual(['2026-06-29', '2026-07-05']);
    expect(range(parsePeriod('2020-W53')!)).toEqual(['2020-12-28', '2021-01-03']);
    expect(parsePeriod('2021-W53')).toBeUndefined();
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(parsePeriod('H1 2026')).toBeUndefined();
  });

  it('prior year, prior period and year to date', () => {
    const p = (s: string) => parsePeriod(s)!;
    expect(priorYearOf(p('2026-06')).label).toBe('2025-06');
    expect(priorYearOf(p('2026-W27')).label).toBe('2025-W27');
    expect(priorYearOf(p('2021-W53')?.label ? p('2021-W53') : p('2020-W53')).label).toBe('2019-W52');
    expect(priorPeriodOf(p('2026-01')).label).toBe('2025-12');
    expect(priorPeriodOf(p('2026-Q1')).label).toBe('2025-Q4');
    expect(priorPeriodOf(p('2026-H1')).label).toBe('2025-H2');
    expect(priorPeriodOf(p('2026-H2')).label).toBe('2026-H1');
    expect(priorPeriodOf(p('2026')).label).toBe('2025');
    expect(priorPeriodOf(p('2026-W01')).label).toBe('2025-W52');
    expect(range(ytdOf(p('2026-06')))).toEqual(['2026-01-01', '2026-06-30']);
    expect(isoWeekOf(day('2021-01-01'))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(day('2016-01-01'))).toEqual({ year: 2015, week: 53 });
  });

  it('mid-period, compares like for like: the same days of the prior year and of the period before', () => {
    const p = (s: string) => parsePeriod(s)!;
    const show = (r: { start: number; end: number; monthEnd: number } | null) =>
      r && [isoOfDay(r.start), isoOfDay(r.end), isoOfDay(r.monthEnd)];
    const cmp = (period: string, asOf: string, ytd = false) => {
      const c = comparedRanges(p(period), day(asOf), ytd);
      return { toDate: c.toDate, ranges: c.ranges.map(show) };
    };
    // 15 June: 1–15 June, 1–15 June 2025, 1–15 May; a month's rows count to the end of the month cut.
    expect(cmp('2026-06', '2026-06-15')).toEqual({
      toDate: true,
      ranges: [
        ['2026-06-01', '2026-06-15', '2026-06-30'],
        ['2025-06-01', '2025-06-15', '2025-06-30'],
        ['2026-05-01', '2026-05-15', '2026-05-31'],
      ],
    });
    // The first half to 31 March: 90 days; the half before (from 1 July 2025) to its 90th day, 28 September.
    expect(cmp('2026-H1', '2026-03-31').ranges).toEqual([
      ['2026-01-01', '2026-03-31', '2026-03-31'],
      ['2025-01-01', '2025-03-31', '2025-03-31'],
      ['2025-07-01', '2025-09-28', '2025-09-30'],
    ]);
    // 29 February a year earlier is the 28th; 31 March's 31 days of February stop at its end.
    expect(cmp('2028-02', '2028-02-29').toDate).toBe(false);
    expect(cmp('2028-Q1', '2028-02-29').ranges[1]).toEqual(['2027-01-01', '2027-02-28', '2027-02-28']);
    expect(cmp('2026-03', '2026-03-30').ranges[2]).toEqual(['2026-02-01', '2026-02-28', '2026-02-28']);
    // An ISO week by days into the week (Wednesday: Monday to Wednesday), no month counted in a week.
    expect(cmp('2026-W25', '2026-06-17').ranges).toEqual([
      ['2026-06-15', '2026-06-17', '2026-06-17'],
      ['2025-06-16', '2025-06-18', '2025-06-18'],
      ['2026-06-08', '2026-06-10', '2026-06-10'],
    ]);
    // Year to date to 15 June; no period before.
    expect(cmp('2026-06', '2026-06-15', true).ranges).toEqual([
      ['2026-01-01', '2026-06-15', '2026-06-30'],
      ['2025-01-01', '2025-06-15', '2025-06-30'],
      null,
    ]);
    // The last day, after the end or before the start: the whole ranges.
    for (const asOf of ['2026-06-30', '2026-08-01', '2026-05-20'])
      expect(cmp('2026-06', asOf)).toEqual({
        toDate: false,
        ranges: [
          ['2026-06-01', '2026-06-30', '2026-06-30'],
          ['2025-06-01', '2025-06-30', '2025-06-30'],
          ['2026-05-01', '2026-05-31', '2026-05-31'],
        ],
      });
  });

  it('time progress in calendar days and Chinese working days (holidays and 调休)', () => {
    const june = parsePeriod('2025-06')!;
    expect(progressOf(june, day('2025-06-18'), false)).toEqual({ elapsed: 18, total: 30, timeProgress: 0.6 });
    expect(progressOf(june, day('2025-06-18'), CN)).toEqual({ elapsed: 12, total: 20, timeProgress: 0.6 });
    const feb = parsePeriod('2026-02')!;
    // Spring Festival 02-15…02-23 off, Saturdays 02-14 and 02-28 worked.
    expect(countDays(feb.start, feb.end, CN)).toBe(16);
    expect(countDays(day('2026-02-14'), day('2026-02-14'), CN)).toBe(1);
    expect(countDays(day('2026-02-23'), day('2026-02-23'), CN)).toBe(0);
    expect(progressOf(june, day('2025-05-01'), false).timeProgress).toBe(0);
    expect(progressOf(june, day('2025-08-01'), false).timeProgress).toBe(1);
  });
});

describe('values', () => {
  const n = (v: Cell['v'], fmt?: string) => ({ v, ...(fmt ? { fmt } : {}) });
  it('percentages as text, as a % format, under a (%) header; blank is not zero', () => {
    expect(readNumber(n('92%'), false, false)).toEqual({ kind: 'number', value: 0.92 });
    expect(readNumber(n('92.5 ％'), false, false)).toEqual({ kind: 'number', value: 0.925 });
    expect(readNumber(n(0.92, '0.0%'), false, true)).toEqual({ kind: 'number', value: 0.92 });
    expect(readNumber(n(85), true, true)).toEqual({ kind: 'number', value: 0.85 });
    expect(readNumber(n(85), false, true)).toEqual({ kind: 'number', value: 0.85 });
    expect(readNumber(n(0), false, false)).toEqual({ kind: 'number', value: 0 });
    expect(readNumber(undefined, false, false)).toEqual({ kind: 'blank' });
    expect(readNumber(n('—'), false, false)).toEqual({ kind: 'blank' });
    expect(readNumber(n('¥1,234.50'), false, false)).toEqual({ kind: 'number', value: 1234.5 });
    expect(readNumber(n('(1,200)'), false, false)).toEqual({ kind: 'number', value: -1200 });
    expect(readNumber(n({ error: '#DIV/0!' }), false, false)).toEqual({ kind: 'bad', found: '#DIV/0!' });
    expect(readNumber(n('待定'), false, false)).toEqual({ kind: 'bad', found: '待定' });
  });

  it('dates: Date cells, serials, text months in every common shape', () => {
    const w = (v: Cell['v']) => readWhen({ v });
    expect(w(new Date(Date.UTC(2026, 3, 15)))).toEqual({ kind: 'day', day: day('2026-04-15') });
    expect(w(46127)).toEqual({ kind: 'day', day: day('2026-04-15') });
    expect(w('2026-04')).toEqual({ kind: 'month', month: '2026-04' });
    expect(w('2026/04')).toEqual({ kind: 'month', month: '2026-04' });
    expect(w('2026年4月')).toEqual({ kind: 'month', month: '2026-04' });
    expect(w('Apr 2026')).toEqual({ kind: 'month', month: '2026-04' });
    expect(w('202604')).toEqual({ kind: 'month', month: '2026-04' });
    expect(w(202604)).toEqual({ kind: 'month', month: '2026-04' });
    expect(w('2026/4/15')).toEqual({ kind: 'day', day: day('2026-04-15') });
    expect(w('2026年4月15日')).toEqual({ kind: 'day', day: day('2026-04-15') });
    expect(w('2026-W27')).toEqual({ kind: 'month', month: '2026-W27' });
    expect(w('2026-02-30')).toBeUndefined();
    expect(w('下个月')).toBeUndefined();
  });
});

describe('headers', () => {
  it('units in headers', () => {
    expect(splitUnit('销售额(万元)')).toEqual({
      name: '销售额',
      unit: { text: '万元', percent: false, scale: 1e4 },
    });
    expect(splitUnit('销售额（万元）').unit?.scale).toBe(1e4);
    expect(splitUnit('销售额/万元').unit?.scale).toBe(1e4);
    expect(splitUnit('營收(新台幣仟元)').unit?.scale).toBe(1e3);
    expect(splitUnit('Revenue ($K)').unit).toEqual({ text: '$K', percent: false, scale: 1e3 });
    expect(splitUnit('回款率(%)').unit?.percent).toBe(true);
    expect(splitUnit('Gross Margin %').unit?.percent).toBe(true);
  });

  it('synonyms in three languages and compound headers', () => {
    expect(recognise('目標值')?.role).toBe('target');
    expect(recognise('Quota')?.role).toBe('target');
    expect(recognise('實際')?.role).toBe('actual');
    expect(recognise('上年同期')?.role).toBe('priorYear');
    expect(recognise('LY')?.role).toBe('priorYear');
    expect(recognise('Opportunity Owner')?.role).toBe('rep');
    expect(recognise('產品線')?.role).toBe('product');
    expect(recognise('Close Date')?.role).toBe('period');
    const t = recognise('销售额目标(万元)');
    expect([t?.role, t?.metric?.key, t?.unit?.scale]).toEqual(['target', 'revenue', 1e4]);
    expect(recognise('Revenue Target')?.metric?.key).toBe('revenue');
    const py = recognise('去年同期销售额');
    expect([py?.role, py?.metric?.key]).toEqual(['priorYear', 'revenue']);
    const g = recognise('目标', '回款额(万元)');
    expect([g?.role, g?.metric?.key, g?.unit?.scale]).toEqual(['target', 'collection', 1e4]);
    expect(recognise('达成率')?.role).toBe('derived');
  });

  it('totals rows', () => {
    for (const t of ['合计', '合計', '总计', '小计', 'Total', 'Grand Total', '华东 小计', 'Subtotal'])
      expect(isTotalLabel(t), t).toBe(true);
    for (const t of ['华东', '销售额', 'Totally Fine Co']) expect(isTotalLabel(t), t).toBe(false);
  });
});

/** Builds a store from rows of plain values (strings, numbers, null). */
function ingest(
  sheets: { name: string; rows: (string | number | null | Cell)[][] }[],
  by: ('region' | 'product' | 'rep')[] = [],
) {
  const store = new KpiStore(by, 'en');
  for (const s of sheets) {
    const ing = new SheetIngester(store, { file: 'data/kpi.xlsx', sheet: s.name });
    s.rows.forEach((r, i) => {
      const row: SheetRow = {
        n: i + 1,
        cells: r.map((v) =>
          v === null ? undefined : typeof v === 'object' && v !== null && 'v' in v ? (v as Cell) : { v },
        ),
      };
      ing.push(row);
    });
    ing.finish();
  }
  return store;
}

const H1 = {
  period: parsePeriod('2026-H1')!,
  ytd: false,
  asOf: day('2026-06-30'),
  workdays: false,
  lang: 'en' as const,
};

describe('computing from sheets', () => {
  it('mid-month, rows by day stop at the as-of day and rows by month count whole months, both like for like', () => {
    const byDay = ingest([
      {
        name: 'Orders',
        rows: [
          ['Date', 'Revenue'],
          ['2026-06-02', 100],
          ['2026-06-15', 50],
          ['2026-06-20', 999],
          ['2025-06-10', 40],
          ['2025-06-16', 500],
          ['2026-05-15', 60],
          ['2026-05-16', 700],
        ],
      },
    ]);
    const mid = { ...H1, period: parsePeriod('2026-06')!, asOf: day('2026-06-15'), by: [] };
    const d = computeKpi(byDay, mid).result.totals[0]!;
    // To the 15th: 100 + 50 against 40 (to 2025-06-15) and 60 (to 05-15); +275.0% and +150.0%.
    expect(d).toMatchObject({ actual: 150, priorYear: 40, priorPeriod: 60, yoy: 2.75, mom: 1.5 });
    const byMonth = ingest([
      {
        name: 'By month',
        rows: [
          ['Month', 'Revenue'],
          ['2026-06', 150],
          ['2025-06', 540],
          ['2026-05', 760],
        ],
      },
    ]);
    // Months cannot be cut: June against June a year earlier and May, whole.
    expect(computeKpi(byMonth, mid).result.totals[0]).toMatchObject({
      actual: 150,
      priorYear: 540,
      priorPeriod: 760,
    });
  });

  it('the worked example, with title and note rows above the header', () => {
    const store = ingest([
      {
        name: 'KPI',
        rows: [
          ['2026 H1 KPI'],
          ['单位：万元'],
          ['指标', '目标值', '实际完成', '去年同期'],
          ['销售额', 10000, 9200, 8000],
          ['回款率(%)', 90, 85, 88],
          ['新客户数', 200, 180, 150],
          ['合计', 10290, 9465, 8238],
        ],
      },
    ]);
    // The same sheet by region: a 合计 row there would be a region of its own and double the total.
    const byRegion = ingest(
      [
        {
          name: 'R',
          rows: [
            ['区域', '销售额目标', '销售额'],
            ['华东', 100, 90],
            ['华南', 200, 150],
            ['合计', 300, 240],
          ],
        },
      ],
      ['region'],
    );
    const regional = computeKpi(byRegion, { ...H1, by: ['region'] }).result;
    expect(regional.totals.find((r) => r.metric === 'revenue')).toMatchObject({ target: 300, actual: 240 });
    expect(regional.rows.map((r) => r.group.region)).toEqual(['华东', '华南']);
    const { result } = computeKpi(store, { ...H1, by: [] });
    const [rev, col, cust] = result.rows;
    expect(rev).toMatchObject({
      metric: 'revenue',
      unit: '万元',
      target: 10000,
      actual: 9200,
      achievement: 0.92,
      yoy: 0.15,
      status: 'at-risk',
    });
    expect(col).toMatchObject({
      metric: 'collection_rate',
      kind: 'ratio',
      target: 0.9,
      actual: 0.85,
      yoy: -0.03,
      yoyUnit: 'pp',
    });
    expect(col?.achievement).toBeCloseTo(0.944444444444, 10);
    expect(cust).toMatchObject({
      metric: 'new_customers',
      kind: 'count',
      unit: null,
      achievement: 0.9,
      yoy: 0.2,
    });
    expect(result.rows).toHaveLength(3);
    const t = buildTable(result, new Map(), 'en');
    expect(t.rows.map((r) => r.slice(4))).toEqual([
      ['92.0%', '−800', '8,000', '+15.0%', '! at risk'],
      ['94.4%', '−5.0 pp', '88.0%', '−3.0 pp', '! at risk'],
      ['90.0%', '−20', '150', '+20.0%', '! at risk'],
    ]);
  });

  it('detail rows aggregate; ratios are recomputed from numerator and denominator, never averaged', () => {
    const rows = [
      ['日期', '区域', '回款额', '应回款'],
      ['2026-01-10', '华东', 90, 100],
      ['2026-02-10', '华东', 10, 100],
      ['2026-03-10', '华南', 450, 500],
      // Dated, with its label in the region column: counted, it would double every total.
      ['2026-03-31', '合计', 550, 700],
    ];
    const store = ingest([{ name: 'D', rows }], ['region']);
    const { result } = computeKpi(store, { ...H1, by: ['region'] });
    const rate = result.totals.find((r) => r.metric === 'collection_rate');
    // (90 + 10 + 450) / (100 + 100 + 500), not the mean of 90%, 10%, 90%.
    expect(rate?.actual).toBeCloseTo(550 / 700, 10);
    const east = result.rows.find((r) => r.metric === 'collection_rate' && r.group.region === '华东');
    expect(east?.actual).toBe(0.5);
    const coll = result.totals.find((r) => r.metric === 'collection');
    expect(coll?.actual).toBe(550);
    const shares = result.rows
      .filter((r) => r.metric === 'collection')
      .map((r) => [r.group.region, r.share, r.rank]);
    // The leader first: rows are in rank order.
    expect(shares).toEqual([
      ['华南', 0.818181818181818, 1],
      ['华东', 0.181818181818182, 2],
    ]);
  });

  it('several levels: a subtotal per region, then region × product, ranked within the region, the leader first', () => {
    const store = ingest(
      [
        {
          name: 'D',
          rows: [
            ['月份', '区域', '产品线', '销售额'],
            ['2026-03', '华东', 'A', 10],
            ['2026-03', '华东', 'B', 30],
            ['2026-03', '华南', 'A', 20],
          ],
        },
        {
          name: 'T',
          rows: [
            ['区域', '月份', '目标'],
            ['华东', '2026-03', 50],
            ['华南', '2026-03', 20],
          ],
        },
      ],
      ['region', 'product'],
    );
    const { result } = computeKpi(store, {
      ...H1,
      period: parsePeriod('2026-03')!,
      by: ['region', 'product'],
    });
    // Shares of the 60 in all (20 / 60, 40 / 60, 30 / 60, 10 / 60), to 15 significant digits.
    expect(result.rows.map((r) => [r.group, r.actual, r.target, r.share, r.rank])).toEqual([
      [{ region: '华南' }, 20, 20, 0.333333333333333, 1],
      [{ region: '华南', product: 'A' }, 20, null, 0.333333333333333, 1],
      [{ region: '华东' }, 40, 50, 0.666666666666667, 2],
      [{ region: '华东', product: 'B' }, 30, null, 0.5, 1],
      [{ region: '华东', product: 'A' }, 10, null, 0.166666666666667, 2],
    ]);
    const table = buildTable(result, new Map(), 'zh-CN');
    expect(table.rows.map((r) => r.slice(0, 2))).toEqual([
      ['华南', '小计'],
      ['华南', 'A'],
      ['华东', '小计'],
      ['华东', 'B'],
      ['华东', 'A'],
      ['合计', ''],
    ]);
  });

  it('targets joined from a targets sheet by region and month; blank stays blank', () => {
    const store = ingest(
      [
        {
          name: 'orders',
          rows: [
            ['Close Date', 'Region', 'Amount'],
            [{ v: new Date(Date.UTC(2026, 5, 3)) }, 'East', 120],
            [{ v: new Date(Date.UTC(2025, 5, 3)) }, 'East', 100],
            [{ v: new Date(Date.UTC(2026, 4, 3)) }, 'East', 80],
            [{ v: new Date(Date.UTC(2026, 5, 9)) }, 'West', null],
          ],
        },
        {
          name: 'targets',
          rows: [
            ['Region', 'Month', 'Target'],
            ['East', '2026-06', 150],
            ['West', '2026-06', 50],
            ['East', '2026-05', 999],
          ],
        },
      ],
      ['region'],
    );
    const { result } = computeKpi(store, { ...H1, period: parsePeriod('2026-06')!, by: ['region'] });
    const east = result.rows.find((r) => r.group.region === 'East');
    expect(east).toMatchObject({
      target: 150,
      actual: 120,
      priorYear: 100,
      priorPeriod: 80,
      achievement: 0.8,
      yoy: 0.2,
      mom: 0.5,
    });
    const west = result.rows.find((r) => r.group.region === 'West');
    expect(west).toMatchObject({ target: 50, actual: null, achievement: null, status: null });
    expect(result.totals[0]).toMatchObject({ target: 200, actual: 120 });
  });

  it('an error cell is a warning with its address and the metric shows as missing', () => {
    const store = ingest([
      {
        name: 'KPI',
        rows: [
          ['Metric', 'Target', 'Actual'],
          ['Revenue', 100, { v: { error: '#DIV/0!' } }],
        ],
      },
    ]);
    const { result } = computeKpi(store, { ...H1, by: [] });
    expect(result.warnings).toEqual([
      { message: 'expected a number, found #DIV/0!', file: 'data/kpi.xlsx', sheet: 'KPI', cell: 'C2' },
      // The sheet names no period: said once, not assumed silently.
      {
        message: 'no date column and no stated period: its figures are taken as 2026-H1',
        file: 'data/kpi.xlsx',
        sheet: 'KPI',
        cell: null,
      },
    ]);
    expect(result.rows[0]).toMatchObject({ target: 100, actual: null, achievement: null });
  });

  it('bad cells: five warnings per column, then a count', () => {
    const rows: (string | number | null)[][] = [['日期', '销售额']];
    for (let i = 1; i <= 9; i++) rows.push([`2026-06-0${i}`, i % 3 === 0 ? 10 : '待定']);
    const store = ingest([{ name: 'D', rows }]);
    const { result } = computeKpi(store, { ...H1, period: parsePeriod('2026-06')!, by: [] });
    expect(result.totals[0]?.actual).toBe(30);
    expect(result.warnings.map((w) => `${w.cell}: ${w.message}`)).toEqual([
      'B2: expected a number, found 待定',
      'B3: expected a number, found 待定',
      'B5: expected a number, found 待定',
      'B6: expected a number, found 待定',
      'B8: expected a number, found 待定',
      'null: column B: 1 more cell(s) that are not numbers',
    ]);
  });

  it('lower-is-better metric declared in the dictionary (费用率)', () => {
    const store = ingest([
      {
        name: 'KPI',
        rows: [
          ['指标', '目标', '实际'],
          ['费用率', '12%', '13.2%'],
        ],
      },
    ]);
    const { result } = computeKpi(store, { ...H1, by: [] });
    expect(result.rows[0]).toMatchObject({ metric: 'expense_ratio', direction: 'lower', status: 'at-risk' });
    expect(result.rows[0]?.achievement).toBeCloseTo(0.9, 10);
  });
});

describe('mapping and declarations', () => {
  it('kpi.columns maps headers the dictionary does not know', () => {
    const store = new KpiStore(['region'], 'en');
    const ing = new SheetIngester(store, {
      file: 'crm.xlsx',
      sheet: 'Export',
      columns: { period: '签单日期', region: '战区', actual: '本月完成' },
    });
    const rows: (string | number)[][] = [
      ['签单日期', '战区', '本月完成'],
      ['2026-06-02', '一部', 30],
      ['2026-06-09', '二部', 12],
    ];
    rows.forEach((r, i) => {
      ing.push({ n: i + 1, cells: r.map((v) => ({ v })) });
    });
    expect(ing.finish()).toBe('detail');
    const { result } = computeKpi(store, { ...H1, period: parsePeriod('2026-06')!, by: ['region'] });
    // Groups read by rank (here the actual: no targets), not in code-point or pinyin order.
    expect(result.rows.map((r) => [r.group.region, r.actual])).toEqual([
      ['一部', 30],
      ['二部', 12],
    ]);
  });

  it('a rate in detail rows is never averaged: missing, with a warning', () => {
    const store = ingest([
      {
        name: 'D',
        rows: [
          ['月份', '区域', '回款率'],
          ['2026-01', '华东', '90%'],
          ['2026-02', '华东', '10%'],
        ],
      },
    ]);
    const { result } = computeKpi(store, { ...H1, by: [] });
    expect(result.rows).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'Collection rate: a rate in detail rows cannot be rolled up without its numerator and denominator; give both columns',
    ]);
  });

  it('an unknown metric is an amount unless meeting.yaml declares it', () => {
    const store = new KpiStore([], 'en', { 退货率: { kind: 'ratio', direction: 'lower' } });
    const ing = new SheetIngester(store, { file: 'k.xlsx', sheet: 'S' });
    [
      ['指标', '目标', '实际'],
      ['退货率', '2%', '3%'],
      ['坪效', 5000, 5500],
    ].forEach((r, i) => {
      ing.push({ n: i + 1, cells: r.map((v) => ({ v })) });
    });
    ing.finish();
    const { result } = computeKpi(store, { ...H1, by: [] });
    expect(result.rows[0]).toMatchObject({
      metric: '退货率',
      kind: 'ratio',
      direction: 'lower',
      achievement: 0.5,
      variance: 0.01,
      status: 'off-track',
    });
    expect(result.rows[1]).toMatchObject({
      metric: '坪效',
      kind: 'amount',
      direction: 'higher',
      achievement: 1.1,
      status: 'on-track',
    });
  });

  it('negative and zero bases in a summary sheet: labels, never a percentage', () => {
    const store = ingest([
      {
        name: 'S',
        rows: [
          ['Metric', 'Target', 'Actual', 'LY', 'Last Month'],
          ['Net profit', 0, 50, -100, 0],
          ['Operating loss', -20, -30, -50, -10],
        ],
      },
    ]);
    const { result } = computeKpi(store, { ...H1, by: [] });
    expect(result.rows[0]).toMatchObject({
      achievement: null,
      status: 'met',
      yoyNote: 'turned-positive',
      yoy: null,
      momNote: 'turned-positive',
    });
    expect(result.rows[1]).toMatchObject({
      achievement: null,
      status: 'not-met',
      yoyNote: 'loss-narrowed',
      momNote: 'loss-widened',
    });
  });
});

describe('a summary sheet speaks for the period its title names', () => {
  it('reads the period from titles and group headers', () => {
    const r = (t: string) => {
      const p = periodInTitle(t);
      return p ? [isoOfDay(p.start), isoOfDay(p.end)] : undefined;
    };
    expect(r('2026年上半年销售KPI汇总')).toEqual(['2026-01-01', '2026-06-30']);
    expect(r('2026 H2 review')).toEqual(['2026-07-01', '2026-12-31']);
    expect(r('2026年第二季度')).toEqual(['2026-04-01', '2026-06-30']);
    expect(r('2026-Q3 KPI')).toEqual(['2026-07-01', '2026-09-30']);
    expect(r('2026年1-5月累计')).toEqual(['2026-01-01', '2026-05-31']);
    expect(r('2026年6月经营月报')).toEqual(['2026-06-01', '2026-06-30']);
    expect(r('2025年度')).toEqual(['2025-01-01', '2025-12-31']);
    expect(r('单位：万元')).toBeUndefined();
  });

  it('and is not used for another period', () => {
    const rows = [['2026年上半年 KPI'], ['指标', '目标', '实际'], ['新客户数', 200, 180]];
    const store = ingest([{ name: 'S', rows }]);
    expect(computeKpi(store, { ...H1, by: [] }).result.rows[0]).toMatchObject({ actual: 180 });
    expect(computeKpi(store, { ...H1, period: parsePeriod('2026-06')!, by: [] }).result.rows).toEqual([]);
  });
});

describe('当月 and 累计 side by side', () => {
  const rows: (string | number | null)[][] = [
    ['指标', '本月', null, '本年累计', null],
    [null, '目标', '实际', '目标', '实际'],
    ['销售额', 100, 90, 600, 630],
  ];
  const read = (ytd: boolean) => {
    const store = new KpiStore([], 'en', {}, ytd);
    const ing = new SheetIngester(store, { file: 'k.xlsx', sheet: 'S' });
    rows.forEach((r, i) => {
      ing.push({ n: i + 1, cells: r.map((v) => (v === null ? undefined : { v })) });
    });
    ing.finish();
    return computeKpi(store, { ...H1, ytd, period: parsePeriod('2026-06')!, by: [] }).result.rows[0];
  };
  it('the month columns for a month, the 累计 columns with --ytd', () => {
    expect(read(false)).toMatchObject({ target: 100, actual: 90, achievement: 0.9 });
    expect(read(true)).toMatchObject({ target: 600, actual: 630, achievement: 1.05 });
  });
});

describe('never NaN or Infinity', () => {
  const value = fc.oneof(
    fc.constant(null),
    fc.constant(0),
    fc.constant(-0),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constant('12%'),
    fc.constant('n/a'),
    fc.constant({ error: '#DIV/0!' }),
  );
  const allFinite = (x: unknown): boolean => {
    if (typeof x === 'number') return Number.isFinite(x);
    if (Array.isArray(x)) return x.every(allFinite);
    if (x && typeof x === 'object') return Object.values(x).every(allFinite);
    return true;
  };
  it('holds for any summary values and any as-of day', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('销售额', '回款率', '费用率', '新客户数', 'Widgets'),
            value,
            value,
            value,
            value,
          ),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.integer({ min: -400, max: 400 }),
        fc.boolean(),
        (lines, offset, workdays) => {
          const rows: (string | number | null | Cell)[][] = [
            ['Metric', 'Target', 'Actual', 'PY', 'Prior period'],
          ];
          for (const [name, ...vals] of lines)
            rows.push([name, ...vals.map((v) => (v === null ? null : ({ v } as Cell)))]);
          const store = ingest([{ name: 'S', rows }]);
          const { result, extras } = computeKpi(store, {
            ...H1,
            asOf: day('2026-06-30') + offset,
            workdays,
            by: [],
          });
          const json = JSON.parse(JSON.stringify(result)) as KpiResult;
          expect(allFinite(result)).toBe(true);
          expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
          expect(json.rows.length).toBe(result.rows.length);
          const table = buildTable(result, extras, 'zh-CN');
          expect(table.rows.flat().join(' ')).not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('display', () => {
  it('percent, percentage points and change labels in three languages', () => {
    expect(pct(0.92, 'en')).toBe('92.0%');
    expect(pct(0.15, 'en', true)).toBe('+15.0%');
    expect(pp(-0.03, 'en')).toBe('−3.0 pp');
    expect(pp(-0.03, 'zh-CN')).toBe('−3.0 个百分点');
    expect(pp(-0.03, 'zh-TW')).toBe('−3.0 個百分點');
    expect(change(null, 'ratio', 'turned-positive', 'zh-CN')).toBe('扭亏为盈');
    expect(change(null, 'ratio', 'loss-widened', 'en')).toBe('loss widened');
    expect(change(null, 'ratio', 'n/m', 'en')).toBe('n/m');
    expect(change(null, 'ratio', null, 'en')).toBe('—');
  });
});
