/**
 * The mainland-China working calendar from the `chinese-days` package (State Council notices, kept up to date
 * by its maintainers): a newer version of the package brings the next year's holidays and 调休 make-up days.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Calendar } from '../core/kpi/period.js';

let cached: Calendar | undefined;

/** Reads the package's data once. */
export function chineseCalendar(): Calendar {
  if (cached) return cached;
  const file = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const holidays = new Set(Object.keys(data.holidays));
  const workdays = new Set(Object.keys(data.workdays));
  // A year is covered when the data names at least one of its holidays (every year has 元旦).
  const years = new Set([...holidays].map((d) => Number(d.slice(0, 4))));
  cached = { holidays, workdays, years };
  return cached;
}
