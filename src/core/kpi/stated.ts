/**
 * The period a report states about itself, in its title or a condition row above the header: `日期：2026-04-01
 * 至 2026-06-30`, `期间: 2026.04-2026.06`, `2026年6月`, `2026年第二季度`, `2026年上半年`, `FY2026 Q2`, `Jun 2026`,
 * `2026年1-6月`, `2026年度`. Such a sheet answers only that period.
 */
import { dayOf, isoOfDay, type Period, parsePeriod } from './period.js';

export interface StatedPeriod {
  start: number;
  end: number;
  /** `2026-Q2` when the range is a standard period, else `2026-04-01~2026-05-15`. */
  label: string;
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function fromPeriod(p: Period | undefined): StatedPeriod | undefined {
  return p ? { start: p.start, end: p.end, label: p.label } : undefined;
}

/** A day range, named by the standard period it equals (month, quarter, half, year) when it equals one. */
export function rangeLabel(start: number, end: number): StatedPeriod {
  const s = isoOfDay(start);
  const y = s.slice(0, 4);
  const candidates = [
    s.slice(0, 7),
    `${y}-Q${Math.floor((Number(s.slice(5, 7)) - 1) / 3) + 1}`,
    `${y}-H${Number(s.slice(5, 7)) <= 6 ? 1 : 2}`,
    y,
  ];
  for (const c of candidates) {
    const p = parsePeriod(c);
    if (p && p.start === start && p.end === end) return { start, end, label: p.label };
  }
  return { start, end, label: `${s}~${isoOfDay(end)}` };
}

function validYmd(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  const day = dayOf(y, m, d);
  return isoOfDay(day) === `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
    ? day
    : undefined;
}

function monthsRange(y1: number, m1: number, y2: number, m2: number): StatedPeriod | undefined {
  if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || y2 * 12 + m2 < y1 * 12 + m1) return undefined;
  return rangeLabel(dayOf(y1, m1, 1), dayOf(y2, m2 + 1, 1) - 1);
}

const AS_OF =
  /截至|截止|更新(时间|時間|日期|于|於|至)|导出(时间|日期)|導出(時間|日期)|(打印|列印|生成|制表|製表)(时间|時間|日期)|asof|generated|exported|printed|updated|runon/i;

const DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const TO = String.raw`\s*(?:至|到|~|～|〜|—|–|-|to|till|until|through)\s*`;

/** The period a title or condition row names, or undefined when it names none. */
export function statedPeriod(raw: string): StatedPeriod | undefined {
  const text = raw.normalize('NFKC').trim();
  if (text === '' || text.length > 200) return undefined;
  // A range of days: 2026-04-01 至 2026-06-30, 2026/4/1~2026/6/30, 2026年4月1日至2026年6月30日.
  let mm = new RegExp(`${DATE}${TO}${DATE}`, 'i').exec(text);
  if (mm) {
    const a = validYmd(Number(mm[1]), Number(mm[2]), Number(mm[3]));
    const b = validYmd(Number(mm[4]), Number(mm[5]), Number(mm[6]));
    return a !== undefined && b !== undefined && b >= a ? rangeLabel(a, b) : undefined;
  }
  // The same in US order, as Salesforce writes it: 4/1/2026 to 6/30/2026.
  mm = new RegExp(`(\\d{1,2})/(\\d{1,2})/(\\d{4})${TO}(\\d{1,2})/(\\d{1,2})/(\\d{4})`, 'i').exec(text);
  if (mm) {
    const a = validYmd(Number(mm[3]), Number(mm[1]), Number(mm[2]));
    const b = validYmd(Number(mm[6]), Number(mm[4]), Number(mm[5]));
    return a !== undefined && b !== undefined && b >= a ? rangeLabel(a, b) : undefined;
  }
  const t = text.replace(/\s+/g, '');
  // A range of months: 2026.04-2026.06, 2026年4月至2026年6月, 2026年4期至2026年6期 (金蝶 accounting periods).
  mm = /(\d{4})[-/.年](\d{1,2})[月期]?(?:至|到|~|～|—|–|-)(\d{4})[-/.年](\d{1,2})[月期]?/.exec(t);
  if (mm) return monthsRange(Number(mm[1]), Number(mm[2]), Number(mm[3]), Number(mm[4]));
  // 2026年1-6月, 2026年4月-6月, 2026年4-6月.
  mm = /(\d{4})年(\d{1,2})月?[-–~～至到](\d{1,2})月/.exec(t);
  if (mm) return monthsRange(Number(mm[1]), Number(mm[2]), Number(mm[1]), Number(mm[3]));
  // A single month or year after 截至 / 导出时间 / as of is when the data was taken, not the period it covers.
  if (AS_OF.test(t)) return undefined;
  // Halves: 2026年上半年, 2026H1, 2026-H1, H1 2026, FY2026 H1.
  mm = /(\d{4})年?(上|下)半年/.exec(t);
  if (mm) return fromPeriod(parsePeriod(`${mm[1]}-H${mm[2] === '上' ? 1 : 2}`));
  mm = /(?:FY)?(\d{4})[-年]?H([12])(?![0-9])/i.exec(t) ?? /(?<![A-Za-z])H([12])[-/]?(?:FY)?(\d{4})/i.exec(t);
  if (mm) {
    const [y, h] = /^\d{4}$/.test(mm[1]!) ? [mm[1], mm[2]] : [mm[2], mm[1]];
    return fromPeriod(parsePeriod(`${y}-H${h}`));
  }
  // Quarters: 2026年第二季度, 2026年二季度, 2026年第2季度, 2026Q2, 2026-Q2, FY2026Q2, Q2 2026.
  mm = /(\d{4})年?第?([一二三四1-4])季度?/.exec(t);
  if (mm && (t.includes('季') || /\d{4}年第/.test(t)))
    return fromPeriod(parsePeriod(`${mm[1]}-Q${CN_NUM[mm[2]!]}`));
  mm =
    /(?:FY)?(\d{4})[-年]?Q([1-4])(?![0-9])/i.exec(t) ?? /(?<![A-Za-z])Q([1-4])[-/]?(?:FY)?(\d{4})/i.exec(t);
  if (mm) {
    const [y, q] = /^\d{4}$/.test(mm[1]!) ? [mm[1], mm[2]] : [mm[2], mm[1]];
    return fromPeriod(parsePeriod(`${y}-Q${q}`));
  }
  // Months: 2026年6月, Jun 2026, June-2026, 2026-06 (not a day 2026-06-30), 2026.06.
  mm = /(\d{4})年(\d{1,2})月(?!\d{1,2}日)/.exec(t);
  if (mm) return monthsRange(Number(mm[1]), Number(mm[2]), Number(mm[1]), Number(mm[2]));
  mm = /(?<![A-Za-z])([A-Za-z]{3,9})\.?[-,]?(\d{4})(?![0-9])/.exec(t);
  if (mm) {
    const i = MONTHS_EN.indexOf(mm[1]!.slice(0, 3).toLowerCase());
    if (
      i >= 0 &&
      (mm[1]!.length === 3 ||
        /^(january|february|march|april|june|july|august|september|october|november|december|sept)$/i.test(
          mm[1]!,
        ))
    )
      return monthsRange(Number(mm[2]), i + 1, Number(mm[2]), i + 1);
  }
  mm = /(?<!\d)(\d{4})[-/.](0?[1-9]|1[0-2])(?![-/.]?\d)/.exec(t);
  if (mm) return monthsRange(Number(mm[1]), Number(mm[2]), Number(mm[1]), Number(mm[2]));
  // A range of years: FY2025-FY2026, 2025-2026年, 2025年至2026年.
  mm = /(?:FY)?(\d{4})年?(?:度)?(?:至|到|~|～|—|–|-)(?:FY)?(\d{4})(?:年|财年|財年)?(?![-/.]?\d)/i.exec(t);
  if (mm && (/FY/i.test(t) || /年/.test(t.slice(mm.index, mm.index + mm[0].length)))) {
    const a = Number(mm[1]);
    const b = Number(mm[2]);
    if (b >= a && b - a < 10) return rangeLabel(parsePeriod(String(a))!.start, parsePeriod(String(b))!.end);
  }
  // Years: 2026年度, 2026全年, FY2026, 2026年 (a title such as 2026年销售统计表).
  mm = /(\d{4})年度|(\d{4})全年|FY(\d{4})(?!\d)|(\d{4})年(?![\d上下第一二三四])/i.exec(t);
  if (mm) return fromPeriod(parsePeriod(mm[1] ?? mm[2] ?? mm[3] ?? mm[4]!));
  return undefined;
}
