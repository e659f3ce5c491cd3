/**
 * `salesmeet report` end to end on the half-year example. The expected figures were computed independently of
 * salesmeet's reader: a separate script summed the 订单明细 sheet of examples/2026-h1-review/data/kpi-2026-h1.xlsx
 * with exceljs (2026-01…06 against 2025-01…06, 元 ÷ 10,000):
 *   region   2026-H1     2025-H1     Δ          Δ ÷ 8,000
 *   华南     2,758.9380  2,248.0455  +510.8925  6.3862 pp   (share of growth 510.8925 ÷ 1,200 = 42.57%)
 *   华东     3,093.5473  2,762.2947  +331.2526  4.1407 pp   (27.60%)
 *   华北     2,063.8969  1,780.9350  +282.9619  3.5370 pp   (23.58%)
 *   西部     1,283.6178  1,208.7249   +74.8930  0.9362 pp   (6.24%)
 *   total    9,200.0000  8,000.0000  +1,200     15.0%
 * Rounded to 0.1 pp independently the contributions print 6.4 + 4.1 + 3.5 + 0.9 = 14.9; the largest remainder
 * (4.1407 → .41 beats .37 and .36) gives 华东 the missing 0.1: 6.4 + 4.2 + 3.5 + 0.9 = 15.0.
 * Orders 194 against 191 (one line per order); AOV 9,200 ÷ 194 = 47.4227, 8,000 ÷ 191 = 41.8848;
 * volume (194 − 191) × 41.8848 = 125.6545, price (47.4227 − 41.8848) × 191 = 1,057.7320, both 3 × 5.5379 = 16.6136.
 * Months (actual ÷ the 目标 sheet): 01 1,257.85/1,272.73 98.8%, 02 884.29/1,000 88.4%, 03 1,753.69/1,727.27 101.5%,
 * 04 1,415.35/1,818.19 77.8%, 05 1,886.48/1,909.08 98.8%, 06 2,002.35/2,272.73 88.1%.
 * The summary sheet states revenue 9,200 against 10,000 (92.0%), prior year 8,000 (+15.0%).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runCli, tempDir } from '../../helpers/cli.js';
import { H2_TARGETS } from '../../helpers/h2-targets.js';
import { runIn } from '../../helpers/run-in.js';

let tmp: { dir: string; cleanup: () => void };
const NOW = { SALESMEET_NOW: '2026-07-10T18:00:00+08:00' };
const out = (f: string) => join(tmp.dir, '2026-h1-review', 'out', f);
const read = (f: string) => readFileSync(out(f), 'utf8');

beforeAll(() => {
  tmp = tempDir();
  copyExample('2026-h1-review', tmp.dir);
});
afterAll(() => tmp.cleanup());

describe('salesmeet report on the half-year example (zh-CN, style data)', () => {
  let md = '';
  beforeAll(async () => {
    const r = await runIn(['report', '2026-h1-review'], { cwd: tmp.dir, env: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '已写入：',
        ...['report.md', 'report.html', 'report.docx'].map((f) => `  2026-h1-review/out/${f}`),
        ...['regions', 'trend', 'bridge', 'mix'].map((c) => `  2026-h1-review/out/report-charts/${c}.svg`),
        '',
      ].join('\n'),
    );
    // No report.yaml yet: a draft, every narrative section a placeholder, and exit 0.
    expect(r.stderr).toContain(
      '草稿：report.yaml 中还有 5 个叙述部分待填写：成功因素 (successFactors)、挑战与根因 (challenges)、策略 (strategy)、团队建设 (team)、展望 (outlook)',
    );
    md = read('report.md');
  });

  it('states the total, its achievement and growth, each with its formula in a note', () => {
    expect(md).toContain(
      '上半年销售额 9,200 万元，完成目标 10,000 万元的 92.0%，距目标差 800 万元。[^1]同比增长 15.0%（去年同期 8,000 万元），环比增长 4.5%。[^2]',
    );
    expect(md).toContain(
      '[^1]: 达成率 = 实际 ÷ 目标 = 9,200 ÷ 10,000 = 92.0%；差额 = 实际 − 目标 = −800 万元。',
    );
    expect(md).toContain(
      '[^2]: 同比 =（本期 − 去年同期）÷ 去年同期 =（9,200 − 8,000）÷ 8,000 = +15.0%；环比 =（本期 − 上期）÷ 上期 =（9,200 − 8,800）÷ 8,800 = +4.5%。',
    );
  });

  it('says where the growth came from, with contributions that add up to the total growth', () => {
    expect(md).toContain(
      '按区域看，增长主要来自华南，贡献了增长的 42.6%（拉动增长 +6.4 个百分点，合计增长 +15.0%）。',
    );
    expect(md).toContain('其余：华东 +4.2 个百分点；华北 +3.5 个百分点；西部 +0.9 个百分点。');
    expect(md).toContain('| 华南 | 2,248.05 | 2,758.94 | +510.89 | +22.7% | +6.4 个百分点 | 42.6% |');
    expect(md).toContain('| 华东 | 2,762.29 | 3,093.55 | +331.25 | +12.0% | +4.2 个百分点 | 27.6% |');
    expect(md).toContain('| 华北 | 1,780.93 | 2,063.90 | +282.96 | +15.9% | +3.5 个百分点 | 23.6% |');
    // The changes are rounded like the contributions, so they add up to the total change: 510.8925, 331.2526,
    // 282.9619 and 74.8930 print 510.89 + 331.25 + 282.96 + 74.89 = 1,199.99 one by one; the largest remainder
    // (西部's .30) gives 西部 the missing 0.01 (as 1,283.62 − 1,208.72 = 74.90 in the printed columns).
    expect(md).toContain('| 西部 | 1,208.72 | 1,283.62 | +74.90 | +6.2% | +0.9 个百分点 | 6.2% |');
    expect(md).toContain('| 合计 | 8,000.00 | 9,200.00 | +1,200.00 | +15.0% | +15.0 个百分点 | 100.0% |');
    expect(md).toContain('各区域贡献之和等于合计增长（+6.4 +4.2 +3.5 +0.9 = +15.0 个百分点）');
    // 华东's 4.14 pp is printed 4.2 so the parts add up: the note says how the figures were rounded.
    expect(md).toContain('各项按最大余数法取整到 0.1，个别项可能与单独四舍五入相差 0.1。');
    // Product lines: software grew, services and hardware fell, so software brought more than all of the growth.
    expect(md).toContain(
      '按产品线看，增长主要来自工业软件，贡献了增长的 127.6%（拉动增长 +19.1 个百分点，合计增长 +15.0%）。',
    );
    expect(md).toContain('其余：智能硬件 −0.6 个百分点；技术服务 −3.5 个百分点。');
  });

  it('splits the growth into price and volume, the interaction term stated', () => {
    expect(md).toContain(
      '平均客单价 47.42 万元（同比 +13.2%），订单 194 单（同比 +1.6%）；销售额变动主要来自客单价（价格）：价格因素 +1,057.73 万元，数量因素 +125.65 万元，二者共同变动 +16.61 万元。',
    );
    expect(md).toContain(
      '数量因素 =（Q₁ − Q₀）× P₀ =（194 − 191）× 41.88 = +125.65；价格因素 =（P₁ − P₀）× Q₀ =（47.42 − 41.88）× 191 = +1,057.73；交互项 =（Q₁ − Q₀）×（P₁ − P₀）= +16.61；三者合计 +1,200 = 销售额变动。',
    );
    // An order count keeps no decimals beside an order value with two (each row is its own metric).
    expect(md).toContain('| 订单数 | 191 | 194 | +1.6% |');
    expect(md).toContain('| 平均客单价 (万元) | 41.88 | 47.42 | +13.2% |');
  });

  it('has the monthly trend against target and the regions that missed several months running', () => {
    expect(md).toContain(
      '6 个月中有 1 个月完成当月目标；2026-03 达成率最高（101.5%），2026-04 最低（77.8%）。',
    );
    expect(md).toContain('| 2026-01 | 1,272.73 | 1,257.85 | 98.8% | 994.73 | +26.5% | 98.8% |');
    expect(md).toContain('| 2026-04 | 1,818.19 | 1,415.35 | 77.8% | 1,363.12 | +3.8% | 91.3% |');
    expect(md).toContain('| 2026-06 | 2,272.73 | 2,002.35 | 88.1% | 1,937.27 | +3.4% | 92.0% |');
    // The longest run first.
    expect(md).toContain('华东已连续 5 个月未完成当月目标。[^5]华北已连续 3 个月未完成当月目标。[^6]');
  });

  it('gives the gross margin by product line against the prior year', () => {
    // (revenue − cost) ÷ revenue over 订单明细, summed independently: 工业软件 (45,432,457.45 − 26,930,471.58) ÷
    // 45,432,457.45 = 40.72% against 43.63% in 2025-H1 (−2.91 pp); 技术服务 28.49% / 31.02% (−2.53 pp);
    // 智能硬件 16.17% / 18.55% (−2.39 pp).
    const md = read('report.md');
    expect(md).toContain(
      '分产品线看，毛利率最高的是工业软件（40.7%），最低的是智能硬件（16.2%）。[^16]各产品线毛利率均同比下降。',
    );
    expect(md).toContain(
      [
        '| 产品线 | 毛利率 | 去年同期 | 同比 |',
        '|---|---:|---:|---:|',
        '| 工业软件 | 40.7% | 43.6% | −2.9 个百分点 |',
        '| 技术服务 | 28.5% | 31.0% | −2.5 个百分点 |',
        '| 智能硬件 | 16.2% | 18.6% | −2.4 个百分点 |',
      ].join('\n'),
    );
    expect(md).toContain(
      '[^16]: 各产品线毛利率 =（销售额 − 成本）÷ 销售额，按该产品线同时有销售额和成本的明细行计算。',
    );
  });

  it('ranks regions by achievement and reps with their change of rank', () => {
    expect(md).toContain(
      '4 个区域中，1 个完成目标，1 个接近目标，2 个未达标；华南达成 110.4%，居首；西部达成 80.2%，垫底。',
    );
    expect(md).toMatch(
      /\| 1 \| 华南 \| 2,758.94 \| 110.4% \| \+22.7% \|\n\| 2 \| 华北 .*\n\| 3 \| 华东 .*\n\| 4 \| 西部 /,
    );
    expect(md).toContain('| 排名 | 销售代表 | 实际 (万元) | 同比 | 上期 | 变化 |');
  });

  it('asks the questions the data raises, in the placeholders', () => {
    expect(md).toContain('> **【待填写：挑战与根因】**');
    expect(md).toContain('> - 华东达成 83.6%、落后时间进度 16.4 个百分点：原因？');
    expect(md).toContain('> - 华南达成 110.4%、贡献了增长的 42.6%：做对了什么？');
    expect(md).toContain('> - 上半年差距 800 万元，下半年如何追回、由谁负责？');
  });

  it('takes decisions and actions from the minutes and the issues from meeting.yaml', () => {
    expect(md).toContain('| 华东回款率下滑与应收账款风险 | 成立回款专项小组，由王芳牵头，财务部周杰配合 |');
    expect(md).toContain(
      '| 输出下半年目标分解表（大区 × 月份） | 李娜 | 2026-07-15 | 各大区经理书面确认 | 已完成 |',
    );
    expect(md).toContain('| 竞品 5 月起在华南降价 8% | 市场竞争 | 吴磊 |');
  });

  it('draws the four charts of the data style: files beside report.md, inline in the html, in the docx', async () => {
    // The bridge has the drivers table's figures: 8,000 → +510.89 +331.25 +282.96 +74.90 → 9,200.
    expect(md).toContain(
      '**增长桥：各区域对增长的贡献（去年同期 → 本期）**\n\n![增长桥：各区域对增长的贡献（去年同期 → 本期）](report-charts/bridge.svg)\n',
    );
    for (const [id, title] of [
      ['regions', '各区域销售额达成率'],
      ['trend', '月度销售额：实际与目标'],
      ['mix', '产品线销售额构成：去年同期与本期'],
    ])
      expect(md).toContain(`![${title}](report-charts/${id}.svg)`);
    const bridge = read('report-charts/bridge.svg');
    expect(bridge).toMatch(/^<svg role="img" aria-label="增长桥：[^"]*" width="680" height="320" xmlns=/);
    for (const label of ['8,000', '+510.89', '+331.25', '+282.96', '+74.90', '9,200', '+6.4 个百分点'])
      expect(bridge).toContain(`>${label}</text>`);
    // The trend has the months and the legend; the mix the product lines' shares.
    expect(read('report-charts/trend.svg')).toContain('>6月</text>');
    expect(read('report-charts/mix.svg')).toContain('>37.6%</text>');
    const html = read('report.html');
    expect(html.match(/<figure class="chart" id="chart-(\w+)"><figcaption>/g)).toHaveLength(4);
    expect(html).toContain('<figcaption>各区域销售额达成率</figcaption><svg role="img"');
    // Word: each chart as SVG with its PNG fallback, at the text width, after its caption.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(out('report.docx')));
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(4);
    const pngs = media.filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(4);
    const sizes = [];
    for (const f of pngs) {
      const png = await zip.file(f)!.async('nodebuffer');
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      sizes.push(`${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`);
    }
    // 680 px wide charts at 1.75: 1,190 px; 300, 300, 320 and 210 px high.
    expect(sizes.sort()).toEqual(['1190×368', '1190×525', '1190×525', '1190×560']);
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toContain('<asvg:svgBlip');
    // 17 cm (9,638 twips) = 643 px at 96 per inch = 6,124,575 EMU wide; the bridge 643 × 320 ÷ 680 = 303 px high.
    expect(doc).toContain('<wp:extent cx="6124575" cy="2886075"/>');
    // The caption comes right before its chart (no text between them) and is kept with it on the page.
    const caption = doc.indexOf('>增长桥：各区域对增长的贡献');
    const between = doc.slice(caption, doc.indexOf('<asvg:svgBlip', caption));
    expect(between.match(/<w:t[ >]/g) ?? []).toHaveLength(0);
    expect(doc.slice(doc.lastIndexOf('<w:p>', caption), caption)).toContain('<w:keepNext/>');
  });

  it('sets a command named in the text as code: no backticks printed in the html and the docx', async () => {
    // Without --targets, part two says how to make the targets file.
    expect(md).toContain('请运行 `salesmeet targets`，并用 --targets 指定其工作簿。');
    const html = read('report.html');
    expect(html).toContain('请运行 <code>salesmeet targets</code>，并用 --targets 指定其工作簿。');
    expect(html).not.toMatch(/`|&#x60;/);
    const JSZip = (await import('jszip')).default;
    const doc = await (await JSZip.loadAsync(readFileSync(out('report.docx'))))
      .file('word/document.xml')!
      .async('string');
    expect(doc).not.toContain('`');
    const code =
      /<w:r><w:rPr><w:rFonts w:ascii="Consolas"[^>]*\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>([^<]*)<\/w:t><\/w:r>/.exec(
        doc,
      );
    expect(code?.[1]).toBe('salesmeet targets');
  });

  it('dates report.docx by the run\'s "now": run again, the same bytes', async () => {
    // Two runs of the built binary (docx numbers its drawings per process, so not two runs in one process).
    const copy = copyExample('2026-h1-review', join(tmp.dir, 'again'));
    const docx = () => {
      const r = runCli(['report', '.'], { cwd: copy, env: NOW });
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(join(copy, 'out', 'report.docx'));
    };
    const first = docx();
    const JSZip = (await import('jszip')).default;
    const core = await (await JSZip.loadAsync(first)).file('docProps/core.xml')!.async('string');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-07-10T10:00:00.000Z</dcterms:created>',
    );
    expect(docx().equals(first)).toBe(true);
  });

  it('writes a docx and an html with the same parts', () => {
    expect(readFileSync(out('report.docx')).subarray(0, 2).toString()).toBe('PK');
    const html = read('report.html');
    expect(html.match(/<section class="part" id="part-\d">/g)).toHaveLength(5);
    expect(html).toContain('<h2>第一部分　上半年销售业绩回顾与数据分析</h2>');
    expect(html).not.toMatch(/<script|<link|src="http/i);
  });

  it('orders the achievement bars highest first and labels the trend by month', () => {
    // 华南 110.4%, 华北 93.8%, 华东 83.6%, 西部 80.2%: the axis labels in that order.
    const regions = read('report-charts/regions.svg');
    const order = ['华南', '华北', '华东', '西部'].map((r) => regions.indexOf(`>${r}</text>`));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    const trend = read('report-charts/trend.svg');
    for (const m of ['1月', '6月']) expect(trend).toContain(`>${m}</text>`);
  });
});

/** The five parts of every style in every language, as the practitioners' article lays them out. */
const SKELETONS: Record<string, Record<string, string[]>> = {
  'zh-CN': {
    data: [
      '上半年销售业绩回顾与数据分析',
      '下半年销售目标设定与策略部署',
      '团队建设与能力提升规划',
      '风险评估与应对预案',
      '总结与展望',
    ],
    team: [
      '上半年团队业绩与贡献分析',
      '下半年团队建设与能力提升规划',
      '下半年销售目标与团队策略协同',
      '风险管理与团队激励机制',
      '总结与展望',
    ],
    market: [
      '上半年市场表现与客户分析',
      '下半年市场战略与创新突破方向',
      '团队能力与资源保障',
      '风险管理与预案',
      '总结与展望',
    ],
    process: [
      '上半年销售流程回顾与效率分析',
      '下半年流程优化与目标部署',
      '团队效率意识与能力提升',
      '风险评估与应对策略',
      '总结与展望',
    ],
    'key-accounts': [
      '上半年战略客户回顾与分析',
      '下半年战略客户拓展与深度服务策略',
      '跨部门协同与资源保障',
      '风险管理与应急预案',
      '总结与展望',
    ],
  },
  'zh-TW': {
    data: [
      '上半年業績回顧與數據分析',
      '下半年業績目標設定與策略部署',
      '團隊建設與能力提升規劃',
      '風險評估與應變預案',
      '總結與展望',
    ],
    team: [
      '上半年團隊業績與貢獻分析',
      '下半年團隊建設與能力提升規劃',
      '下半年業績目標與團隊策略協同',
      '風險管理與團隊激勵機制',
      '總結與展望',
    ],
    market: [
      '上半年市場表現與客戶分析',
      '下半年市場策略與創新突破方向',
      '團隊能力與資源保障',
      '風險管理與預案',
      '總結與展望',
    ],
    process: [
      '上半年銷售流程回顧與效率分析',
      '下半年流程優化與目標部署',
      '團隊效率意識與能力提升',
      '風險評估與因應策略',
      '總結與展望',
    ],
    'key-accounts': [
      '上半年策略客戶回顧與分析',
      '下半年策略客戶拓展與深度服務策略',
      '跨部門協同與資源保障',
      '風險管理與緊急應變預案',
      '總結與展望',
    ],
  },
  en: {
    data: [
      'Sales results in the first half and what the data says',
      'Targets and strategy for the second half',
      'Team building and capability',
      'Risks and contingency plans',
      'Summary and outlook',
    ],
    team: [
      'Team results and contributions in the first half',
      'Team building and capability for the second half',
      'Targets for the second half and how the team will reach them',
      'Risks and incentives',
      'Summary and outlook',
    ],
    market: [
      'Market performance and customers in the first half',
      'Market strategy and innovation for the second half',
      'Team capability and resources',
      'Risks and contingency plans',
      'Summary and outlook',
    ],
    process: [
      'Sales process and efficiency in the first half',
      'Process improvements and targets for the second half',
      'Team efficiency and skills',
      'Risks and responses',
      'Summary and outlook',
    ],
    'key-accounts': [
      'Strategic accounts in the first half',
      'Growing and serving strategic accounts in the second half',
      'Cross-department support and resources',
      'Risks and contingency plans',
      'Summary and outlook',
    ],
  },
};
/** Which charts each style draws (docs/report.md): the emphasis of its part one. */
const CHARTS: Record<string, string[]> = {
  data: ['regions', 'trend', 'bridge', 'mix'],
  team: ['regions'],
  market: ['bridge', 'mix'],
  process: ['trend'],
  'key-accounts': ['bridge'],
};
const PART = {
  'zh-CN': (i: number, t: string) => `## 第${'一二三四五'[i]}部分　${t}`,
  'zh-TW': (i: number, t: string) => `## 第${'一二三四五'[i]}部分　${t}`,
  en: (i: number, t: string) => `## Part ${i + 1}. ${t}`,
} as const;

describe('each style in each language has its five-part skeleton', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(lang, async () => {
      for (const style of Object.keys(SKELETONS[lang]!)) {
        const r = await runIn(['report', '2026-h1-review', '--style', style, '--lang', lang, '--json'], {
          cwd: tmp.dir,
          env: NOW,
        });
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout).style).toBe(style);
        const parts = read('report.md')
          .split('\n')
          .filter((l) => l.startsWith('## ') && !/计算口径|計算口徑|How the figures/.test(l));
        expect(parts, `${lang} ${style}`).toEqual(SKELETONS[lang]![style]!.map((t, i) => PART[lang](i, t)));
        // The style's charts, and only those: a chart an earlier style drew is gone.
        const charts = ['regions', 'trend', 'bridge', 'mix'].filter((c) =>
          existsSync(out(`report-charts/${c}.svg`)),
        );
        expect(charts, `${lang} ${style}`).toEqual(CHARTS[style]);
      }
    });
  }

  it('states the figures in traditional Chinese, in the words used in Taiwan', async () => {
    const r = await runIn(['report', '2026-h1-review', '--lang', 'zh-TW'], { cwd: tmp.dir, env: NOW });
    expect(r.code).toBe(0);
    expect(read('report.md')).toContain(
      '上半年營收 9,200 万元，達成目標 10,000 万元的 92.0%，距目標尚差 800 万元。[^1]較去年同期（8,000 万元）成長 15.0%，較上期成長 4.5%。[^2]',
    );
  });

  it('states the figures in English too', async () => {
    const r = await runIn(['report', '2026-h1-review', '--lang', 'en'], { cwd: tmp.dir, env: NOW });
    expect(r.code).toBe(0);
    const md = read('report.md');
    expect(md).toContain(
      'Revenue in the first half was 9,200 万元, 92.0% of the 10,000 万元 target, 800 万元 short.[^1] Year on year it grew 15.0% (prior year 8,000 万元); against the previous period it grew 4.5%.[^2]',
    );
    expect(md).toContain(
      'By region, the growth came mostly from 华南, which contributed 42.6% of it (+6.4 pp of the +15.0% growth).',
    );
    expect(md).toContain('Of 4 regions, 1 met the target, 1 came close and 2 fell short;');
    expect(md).toContain('| Orders | 191 | 194 | +1.6% |');
    // Words a reader sees in the document: no "(s)" plurals, achievement named as such.
    expect(md).toContain('Most improved: 何敏, up 8 in the ranking to number 2.[^18]');
    expect(md).toContain(
      '> Draft: still to be written (5): Success factors, Challenges and root causes, Strategy, Team building, Outlook.',
    );
    expect(md).toContain(
      'Collection rate: 85.0% against a target of 90.0% (94.4% achieved); −3.0 pp year on year.',
    );
    expect(md).toContain('> - New customers below target (90.0% achieved): root cause?');
    expect(md).not.toContain('(s)');
  });

  it('refuses an unknown style as a usage error', async () => {
    const r = await runIn(['report', '2026-h1-review', '--style', 'fancy'], { cwd: tmp.dir, env: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--style');
  });
});

describe('report.yaml: the narrative is the user’s', () => {
  const yamlPath = () => join(tmp.dir, '2026-h1-review', 'report.yaml');

  it('is scaffolded by --new with questions from the data, and never overwritten without --force', async () => {
    const r = await runIn(['report', '2026-h1-review', '--new'], { cwd: tmp.dir, env: NOW });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '已写入 2026-h1-review/report.yaml：填写各部分后，再次运行 `salesmeet report`',
    );
    const text = readFileSync(yamlPath(), 'utf8');
    // Editors complete and check it against the shipped schema (a path from the folder to schema/).
    expect(text.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=(\.\.\/)+.*schema\/report\.schema\.json$/,
    );
    expect(text).toContain(
      '# 挑战与根因\n# 数据提出的问题：\n#   - 华北达成 93.8%、落后时间进度 6.2 个百分点：原因？\n',
    );
    expect(text).toContain('#   - 华东达成 83.6%、落后时间进度 16.4 个百分点：原因？\n');
    expect(text).toContain('#   - 费用率未完成目标（达成 90.0%）：根因是什么？\nchallenges: ""\n');
    expect(text).toContain('successFactors: ""');
    const again = await runIn(['report', '2026-h1-review', '--new'], { cwd: tmp.dir, env: NOW });
    expect(again.code).toBe(4);
    expect(readFileSync(yamlPath(), 'utf8')).toBe(text);
  });

  it('empty sections: a draft with placeholders (exit 0) and `check --strict` exit 3 naming them', async () => {
    const r = await runIn(['report', '2026-h1-review'], { cwd: tmp.dir, env: NOW });
    expect(r.code).toBe(0);
    expect(read('report.md')).toContain(
      '> 草稿：还有 5 个部分待填写（成功因素、挑战与根因、策略、团队建设、展望）。',
    );
    const check = await runIn(['check', '2026-h1-review', '--strict'], { cwd: tmp.dir, env: NOW });
    expect(check.code).toBe(3);
    expect(check.stderr).toContain(
      'report.yaml：还有 5 个部分为空：成功因素 (successFactors)、挑战与根因 (challenges)、策略 (strategy)、团队建设 (team)、展望 (outlook)',
    );
    const lenient = await runIn(['check', '2026-h1-review'], { cwd: tmp.dir, env: NOW });
    expect(lenient.code).toBe(0);
  });

  it('survives regeneration and its text goes into the report; only the empty sections stay placeholders', async () => {
    const text = readFileSync(yamlPath(), 'utf8')
      .replace('successFactors: ""', 'successFactors: |\n  华南抓住了工业软件的换代需求。\n\n  第二段。')
      .replace('challenges: ""', 'challenges: 华东两家重点客户回款逾期。')
      .replace('strategy: ""', 'strategy: 回款第一。')
      .replace('team: ""', 'team: 西部补招两人。');
    writeFileSync(yamlPath(), text);
    const r = await runIn(['report', '2026-h1-review'], { cwd: tmp.dir, env: NOW });
    expect(r.code).toBe(0);
    expect(readFileSync(yamlPath(), 'utf8')).toBe(text);
    const md = read('report.md');
    expect(md).toContain('### 成功因素\n\n华南抓住了工业软件的换代需求。\n\n第二段。\n');
    expect(md).toContain('> 草稿：还有 1 个部分待填写（展望）。');
    expect(md).not.toContain('【待填写：成功因素】');
    expect(md).toContain('> **【待填写：展望】**');
    const check = await runIn(['check', '2026-h1-review', '--strict'], { cwd: tmp.dir, env: NOW });
    expect(check.code).toBe(3);
    expect(check.stderr).toContain('report.yaml：还有 1 个部分为空：展望 (outlook)');
    writeFileSync(yamlPath(), text.replace('outlook: ""', 'outlook: 下半年冲刺 12000 万元。'));
    expect((await runIn(['check', '2026-h1-review', '--strict'], { cwd: tmp.dir, env: NOW })).code).toBe(0);
    const final = await runIn(['report', '2026-h1-review'], { cwd: tmp.dir, env: NOW });
    expect(final.stderr).toBe('');
    expect(read('report.md')).toContain('> 所有叙述部分均已填写。');
    expect(existsSync(out('report.docx'))).toBe(true);
  });
});

describe('risks and the market in the report', () => {
  it("part four lists meeting.yaml's risks; check advises on a risk nobody owns", async () => {
    const dir = tempDir();
    try {
      copyExample('2026-h1-review', dir.dir);
      const r = await runIn(['report', '2026-h1-review', '--lang', 'en'], { cwd: dir.dir, env: NOW });
      expect(r.code).toBe(0);
      const md = readFileSync(join(dir.dir, '2026-h1-review/out/report.md'), 'utf8');
      expect(md).toContain('| Risk | Likelihood | Impact | Owner | Response |');
      expect(md).toContain(
        '| 华东两家重点客户逾期款无法收回 | Medium | Medium | 王芳 | 9 月底前未回款即转法务发函，暂停新增授信 |',
      );
      const file = join(dir.dir, '2026-h1-review/meeting.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace('preRead:\n', 'preRead:\n')
          .replace(/^risks:\n/m, 'risks:\n  - risk: 汇率波动\n'),
      );
      const check = await runIn(['check', '2026-h1-review', '--lang', 'zh-CN'], { cwd: dir.dir });
      expect(check.code).toBe(0);
      expect(check.stderr).toMatch(
        /meeting\.yaml:\d+:\d+: .*风险“汇率波动”缺少负责人或应对措施：谁盯住它？发生了怎么办？/,
      );
    } finally {
      dir.cleanup();
    }
  });

  it("part one carries the meeting's market section (data, competitors, SWOT)", async () => {
    const dir = tempDir();
    try {
      copyExample('2026-07-monthly', dir.dir);
      copyExample('2026-h1-review', dir.dir);
      const r = await runIn(['report', '2026-07-monthly'], { cwd: dir.dir, env: NOW });
      expect(r.code).toBe(0);
      const md = readFileSync(join(dir.dir, '2026-07-monthly/out/report.md'), 'utf8');
      expect(md).toContain('### 市场与竞争');
      expect(md).toContain(
        '| 竞品 B | 7 月起华东经销商返点提高 2 个百分点 | 华东新客户报价竞争加剧 | 8 月 15 日前提交华东专项返点评估 |',
      );
      expect(md).toContain('| 劣势（W） | 华东回款周期长；西部空白区域无人覆盖 |');
    } finally {
      dir.cleanup();
    }
  });
});

describe('part two from a targets file (--targets)', () => {
  // 12,000 万元 for H2, 10% reserve, regions 35/25/22/18 — by hand: 13,200 assigned; 华东 13,200 × 35% = 4,620,
  // 华北 × 22% = 2,904; each month 12,000 ÷ 6 = 2,000 (2,200 assigned); 12,000 ÷ 9,200 − 1 = +30.4%.

  it('states the target, the reserve and the growth with their formulas, the split, and a SMART check', async () => {
    const dir = tempDir();
    try {
      copyExample('2026-h1-review', dir.dir);
      const t = await runIn([...H2_TARGETS, '--out', 'targets.yaml'], { cwd: dir.dir });
      expect(t.code).toBe(0);
      const r = await runIn(['report', '2026-h1-review', '--targets', 'targets.yaml'], {
        cwd: dir.dir,
        env: NOW,
      });
      expect(r.stderr).not.toContain('error');
      expect(r.code).toBe(0);
      const md = readFileSync(join(dir.dir, '2026-h1-review/out/report.md'), 'utf8');
      expect(md).toMatch(
        /2026-H2 公司目标 12,000 万元，下达合计 13,200 万元，预留 10\.0%。\[\^(\d+)\]较本期实际 9,200 万元，目标增长 30\.4%。\[\^(\d+)\]/,
      );
      expect(md).toContain('下达合计 = 公司目标 ×（1 + 预留）= 12,000 ×（1 + 10.0%）= 13,200；预留 1,200。');
      expect(md).toContain('增长 = 下期公司目标 ÷ 本期实际 − 1 = 12,000 ÷ 9,200 − 1 = +30.4%。');
      expect(md).toContain('| 2026-07 | 2,000 | 2,200 | 16.7% |');
      expect(md).toContain('| 合计 | 12,000 | 13,200 | 100.0% |');
      expect(md).toContain('| 华东 | 4,620 | 35.0% | 王芳 |');
      expect(md).toContain('| 华北 | 2,904 | 22.0% | 张伟 |');
      expect(md).toContain(
        '| 可实现（A） | ⚠ | 较本期增长 +30.4%，超过本期同比增速 +15.0% 的两倍：请说明依据 |',
      );
      expect(md).toContain('| 相关（R） | ✓ | 2026-H2 是本次回顾期间的下一期 |');
      expect(md).toContain(
        '| 责任到人 | ✓ | 每个分组都有负责人（目标工作簿的负责人列，或职务、部门与之对应的参会人） |',
      );
      expect(md).not.toContain('未提供目标文件');

      // A region nobody in the meeting answers for, and targets for the wrong period.
      const other = await runIn(
        [
          'targets',
          '--total',
          '9000',
          '--unit',
          '万元',
          '--period',
          '2027-H1',
          '--regions',
          '华东,东北',
          '--out',
          'other.yaml',
        ],
        { cwd: dir.dir },
      );
      expect(other.code).toBe(0);
      const r2 = await runIn(['report', '2026-h1-review', '--targets', 'other.yaml', '--lang', 'en'], {
        cwd: dir.dir,
        env: NOW,
      });
      expect(r2.code).toBe(0);
      const en = readFileSync(join(dir.dir, '2026-h1-review/out/report.md'), 'utf8');
      expect(en).toContain(
        '| Relevant | ✗ | The targets are for 2027-H1, not for 2026-H2, the period after the one reviewed |',
      );
      expect(en).toContain(
        '| Owned | ✗ | Nobody answers for 东北: fill in the Owner column of the targets workbook, or name an attendee whose role or department says it |',
      );
    } finally {
      dir.cleanup();
    }
  });

  it('refuses a broken file with its position (the workbook: targets-xlsx.test.ts)', async () => {
    const dir = tempDir();
    try {
      copyExample('2026-h1-review', dir.dir);
      writeFileSync(
        join(dir.dir, 'bad.yaml'),
        'schema: salesmeet.targets/1\nperiod: 2026-H2\ncompanyTarget: lots\n',
      );
      const b = await runIn(['report', '2026-h1-review', '--targets', 'bad.yaml', '--lang', 'en'], {
        cwd: dir.dir,
      });
      expect(b.code).toBe(3);
      expect(b.stderr).toMatch(/bad\.yaml:3:\d+: /);
    } finally {
      dir.cleanup();
    }
  });
});
