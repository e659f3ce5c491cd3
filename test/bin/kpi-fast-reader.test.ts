/**
 * `salesmeet kpi` gives the same answer with the fast xlsx reader, with --no-fast and with SALESMEET_FAST_XLSX=0.
 * On the built binary: the environment variable is read by the process (io/excel/read.ts), not from main()'s env.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handMade, zipParts } from '../fixtures/fast/support.js';
import { runCli, tempDir } from '../helpers/cli.js';

const tmp = tempDir('salesmeet-fast-');
afterAll(() => tmp.cleanup());
const write = (w: Parameters<typeof handMade>[0]): string => {
  const path = join(tmp.dir, 'hand.xlsx');
  writeFileSync(path, zipParts(handMade(w)));
  return path;
};

describe('salesmeet kpi', () => {
  it('gives the same answer with the fast reader, with --no-fast and with SALESMEET_FAST_XLSX=0', () => {
    const dir = tmp.dir;
    const path = write({
      sheets: [
        {
          name: '订单明细',
          xml: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>${[
            ['46113', 3, '1200.5'],
            ['46120', 4, '800'],
            ['46150', 3, '1000'],
          ]
            .map(
              ([d, region, amount], i) =>
                `<row r="${i + 2}"><c r="A${i + 2}" s="1"><v>${d}</v></c><c r="B${i + 2}" t="s"><v>${region}</v></c><c r="C${i + 2}"><v>${amount}</v></c></row>`,
            )
            .join('')}</sheetData>`,
        },
      ],
      sharedStrings:
        '<si><t>订单日期</t></si><si><t>区域</t></si><si><t>销售额(元)</t></si><si><t>华东</t></si><si><t>华南</t></si>',
      styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
    });
    const args = ['kpi', path, '--json', '--period', '2026-04', '--by', 'region', '--verbose'];
    const fast = runCli(args, { cwd: dir });
    const noFast = runCli([...args, '--no-fast'], { cwd: dir });
    const env = runCli(args, { cwd: dir, env: { SALESMEET_FAST_XLSX: '0' } });
    expect(fast.code).toBe(0);
    expect(noFast.code).toBe(0);
    expect(env.code).toBe(0);
    expect(fast.stdout).toBe(noFast.stdout);
    expect(fast.stdout).toBe(env.stdout);
    const json = JSON.parse(fast.stdout) as {
      rows: { metric: string; group: { region: string }; actual: number }[];
    };
    // 2026-04-01 and 2026-04-08 are in April; 46150 (2026-05-08) is not.
    expect(json.rows.map((r) => [r.metric, r.group.region, r.actual])).toEqual([
      ['revenue', '华东', 1200.5],
      ['revenue', '华南', 800],
    ]);
    expect(fast.stderr).not.toContain('fast reader not used');
  });
});
