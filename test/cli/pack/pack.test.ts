import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, STACK_RE, tempDir } from '../../helpers/cli.js';
import { KPI_EXAMPLE } from '../../helpers/kpi-example.js';
import { runIn } from '../../helpers/run-in.js';

let tmp: { dir: string; cleanup: () => void };
const NOW = { SALESMEET_NOW: '2026-07-20T10:00:00+08:00' };

beforeAll(() => {
  tmp = tempDir();
  copyExample('2026-h1-review', tmp.dir);
  writeFileSync(join(tmp.dir, 'kpi.json'), JSON.stringify(KPI_EXAMPLE, null, 2));
});
afterAll(() => tmp.cleanup());

describe('salesmeet pack on the half-year example', () => {
  it('writes a self-contained pack.html and a pack.md with the KPI from `kpi --json`', async () => {
    const r = await runIn(['pack', '2026-h1-review', '--kpi', 'kpi.json'], { cwd: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已写入：\n  2026-h1-review/out/pack.html\n  2026-h1-review/out/pack.md\n');
    const html = readFileSync(join(tmp.dir, '2026-h1-review', 'out', 'pack.html'), 'utf8');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    // Nothing is fetched: no script, no stylesheet link, no remote image or font.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|src="http|url\(http/i);
    expect(html.match(/<svg [^>]*class="chart"/g)).toHaveLength(3);
    for (const title of [
      '会议目标',
      '重点议题',
      '会议议程',
      '业绩数据（KPI）',
      '问题清单',
      '上次会议行动项跟踪',
      '会议材料',
    ])
      expect(html).toMatch(new RegExp(`<h2( id="\\w+")?>${title.replace(/[()（）]/g, '.')}</h2>`));
    expect(html).toContain('@page { size: A4;');
    const md = readFileSync(join(tmp.dir, '2026-h1-review', 'out', 'pack.md'), 'utf8');
    expect(md).toContain('| 销售额（万元） | 10,000 | 9,200 | 8,000 | 92.0% | −800 | +15.0% | ▲ 预警 |');
    expect(md).toContain(
      '| 回款率（%） | 90.0% | 85.0% | 88.0% | 94.4% | −5.0 个百分点 | −3.0 个百分点 | ▲ 预警 |',
    );
    expect(md).toContain('| 华南 | 2,800 | 2,400 | 85.7% | 落后 14.3 个百分点 | +4.4% | 26.1% | ▼ 落后 |');
    // Open issues grouped by category, in the order they were raised.
    expect(md).toContain(
      '### 回款\n\n1. 华东大区 6 月回款率仅 78%，两家重点客户逾期超过 90 天（提出人：周杰）',
    );
    expect(md).toContain('### 市场竞争\n\n4. 竞品 5 月起在华南降价 8%（提出人：吴磊）');
  });

  it("computes the KPI summary from the meeting's kpi section, with charts", async () => {
    const r = await runIn(['pack', '2026-h1-review', '--lang', 'en'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const md = readFileSync(join(tmp.dir, '2026-h1-review', 'out', 'pack.md'), 'utf8');
    // The worked example of DESIGN.md, read from the example's Excel export.
    expect(md).toContain('| Revenue (万元) | 10,000 | 9,200 | 8,000 | 92.0% | −800 | +15.0% | ▲ At risk |');
    expect(md).toContain(
      '| Collection rate (%) | 90.0% | 85.0% | 88.0% | 94.4% | −5.0 pp | −3.0 pp | ▲ At risk |',
    );
    expect(md).toContain('| New customers (家) | 200 | 180 | 150 | 90.0% | −20 | +20.0% | ▲ At risk |');
    const html = readFileSync(join(tmp.dir, '2026-h1-review', 'out', 'pack.html'), 'utf8');
    expect(html.match(/<svg/g)?.length).toBe(3);
    expect(html).toContain('<h2>KPI summary</h2>');
  });

  it('mid-period, a ratio metric has no gap to time progress in kpi (md, csv) nor in the pack (md, html)', async () => {
    const dir = join(tmp.dir, 'mid');
    copyExample('2026-h1-review', dir);
    const cwd = dir;
    const asOf = ['--as-of', '2026-05-31'];
    /** The gap column of a Markdown or CSV table: metric → cell, read by the header's position. */
    const gaps = (lines: string[], sep: RegExp, header: string, metricCol: string) => {
      const head = lines.find((l) => l.includes(header))!;
      const cells = (l: string) => l.split(sep).map((c) => c.trim().replace(/^'|^\*\*|\*\*$/g, ''));
      const at = cells(head).indexOf(header);
      const metricAt = cells(head).indexOf(metricCol);
      expect(at).toBeGreaterThan(0);
      return lines
        .filter((l) => l !== head && cells(l).length === cells(head).length && !/^[|\s:-]+$/.test(l))
        .map((l) => [cells(l)[metricAt], cells(l)[at]]);
    };
    for (const [format, sep] of [
      ['md', /\|/],
      ['csv', /,(?=(?:[^"]*"[^"]*")*[^"]*$)/],
    ] as const) {
      const r = await runIn(
        ['kpi', '--meeting', '2026-h1-review', ...asOf, '--format', format, '--lang', 'zh-CN'],
        {
          cwd,
        },
      );
      expect(r.code).toBe(0);
      const rows = gaps(r.stdout.split(/\r?\n/), sep, '较时间进度', '指标');
      const of = (metric: string) => rows.filter(([m]) => m === metric).map(([, g]) => g);
      expect(of('销售额').length).toBeGreaterThan(0);
      for (const g of of('销售额')) expect(g).toMatch(/个百分点 (领先|落后)/);
      for (const metric of ['回款率', '毛利率', '费用率']) {
        expect(of(metric).length, metric).toBeGreaterThan(0);
        for (const g of of(metric)) expect(g, `${format} ${metric}`).toBe('—');
      }
    }
    const json = await runIn(['kpi', '--meeting', '2026-h1-review', ...asOf, '--json'], { cwd });
    writeFileSync(join(dir, 'kpi-may.json'), json.stdout);
    const r = await runIn(['pack', '2026-h1-review', '--kpi', 'kpi-may.json', '--lang', 'zh-CN'], { cwd });
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, '2026-h1-review', 'out', 'pack.md'), 'utf8');
    const html = readFileSync(join(dir, '2026-h1-review', 'out', 'pack.html'), 'utf8');
    // The summary: revenue is 领先/落后 time progress, the ratios show "—".
    const cellsOf = (label: string) =>
      [
        ...html.matchAll(
          new RegExp(`<td>${label} <span class="muted">[^<]*</span></td>([\\s\\S]*?)</tr>`, 'g'),
        ),
      ].map((m) => [...m[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]));
    expect(html).toContain('<th class="num">与时间进度差</th>');
    expect(cellsOf('销售额')[0]![4]).toMatch(/^(领先|落后) \d+\.\d 个百分点$/);
    for (const ratio of ['回款率', '毛利率', '费用率']) expect(cellsOf(ratio)[0]![4], ratio).toBe('—');
    // The breakdowns: only revenue's table has the column; a ratio's breakdown has none, in HTML and Markdown.
    const sections = (text: string, mark: string) => text.split(mark).slice(1);
    const htmlTables = sections(html, '<h3>').filter((t) => t.includes('· 区域'));
    const mdTables = sections(md, '\n### ').filter((t) => t.includes('· 区域'));
    for (const tables of [htmlTables, mdTables]) {
      const revenue = tables.find((t) => t.startsWith('销售额'))!;
      expect(revenue).toContain('与时间进度差');
      for (const ratio of ['回款率', '毛利率']) {
        const t = tables.find((x) => x.startsWith(ratio))!;
        expect(t, ratio).toBeDefined();
        expect(t.split(/<\/table>|\n\n(?!\|)/)[0]).not.toContain('时间进度');
      }
    }
  });

  it('without a kpi section the pack says so instead of showing numbers', async () => {
    const dir = join(tmp.dir, 'no-kpi');
    copyExample('2026-h1-review', dir);
    const file = join(dir, '2026-h1-review', 'meeting.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^kpi:\n(?: {2}.*\n|\n)*/m, ''));
    const r = await runIn(['pack', 'no-kpi/2026-h1-review', '--lang', 'en'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, '2026-h1-review', 'out', 'pack.html'), 'utf8');
    expect(html).not.toContain('<svg');
    expect(html).toContain('<p class="muted">No KPI data configured');
  });

  it('--pdf without a browser: says how to install one, still writes the HTML, exit 3', async () => {
    const r = await runIn(['pack', '2026-h1-review', '--pdf', '--lang', 'en'], {
      cwd: tmp.dir,
      env: { SALESMEET_CHROMIUM: join(tmp.dir, 'no-such-chromium') },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'error: no Chromium found for --pdf: pack.html and pack.md were written, pack.pdf was not',
    );
    expect(r.stderr).toContain('apt-get install chromium fonts-noto-cjk');
    expect(r.stderr).not.toMatch(STACK_RE);
    expect(existsSync(join(tmp.dir, '2026-h1-review', 'out', 'pack.html'))).toBe(true);
    expect(existsSync(join(tmp.dir, '2026-h1-review', 'out', 'pack.pdf'))).toBe(false);
  });

  it('a --kpi file that is not a KPI result is exit 3 naming the file', async () => {
    writeFileSync(join(tmp.dir, 'bad.json'), '{"rows": []}');
    const r = await runIn(['pack', '2026-h1-review', '--kpi', 'bad.json', '--lang', 'en'], { cwd: tmp.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'bad.json: error: not a KPI result: schema is null\n' +
        '  hint: pass the output of `salesmeet kpi --json` (schema "salesmeet.kpi/1")\n',
    );
  });
});

describe("the previous meeting's actions", () => {
  it('carried by init --from, status from the previous folder, overdue first as of today', async () => {
    // Start from the half-year review's minutes alone: no progress recorded yet.
    rmSync(join(tmp.dir, '2026-h1-review', 'actions.yaml'), { force: true });
    const init = await runIn(
      [
        'init',
        '2026-08-monthly',
        '--yes',
        '--type',
        'monthly',
        '--date',
        '2026-08-05',
        '--from',
        '2026-h1-review',
      ],
      { cwd: tmp.dir, env: { ...NOW, SALESMEET_LANG: 'zh-CN' } },
    );
    expect(init.code).toBe(0);
    // After the new meeting was set up, 李娜 reported her item done in the previous meeting's actions.yaml.
    writeFileSync(
      join(tmp.dir, '2026-h1-review', 'actions.yaml'),
      'updates:\n  - { id: "2026-h1-review#2", date: 2026-07-14, status: done, by: 李娜 }\n',
    );
    const r = await runIn(['pack', '2026-08-monthly'], {
      cwd: tmp.dir,
      env: { ...NOW, SALESMEET_LANG: 'zh-CN' },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('上次会议有 1 项行动项已逾期');
    const md = readFileSync(join(tmp.dir, '2026-08-monthly', 'out', 'pack.md'), 'utf8');
    const table = md.slice(md.indexOf('## 上次会议行动项跟踪'), md.indexOf('## 会议材料'));
    expect(table).toBe(
      [
        '## 上次会议行动项跟踪',
        '',
        '| 行动项 | 负责人 | 截止日期 | 状态 | 结转次数 |',
        '|---|---|---|---|---:|',
        '| **制定华东重点客户回款追收计划并每周跟进** | 王芳 | 2026-07-17 | 已逾期 · 未开始 | 1 |',
        '| 制定华南新客户开发方案 | 刘强 | 2026-07-31 | 未开始 | 1 |',
        '| 输出下半年目标分解表（大区 × 月份） | 李娜 | 2026-07-15 | 已完成 | 1 |',
        '',
        '',
      ].join('\n'),
    );
    const json = await runIn(['pack', '2026-08-monthly', '--json', '--dry-run'], {
      cwd: tmp.dir,
      env: { ...NOW, SALESMEET_LANG: 'zh-CN' },
    });
    expect(JSON.parse(json.stdout)).toMatchObject({
      schema: 'salesmeet.pack/1',
      lang: 'zh-CN',
      kpi: false,
      actions: 3,
      overdue: 1,
      dryRun: true,
    });
  });

  it('a `previous` folder that does not exist is exit 3 at its line in meeting.yaml', async () => {
    const file = join(tmp.dir, '2026-08-monthly', 'meeting.yaml');
    const text = readFileSync(file, 'utf8').replace(/^previous: .*$/m, 'previous: ../2026-h0-review');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('previous:')) + 1;
    const r = await runIn(['pack', '2026-08-monthly', '--lang', 'en'], { cwd: tmp.dir, env: NOW });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `2026-08-monthly/meeting.yaml:${line}:11: error: the previous meeting "../2026-h0-review" cannot be read\n` +
        '  hint: `previous` is the path of the previous meeting folder, relative to this one\n',
    );
  });
});

describe('what the meeting discusses besides the numbers', () => {
  it('the monthly pack shows the market section; the gap table comes from the KPI lines behind and meeting.yaml', async () => {
    copyExample('2026-07-monthly', tmp.dir);
    const r = await runIn(['pack', '2026-07-monthly'], { cwd: tmp.dir, env: NOW });
    expect(r.code).toBe(0);
    const md = readFileSync(join(tmp.dir, '2026-07-monthly', 'out', 'pack.md'), 'utf8');
    expect(md).toContain('## 市场与竞争');
    expect(md).toContain(
      '| 竞品 B | 7 月起华东经销商返点提高 2 个百分点 | 华东新客户报价竞争加剧 | 8 月 15 日前提交华东专项返点评估 |',
    );
    expect(md).toContain('**劣势（W）**\n\n- 华东回款周期长\n- 西部空白区域无人覆盖\n');
    const html = readFileSync(join(tmp.dir, '2026-07-monthly', 'out', 'pack.html'), 'utf8');
    expect(html).toContain('<li><a href="#market">市场与竞争</a></li>');
    // No KPI in the monthly example and no gaps: no empty gap table.
    expect(md).not.toContain('差距分析');

    const h1 = await runIn(['pack', '2026-h1-review', '--kpi', 'kpi.json'], {
      cwd: tmp.dir,
      env: NOW,
    });
    expect(h1.code).toBe(0);
    const h1md = readFileSync(join(tmp.dir, '2026-h1-review', 'out', 'pack.md'), 'utf8');
    expect(h1md).toContain(
      '| 回款率 |  | 差额 −5.0 个百分点；达成 94.4% | 华东两家重点客户逾期超过 90 天，合计 420 万元 | 制定华东重点客户回款追收计划并每周跟进 | 王芳 | 2026-07-17 |',
    );
    expect(h1md).toContain('| 销售额 | 华南 | 差额 −400 万元；达成 85.7% |  |  |  |  |');
    // A half-year meeting without a market section shows none.
    expect(h1md).not.toContain('市场与竞争');
  });

  it('minutes --new turns each gap line with a countermeasure into an action with its KPI target', async () => {
    const r = await runIn(['minutes', '--new', '2026-h1-review', '--force'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const yaml = readFileSync(join(tmp.dir, '2026-h1-review', 'minutes.yaml'), 'utf8');
    expect(yaml).toContain(
      [
        'actions:',
        '  - what: 制定华东重点客户回款追收计划并每周跟进',
        '    owner: 王芳',
        '    due: 2026-07-17',
        '    measure:',
        '      metric: collection_rate',
        '      target: 0.9',
        '      by: 2026-07-17',
        '    status: open',
      ].join('\n'),
    );
  });
});

describe('the ranking in the monthly pack', () => {
  it('a monthly meeting ranks its regions against the previous months of the same data; a half-year pack does not', async () => {
    const dir = tempDir();
    try {
      copyExample('2026-h1-review', dir.dir);
      const file = join(dir.dir, '2026-h1-review', 'meeting.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace('type: half-year', 'type: monthly')
          .replace('  period: 2026-H1', '  period: 2026-06'),
      );
      const r = await runIn(['pack', '2026-h1-review'], { cwd: dir.dir, env: NOW });
      expect(r.code).toBe(0);
      const md = readFileSync(join(dir.dir, '2026-h1-review', 'out', 'pack.md'), 'utf8');
      // June: 华南 133.2%, 西部 77.3%, 华北 72.1%, 华东 71.8% — the same order as May (116.3, 105.5, 93.5, 87.3);
      // 华北 was below target in April and May too (88.8%, 93.5%), 华东 since February.
      expect(md).toContain('| 1 | 华南 | 133.2% | 持平 |  | ● 正常 |');
      expect(md).toContain('| 3 | 华北 | 72.1% | 持平 | 3 | ▼ 落后 |');
      expect(md).toContain('- 连续两期及以上未达标：华北（3）、华东（5）。');
      const h1 = readFileSync(join(tmp.dir, '2026-h1-review', 'out', 'pack.md'), 'utf8');
      expect(h1).not.toContain('排名与表彰');
    } finally {
      dir.cleanup();
    }
  });
});
