import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timedAgenda } from '../../src/app/agenda.js';
import { loadMeetingFolder } from '../../src/app/meeting-folder.js';
import type { TrackedAction } from '../../src/core/actions.js';
import { LANGS } from '../../src/core/i18n/lang.js';
import { agendaView } from '../../src/core/pack/agenda-view.js';
import { kpiCharts } from '../../src/core/pack/kpi-view.js';
import { packView } from '../../src/core/pack/view.js';
import { renderCharts } from '../../src/render/bar-chart.js';
import { raw, render } from '../../src/render/engine.js';
import { EXAMPLES } from '../helpers/cli.js';
import { KPI_EXAMPLE } from '../helpers/kpi-example.js';

const actions: TrackedAction[] = [
  {
    id: '2026-05-monthly#1',
    meeting: '2026-05-monthly',
    what: '华东重点客户回款追收 | 每周跟进',
    owner: '王芳',
    due: '2026-06-30',
    measure: '收回逾期款 300 万元',
    status: 'in-progress',
    carried: 2,
    updates: [],
  },
  {
    id: '2026-05-monthly#2',
    meeting: '2026-05-monthly',
    what: '输出 Q3 目标分解表',
    owner: '李娜',
    due: '2026-07-15',
    status: 'open',
    carried: 1,
    updates: [],
  },
  {
    id: '2026-05-monthly#3',
    meeting: '2026-05-monthly',
    what: '<b>竞品</b> 价格调研',
    owner: '吴磊',
    due: '2026-06-20',
    measure: { metric: 'revenue', target: 3000, by: '2026-06-30', group: { region: '华东' } },
    status: 'done',
    carried: 1,
    updates: [],
  },
];

/** Small placeholder SVGs stand in for the charts so the snapshot stays readable; charts are tested below. */
const charts = (lang: (typeof LANGS)[number]) =>
  kpiCharts(KPI_EXAMPLE, lang).map((c) => ({
    id: c.id,
    title: c.title,
    svg: raw(`<svg class="chart" viewBox="0 0 10 10"><title>${c.id}</title></svg>`),
  }));

async function views(lang: (typeof LANGS)[number]) {
  const folder = await loadMeetingFolder(join(EXAMPLES, '2026-h1-review'), EXAMPLES);
  const meeting = folder.meeting.value;
  const agenda = timedAgenda(folder, 'Asia/Shanghai');
  const pack = packView({
    meeting,
    agenda,
    lang,
    timezone: 'Asia/Shanghai',
    kpi: KPI_EXAMPLE,
    charts: charts(lang),
    actions,
    today: '2026-07-08',
  });
  return { pack, agenda: agendaView(meeting, agenda, lang, 'Asia/Shanghai') };
}

/**
 * The stylesheet every HTML document carries is the same in every language and document: it is checked once
 * against `__snapshots__/style.css`, and the page snapshots hold the markup only, so a style change is one diff.
 */
async function page(html: string): Promise<string> {
  const m = /<style>\n([\s\S]*?)<\/style>/.exec(html);
  expect(m, 'the document carries its stylesheet').not.toBeNull();
  await expect(m![1]).toMatchFileSnapshot('__snapshots__/style.css');
  return html.replace(m![0], '<style>\n/* __snapshots__/style.css */\n</style>');
}

describe.each(LANGS)('rendering in %s', (lang) => {
  it('agenda.md and agenda.html', async () => {
    const { agenda } = await views(lang);
    await expect(render('agenda', 'md', agenda, { lang })).toMatchFileSnapshot(
      `__snapshots__/agenda.${lang}.md`,
    );
    await expect(await page(render('agenda', 'html', agenda, { lang }))).toMatchFileSnapshot(
      `__snapshots__/agenda.${lang}.html`,
    );
  });

  it('pack.md and pack.html', async () => {
    const { pack } = await views(lang);
    const md = render('pack', 'md', pack, { lang });
    const html = render('pack', 'html', pack, { lang });
    await expect(md).toMatchFileSnapshot(`__snapshots__/pack.${lang}.md`);
    await expect(await page(html)).toMatchFileSnapshot(`__snapshots__/pack.${lang}.html`);
    // Text from meeting files is escaped: a pipe cannot break a Markdown table, a tag is not HTML.
    expect(md).toContain('华东重点客户回款追收 \\| 每周跟进');
    expect(html).toContain('&lt;b&gt;竞品&lt;/b&gt; 价格调研');
    expect(html).not.toContain('<b>竞品');
    // Overdue first, as of 2026-07-08: the item due 06-30 before the open one due 07-15.
    expect(md.indexOf('2026-06-30')).toBeLessThan(md.indexOf('2026-07-15'));
  });
});

describe('the running header and footer of pack.pdf', () => {
  const words = {
    'zh-CN': ['内部资料', '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页'],
    'zh-TW': ['內部資料', '第 <span class="pageNumber"></span> 頁 / 共 <span class="totalPages"></span> 頁'],
    en: ['Confidential', 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>'],
  } as const;
  it.each(LANGS)(
    '%s: title and confidential mark, page N of M, the title escaped (the templates are HTML)',
    async (lang) => {
      const { pack } = await views(lang);
      const hostile = {
        ...pack,
        head: { ...pack.head, title: 'Q3 <span class="totalPages"></span> & "R&D"' },
      };
      const header = render('pack-header', 'html', hostile, { lang });
      const footer = render('pack-footer', 'html', hostile, { lang });
      expect(header).toContain(words[lang][0]);
      expect(header).toContain(
        'Q3 &lt;span class&#x3D;&quot;totalPages&quot;&gt;&lt;/span&gt; &amp; &quot;R&amp;D&quot;',
      );
      expect(header).not.toContain('<span class="totalPages">');
      expect(footer).toContain(words[lang][1]);
      // Chromium shows no page styles there: the font is set in the template, Chinese-capable, TC first for zh-TW.
      for (const t of [header, footer]) {
        expect(t).toMatch(/font-family:[^;]*'Noto Sans CJK SC'/);
        expect(t).toMatch(/:lang\(zh-TW\) \{ font-family:[^;]*?'Noto Sans CJK TC'[^;]*'Noto Sans CJK SC'/);
        expect(t).toContain(`lang="${lang}"`);
      }
    },
  );
});

describe('charts', () => {
  it('three inline SVGs with patterns, group labels, the time-progress line and page-unique ids', async () => {
    const svgs = renderCharts(kpiCharts(KPI_EXAMPLE, 'zh-CN'), 'zh-CN');
    expect(svgs.map((s) => s.id)).toEqual(['achievement', 'actual-target', 'yoy']);
    for (const s of svgs) {
      expect(s.svg.html.startsWith('<svg ')).toBe(true);
      expect(s.svg.html).toContain('viewBox="0 0 680 300"');
      for (const region of ['华东', '华北', '华南', '西部']) expect(s.svg.html).toContain(region);
    }
    expect(svgs[0]!.svg.html).toContain('时间进度 100.0%');
    expect(svgs[0]!.svg.html).toContain('95.0%');
    // Target and prior year are told apart by patterns, not colour alone.
    expect(svgs[1]!.svg.html).toContain('<pattern');
    const ids = svgs.flatMap((s) => [...s.svg.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of svgs) {
      for (const ref of s.svg.html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref[1]);
    }
  });
});
