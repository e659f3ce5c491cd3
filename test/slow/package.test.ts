import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

// What a user gets from the registry: `npm pack`, installed into an empty folder without dev dependencies.
const tmp = tempDir('salesmeet-pack-');
afterAll(tmp.cleanup);

describe('the npm package', () => {
  it('installs into an empty folder and runs without dev dependencies', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['pack', '--pack-destination', tmp.dir, '--ignore-scripts'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    const tgz = readdirSync(tmp.dir).find((f) => f.endsWith('.tgz'))!;
    const app = join(tmp.dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n');
    execFileSync(npm, ['install', '--omit=dev', '--no-audit', '--no-fund', join(tmp.dir, tgz)], {
      cwd: app,
      stdio: 'pipe',
    });
    const installed = readdirSync(join(app, 'node_modules'));
    for (const dev of ['typescript', 'vitest', '@biomejs', 'tsup', 'fast-check'])
      expect(installed).not.toContain(dev);

    const bin = join(app, 'node_modules', '.bin', 'salesmeet');
    const help = spawnSync(bin, ['--help'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: salesmeet');

    const env = { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' };
    const init = spawnSync(
      bin,
      ['init', 'm', '--yes', '--type', 'weekly', '--date', '2026-07-06', '--host', 'A', '--recorder', 'B'],
      { cwd: app, encoding: 'utf8', env },
    );
    expect(init.status).toBe(0);
    const check = spawnSync(bin, ['check', 'm'], { cwd: app, encoding: 'utf8', env });
    expect(check.status).toBe(0);
    expect(check.stdout).toBe('m/meeting.yaml, m/minutes.yaml: OK (2 advice)\n');
    // The schema the generated meeting.yaml points editors at is in the package.
    expect(readdirSync(join(app, 'node_modules', 'salesmeet', 'schema'))).toContain('meeting.schema.json');
    // So is the reference each command's --help points to.
    expect(readdirSync(join(app, 'node_modules', 'salesmeet', 'docs'))).toContain('kpi.md');

    // The report's charts: ECharts, and resvg's prebuilt binary (an optional dependency per platform) for the
    // PNG copies in Word, as installed from the registry.
    cpSync(join(app, 'node_modules', 'salesmeet', 'examples', '2026-h1-review'), join(app, 'h1'), {
      recursive: true,
    });
    const report = spawnSync(bin, ['report', 'h1'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...env, SALESMEET_NOW: '2026-07-10T18:00:00+08:00' },
    });
    expect(report.stderr).not.toMatch(/error/i);
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('h1/out/report-charts/bridge.svg');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(join(app, 'h1', 'out', 'report.docx')));
    expect(Object.keys(zip.files).filter((f) => /^word\/media\/.*\.png$/.test(f))).toHaveLength(4);
  }, 240_000);
});
