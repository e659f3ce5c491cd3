import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/io/write.js';
import { ROOT, tempDir } from '../helpers/cli.js';

// Nothing is lost: a process killed while it writes a large output leaves the previous file intact, and the temp
// file it leaves behind is removed by the next write in that folder.
const tmp = tempDir('salesmeet-crash-');
afterAll(tmp.cleanup);

describe('a write killed half-way', () => {
  it('leaves the old file intact and no temp file after the next write', async () => {
    const target = join(tmp.dir, 'pack.html');
    writeFileSync(target, 'OLD CONTENT\n');
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { writeAtomic } = await import(${JSON.stringify(join(ROOT, 'dist', 'internal.js'))});
         const big = Buffer.alloc(768 * 1024 * 1024, 0x78);
         process.stdout.write('writing\\n');
         await writeAtomic(${JSON.stringify(target)}, big);
         process.stdout.write('done\\n');`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    // Kill it once the temp file has started to grow.
    const deadline = Date.now() + 30_000;
    let temp: string | undefined;
    while (Date.now() < deadline) {
      temp = readdirSync(tmp.dir).find((f) => f.endsWith('.tmp'));
      if (temp && statSync(join(tmp.dir, temp)).size > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(out).not.toContain('done');
    expect(temp).toMatch(/^\.pack\.html\.salesmeet-\d+-1\.tmp$/);
    expect(readFileSync(target, 'utf8')).toBe('OLD CONTENT\n');

    await writeAtomic(join(tmp.dir, 'agenda.md'), '# agenda\n');
    expect(readdirSync(tmp.dir).sort()).toEqual(['agenda.md', 'pack.html']);
  }, 60_000);
});
