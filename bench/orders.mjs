// The CRM-style detail export the benchmarks read (bench/kpi-fast.mjs, bench/goals.mjs, bench/floor.mjs): one
// sheet of order lines — 订单日期 (date), 区域, 产品线, 销售代表, 客户 (shared strings), 销售额/成本/应回款额/回款额
// (numbers) — and where its worksheet part starts in the zip.
import { closeSync, openSync, readSync, statSync } from 'node:fs';

const REGIONS = ['华东', '华南', '华北', '西部', '东北', '华中'];
const PRODUCTS = ['云平台', '数据服务', '智能终端', '安全套件', '咨询实施'];

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generate(rows, path) {
  const { default: ExcelJS } = await import('exceljs');
  const rnd = mulberry32(rows);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('订单明细');
  ws.addRow([
    '订单日期',
    '区域',
    '产品线',
    '销售代表',
    '客户',
    '销售额(元)',
    '成本(元)',
    '应回款额(元)',
    '回款额(元)',
  ]).commit();
  const reps = Array.from({ length: 60 }, (_, i) => `销售${String(i + 1).padStart(2, '0')}`);
  const customers = Array.from({ length: 2000 }, (_, i) => `客户${String(i + 1).padStart(4, '0')}有限公司`);
  const start = Date.UTC(2025, 0, 1);
  const span = 547; // days 0 … 546: 2025-01-01 … 2026-07-01 (one day of July, after the bench's H1)
  for (let i = 0; i < rows; i++) {
    const revenue = Math.round((2000 + rnd() * 98000) * 100) / 100;
    const receivable = Math.round(revenue * (0.8 + rnd() * 0.2) * 100) / 100;
    const row = ws.addRow([
      new Date(start + Math.floor(rnd() * span) * 86_400_000),
      REGIONS[Math.floor(rnd() * REGIONS.length)],
      PRODUCTS[Math.floor(rnd() * PRODUCTS.length)],
      reps[Math.floor(rnd() * reps.length)],
      customers[Math.floor(rnd() * customers.length)],
      revenue,
      Math.round(revenue * (0.55 + rnd() * 0.2) * 100) / 100,
      receivable,
      Math.round(receivable * (0.7 + rnd() * 0.3) * 100) / 100,
    ]);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
    for (let c = 6; c <= 9; c++) row.getCell(c).numFmt = '#,##0.00';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** The first worksheet part's data offset, method and sizes, from the zip's central directory. */
export function sheetEntry(path) {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    readSync(fd, tail, 0, tailLen, size - tailLen);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    let p = 0;
    for (let i = 0; i < count; i++) {
      const method = cd.readUInt16LE(p + 10);
      const compressed = cd.readUInt32LE(p + 20);
      const nameLen = cd.readUInt16LE(p + 28);
      const extra = cd.readUInt16LE(p + 30);
      const comment = cd.readUInt16LE(p + 32);
      const off = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
        const head = Buffer.alloc(30);
        readSync(fd, head, 0, 30, off);
        return { start: off + 30 + head.readUInt16LE(26) + head.readUInt16LE(28), compressed, method };
      }
      p += 46 + nameLen + extra + comment;
    }
  } finally {
    closeSync(fd);
  }
  throw new Error(`no worksheet in ${path}`);
}
