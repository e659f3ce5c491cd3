/**
 * The funnel in the period report: a monthly meeting whose `kpi:` reads an opportunity export. The sentences and
 * their formula notes, the table, which styles show it. Figures worked out by hand from the fixture rows (the sums
 * are in test/cli/kpi/funnel.test.ts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as salesforce from '../../fixtures/exports/salesforce.js';
import * as xiaoshouyi from '../../fixtures/exports/xiaoshouyi.js';
import { tempDir } from '../../helpers/cli.js';
import { writeOpportunityMeeting } from '../../helpers/opportunity-meeting.js';
import { runIn } from '../../helpers/run-in.js';

let tmp: { dir: string; cleanup: () => void };
const NOW = { SALESMEET_NOW: '2026-07-15T10:00:00-04:00' };

beforeAll(async () => {
  tmp = tempDir('salesmeet-report-funnel-');
  const sf = join(tmp.dir, 'sf');
  mkdirSync(join(sf, 'data'), { recursive: true });
  await salesforce.write(join(sf, 'data'));
  writeOpportunityMeeting(sf, 'en', [salesforce.FILE, salesforce.TARGETS_FILE], salesforce.AS_OF);
  const xs = join(tmp.dir, 'xs');
  mkdirSync(join(xs, 'data'), { recursive: true });
  await xiaoshouyi.write(join(xs, 'data'));
  writeOpportunityMeeting(xs, 'zh-CN', [xiaoshouyi.FILE], xiaoshouyi.AS_OF);
});
afterAll(() => tmp.cleanup());

async function report(folder: string, ...args: string[]): Promise<string> {
  const r = await runIn(['report', folder, ...args], { cwd: tmp.dir, env: NOW });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(tmp.dir, folder, 'out', 'report.md'), 'utf8');
}

/** The Markdown of one `###` section, up to the next heading. */
function section(md: string, title: string): string {
  const start = md.indexOf(`### ${title}\n`);
  expect(start, `no section ${title}`).toBeGreaterThanOrEqual(0);
  const rest = md.slice(start + 4);
  const end = rest.search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The text of footnote `[^n]`. */
function note(md: string, sentence: string): string {
  const i = md.indexOf(sentence);
  expect(i, sentence).toBeGreaterThanOrEqual(0);
  const m = /^\[\^(\d+)\]/.exec(md.slice(i + sentence.length));
  expect(m, `no note after: ${sentence}`).not.toBeNull();
  const line = md.split('\n').find((l) => l.startsWith(`[^${m![1]}]: `));
  return line!.replace(/^\[\^\d+\]: /, '');
}

describe('the funnel in the report', () => {
  it('style data (en): sentences with their formulas as notes, then the table', async () => {
    const md = await report('sf');
    const s = section(md, 'Sales funnel');
    // Open from 1 June: 158,000 in 6 deals, weighted 61,400; the largest stage Qualification 45,000 ÷ 158,000.
    const pipeline =
      'The open pipeline holds 6 deals worth 158,000 (61,400 weighted by probability); the largest stage is Qualification with 28.5% of it.';
    expect(s).toContain(pipeline);
    expect(note(md, pipeline)).toBe(
      'Open pipeline = open deals expected to close from 2026-06-01 on; weighted = Σ amount × probability = 61,400; share of Qualification = 45,000 ÷ 158,000 = 28.5%.',
    );
    const winRate =
      '3 of the 4 deals closed in the month were won: a win rate of 75.0% by deals and 87.8% by amount.';
    expect(s).toContain(winRate);
    expect(note(md, winRate)).toBe(
      'Win rate = won ÷ (won + lost) = 3 ÷ (3 + 1) = 75.0%; by amount 129,050 ÷ (129,050 + 18,000) = 87.8%.',
    );
    // Quota 150,000 − won 129,050 = 20,950; 61,400 ÷ 20,950 = 2.93
    const coverage =
      '20,950 of the target are still to be won; the weighted open pipeline of 61,400 covers that 2.9×.';
    expect(s).toContain(coverage);
    expect(note(md, coverage)).toBe(
      'Coverage = weighted open pipeline ÷ (target − actual) = 61,400 ÷ (150,000 − 129,050) = 2.9×.',
    );
    expect(s).toContain(
      [
        '| Stage | Counted as | Deals | Amount | Weighted | Share |',
        '|---|---|---:|---:|---:|---:|',
        '| Prospecting | open | 1 | 20,000 | 2,000 | 12.7% |',
      ].join('\n'),
    );
    expect(s).toContain('| Closed Won | won | 3 | 129,050 | — | 87.8% |');
    expect(s).toContain('| Open pipeline |  | 6 | 158,000 | 61,400 | 100.0% |');
    expect(s).toContain('- Left out: 1 open deal(s) expected to close before 2026-06-01 (15,000)');
    // The table's pipeline coverage (open deals due in June, 52,000 ÷ 20,950 = 2.48) is a multiple, not 248.2%.
    expect(section(md, 'Key sales metrics')).toContain('| Pipeline coverage | — | 2.5× | — | — | — |');
  });

  it('the first breakdown being rep, the ranking shows its table once', async () => {
    const md = await report('sf');
    expect(md.match(/\| Rank \| Rep \|/g)).toHaveLength(1);
  });

  it('style process (zh-CN): numbered stages, coverage against the month’s target', async () => {
    const md = await report('xs', '--style', 'process');
    const s = section(md, '销售漏斗');
    // 910,000 open (weighted 435,000); 4-谈判审核 300,000 ÷ 910,000 = 33.0%; target 800,000 − 550,000 = 250,000.
    expect(s).toContain(
      '在途商机共 5 个，金额 910,000，按赢率加权 435,000；金额最大的阶段是4-谈判审核，占 33.0%。',
    );
    expect(s).toContain('本月结单 3 个，其中赢单 2 个：按商机数赢单率 66.7%，按金额 84.6%。');
    const coverage = '距目标还差 250,000，加权在途商机 435,000，覆盖 1.7×。';
    expect(s).toContain(coverage);
    expect(note(md, coverage)).toBe(
      '覆盖倍数 = 加权在途商机 ÷（目标 − 实际）= 435,000 ÷（800,000 − 550,000）= 1.7×。',
    );
    expect(s).toContain('| 1-验证客户 | 在途 | 2 | 200,000 | 20,000 | 22.0% |');
    expect(s).toContain('- 在途阶段按阶段编号排列，其后为赢单、输单。');
  });

  it('part two: the weighted pipeline due in the months of the next targets against the company target', async () => {
    const t = await runIn(['targets', '--total', '800000', '--period', '2026-07', '--out', 'july.yaml'], {
      cwd: tmp.dir,
    });
    expect(t.code, t.stderr).toBe(0);
    const md = await report('xs', '--targets', 'july.yaml');
    // Open deals due in July: 80,000 × 10% + 300,000 × 80% = 8,000 + 240,000 = 248,000; 248,000 ÷ 800,000 = 0.31
    const sentence = '预计在 2026-07 成交的加权在途商机为 248,000，覆盖公司目标 0.3×。';
    expect(md).toContain(sentence);
    expect(note(md, sentence)).toBe(
      '覆盖倍数 = 预计在 2026-07 成交的加权在途商机 ÷ 公司目标 = 248,000 ÷ 800,000 = 0.3×。',
    );
  });

  it('style key-accounts shows it; styles team and market do not', async () => {
    expect(await report('xs', '--style', 'key-accounts')).toContain('### 销售漏斗\n');
    expect(await report('xs', '--style', 'team')).not.toContain('销售漏斗');
    expect(await report('xs', '--style', 'market')).not.toContain('销售漏斗');
  });
});
