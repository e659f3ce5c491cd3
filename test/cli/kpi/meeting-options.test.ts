/**
 * What meeting.yaml says about the exports (kpi.won, kpi.lost, kpi.headcount, kpi.sources[].encoding and
 * columns) and the same on the command line (--lost), through the CLI (main() in-process). Figures by hand in the comments.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let dir: string;
let cleanup: () => void;

/** Deals with a CRM's own stage names, saved by Excel on Chinese Windows (GB18030). */
const DEALS = [
  '商机名称,阶段,成交日期,金额,负责人',
  '甲,已回款,2026-06-03,100,王芳',
  '乙,已签合同,2026-06-10,60,李明',
  '丙,已放弃,2026-06-12,300,李明',
  '丁,方案,2026-06-20,500,王芳',
  '戊,已回款,2026-05-11,40,王芳',
].join('\r\n');

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('salesmeet-kpi-meeting-'));
  const r = await runIn(['init', 'm', '--yes', '--type', 'monthly', '--date', '2026-07-03', '--lang', 'en'], {
    cwd: dir,
  });
  expect(r.code, r.stderr).toBe(0);
  mkdirSync(join(dir, 'm', 'data'), { recursive: true });
  writeFileSync(join(dir, 'm', 'data', 'deals.csv'), iconv.encode(`${DEALS}\r\n`, 'gb18030'));
  appendFileSync(
    join(dir, 'm', 'meeting.yaml'),
    [
      'kpi:',
      '  sources:',
      '    - file: data/deals.csv',
      '      encoding: gb18030',
      '  period: 2026-06',
      '  asOf: 2026-06-30',
      '  won: [已回款, 已签合同]',
      '  lost: [已放弃]',
      '  headcount: 4',
      '',
    ].join('\n'),
  );
});
afterAll(() => cleanup());

describe('salesmeet kpi --meeting: what meeting.yaml says about the exports', () => {
  it('kpi.won, kpi.lost and kpi.headcount', async () => {
    const r = await runIn(['kpi', '--meeting', 'm', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    const t = (m: string) => j.totals.find((x: { metric: string }) => x.metric === m)?.actual;
    expect(j.period).toMatchObject({ label: '2026-06', from: 'meeting' });
    expect(t('revenue')).toBe(160); // 甲 100 + 乙 60, both won stages
    expect(t('win_rate')).toBeCloseTo(2 / 3, 10); // 2 won ÷ (2 won + 1 lost)
    expect(t('pipeline')).toBe(500); // 丁
    // Revenue per rep from the headcount of meeting.yaml: 160 ÷ 4 people (2 of them closed deals).
    expect(t('revenue_per_rep')).toBe(40);
    expect(r.stderr).toBe(
      'note: m/data/deals.csv: stages counted as won: 已回款 (2), 已签合同 (1); as lost: 已放弃 (1); open pipeline: 方案 (1) (1 deal(s) in 1 stage(s)); --won and --lost name other stages\n',
    );
  });

  it('the same on plain files: --won and --lost; without them the CRM stages are refused', async () => {
    const file = join('m', 'data', 'deals.csv');
    const ok = await runIn(
      ['kpi', file, '--won', '已回款,已签合同', '--lost', '已放弃', '--period', '2026-06', '--json'],
      { cwd: dir },
    );
    expect(ok.code, ok.stderr).toBe(0);
    const j = JSON.parse(ok.stdout);
    expect(j.totals.find((x: { metric: string }) => x.metric === 'lost_deals').actual).toBe(1);
    const refused = await runIn(['kpi', file, '--period', '2026-06'], { cwd: dir });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe(
      'm/data/deals.csv: error: no stage in column "阶段" is counted as won (found: 已回款 (2), 已签合同 (1), 已放弃 (1), 方案 (1)), so no revenue can be read from it\n' +
        '  hint: name the won stages with --won "已回款,已签合同" (the lost ones with --lost), or kpi.won in meeting.yaml\n',
    );
  });
});
