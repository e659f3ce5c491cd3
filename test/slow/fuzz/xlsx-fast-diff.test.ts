/**
 * Differential fuzz: the fast reader and exceljs's streaming reader must hand kpi the same rows for random
 * workbooks written by exceljs (seeded; SALESMEET_FAST_XLSX_CASES raises the count, e.g. 5000 before a release).
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { plain, readWith } from '../../fixtures/fast/support.js';
import { tempDir } from '../../helpers/cli.js';
import { exceljsRows, randomWorkbook } from '../../io/excel/fast/random-workbook.js';

const CASES = Number(process.env.SALESMEET_FAST_XLSX_CASES ?? 300);

describe(`random workbooks written by exceljs read the same through both readers (${CASES} cases)`, () => {
  const tmp = tempDir('salesmeet-fast-');
  afterAll(() => tmp.cleanup());
  it('matches on every case', { timeout: 600_000 }, async () => {
    let rows = 0;
    let cells = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const path = join(tmp.dir, `case-${seed}.xlsx`);
      await randomWorkbook(seed, path);
      const fast = await readWith(path, true);
      expect({ seed, notes: fast.notes }).toEqual({ seed, notes: [] });
      const mine = fast.sheets.map((s) => ({ name: s.name, rows: plain(s.rows) }));
      // exceljs's streaming reader is not deterministic: under load its walk through the zip sometimes
      // ends early, and it then reads a sheet without its shared strings and styles, or fails with
      // "Cannot read properties of undefined (reading 'sheets')" (each seen once in 3000 cases; the same
      // file then reads correctly again). Such a case is read again by exceljs, up to 5 times.
      let theirs = await exceljsRows(path);
      for (let again = 0; again < 5 && !isDeepStrictEqual(mine, theirs); again++) {
        theirs = await exceljsRows(path);
      }
      expect({ seed, sheets: mine }).toEqual({ seed, sheets: theirs });
      for (const s of mine)
        for (const row of s.rows as { cells: object }[]) {
          rows++;
          cells += Object.keys(row.cells).length;
        }
    }
    // The cases are not trivially empty.
    expect(rows).toBeGreaterThan(CASES * 5);
    // How often exceljs needed a second read depends on the machine's load (8 of 300 once, with LibreOffice
    // converting beside it), so it is not asserted: each case above had to match after at most 5 reads, and a
    // fast-reader error would not go away by reading the same file with exceljs again.
    expect(cells).toBeGreaterThan(CASES * 20);
  });
});
