import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

/**
 * `npm run demo` as a new user meets it (the built CLI on the bundled examples), in a temporary folder: every step
 * exits 0, and what it leaves behind agrees with itself — the minutes signed during the demo say 已签 in every
 * rendered form, as `verify` does.
 */
const root = join(import.meta.dirname, '..', '..');
describe('npm run demo', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('runs every step and leaves signed minutes that say so, a report and a tracker', {
    timeout: 300_000,
  }, async () => {
    const out = join(tmp.dir, 'demo');
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs')], {
      env: { ...process.env, SALESMEET_DEMO_OUT: out, SALESMEET_NOW: '2026-07-10T18:00:00+08:00' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.stderr).not.toMatch(/\(exit \d+\)/);
    expect(r.status).toBe(0);
    const h1 = join(out, '2026-h1-review', 'out');
    expect(readFileSync(join(h1, 'minutes.md'), 'utf8')).toContain('纪要状态：已签');
    expect(readFileSync(join(h1, 'minutes.html'), 'utf8')).toContain('纪要状态：已签');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(join(h1, 'minutes.docx')));
    const docx = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(docx).toContain('纪要状态：已签');
    expect(docx).not.toContain('未签');
    const verify = execFileSync(
      process.execPath,
      [join(root, 'bin', 'salesmeet.js'), 'minutes', 'verify', '2026-h1-review'],
      {
        cwd: out,
        encoding: 'utf8',
      },
    );
    expect(verify).toContain('已签');
    expect(readFileSync(join(h1, 'report.md'), 'utf8')).toContain(
      '| 责任到人 | ✓ | 每个分组都有负责人（目标工作簿的负责人列，或职务、部门与之对应的参会人） |',
    );
    expect(existsSync(join(out, 'action-tracker.xlsx'))).toBe(true);
    expect(readFileSync(join(h1, 'notice.txt'), 'utf8')).toContain('会议通知');
    expect(existsSync(join(h1, 'sign-in.html'))).toBe(true);
  });
});
