/**
 * The fast xlsx reader on workbooks written by hand, part by part: exact values for what exceljs cannot
 * write (inline rich text, rows and cells without r, CDATA, phonetic runs, both date systems…), the same
 * values as exceljs wherever exceljs reads the file, guard rails, and when it declines.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/core/errors.js';
import type { SheetRow } from '../../../../src/core/kpi/values.js';
import { parseSharedStrings } from '../../../../src/io/excel/fast/shared-strings.js';
import { SheetScanner } from '../../../../src/io/excel/fast/sheet.js';
import { isDateFormat, parseStyles } from '../../../../src/io/excel/fast/styles.js';
import { inspectWorkbook, streamWorkbook } from '../../../../src/io/excel/read.js';
import {
  type HandMade,
  handMade,
  plain,
  readBoth,
  readWith,
  zipParts,
} from '../../../fixtures/fast/support.js';
import { tempDir } from '../../../helpers/cli.js';

const tmp = tempDir('salesmeet-fast-');
afterAll(() => tmp.cleanup());
let counter = 0;
function write(w: HandMade, opts: { store?: boolean } = {}): string {
  const path = join(tmp.dir, `hand-${++counter}.xlsx`);
  writeFileSync(path, zipParts(handMade(w), opts));
  return path;
}

const STYLES = `<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="0.0&quot;d&quot;"/><numFmt numFmtId="166" formatCode="#,##0.0\\%"/></numFmts>
<cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/><xf numFmtId="31"/><xf numFmtId="166"/><xf numFmtId="22"/><xf numFmtId="4"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="yyyy"/></dxf></dxfs>`;

const SST = [
  '<si><t>区域</t></si>',
  '<si><t xml:space="preserve">  华东 &amp; 华南 </t></si>',
  '<si><r><rPr><b/></rPr><t>Acme</t></r><r><t xml:space="preserve"> &lt;Ltd&gt;</t></r></si>',
  '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>',
  '<si><t/></si>',
  '<si><t>&#x4E2D;&#22269;&#x1F389;</t></si>',
  '<si><t>a\r\nb\rc</t></si>',
].join('');

describe('values, exactly', () => {
  it('reads shared, inline and rich strings, numbers, booleans, errors and formulas as exceljs does', async () => {
    const path = write({
      sheets: [
        {
          name: '明细',
          xml: `<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>99</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>华东 &amp;amp; 华南</t></is></c><c r="B2" t="inlineStr"><is><r><t>first</t></r><r><t>last</t></r></is></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2"><v>1.5E+3</v></c><c r="G2"><v>-0.25</v></c><c r="H2"><v>007</v></c><c r="I2"><v>12345678901234567</v></c></row>
<row r="3"><c r="A3"><f>B3*2</f><v>42</v></c><c r="B3"><f>1+1</f><v>0</v></c><c r="C3"><f t="shared" si="0"/><v>0</v></c><c r="D3" t="str"><f>A1</f><v>R&amp;amp;D</v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F3"><f>NOW()</f></c><c r="G3" t="b"><f>TRUE()</f><v>1</v></c></row>
<row r="5"><c r="C5"><v>3</v></c><c r="Z5"><v>4</v></c></row>
<row r="6"><c r="A6" t="str"><v>&lt;tag&gt;</v></c><c r="B6"><v>1<!-- comment --></v></c><c r="C6" t="inlineStr"><is><t><![CDATA[ignored]]>kept</t></is></c></row>
<row r="7"/>
</sheetData>`,
        },
      ],
      sharedStrings: SST,
      styles: STYLES,
    });
    const fast = await readWith(path, true);
    expect(fast.notes).toEqual([]);
    expect(plain(fast.sheets[0]!.rows)).toEqual([
      {
        n: 1,
        length: 7,
        cells: {
          0: { v: '区域' },
          1: { v: '  华东 & 华南 ' },
          2: { v: 'Acme <Ltd>' },
          3: { v: 'トウキョウ' }, // exceljs keeps the text of the last <t>, the phonetic run's
          // E1 (an empty <si>) and H1 (no such shared string) read as empty cells
          5: { v: '中国🎉' },
          6: { v: 'a\nb\nc' },
        },
      },
      {
        n: 2,
        length: 9,
        cells: {
          0: { v: '华东 & 华南' }, // exceljs decodes inline strings twice
          1: { v: 'last' }, // and keeps only the last run of inline rich text
          2: { v: true },
          3: { v: false },
          4: { v: { error: '#N/A' } },
          5: { v: 1500 },
          6: { v: -0.25 },
          7: { v: 7 },
          8: { v: 12345678901234568 },
        },
      },
      {
        n: 3,
        length: 7,
        cells: {
          0: { v: 42 },
          // B3: a formula whose cached result is 0 reads as empty in exceljs; a shared-formula child keeps it
          2: { v: 0 },
          3: { v: 'R&D' },
          4: { v: { error: '#DIV/0!' } },
          6: { v: 1 }, // a formula's boolean result is read as a number
        },
      },
      { n: 5, length: 26, cells: { 2: { v: 3 }, 25: { v: 4 } } },
      { n: 6, length: 3, cells: { 0: { v: '<tag>' }, 1: { v: 1 }, 2: { v: 'kept' } } },
      { n: 7, length: 0, cells: {} },
    ]);
    const both = await readBoth(path);
    expect(both.fast).toEqual(both.exceljs);
  });

  it('turns date-formatted numbers into UTC dates, in the 1900 and the 1904 system, and keeps percent formats', async () => {
    const sheet = `<sheetData>
<row r="1"><c r="A1" s="1"><v>46113</v></c><c r="B1" s="2"><v>46113.75</v></c><c r="C1" s="3"><v>46113</v></c><c r="D1" s="4"><v>0.256</v></c><c r="E1" s="5"><v>46113</v></c><c r="F1" s="6"><v>12.5</v></c><c r="G1" s="7"><v>0</v></c><c r="H1" s="8"><v>1234.5</v></c><c r="I1" s="1"><f>TODAY()</f><v>46113</v></c></row>
<row r="2" s="4" customFormat="1"><c r="A2"><v>0.5</v></c><c r="B2" s="0"><v>0.5</v></c><c r="C2" s="8"><v>0.5</v></c></row>
<row r="3"><c r="A3" s="1"><v>60</v></c><c r="B3" s="1"><v>61</v></c><c r="C3" s="1"><v>1</v></c></row>
</sheetData>`;
    const p1900 = write({ sheets: [{ name: 'S', xml: sheet }], styles: STYLES });
    const p1904 = write({
      sheets: [{ name: 'S', xml: sheet }],
      styles: STYLES,
      workbookPr: '<workbookPr date1904="1"/>',
    });
    const r1900 = plain((await readWith(p1900, true)).sheets[0]!.rows);
    const r1904 = plain((await readWith(p1904, true)).sheets[0]!.rows);
    expect(r1900).toEqual([
      {
        n: 1,
        length: 9,
        cells: {
          0: { v: { date: '2026-04-01T00:00:00.000Z' } }, // built-in 14 (mm-dd-yy)
          1: { v: { date: '2026-04-01T18:00:00.000Z' } }, // yyyy"年"m"月"
          2: { v: 46113 }, // 0.0"d": the d is quoted, not a date
          3: { v: 0.256, fmt: '0.00%' }, // built-in 10
          4: { v: 46113 }, // built-in 31 has no code in exceljs's table: a number
          5: { v: 12.5, fmt: '#,##0.0%' }, // custom, backslash escape removed
          6: { v: { date: '1899-12-30T00:00:00.000Z' } }, // built-in 22
          7: { v: 1234.5 },
          8: { v: 46113 }, // a formula's cached result stays a number
        },
      },
      // the row style (s="4", 0.00%) applies to cells without s or with s="0"
      { n: 2, length: 3, cells: { 0: { v: 0.5, fmt: '0.00%' }, 1: { v: 0.5, fmt: '0.00%' }, 2: { v: 0.5 } } },
      {
        n: 3,
        length: 3,
        cells: {
          0: { v: { date: '1900-02-28T00:00:00.000Z' } }, // serial 60 is Excel's phantom 1900-02-29; exceljs reads the 28th
          1: { v: { date: '1900-03-01T00:00:00.000Z' } },
          2: { v: { date: '1899-12-31T00:00:00.000Z' } },
        },
      },
    ]);
    expect(r1904[0]!.cells).toMatchObject({ 0: { v: { date: '2030-04-02T00:00:00.000Z' } } });
    expect(r1904[2]!.cells).toMatchObject({ 2: { v: { date: '1904-01-02T00:00:00.000Z' } } });
    for (const p of [p1900, p1904]) {
      const both = await readBoth(p);
      expect(both.notes).toEqual([]);
      expect(both.fast).toEqual(both.exceljs);
    }
  });

  it('numbers rows and cells without r after the previous ones (exceljs cannot read these)', async () => {
    const path = write({
      sheets: [
        {
          name: 'S',
          xml: '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="B4"><v>3</v></c><c><v>4</v></c></row><row><c r="A5"><v>5</v></c></row></sheetData>',
        },
      ],
    });
    expect(plain((await readWith(path, true)).sheets[0]!.rows)).toEqual([
      { n: 1, length: 2, cells: { 0: { v: 1 }, 1: { v: 2 } } },
      { n: 4, length: 3, cells: { 1: { v: 3 }, 2: { v: 4 } } },
      { n: 5, length: 1, cells: { 0: { v: 5 } } },
    ]);
  });

  it('reads elements by their literal names, as exceljs does (a prefixed sheet has no rows for either)', async () => {
    const path = write({
      sheets: [
        {
          name: 'S',
          xml: '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
        },
      ],
    });
    const both = await readBoth(path);
    expect(both.fast).toEqual([{ name: 'S', rows: [] }]);
    expect(both.fast).toEqual(both.exceljs);
  });
});

describe('the scanner', () => {
  it('gives the same rows whatever the chunk boundaries', () => {
    let xml = '<worksheet><sheetData>';
    for (let r = 1; r <= 300; r++)
      xml += `<row r="${r}" spans="1:5"><c r="A${r}" t="inlineStr"><is><t xml:space="preserve"> 华东&amp;${r} 🎉 </t></is></c><c r="B${r}" s="1"><v>${46000 + r}</v></c><c r="C${r}"><v>${r}.${r}</v></c><c r="D${r}" t="s"><v>${r % 3}</v></c><!-- c --><c r="E${r}" t="e"><v>#N/A</v></c></row>\r\n`;
    xml += '</sheetData><mergeCells count="0"/></worksheet>';
    const bytes = Buffer.from(xml, 'utf8');
    const read = (sizes: () => number) => {
      const rows: SheetRow[] = [];
      const sc = new SheetScanner({
        shared: ['x', 'y', null],
        styles: [
          { fmt: undefined, date: false, percent: undefined },
          { fmt: 'yyyy-mm-dd', date: true, percent: undefined },
        ],
        date1904: false,
        errors: new Map(),
        errorsUnread: false,
        // The scanner reuses its row and cells (the reader contract): keep a copy.
        emit: (r) => rows.push({ n: r.n, cells: r.cells.map((c) => (c ? { ...c } : c)) }),
      });
      for (let i = 0; i < bytes.length; ) {
        const n = sizes();
        sc.push(bytes.subarray(i, i + n));
        i += n;
      }
      sc.end();
      return plain(rows);
    };
    const whole = read(() => bytes.length);
    expect(whole).toHaveLength(300);
    expect(whole[9]).toEqual({
      n: 10,
      length: 5,
      cells: {
        0: { v: ' 华东&10 🎉 ' },
        1: { v: { date: '2025-12-19T00:00:00.000Z' } }, // serial 46010
        2: { v: 10.1 },
        3: { v: 'y' },
        4: { v: { error: '#N/A' } },
      },
    });
    let seed = 3;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    expect(read(() => 1)).toEqual(whole);
    expect(read(() => 1 + Math.floor(rnd() * 7))).toEqual(whole);
    expect(read(() => 1 + Math.floor(rnd() * 4000))).toEqual(whole);
  });

  it('reports a sheet cut short inside <sheetData>', () => {
    const sc = new SheetScanner({
      shared: null,
      styles: [],
      date1904: false,
      errors: new Map(),
      errorsUnread: false,
      emit: () => {},
    });
    sc.push(Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r'));
    expect(() => sc.end()).toThrow('the sheet ends inside <sheetData>');
  });

  it('refuses an undefined entity', () => {
    const sc = new SheetScanner({
      shared: null,
      styles: [],
      date1904: false,
      errors: new Map(),
      errorsUnread: false,
      emit: () => {},
    });
    expect(() =>
      sc.push(Buffer.from('<sheetData><row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>')),
    ).toThrow('undefined entity &nbsp;');
  });
});

describe('styles and shared strings', () => {
  it('recognises date formats the way exceljs does', () => {
    expect(
      ['yyyy-mm-dd', 'mm-dd-yy', '[$-804]yyyy/m/d', 'h:mm', 'yyyy"年"m"月"', '[h]:mm:ss'].map(isDateFormat),
    ).toEqual([true, true, true, true, true, true]);
    expect(
      ['0.00%', '#,##0', '0.0"d"', '"¥"#,##0.00', '[Red]0.00', 'General', '@', undefined].map(isDateFormat),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('takes <numFmt> from <numFmts> only and <xf> from <cellXfs> only', () => {
    const styles = parseStyles(
      `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="164"/><xf numFmtId="170"/></cellXfs><dxfs><dxf><numFmt numFmtId="170" formatCode="yyyy"/></dxf></dxfs></styleSheet>`,
    );
    expect(styles).toEqual([
      { fmt: '0.0%', date: false, percent: '0.0%' },
      { fmt: undefined, date: false, percent: undefined },
    ]);
  });

  it('reads rich text and phonetic runs like exceljs', () => {
    expect(parseSharedStrings(SST)).toEqual([
      '区域',
      '  华东 & 华南 ',
      'Acme <Ltd>',
      'トウキョウ',
      null,
      '中国🎉',
      'a\nb\nc',
    ]);
  });
});

describe('parts inflated once', () => {
  it('the workbook check keeps what it inflated for the reader, which lets it go once read', async () => {
    const path = join(tmp.dir, 'kept.xlsx');
    writeFileSync(
      path,
      zipParts(
        handMade({
          sheets: [
            { name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' },
          ],
          sharedStrings: '<si><t>区域</t></si>',
          styles: '<cellXfs><xf numFmtId="0"/></cellXfs>',
        }),
      ),
    );
    const info = await inspectWorkbook(path, 'kept.xlsx');
    expect([...info.parts!.keys()]).toEqual(
      expect.arrayContaining([
        'xl/workbook.xml',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
      ]),
    );
    const rows: string[] = [];
    await streamWorkbook(path, 'kept.xlsx', info, {
      fast: true,
      onSheet: () => (row) => rows.push(String(row.cells[0]?.v)),
    });
    expect(rows).toEqual(['区域']);
    expect(info.parts!.size).toBe(0);
  });
});

describe('guard rails', () => {
  it('refuses a sheet that expands beyond its declared size, naming the file and sheet', async () => {
    const parts = handMade({
      sheets: [{ name: '订单', xml: `<sheetData>${'<row><c><v>1</v></c></row>'.repeat(2000)}</sheetData>` }],
    });
    const zip = zipParts(parts);
    const honest = join(tmp.dir, 'honest.xlsx');
    writeFileSync(honest, zip);
    // inspectWorkbook inflates sheets up to 32 MB whole and would catch this itself; the fast reader checks
    // every sheet as it streams, so it is given the honest file's inspection here, without the parts it kept
    // (as for a sheet too big to keep, which the reader streams from the file).
    const info = await inspectWorkbook(honest, 'liar.xlsx');
    info.parts?.clear();
    // Lower the declared uncompressed size of the sheet in the central directory (and the local header).
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    let at = zip.indexOf(name);
    zip.writeUInt32LE(1000, at - 30 + 22);
    at = zip.indexOf(name, at + 1);
    zip.writeUInt32LE(1000, at - 46 + 24);
    const path = join(tmp.dir, 'liar.xlsx');
    writeFileSync(path, zip);
    const err = await streamWorkbook(path, 'liar.xlsx', info, { fast: true, onSheet: () => () => {} }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location).toEqual({ file: 'liar.xlsx', sheet: '订单' });
    expect((err as InputError).text('en')).toBe(
      'the workbook could not be read: xl/worksheets/sheet1.xml expands beyond the size its zip entry declares (1000 bytes)',
    );
  });

  it('refuses damaged compressed data', async () => {
    const zip = zipParts(
      handMade({
        sheets: [{ name: 'S', xml: `<sheetData>${'<row><c><v>1</v></c></row>'.repeat(500)}</sheetData>` }],
      }),
    );
    const honest = join(tmp.dir, 'honest2.xlsx');
    writeFileSync(honest, zip);
    const info = await inspectWorkbook(honest, 'damaged.xlsx');
    info.parts?.clear(); // the sheet is streamed from the damaged file (see above)
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = zip.indexOf(name) + name.length;
    for (let i = 10; i < 40; i++) zip[at + i] = 0xff;
    const path = join(tmp.dir, 'damaged.xlsx');
    writeFileSync(path, zip);
    const err = await streamWorkbook(path, 'damaged.xlsx', info, {
      fast: true,
      onSheet: () => () => {},
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).text('en')).toBe(
      'the workbook could not be read: the compressed data of xl/worksheets/sheet1.xml is damaged',
    );
    expect((err as InputError).text('zh-CN')).toBe(
      '无法读取工作簿：xl/worksheets/sheet1.xml 的压缩数据已损坏',
    );
  });
});

describe('a sheet larger than 32 MB (streamed, never inflated whole)', () => {
  it('reads every row, keeps cached formula errors and reports progress', async () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const rows: string[] = [
      '<row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B1" t="inlineStr"><is><t>华东</t></is></c></row>',
    ];
    let size = 0;
    let total = 0;
    for (let r = 2; size < 33 * 1024 * 1024; r++) {
      const a = Math.floor(rnd() * 1e9);
      const b = Math.round(rnd() * 1e8) / 100;
      total += a;
      const row = `<row r="${r}"><c r="A${r}"><v>${a}</v></c><c r="B${r}" s="1"><v>${b}</v></c></row>`;
      size += row.length;
      rows.push(row);
    }
    const path = join(tmp.dir, 'large.xlsx');
    writeFileSync(
      path,
      zipParts(
        handMade({
          sheets: [{ name: 'Big', xml: `<sheetData>${rows.join('')}</sheetData>` }],
          styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs>',
        }),
      ),
    );
    const info = await inspectWorkbook(path, 'large.xlsx');
    expect(info.sheets[0]!.size).toBeGreaterThan(32 * 1024 ** 2);
    let n = 0;
    let sum = 0;
    let first: SheetRow | undefined;
    let last: SheetRow | undefined;
    let progress = 0;
    await streamWorkbook(path, 'large.xlsx', info, {
      fast: true,
      onSheet: () => (row) => {
        n++;
        // The row object is reused for the next row (the reader contract): keep copies.
        const copy = { n: row.n, cells: row.cells.map((c) => (c ? { v: c.v, fmt: c.fmt } : c)) };
        first ??= copy;
        last = copy;
        if (typeof row.cells[0]?.v === 'number') sum += row.cells[0].v;
      },
      onProgress: (read) => {
        progress = read;
      },
    });
    expect(n).toBe(rows.length);
    expect(sum).toBe(total);
    expect(first!.cells).toEqual([{ v: { error: '#DIV/0!' } }, { v: '华东' }]);
    expect(last!.n).toBe(rows.length);
    expect(last!.cells[1]).toMatchObject({ fmt: '0.00%' });
    expect(progress).toBeGreaterThan(info.size * 0.9);
  });
});

describe('declining', () => {
  it('leaves to exceljs a workbook whose sheet exceljs would read before the styles, and says why', async () => {
    const parts = handMade({
      sheets: [
        { name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>46113</v></c></row></sheetData>' },
      ],
      sharedStrings: '<si><t>x</t></si>',
      styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
    });
    // workbook, rels, shared strings, then the sheet, then the styles.
    const order = ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml'];
    const sorted = [
      ...parts.filter(([n]) => !order.includes(n)),
      ...order.map((n) => parts.find(([p]) => p === n)!),
    ];
    const path = join(tmp.dir, 'order.xlsx');
    writeFileSync(path, zipParts(sorted));
    const r = await readWith(path, true);
    expect(r.notes).toEqual([
      'fast reader not used for book.xlsx (a worksheet comes before xl/styles.xml in the zip); reading it with exceljs',
    ]);
    expect(r.sheets.map((s) => s.rows.length)).toEqual([1]);
  });
});
