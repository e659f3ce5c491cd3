// `npm run bench`: runs every benchmark in bench/ (each prints its own table), one after the other.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../bench/', import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const f of readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  if (only.length && !only.some((o) => f.includes(o))) continue;
  console.log(`\n## ${f}\n`);
  const rest = process.argv.slice(2).filter((a) => a.startsWith('--'));
  const r = spawnSync(process.execPath, [dir + f, ...rest], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
