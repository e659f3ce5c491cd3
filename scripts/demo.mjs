// `npm run demo`: copies the bundled example meetings to demo-output/ and runs every salesmeet command on them,
// then says where the outputs are. Uses the built CLI exactly as a user would (bin/salesmeet.js).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'salesmeet.js');
// SALESMEET_DEMO_OUT puts the demo elsewhere (the test that runs the demo uses a temporary folder).
const out = process.env.SALESMEET_DEMO_OUT ?? join(root, 'demo-output');
rmSync(out, { recursive: true, force: true });
for (const name of ['2026-h1-review', '2026-w27-weekly', '2026-07-monthly']) {
  if (existsSync(join(root, 'examples', name)))
    cpSync(join(root, 'examples', name), join(out, name), { recursive: true });
}

const chromium = process.env.SALESMEET_CHROMIUM ?? '/usr/bin/chromium';
const steps = [
  ['check', '2026-h1-review'],
  ['check', '2026-w27-weekly'],
  ['kpi', '--meeting', '2026-h1-review', '--by', 'region'],
  ['kpi', '--meeting', '2026-h1-review', '--out', 'kpi-2026-h1-report.xlsx'],
  ['kpi', '--meeting', '2026-w27-weekly'],
  ['agenda', '2026-h1-review'],
  ['pack', '2026-h1-review', ...(existsSync(chromium) ? ['--pdf'] : [])],
  ['pack', '2026-w27-weekly'],
  // The notice to paste into the team chat, and the sign-in sheet to print.
  ['notice', '2026-h1-review', ...(existsSync(chromium) ? ['--pdf'] : [])],
  ['minutes', '2026-h1-review'],
  ['keys', 'generate', '--as', '陈建国', '2026-h1-review'],
  ['minutes', 'sign', '2026-h1-review', '--as', '陈建国', '--key', join(out, 'keys', '陈建国.key')],
  ['minutes', 'status', '2026-h1-review'],
  ['minutes', 'sign', '2026-h1-review', '--as', '李娜'],
  ['minutes', 'sign', '2026-h1-review', '--as', '王芳'],
  ['minutes', 'sign', '2026-h1-review', '--as', '刘强'],
  ['minutes', 'sign', '2026-h1-review', '--as', '张伟'],
  // `minutes sign` has refreshed out/minutes.{md,html,docx} at each signature: they now say 已签, as verify does.
  ['minutes', 'verify', '2026-h1-review'],
  ['minutes', '2026-07-monthly'],
  ['actions', '.', '--as-of', '2026-08-20'],
  ['actions', '.', '--as-of', '2026-08-20', '--format', 'xlsx', '--out', 'action-tracker.xlsx'],
  [
    'targets',
    '--total',
    '12000',
    '--unit',
    '万元',
    '--period',
    '2026-H2',
    '--regions',
    '华东=35,华南=25,华北=22,西部=18',
    '--reserve',
    '10%',
    '--out',
    'targets-2026-H2.xlsx',
  ],
  [
    'targets',
    '--total',
    '12000',
    '--unit',
    '万元',
    '--period',
    '2026-H2',
    '--by',
    'region,month',
    '--history',
    '2026-h1-review/data/kpi-2026-h1.xlsx',
    '--reserve',
    '10%',
    '--lang',
    'zh-CN',
    '--out',
    'targets-2026-H2-from-history.xlsx',
  ],
  [
    'actions',
    '.',
    '--as-of',
    '2026-08-20',
    '--kpi',
    '2026-h1-review/data/kpi-2026-h1.xlsx',
    '--kpi-period',
    '2026-06',
  ],
  // The mid-year summary and H2 plan, written from the data, with the H2 targets (the workbook above) and their SMART check.
  [
    'report',
    '2026-h1-review',
    '--targets',
    'targets-2026-H2.xlsx',
    ...(existsSync(chromium) ? ['--pdf'] : []),
  ],
  ['templates', 'list'],
  // prettier-ignore
  [
    'init',
    '2026-08-monthly',
    '--yes',
    '--type',
    'monthly',
    '--date',
    '2026-08-28',
    '--host',
    '陈建国',
    '--recorder',
    '李娜',
    '--from',
    '2026-07-monthly',
    '--lang',
    'zh-CN',
    '--topic',
    '7 月业绩回顾 => 明确差距原因',
    '--topic',
    '华东回款追收进展 => 确认追收金额和时间',
    '--topic',
    '8 月目标分解 => 分解到大区',
  ],
  ['check', '2026-08-monthly'],
  ['agenda', '2026-08-monthly'],
];

let failed = 0;
for (const args of steps) {
  process.stderr.write(`\n$ salesmeet ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: out,
    stdio: 'inherit',
    // Keys of the demo stay in the demo folder, not in the user's ~/.config.
    env: { ...process.env, CI: '1', SALESMEET_KEYS_DIR: join(out, 'keys') },
  });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`  (exit ${r.status})\n`);
  }
}
const rel = relative(process.cwd(), out) || '.';
process.stderr.write(
  `\nThe demo meetings and their outputs are in ${rel}/ (each meeting's generated files under its out/ folder).\n`,
);
process.exitCode = failed ? 1 : 0;
