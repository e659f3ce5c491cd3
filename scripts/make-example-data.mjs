#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
/**
 * Writes the example KPI workbooks the way CRM / BI exports look: a title row, a note row, merged group
 * headers, units in headers, formulas with cached results, a totals row. Deterministic (seeded), so the
 * committed files only change when this script does.
 *
 *   node scripts/make-example-data.mjs
 *
 * examples/2026-h1-review/data/kpi-2026-h1.xlsx
 *   KPI汇总   summary: 销售额 10000/9200/8000 万元, 回款率 90/85/88 %, 新客户数 200/180/150, 毛利率, 费用率 (lower is better)
 *   订单明细   order lines 2025-01 … 2026-06 by 区域 / 产品线 / 销售代表 / 客户, amounts in 元, totals row;
 *              scaled so that 2026-H1 adds up to exactly 9200 万元 (2025-H1: 8000), 回款率 85% (88%), 毛利率 30.5% (31%)
 *   目标       targets by 区域 × 月份 for 2026-01 … 2026-06 in 万元, adding up to 10000
 *   区域月度   a region × month matrix for people (months as column headers; skipped by the reader)
 * examples/2026-w27-weekly/data/weekly-orders.xlsx
 *   订单       华东 order lines 2025-06 … 2026-07-05 by 销售代表, with text dates
 *   周目标     weekly targets per rep (周 = 2026-W23 … 2026-W27)
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
// exceljs's own zip library (a dependency of exceljs): used to give every entry a fixed date.
import JSZip from 'jszip';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = {
  华东: { weight: 0.36, growth: 1.1, reps: ['王芳', '黄涛', '马超', '林静'] },
  华南: { weight: 0.26, growth: 1.22, reps: ['刘强', '陈晨', '郭磊', '何敏'] },
  华北: { weight: 0.22, growth: 1.18, reps: ['张伟', '孙悦', '杨帆', '许诺'] },
  西部: { weight: 0.16, growth: 1.08, reps: ['赵敏', '冯军', '邓超', '罗兰'] },
};
const PRODUCTS = [
  { name: '工业软件', weight: 0.45, margin: 0.42 },
  { name: '智能硬件', weight: 0.35, margin: 0.18 },
  { name: '技术服务', weight: 0.2, margin: 0.3 },
];
const SEASON = [0.7, 0.55, 0.95, 1.0, 1.05, 1.25, 0.95, 1.0, 1.05, 1.1, 1.15, 1.4];
const CUSTOMERS = [
  '上海恒远',
  '杭州博达',
  '南京汇通',
  '苏州瑞丰',
  '广州粤海',
  '深圳华信',
  '北京中泰',
  '天津海汇',
  '成都天府',
  '重庆渝新',
  '西安秦川',
  '厦门鹭岛',
];

/** Writes the workbook with fixed zip entry dates, so the same seed gives the same bytes. */
async function save(wb, out) {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const fixed = new JSZip();
  const date = new Date(Date.UTC(2026, 6, 1));
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name];
    if (!f.dir) fixed.file(name, await f.async('nodebuffer'), { date, createFolders: false });
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    await fixed.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    }),
  );
}

const thin = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const headFill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

function styleHeader(row) {
  row.eachCell((c) => {
    c.font = { bold: true };
    c.fill = headFill;
    c.border = border;
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });
}

/** Scales column `key` of `rows` so that it adds up to `total` (in cents), the last row taking the rounding. */
function scaleTo(rows, key, total) {
  const sum = rows.reduce((s, r) => s + r[key], 0);
  let acc = 0;
  rows.forEach((r, i) => {
    if (i === rows.length - 1) r[key] = Math.round((total - acc) * 100) / 100;
    else {
      r[key] = Math.round(((r[key] * total) / sum) * 100) / 100;
      acc += r[key];
    }
  });
}

function halfOf(date) {
  return `${date.getUTCFullYear()}-H${date.getUTCMonth() < 6 ? 1 : 2}`;
}

async function halfYear() {
  const rnd = mulberry32(20260710);
  const orders = [];
  for (let y = 2025; y <= 2026; y++) {
    for (let mo = 1; mo <= 12; mo++) {
      if (y === 2026 && mo > 6) break;
      const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      for (const [region, rdef] of Object.entries(REGIONS)) {
        const n = 6 + Math.floor(rnd() * 5);
        for (let i = 0; i < n; i++) {
          const p = PRODUCTS[Math.floor(rnd() * PRODUCTS.length)];
          const base =
            rdef.weight * SEASON[mo - 1] * p.weight * (y === 2026 ? rdef.growth : 1) * (0.6 + rnd() * 0.8);
          const revenue = base * 1e6;
          const cost = revenue * (1 - p.margin * (0.85 + rnd() * 0.3));
          const receivable = revenue * (0.9 + rnd() * 0.1);
          const collected = receivable * (0.75 + rnd() * 0.25);
          orders.push({
            date: new Date(Date.UTC(y, mo - 1, 1 + Math.floor(rnd() * days))),
            region,
            product: p.name,
            rep: rdef.reps[Math.floor(rnd() * rdef.reps.length)],
            customer: CUSTOMERS[Math.floor(rnd() * CUSTOMERS.length)],
            revenue,
            cost,
            receivable,
            collected,
          });
        }
      }
    }
  }
  orders.sort((a, b) => a.date - b.date || a.region.localeCompare(b.region));
  // Make the halves add up to the summary sheet's numbers exactly (元).
  const halves = {
    '2025-H1': { revenue: 80_000_000, margin: 0.31, collection: 0.88 },
    '2025-H2': { revenue: 88_000_000, margin: 0.305, collection: 0.87 },
    '2026-H1': { revenue: 92_000_000, margin: 0.305, collection: 0.85 },
  };
  for (const [half, t] of Object.entries(halves)) {
    const rows = orders.filter((o) => halfOf(o.date) === half);
    scaleTo(rows, 'revenue', t.revenue);
    scaleTo(rows, 'cost', t.revenue * (1 - t.margin));
    const receivable = rows.reduce((s, r) => s + r.receivable, 0);
    scaleTo(rows, 'receivable', Math.round(receivable * 100) / 100);
    scaleTo(rows, 'collected', Math.round(receivable * t.collection * 100) / 100);
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = 'salesmeet example';
  wb.created = new Date(Date.UTC(2026, 6, 1));
  wb.modified = wb.created;

  // Summary sheet.
  const s = wb.addWorksheet('KPI汇总');
  s.mergeCells('A1:F1');
  s.getCell('A1').value = '2026年上半年销售KPI汇总';
  s.getCell('A1').font = { bold: true, size: 14 };
  s.mergeCells('A2:F2');
  s.getCell('A2').value = '数据来源：CRM 导出，2026-07-01；金额单位：万元';
  s.getCell('A2').font = { italic: true, color: { argb: 'FF808080' } };
  s.mergeCells('A3:A4');
  s.getCell('A3').value = '指标';
  s.mergeCells('B3:D3');
  s.getCell('B3').value = '2026年1-6月';
  s.mergeCells('E3:F3');
  s.getCell('E3').value = '同期对比';
  ['目标值', '实际完成', '达成率', '去年同期', '同比'].forEach((h, i) => {
    s.getRow(4).getCell(i + 2).value = h;
  });
  styleHeader(s.getRow(3));
  styleHeader(s.getRow(4));
  const lines = [
    ['销售额(万元)', 10000, 9200, 8000, 'amount'],
    ['回款率(%)', 90, 85, 88, 'ratio'],
    ['新客户数(家)', 200, 180, 150, 'amount'],
    ['毛利率(%)', 32, 30.5, 31, 'ratio'],
    ['费用率(%)', 12, 13.2, 12.5, 'ratio'],
  ];
  lines.forEach(([name, target, actual, py, kind], i) => {
    const r = 5 + i;
    const row = s.getRow(r);
    row.getCell(1).value = name;
    row.getCell(2).value = target;
    row.getCell(3).value = actual;
    row.getCell(4).value = { formula: `C${r}/B${r}`, result: actual / target };
    row.getCell(4).numFmt = '0.0%';
    row.getCell(5).value = py;
    row.getCell(6).value =
      kind === 'ratio'
        ? { formula: `C${r}-E${r}`, result: actual - py }
        : { formula: `C${r}/E${r}-1`, result: actual / py - 1 };
    row.getCell(6).numFmt = kind === 'ratio' ? '0.0' : '0.0%';
    for (let c = 2; c <= 6; c++) row.getCell(c).border = border;
  });
  s.getCell('A11').value = '注：回款率 = 回款额 / 应回款额；费用率越低越好。';
  s.columns.forEach((c, i) => {
    c.width = i === 0 ? 16 : 12;
  });

  // Detail sheet.
  const d = wb.addWorksheet('订单明细', { views: [{ state: 'frozen', ySplit: 2 }] });
  d.mergeCells('A1:I1');
  d.getCell('A1').value = '订单明细（2025-01 至 2026-06）';
  d.getCell('A1').font = { bold: true, size: 13 };
  d.getRow(2).values = [
    '订单日期',
    '区域',
    '产品线',
    '销售代表',
    '客户',
    '销售额(元)',
    '成本(元)',
    '应回款额(元)',
    '回款额(元)',
  ];
  styleHeader(d.getRow(2));
  orders.forEach((o, i) => {
    const row = d.getRow(3 + i);
    row.values = [
      o.date,
      o.region,
      o.product,
      o.rep,
      o.customer,
      o.revenue,
      o.cost,
      o.receivable,
      o.collected,
    ];
    row.getCell(1).numFmt = 'yyyy-mm-dd';
    for (let c = 6; c <= 9; c++) row.getCell(c).numFmt = '#,##0.00';
  });
  const last = 2 + orders.length;
  const total = d.getRow(last + 1);
  total.getCell(1).value = '合计';
  for (const [c, col] of [
    [6, 'F'],
    [7, 'G'],
    [8, 'H'],
    [9, 'I'],
  ]) {
    const key = ['revenue', 'cost', 'receivable', 'collected'][c - 6];
    total.getCell(c).value = {
      formula: `SUM(${col}3:${col}${last})`,
      result: Math.round(orders.reduce((sum, o) => sum + o[key], 0) * 100) / 100,
    };
    total.getCell(c).numFmt = '#,##0.00';
  }
  total.font = { bold: true };
  d.columns.forEach((c, i) => {
    c.width = i === 0 ? 12 : i < 5 ? 10 : 16;
  });

  // Targets by region × month (万元), adding up to 10000.
  const t = wb.addWorksheet('目标');
  t.getRow(1).values = ['区域', '月份', '目标值(万元)'];
  styleHeader(t.getRow(1));
  const targetShare = { 华东: 0.37, 华南: 0.25, 华北: 0.22, 西部: 0.16 };
  const monthW = SEASON.slice(0, 6);
  const wsum = monthW.reduce((a, b) => a + b, 0);
  const cells = [];
  for (const region of Object.keys(REGIONS))
    for (let mo = 1; mo <= 6; mo++)
      cells.push({
        region,
        month: `2026-${String(mo).padStart(2, '0')}`,
        v: Math.round(10000 * targetShare[region] * (monthW[mo - 1] / wsum) * 100) / 100,
      });
  const drift = Math.round((10000 - cells.reduce((a, c) => a + c.v, 0)) * 100) / 100;
  cells[cells.length - 1].v = Math.round((cells[cells.length - 1].v + drift) * 100) / 100;
  for (const c of cells) t.addRow([c.region, c.month, c.v]);
  t.columns.forEach((c) => {
    c.width = 12;
  });

  // A matrix for people: region × month, months as column headers.
  const mtx = wb.addWorksheet('区域月度');
  mtx.getRow(1).values = ['区域', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  for (const region of Object.keys(REGIONS)) {
    const row = [region];
    for (let mo = 1; mo <= 6; mo++) {
      const sum = orders
        .filter(
          (o) => o.region === region && o.date.getUTCFullYear() === 2026 && o.date.getUTCMonth() === mo - 1,
        )
        .reduce((a, o) => a + o.revenue, 0);
      row.push(Math.round(sum / 100) / 100);
    }
    mtx.addRow(row);
  }

  const out = join(ROOT, 'examples/2026-h1-review/data/kpi-2026-h1.xlsx');
  await save(wb, out);
  return out;
}

async function weekly() {
  const rnd = mulberry32(20260706);
  const reps = ['黄涛', '马超', '林静', '王芳'];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'salesmeet example';
  wb.created = new Date(Date.UTC(2026, 6, 6));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('订单');
  ws.getCell('A1').value = '华东大区订单导出';
  ws.getCell('A2').value = '导出时间：2026-07-06 08:00';
  ws.getRow(3).values = ['成交日期', '销售代表', '客户', '产品线', '金额(元)', '回款(元)', '应回款(元)'];
  styleHeader(ws.getRow(3));
  let r = 4;
  const start = Date.UTC(2025, 5, 1);
  const end = Date.UTC(2026, 6, 5);
  for (let t = start; t <= end; t += 86_400_000) {
    const day = new Date(t);
    const wd = day.getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const n = 2 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const rep = reps[Math.floor(rnd() * reps.length)];
      const grow = day.getUTCFullYear() === 2026 ? 1.12 : 1;
      const amount = Math.round((15000 + rnd() * 45000) * grow);
      const receivable = Math.round(amount * (0.9 + rnd() * 0.1));
      const collected = Math.round(receivable * (0.7 + rnd() * 0.3));
      const iso = day.toISOString().slice(0, 10);
      ws.getRow(r).values = [
        r % 3 === 0 ? iso.replace(/-/g, '/') : iso,
        rep,
        CUSTOMERS[Math.floor(rnd() * 4)],
        PRODUCTS[Math.floor(rnd() * 3)].name,
        amount,
        collected,
        receivable,
      ];
      r++;
    }
  }
  ws.getRow(r).values = ['合计', null, null, null, { formula: `SUM(E4:E${r - 1})` }];
  const tw = wb.addWorksheet('周目标');
  tw.getRow(1).values = ['销售代表', '周', '目标(元)'];
  styleHeader(tw.getRow(1));
  for (let w = 23; w <= 27; w++)
    for (const rep of reps) tw.addRow([rep, `2026-W${w}`, rep === '王芳' ? 150000 : 200000]);
  const out = join(ROOT, 'examples/2026-w27-weekly/data/weekly-orders.xlsx');
  await save(wb, out);
  return out;
}

for (const f of [await halfYear(), await weekly()]) console.log(`wrote ${f}`);
