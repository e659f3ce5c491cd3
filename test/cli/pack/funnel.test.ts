/**
 * The funnel in the pre-read pack: a meeting folder whose `kpi:` reads an opportunity export (the Salesforce
 * fixture with its quota), or a `kpi --json` output of the 销售易-like one. Figures worked out by hand from the
 * fixture rows (see test/cli/kpi/funnel.test.ts for the sums).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hubspot from '../../fixtures/exports/hubspot.js';
import * as salesforce from '../../fixtures/exports/salesforce.js';
import * as xiaoshouyi from '../../fixtures/exports/xiaoshouyi.js';
import { tempDir } from '../../helpers/cli.js';
import { writeOpportunityMeeting } from '../../helpers/opportunity-meeting.js';
import { runIn } from '../../helpers/run-in.js';

let tmp: { dir: string; cleanup: () => void };
const NOW = { SALESMEET_NOW: '2026-07-15T10:00:00-04:00' };

beforeAll(async () => {
  tmp = tempDir('salesmeet-pack-funnel-');
  const sf = join(tmp.dir, 'sf');
  mkdirSync(join(sf, 'data'), { recursive: true });
  await salesforce.write(join(sf, 'data'));
  writeOpportunityMeeting(sf, 'en', [salesforce.FILE, salesforce.TARGETS_FILE], salesforce.AS_OF);
  const xs = join(tmp.dir, 'xs');
  mkdirSync(join(xs, 'data'), { recursive: true });
  await xiaoshouyi.write(tmp.dir);
  writeOpportunityMeeting(xs, 'zh-CN', ['none.xlsx'], xiaoshouyi.AS_OF);
  const hs = join(tmp.dir, 'hs');
  mkdirSync(join(hs, 'data'), { recursive: true });
  hubspot.write(join(hs, 'data'));
  writeOpportunityMeeting(hs, 'en', [hubspot.FILE], hubspot.AS_OF);
});
afterAll(() => tmp.cleanup());

const read = (...p: string[]) => readFileSync(join(tmp.dir, ...p), 'utf8');

describe('the funnel in the pack', () => {
  it("computed from the meeting's opportunity export: the md table and lines, the html table with a bar per stage", async () => {
    const r = await runIn(['pack', 'sf'], { cwd: tmp.dir, env: NOW });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const md = read('sf', 'out', 'pack.md');
    expect(md).toContain(
      [
        '### Funnel',
        '',
        'Funnel 2026-06: open deals expected to close from 2026-06-01 on; won and lost deals closed 2026-06-01 \\~ 2026-06-30',
        '',
        '| Stage | Counted as | Deals | Amount | Weighted | Share |',
        '|---|---|---:|---:|---:|---:|',
        '| Prospecting | open | 1 | 20,000 | 2,000 | 12.7% |',
        '| Qualification | open | 1 | 45,000 | 4,500 | 28.5% |',
        '| Needs Analysis | open | 1 | 33,000 | 6,600 | 20.9% |',
        '| Id. Decision Makers | open | 1 | 8,000 | 4,800 | 5.1% |',
        '| Proposal/Price Quote | open | 1 | 22,000 | 16,500 | 13.9% |',
        '| Negotiation/Review | open | 1 | 30,000 | 27,000 | 19.0% |',
        '| Closed Won | won | 3 | 129,050 | — | 87.8% |',
        '| Closed Lost | lost | 1 | 18,000 | — | 12.2% |',
        '| **Open pipeline** |  | **6** | **158,000** | **61,400** | **100.0%** |',
        '| **Closed (won + lost)** |  | **4** | **147,050** | **—** | **100.0%** |',
        '',
        '- Win rate: 75.0% by deals = 3 ÷ (3 + 1); 87.8% by amount = 129,050 ÷ (129,050 + 18,000)',
        '- Coverage of the remaining target: 2.9× = weighted open pipeline 61,400 ÷ (target 150,000 − actual 129,050 = 20,950)',
        '- Left out: 1 open deal(s) expected to close before 2026-06-01 (15,000)',
      ].join('\n'),
    );
    const html = read('sf', 'out', 'pack.html');
    expect(html).toContain('<table class="funnel">');
    // Bars: an open stage against the largest open one (Qualification 45,000): 30,000 ÷ 45,000 = 66.7%;
    // won and lost against the larger of the two (won 129,050): 18,000 ÷ 129,050 = 13.9%.
    expect(html).toContain(
      '<tr><td>Negotiation/Review</td><td>open</td><td class="num">1</td><td class="num">30,000</td><td class="num">27,000</td><td class="num">19.0%</td><td class="bar"><span class="bar-open" style="width: 66.7%"></span></td></tr>',
    );
    expect(html).toContain('<span class="bar-won" style="width: 100.0%"></span>');
    expect(html).toContain('<span class="bar-lost" style="width: 13.9%"></span>');
    expect(html).toContain(
      '<tr class="total"><td>Open pipeline</td><td></td><td class="num">6</td><td class="num">158,000</td><td class="num">61,400</td><td class="num">100.0%</td><td class="bar"></td></tr>',
    );
    expect(html).toContain(
      // Handlebars escapes "=" in HTML.
      '<li>Coverage of the remaining target: 2.9× &#x3D; weighted open pipeline 61,400 ÷ (target 150,000 − actual 129,050 &#x3D; 20,950)</li>',
    );
  });

  it('from a `kpi --json` output (--kpi): the same funnel, in the meeting’s language', async () => {
    const k = await runIn(
      ['kpi', xiaoshouyi.FILE, '--as-of', xiaoshouyi.AS_OF, '--json', '--out', 'xs.json'],
      { cwd: tmp.dir },
    );
    expect(k.code, k.stderr).toBe(0);
    const r = await runIn(['pack', 'xs', '--kpi', 'xs.json'], { cwd: tmp.dir, env: NOW });
    expect(r.code, r.stderr).toBe(0);
    const md = read('xs', 'out', 'pack.md');
    expect(md).toContain('| 1-验证客户 | 在途 | 2 | 200,000 | 20,000 | 22.0% |');
    expect(md).toContain('| **在途商机合计** |  | **5** | **910,000** | **435,000** | **100.0%** |');
    expect(md).toContain(
      '- 剩余目标覆盖倍数：1.7× = 加权在途商机 435,000 ÷（目标 800,000 − 实际 550,000 = 250,000）',
    );
  });

  it('a --kpi file whose funnel is not one: exit 3 naming the file', async () => {
    const bad = JSON.parse(read('xs.json')) as Record<string, unknown>;
    bad.funnel = { stages: 'none' };
    writeFileSync(join(tmp.dir, 'bad.json'), JSON.stringify(bad));
    const r = await runIn(['pack', 'xs', '--kpi', 'bad.json'], { cwd: tmp.dir, env: NOW });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('bad.json');
    expect(r.stderr).toContain('`funnel.stages` must be a list');
  });

  it('without a probability column (HubSpot): no weighted column, shares of the open pipeline', async () => {
    const r = await runIn(['pack', 'hs'], { cwd: tmp.dir, env: NOW });
    expect(r.code, r.stderr).toBe(0);
    const md = read('hs', 'out', 'pack.md');
    expect(md).toContain('| Stage | Counted as | Deals | Amount | Share |');
    expect(md).toContain('- Coverage of the remaining target: — (no revenue target for the period)');
  });
});
