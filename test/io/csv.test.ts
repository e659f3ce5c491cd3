import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocation, type SalesmeetError } from '../../src/core/errors.js';
import { detectDelimiter, detectEncoding, parseEncoding, streamCsv } from '../../src/io/csv.js';
import { tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('salesmeet-csv-'));
});
afterAll(() => cleanup());

type Row = [number, (string | null)[]];

/** Writes `bytes` to `name` and reads it back: the rows delivered (line number, cell texts; null = no cell). */
async function rowsOf(name: string, bytes: Buffer | string, encoding?: string) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const rows: Row[] = [];
  let sheetName = '';
  let ended = 0;
  const read = await streamCsv(path, name, {
    ...(encoding ? { encoding } : {}),
    onSheet(sheet) {
      sheetName = sheet.name;
      return (row) => rows.push([row.n, Array.from(row.cells, (c) => (c ? String(c.v) : null))]);
    },
    onSheetEnd() {
      ended++;
    },
  });
  expect(sheetName).toBe(name);
  expect(ended).toBe(1);
  return { rows, encoding: read.encoding, delimiter: read.delimiter };
}

/** The error a read throws: message, position and hint as a user sees them in English. */
async function errorOf(name: string, bytes: Buffer | string, encoding?: string) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  try {
    await streamCsv(path, name, { ...(encoding ? { encoding } : {}), onSheet: () => () => {} });
  } catch (e) {
    const err = e as SalesmeetError;
    return {
      exit: err.exitCode,
      at: formatLocation(err.location),
      message: err.text('en'),
      zhCN: err.text('zh-CN'),
      zhTW: err.text('zh-TW'),
      hint: err.hint?.('en'),
    };
  }
  throw new Error('expected an error');
}

const ZH = '区域,月份,销售额\n华东,2026-06,"1,234.50"\n华南,2026-06,(300)\n';
const ZH_ROWS: Row[] = [
  [1, ['区域', '月份', '销售额']],
  [2, ['华东', '2026-06', '1,234.50']],
  [3, ['华南', '2026-06', '(300)']],
];

describe('streamCsv: encodings', () => {
  it('reads UTF-8 without a BOM', async () => {
    expect(await rowsOf('utf8.csv', ZH)).toEqual({ rows: ZH_ROWS, encoding: 'utf-8', delimiter: ',' });
  });

  it('reads UTF-8 with a BOM and CRLF line ends (Excel "CSV UTF-8")', async () => {
    const text = ZH.replace(/\n/g, '\r\n');
    const r = await rowsOf('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(r).toEqual({ rows: ZH_ROWS, encoding: 'utf-8', delimiter: ',' });
  });

  it('reads UTF-16LE with a BOM, tab-separated (Excel "Unicode Text")', async () => {
    const text = '区域\t月份\t销售额\r\n华东\t2026-06\t1,234.50\r\n华南\t2026-06\t92%\r\n';
    const r = await rowsOf(
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    expect(r).toEqual({
      rows: [
        [1, ['区域', '月份', '销售额']],
        [2, ['华东', '2026-06', '1,234.50']],
        [3, ['华南', '2026-06', '92%']],
      ],
      encoding: 'utf-16le',
      delimiter: '\t',
    });
  });

  it('reads UTF-16BE with a BOM', async () => {
    const le = Buffer.from('指标,目标\n销售额,100\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    const r = await rowsOf('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(r.encoding).toBe('utf-16be');
    expect(r.rows).toEqual([
      [1, ['指标', '目标']],
      [2, ['销售额', '100']],
    ]);
  });

  it('reads GB18030 (Excel on Chinese Windows) and tells it from Big5', async () => {
    const r = await rowsOf('gb.csv', iconv.encode(ZH, 'gb18030'));
    expect(r).toEqual({ rows: ZH_ROWS, encoding: 'gb18030', delimiter: ',' });
  });

  it('reads Big5 with zh-TW headers', async () => {
    const text = '區域,月份,銷售額,客戶\n台北,2026-06,1200,大同公司\n高雄,2026-06,"3,400",中華電信\n';
    const r = await rowsOf('big5.csv', iconv.encode(text, 'big5'));
    expect(r).toEqual({
      rows: [
        [1, ['區域', '月份', '銷售額', '客戶']],
        [2, ['台北', '2026-06', '1200', '大同公司']],
        [3, ['高雄', '2026-06', '3,400', '中華電信']],
      ],
      encoding: 'big5',
      delimiter: ',',
    });
  });

  it('takes an explicit encoding over detection, and names the accepted ones for an unknown label', async () => {
    // Two characters that both tables decode: detection says GB18030, the user says Big5.
    const bytes = iconv.encode('區域,金額\n台北,100\n', 'big5');
    const r = await rowsOf('forced.csv', bytes, 'BIG5');
    expect(r.encoding).toBe('big5');
    expect(r.rows[0]).toEqual([1, ['區域', '金額']]);
    expect(parseEncoding('cp936')).toBe('gbk');
    expect(() => parseEncoding('latin1')).toThrow(
      'unknown encoding "latin1": use utf-8, utf-16le, utf-16be, gb18030, gbk, big5',
    );
    try {
      parseEncoding('latin1');
    } catch (e) {
      expect((e as SalesmeetError).exitCode).toBe(2);
    }
  });

  it('decides on the sample without calling a character cut at its end an error', () => {
    const bytes = Buffer.from('销售额'.repeat(10));
    expect(detectEncoding(bytes.subarray(0, 10), false)).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(detectEncoding(bytes.subarray(0, 10), true)?.encoding).toBe('gb18030');
    expect(detectEncoding(Buffer.from('a,b\n\0\0\x01', 'latin1'), true)).toBeUndefined();
    expect(detectEncoding(Buffer.from('a,b\r\n1,2\r\n', 'utf16le'), true)).toEqual({
      encoding: 'utf-16le',
      bom: 0,
    });
  });
});

describe('streamCsv: delimiters and records', () => {
  it('detects a semicolon (European Excel) over decimal commas', async () => {
    const r = await rowsOf('semi.csv', 'Region;Month;Revenue\nEast;2026-06;1.234,50\nWest;2026-06;99,5\n');
    expect(r.delimiter).toBe(';');
    expect(r.rows).toEqual([
      [1, ['Region', 'Month', 'Revenue']],
      [2, ['East', '2026-06', '1.234,50']],
      [3, ['West', '2026-06', '99,5']],
    ]);
  });

  it('takes the delimiter from a sep= first line and keeps physical line numbers', async () => {
    const r = await rowsOf('sep.csv', 'sep=|\r\nRegion|Revenue\r\nEast|1,200\r\n');
    expect(r.delimiter).toBe('|');
    expect(r.rows).toEqual([
      [2, ['Region', 'Revenue']],
      [3, ['East', '1,200']],
    ]);
  });

  it('reads a .tsv as tab-separated even when its fields hold commas', async () => {
    const r = await rowsOf('orders.tsv', 'Customer\tNote\nAcme\ta, b, c, d\n');
    expect(r.delimiter).toBe('\t');
    expect(r.rows).toEqual([
      [1, ['Customer', 'Note']],
      [2, ['Acme', 'a, b, c, d']],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and embedded newlines; rows are numbered by first line', async () => {
    const text =
      'Customer,Note,Revenue\n"Acme, Inc.","line one\nline two\nline three",100\n"Say ""hi""",x,200\r\n"a\r\nb",y,300\n';
    const r = await rowsOf('quoted.csv', text);
    expect(r.rows).toEqual([
      [1, ['Customer', 'Note', 'Revenue']],
      [2, ['Acme, Inc.', 'line one\nline two\nline three', '100']],
      [5, ['Say "hi"', 'x', '200']],
      [6, ['a\nb', 'y', '300']],
    ]);
  });

  it('keeps ragged rows, skips blank lines and rows of empty fields, keeps the text as written', async () => {
    const r = await rowsOf('ragged.csv', 'a,b,c\n1\n2,3,4,5\n\n,,\n 6 ,  ,7\n12" tv,8');
    expect(r.rows).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1']],
      [3, ['2', '3', '4', '5']],
      [6, [' 6 ', null, '7']],
      [7, ['12" tv', '8']],
    ]);
  });

  it('counts lines across read chunks: CRLF, quoted newlines and multi-byte characters cut by chunk ends', async () => {
    const lines = ['区域,月份,销售额'];
    for (let i = 1; i <= 30_000; i++)
      lines.push(i % 1000 === 0 ? `"华东\r\n第${i}行",2026-06,${i}` : `华东,2026-06,${i}`);
    const r = await rowsOf('big.csv', `${lines.join('\r\n')}\r\n`);
    expect(r.rows.length).toBe(30_001);
    // Each quoted cell adds a line: the row of value i starts on line i + 1 + (quoted rows before it).
    expect(r.rows[999]).toEqual([1000, ['华东', '2026-06', '999']]);
    expect(r.rows[1000]).toEqual([1001, ['华东\n第1000行', '2026-06', '1000']]);
    expect(r.rows[1001]).toEqual([1003, ['华东', '2026-06', '1001']]);
    expect(r.rows[30_000]).toEqual([30_001 + 29, ['华东\n第30000行', '2026-06', '30000']]);
  });

  it('detects the delimiter by consistency', () => {
    expect(detectDelimiter('a\tb\tc\n1,5\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('"x,y";b\n"1;2";3\n')).toBe(';');
    expect(detectDelimiter('only\none\ncolumn\n')).toBe(',');
  });
});

describe('streamCsv: bad input', () => {
  it('an empty file', async () => {
    expect(await errorOf('empty.csv', '')).toMatchObject({
      exit: 3,
      at: 'empty.csv',
      message: 'expected a CSV text file, found an empty file',
      zhCN: '应为 CSV 文本文件，实际是空文件',
      zhTW: '應為 CSV 文字檔，實際是空檔案',
    });
    expect((await errorOf('bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf]))).message).toBe(
      'expected a CSV text file, found an empty file',
    );
  });

  it('binary data', async () => {
    expect(
      await errorOf('bin.csv', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0x14, 0, 0xff, 0x00, 0x01])),
    ).toEqual({
      exit: 3,
      at: 'bin.csv',
      message: 'expected a CSV text file, found binary data',
      zhCN: '应为 CSV 文本文件，实际是二进制数据',
      zhTW: '應為 CSV 文字檔，實際是二進位資料',
      hint: 'export the data as .csv or .xlsx again; a CSV file holds plain text',
    });
    // A NUL after the sample is found where it is.
    const late = Buffer.concat([Buffer.from('a,b\n'.repeat(20_000)), Buffer.from([0, 1, 2, 0x0a])]);
    expect(await errorOf('late.csv', late)).toMatchObject({
      at: 'late.csv:20001',
      message: 'expected a CSV text file, found binary data',
    });
  });

  it('an unterminated quote: the line where the quoted field opens', async () => {
    expect(await errorOf('quote.csv', 'a,b\r\n1,2\r\n\r\n3,"open\r\nmore\r\nlines\r\n')).toEqual({
      exit: 3,
      at: 'quote.csv:4',
      message: 'a quoted field starting on this line is never closed: its closing quote (") is missing',
      zhCN: '从这一行开始的带引号字段没有结束：缺少右引号（"）',
      zhTW: '從這一行開始的帶引號欄位沒有結束：缺少右引號（"）',
      hint: 'close the quote, or write a quote inside a quoted field twice ("")',
    });
    const runaway = `a,b\n1,"${'x'.repeat(99)}\n`.padEnd(1_200_000, `${'y'.repeat(99)}\n`);
    expect(await errorOf('runaway.csv', runaway)).toMatchObject({
      at: 'runaway.csv:2',
      message: 'a quoted field starting on this line runs over 1 MB without its closing quote (")',
    });
  });

  it('a line absurdly long', async () => {
    expect(await errorOf('long.csv', `a,b\n1,2\n3,${'x'.repeat(1_100_000)}\n`)).toEqual({
      exit: 3,
      at: 'long.csv:3',
      message: 'this line is longer than 1 MB; no CSV export has lines this long',
      zhCN: '这一行超过 1 MB；CSV 导出不会有这么长的行',
      zhTW: '這一行超過 1 MB；CSV 匯出不會有這麼長的行',
      hint: 'check that the file is a CSV export',
    });
    // No line end at all for 5 MB: refused before it is parsed.
    expect(await errorOf('noline.csv', `a,b\n${'x'.repeat(5_000_000)}`)).toMatchObject({
      at: 'noline.csv:2',
      message: 'this line is longer than 1 MB; no CSV export has lines this long',
    });
  });

  it('bytes that the assumed encoding cannot decode: which encoding, which line, what to do', async () => {
    const bytes = Buffer.concat([
      Buffer.from('区域,销售额\n'),
      Buffer.from('华东,100\n'.repeat(10_000)),
      Buffer.from('华南,'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\n'),
    ]);
    expect(await errorOf('bad-utf8.csv', bytes)).toEqual({
      exit: 3,
      at: 'bad-utf8.csv:10002',
      message: 'this line is not valid UTF-8 text (the encoding assumed for this file)',
      zhCN: '这一行不是有效的 UTF-8 文本（按该编码读取此文件）',
      zhTW: '這一行不是有效的 UTF-8 文字（以該編碼讀取此檔案）',
      hint: 'save the file as UTF-8 (in Excel: Save As → "CSV UTF-8"), or name its encoding with --encoding (utf-8, gb18030, big5, utf-16le…)',
    });
    const big5 = Buffer.concat([
      iconv.encode('區域,金額\n台北,100\n', 'big5'),
      Buffer.from([0xa1, 0x30, 0x0a]),
    ]);
    expect(await errorOf('bad-big5.csv', big5, 'big5')).toMatchObject({
      at: 'bad-big5.csv:3',
      message: 'this line is not valid Big5 text (the encoding assumed for this file)',
    });
  });

  it('a missing file', async () => {
    await expect(streamCsv(join(dir, 'nope.csv'), 'nope.csv', { onSheet: () => false })).rejects.toThrow(
      'file not found',
    );
  });
});
