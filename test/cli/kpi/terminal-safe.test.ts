/**
 * Text from an export reaches the terminal as text: a control sequence hidden in a cell (an OSC that sets the window
 * title, a clear-screen, a right-to-left override) is shown escaped, never obeyed; the numbers are unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

const tmp = tempDir('salesmeet-terminal-');
afterAll(tmp.cleanup);

describe('kpi on an export with control characters in a cell', () => {
  it('prints them escaped, in the table and in the JSON', async () => {
    const csv = [
      '日期,区域,销售额',
      '2026-06-03,"华东\u001b]0;pwned\u0007",100',
      '2026-06-04,"华南\u001b[2J",50',
      '2026-06-05,"西\u202e部",25',
    ].join('\n');
    writeFileSync(join(tmp.dir, 'orders.csv'), `${csv}\n`);
    const r = await runIn(['kpi', 'orders.csv', '--by', 'region', '--period', '2026-06', '--lang', 'en'], {
      cwd: tmp.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0007\u001b\u202e]/);
    expect(r.stdout).toContain('华东\\u{1B}]0;pwned\\u{7}');
    expect(r.stdout).toContain('华南\\u{1B}[2J');
    expect(r.stdout).toContain('西\\u{202E}部');
    expect(r.stdout).toMatch(/Total\s+Revenue\s+175/);
    const json = await runIn(['kpi', 'orders.csv', '--by', 'region', '--period', '2026-06', '--json'], {
      cwd: tmp.dir,
    });
    // JSON keeps the data as it is, escaped by JSON itself.
    expect(json.stdout).toContain('"华东\\u001b]0;pwned\\u0007"');
  });

  it('keeps --json valid JSON: a C1 control or a bidi override is a JSON escape, the text unchanged', async () => {
    const csv = ['日期,区域,销售额', '2026-06-03,"华\u0085东",100', '2026-06-05,"西\u202e部",25'].join('\n');
    writeFileSync(join(tmp.dir, 'c1.csv'), `${csv}\n`);
    for (const args of [['--json'], ['--format', 'json']]) {
      const r = await runIn(['kpi', 'c1.csv', '--by', 'region', '--period', '2026-06', ...args], {
        cwd: tmp.dir,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/[\u0085\u202e]/);
      // terminalSafe's \u{85} is no JSON escape: the output would not parse.
      expect(r.stdout).not.toContain('\\u{');
      expect(r.stdout).toContain('"华\\u0085东"');
      const parsed = JSON.parse(r.stdout) as { rows: { group: { region?: string } }[] };
      const regions = parsed.rows.map((row) => row.group.region);
      expect(regions).toContain('华\u0085东');
      expect(regions).toContain('西\u202e部');
    }
  });
});
