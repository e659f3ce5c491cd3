#!/usr/bin/env node
/**
 * Benchmark of the fast xlsx reader (issue 8). For each size it generates (or reuses, under bench/data/,
 * git-ignored) a CRM-style detail export — one sheet of order lines: 订单日期 (date), 区域, 产品线, 销售代表,
 * 客户 (shared strings), 销售额/成本/应回款额/回款额 (numbers) — and times, each in its own child process:
 *
 *   inflate   a bare zlib inflate of the sheet part (the floor)
 *   reader    the fast reader alone: inspectWorkbook + streamWorkbook counting rows (no KPI work)
 *   fast      salesmeet kpi FILE --json (the fast reader)
 *   exceljs   salesmeet kpi FILE --json --no-fast
 *   loop      exceljs's bare streaming loop summing 销售额 by region and month (no salesmeet)
 *
 * Wall time is measured around the child; peak RSS comes from /usr/bin/time -v when present, else from
 * the child's own process.resourceUsage().maxRSS. Build first (npm run build).
 *
 *   node bench/kpi-fast.mjs                 # 10k, 100k, 1M rows
 *   node bench/kpi-fast.mjs --sizes 10k,100k
 *   node bench/kpi-fast.mjs --runs 3        # best of 3
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInflateRaw } from 'node:zlib';
import { generate, sheetEntry } from './orders.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'bench', 'data');
const BIN = join(ROOT, 'bin', 'salesmeet.js');
const SELF = fileURLToPath(import.meta.url);

async function childInflate(path) {
  const e = sheetEntry(path);
  const src = createReadStream(path, {
    start: e.start,
    end: e.start + e.compressed - 1,
    highWaterMark: 1024 * 1024,
  });
  let bytes = 0;
  for await (const chunk of src.pipe(createInflateRaw({ chunkSize: 256 * 1024 }))) bytes += chunk.length;
  return `${bytes} bytes of XML`;
}

async function childLoop(path) {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  const sums = new Map();
  let rows = 0;
  for await (const ws of reader) {
    for await (const row of ws) {
      if (row.number === 1) continue;
      const d = row.getCell(1).value;
      const region = row.getCell(2).value;
      const revenue = row.getCell(6).value;
      if (!(d instanceof Date) || typeof revenue !== 'number') continue;
      const key = `${region}|${d.toISOString().slice(0, 7)}`;
      sums.set(key, (sums.get(key) ?? 0) + revenue);
      rows++;
    }
  }
  return `${rows} rows, ${sums.size} groups`;
}

async function childReader(path) {
  const { inspectWorkbook, streamWorkbook } = await import(join(DATA, '.reader.mjs'));
  const info = await inspectWorkbook(path, path);
  let rows = 0;
  let cells = 0;
  const notes = [];
  await streamWorkbook(path, path, info, {
    fast: true,
    onSheet: () => (row) => {
      rows++;
      cells += row.cells.length;
    },
    onNote: (t) => notes.push(t('en')),
  });
  if (notes.length > 0) throw new Error(notes.join('\n'));
  return `${rows} rows, ${cells} cells`;
}

if (process.argv[2] === '--child') {
  const [, , , mode, path] = process.argv;
  const t0 = performance.now();
  const what =
    mode === 'inflate'
      ? await childInflate(path)
      : mode === 'reader'
        ? await childReader(path)
        : await childLoop(path);
  const ms = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ what, ms, maxRSS: process.resourceUsage().maxRSS })}\n`);
  process.exit(0);
}

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const parseSize = (s) => {
  const mm = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!mm) throw new Error(`--sizes: expected e.g. 10k,100k,1m, found "${s}"`);
  return Math.round(
    Number(mm[1]) * (mm[2].toLowerCase() === 'k' ? 1e3 : mm[2].toLowerCase() === 'm' ? 1e6 : 1),
  );
};
const sizes = arg('--sizes', '10k,100k,1m').split(',').map(parseSize);
const runs = Number(arg('--runs', '1'));
const hasTime = existsSync('/usr/bin/time');
if (!existsSync(join(ROOT, 'dist'))) {
  console.error('build first: npm run build');
  process.exit(1);
}

function measure(cmd, cmdArgs, env) {
  let best;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = spawnSync(hasTime ? '/usr/bin/time' : cmd, hasTime ? ['-v', cmd, ...cmdArgs] : cmdArgs, {
      env: { ...process.env, NO_COLOR: '1', ...env },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wall = performance.now() - t0;
    if (res.status !== 0) throw new Error(`${cmdArgs.join(' ')} failed (${res.status}):\n${res.stderr}`);
    let rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr)?.[1] ?? Number.NaN);
    if (Number.isNaN(rss)) {
      const line = res.stdout.trim().split('\n').at(-1) ?? '{}';
      rss = JSON.parse(line).maxRSS ?? Number.NaN;
    }
    const m = { wall, rss: rss / 1024, stdout: res.stdout };
    if (!best || m.wall < best.wall) best = m;
  }
  return best;
}

mkdirSync(DATA, { recursive: true });
// The CLI is one bundle, so the reader alone is bundled here from the sources (dependencies stay external).
{
  const { buildSync } = await import('esbuild');
  buildSync({
    entryPoints: [join(ROOT, 'src', 'io', 'excel', 'read.ts')],
    outfile: join(DATA, '.reader.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}
const label = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
const table = [];
for (const n of sizes) {
  const file = join(DATA, `orders-${label(n)}.xlsx`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${file} … `);
    const t0 = performance.now();
    await generate(n, file);
    process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const mb = statSync(file).size / 1024 ** 2;
  const kpiArgs = [
    BIN,
    'kpi',
    file,
    '--json',
    '--period',
    '2026-H1',
    '--as-of',
    '2026-06-30',
    '--by',
    'region',
  ];
  const inflate = measure(process.execPath, [SELF, '--child', 'inflate', file]);
  const reader = measure(process.execPath, [SELF, '--child', 'reader', file]);
  const fast = measure(process.execPath, kpiArgs, { SALESMEET_FAST_XLSX: '1' });
  const slow = measure(process.execPath, [...kpiArgs, '--no-fast']);
  const loop = measure(process.execPath, [SELF, '--child', 'loop', file]);
  if (fast.stdout !== slow.stdout)
    throw new Error(`kpi output differs between the fast reader and exceljs for ${file}`);
  table.push({ n, mb, inflate, reader, fast, slow, loop });
  process.stderr.write(`${label(n)} done\n`);
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const x = (a, b) => `${(a / b).toFixed(1)}×`;
const r = (m) => `${Math.round(m.rss)} MB`;
const lines = [
  '| rows | xlsx | inflate (floor) | fast reader alone | kpi | kpi --no-fast | exceljs loop | reader ÷ floor | kpi ÷ floor | exceljs loop ÷ reader | exceljs loop ÷ kpi | kpi --no-fast ÷ kpi | peak RSS reader / kpi / kpi --no-fast / loop |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...table.map(
    (t) =>
      `| ${label(t.n)} | ${t.mb.toFixed(1)} MB | ${s(t.inflate.wall)} | ${s(t.reader.wall)} | ${s(t.fast.wall)} | ${s(t.slow.wall)} | ${s(t.loop.wall)} | ${x(t.reader.wall, t.inflate.wall)} | ${x(t.fast.wall, t.inflate.wall)} | ${x(t.loop.wall, t.reader.wall)} | ${x(t.loop.wall, t.fast.wall)} | ${x(t.slow.wall, t.fast.wall)} | ${r(t.reader)} / ${r(t.fast)} / ${r(t.slow)} / ${r(t.loop)} |`,
  ),
];
console.log(lines.join('\n'));
console.log(
  `\nWall times include process start; best of ${runs} run(s); kpi printed identical JSON with and without the fast reader.`,
);
