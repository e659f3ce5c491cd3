/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, withBrowser } from '../../src/io/pdf.js';
import { copyExample, runCli, tempDir } from '../helpers/cli.js';
import { KPI_EXAMPLE } from '../helpers/kpi-example.js';
import { pdfOutline } from '../helpers/pdf-outline.js';

/**
 * The pack in a real headless Chromium (playwright-core, /usr/bin/chromium or SALESMEET_CHROMIUM): layout,
 * charts, fonts, and the printed PDF. CI installs chromium, fonts-noto-cjk and poppler-utils; three browser
 * launches in all (two PDFs, one inspection) to stay light on two cores.
 */
const chromium = findChromium(process.env);
const poppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const SECTIONS = {
  'zh-CN': [
    '会议目标',
    '重点议题',
    '会议议程',
    '业绩数据（KPI）',
    '问题清单',
    '上次会议行动项跟踪',
    '会议材料',
  ],
  en: [
    'Objectives',
    'Key topics',
    'Agenda',
    'KPI summary',
    'Open issues',
    "Status of the last meeting's actions",
    'Materials',
  ],
} as const;

/** The text of each page (pdftotext, one run per page). */
const pageTexts = (pdf: string, pages: number) =>
  Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }),
  );

describe.skipIf(!chromium || !poppler)('the pack in headless Chromium', () => {
  let tmp: { dir: string; cleanup: () => void };
  const folders: Record<'zh-CN' | 'en', string> = { 'zh-CN': '', en: '' };

  beforeAll(() => {
    tmp = tempDir();
    writeFileSync(join(tmp.dir, 'kpi.json'), JSON.stringify(KPI_EXAMPLE));
    for (const lang of ['zh-CN', 'en'] as const) {
      const into = join(tmp.dir, lang);
      const dir = copyExample('2026-h1-review', into);
      folders[lang] = dir;
      const r = runCli(['pack', dir, '--kpi', join(tmp.dir, 'kpi.json'), '--pdf', '--lang', lang], {
        cwd: tmp.dir,
        env: { SALESMEET_CHROMIUM: chromium },
      });
      if (r.code !== 0) throw new Error(`pack --pdf failed (${r.code}): ${r.stderr}`);
    }
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it.each(['zh-CN', 'en'] as const)(
    '%s: pack.pdf is A4, a sensible number of pages, with every section title',
    (lang) => {
      const pdf = join(folders[lang], 'out', 'pack.pdf');
      expect(existsSync(pdf)).toBe(true);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      // Sections follow one another (no forced break per section): about 4 pages of content and 3 charts print on
      // 6 pages (9 when every section started a page).
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(pages).toBeLessThanOrEqual(6);
      // A heading is never left at the foot of a page: the KPI heading's page also holds its table.
      const heading = lang === 'en' ? 'KPI summary' : '业绩数据（KPI）';
      const onPage = pageTexts(pdf, pages)
        .filter((t) => t.includes(heading))
        .at(-1); // the last page naming it: the first is the table of contents
      expect(onPage).toContain(lang === 'en' ? 'Metric' : '指标');
      expect(onPage).toContain('销售额'); // the first row (the KPI example's metric names are Chinese)
      expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
      // Runs of spaces from the layout mode read as one.
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(
        /[ \t]+/g,
        ' ',
      );
      for (const title of SECTIONS[lang]) expect(text).toContain(title);
      expect(text).toContain('2026 年上半年销售总结暨下半年目标分解会');
      expect(text).toContain(lang === 'en' ? 'behind 14.3 pp' : '落后 14.3 个百分点');
      // The text layer maps every glyph back to its character (no boxes), also for the Chinese in Type 3 fonts.
      expect(text).toContain(lang === 'en' ? 'Half-year sales review' : '半年度销售总结会');
    },
  );

  it.each(['zh-CN', 'en'] as const)(
    '%s: every page has the running header (title, confidential) and "page N of M" in the meeting language',
    (lang) => {
      const pdf = join(folders[lang], 'out', 'pack.pdf');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      const texts = pageTexts(pdf, pages).map((t) => t.replace(/\s+/g, ' '));
      texts.forEach((t, i) => {
        const n = i + 1;
        // pdftotext drops the spaces between Chinese and digits: "第 3 页 / 共 6 页" reads "第3页/共6页".
        if (lang === 'en') expect(t, `page ${n}`).toContain(`Page ${n} of ${pages}`);
        else expect(t.replace(/ /g, ''), `page ${n}`).toContain(`第${n}页/共${pages}页`);
        expect(t, `page ${n}`).toContain(lang === 'en' ? 'Confidential' : '内部资料');
        expect(t, `page ${n}`).toContain('2026 年上半年销售总结暨下半年目标分解会');
      });
    },
  );

  it.each(['zh-CN', 'en'] as const)(
    '%s: the PDF is tagged and its bookmarks are the headings, the sections in order under the title',
    (lang) => {
      const pdf = join(folders[lang], 'out', 'pack.pdf');
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
      const outline = pdfOutline(readFileSync(pdf));
      expect(outline).not.toBeNull();
      expect(outline!.map((o) => o.title)).toEqual(['2026 年上半年销售总结暨下半年目标分解会']);
      const level2 = outline![0]!.children.map((o) => o.title);
      // The sections, in order (the cover's own headings, attendees and contents, come first).
      expect(level2.filter((t) => (SECTIONS[lang] as readonly string[]).includes(t))).toEqual([
        ...SECTIONS[lang],
      ]);
      // The breakdown tables are bookmarked under the KPI section.
      const kpi = outline![0]!.children.find((o) => o.title === SECTIONS[lang][3])!;
      expect(kpi.children.map((o) => o.title)).toContain(
        lang === 'en' ? '销售额 (万元) · Region' : '销售额 (万元) · 区域',
      );
    },
  );

  it.each(['zh-CN', 'en'] as const)('%s: fonts are embedded; Latin text in TrueType, not Type 3', (lang) => {
    const pdf = join(folders[lang], 'out', 'pack.pdf');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const cols = l.split(/\s{2,}/);
        // name, type, encoding, emb, sub, uni, object id
        const [emb, , uni] = l.trim().split(/\s+/).slice(-5);
        return { name: cols[0]!.trim(), type: cols[1]!.trim(), emb, uni };
      });
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.emb, `${f.name} ${f.type} embedded`).toBe('yes');
      expect(f.uni, `${f.name} ${f.type} maps to Unicode`).toBe('yes');
    }
    // Latin letters, digits and the status markers (● ▲ ▼) come from an embedded TrueType font (Liberation Sans
    // here, Arial elsewhere), regular, bold and italic.
    const trueType = fonts
      .filter((f) => f.type === 'CID TrueType')
      .map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(trueType).toEqual(expect.arrayContaining(['LiberationSans', 'LiberationSans-Bold']));
    // What stays Type 3 is Chinese: Noto Sans CJK is an OpenType font with CFF outlines, which Chromium's PDF
    // writer (Skia) can only embed as Type 3. Each Type 3 font holds glyphs, so the count follows the text; the
    // Latin ones are gone: an English pack with no Chinese text but the names in the data would hold far fewer.
    const type3 = fonts.filter((f) => f.type === 'Type 3').length;
    expect(type3).toBeLessThan(fonts.length);
  });

  it('pack.html: nothing overflows the A4 width, every chart is visible, Chinese text uses a CJK font', async () => {
    const results = await withBrowser(chromium!, async (context) => {
      const page = await context.newPage();
      const out: Record<string, unknown>[] = [];
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.goto(`file://${join(folders[lang], 'out', 'pack.html')}`);
        const measured: Record<string, unknown> = { lang };
        // Screen at A4 width (210 mm at 96 dpi), then print media at the printable width (182 mm).
        for (const [media, width] of [
          ['screen', 794],
          ['print', 688],
        ] as const) {
          await page.setViewportSize({ width, height: 1123 });
          await page.emulateMedia({ media });
          measured[media] = await page.evaluate(() => {
            const limit = document.documentElement.clientWidth + 0.5;
            const over: string[] = [];
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width > 0 && r.right > limit)
                over.push(
                  `${el.tagName.toLowerCase()} "${(el.textContent ?? '').slice(0, 30)}" right=${Math.round(r.right)}`,
                );
            }
            return {
              over,
              scrollWidth: document.documentElement.scrollWidth,
              clientWidth: document.documentElement.clientWidth,
            };
          });
        }
        measured.charts = await page.$$eval('svg.chart', (svgs) =>
          svgs.map((s) => {
            const r = s.getBoundingClientRect();
            const cs = getComputedStyle(s);
            return { w: r.width, h: r.height, visible: cs.display !== 'none' && cs.visibility !== 'hidden' };
          }),
        );
        // The font actually used to draw the title (not just the CSS stack).
        const cdp = await context.newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument');
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        measured.fonts = fonts.map((f: { familyName: string }) => f.familyName);
        await cdp.detach();
        out.push(measured);
      }
      return out;
    });
    for (const r of results) {
      for (const media of ['screen', 'print']) {
        const m = r[media] as { over: string[]; scrollWidth: number; clientWidth: number };
        expect(m.over, `${r.lang} ${media}`).toEqual([]);
        expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
      }
      const charts = r.charts as { w: number; h: number; visible: boolean }[];
      expect(charts).toHaveLength(3);
      for (const c of charts) {
        expect(c.visible).toBe(true);
        expect(c.w).toBeGreaterThan(300);
        expect(c.h).toBeGreaterThan(100);
      }
      expect((r.fonts as string[]).join(', ')).toMatch(
        /Noto Sans CJK|Source Han Sans|PingFang|YaHei|JhengHei/,
      );
    }
  });
});
