// `npm run bench [name…] [--sizes 10000,100000 …]`: runs the benchmarks in bench/ one after the other (each
// prints its own table; goals.mjs first: issue 14's table with each goal met or not); names filter them, options
// are passed on. The other files in bench/ are their helpers.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../bench/', import.meta.url));
const BENCHES = ['goals.mjs', 'help.mjs', 'kpi.mjs', 'kpi-fast.mjs'];
const args = process.argv.slice(2);
const only = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const rest = args.filter((a) => !only.includes(a));
for (const f of BENCHES) {
  if (only.length && !only.some((o) => f.replace(/\.mjs$/, '') === o)) continue;
  console.log(`\n## ${f}\n`);
  const r = spawnSync(process.execPath, [dir + f, ...rest], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
