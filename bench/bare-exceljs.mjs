// The baseline: exceljs's own streaming reader doing a bare aggregation (sum of the amount column per
// region for one month) of the same file, with the same reader options salesmeet uses.
import ExcelJS from 'exceljs';

const [file] = process.argv.slice(2);
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  worksheets: 'emit',
  entries: 'emit',
});
const sums = new Map();
let rows = 0;
for await (const ws of reader) {
  for await (const row of ws) {
    if (row.number < 3) continue;
    const d = row.getCell(1).value;
    const region = row.getCell(2).value;
    const amount = row.getCell(6).value;
    if (!(d instanceof Date) || typeof amount !== 'number') continue;
    rows++;
    if (d.getUTCFullYear() === 2026 && d.getUTCMonth() === 5)
      sums.set(region, (sums.get(region) ?? 0) + amount);
  }
}
process.stdout.write(`${JSON.stringify({ rows, regions: Object.fromEntries(sums) })}\n`);
