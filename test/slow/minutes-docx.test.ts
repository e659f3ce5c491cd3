import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample, runCli, tempDir } from '../helpers/cli.js';
import { office, officeToPdf, pdfPageTexts } from '../helpers/office.js';

/**
 * minutes.docx as a person printing it from LibreOffice sees it: a footer with the meeting, the content hash and
 * "page N of M" on every page, and a last page to sign on paper with one line per person who must sign.
 */
describe.skipIf(!office)('minutes.docx printed through LibreOffice', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it.each([
    [
      'zh-CN',
      '第 {page} 页 / 共 {pages} 页',
      '签字页',
      '本人已阅读并确认《2026 年上半年销售总结暨下半年目标分解会》（2026-07-10）纪要内容',
    ],
    [
      'zh-TW',
      '第 {page} 頁 / 共 {pages} 頁',
      '簽名頁',
      '本人已閱讀並確認《2026 年上半年销售总结暨下半年目标分解会》（2026-07-10）紀錄內容',
    ],
    [
      'en',
      'Page {page} of {pages}',
      'Signature page',
      'By signing, I confirm the minutes of 2026 年上半年销售总结暨下半年目标分解会 (2026-07-10)',
    ],
  ])('%s: footer on every page, signature page last', (lang, pageOf, signaturePage, statement) => {
    const dir = join(tmp.dir, lang);
    copyExample('2026-h1-review', dir);
    const r = runCli(['minutes', '2026-h1-review', '--lang', lang], { cwd: dir });
    expect(r.code).toBe(0);
    const pages = pdfPageTexts(officeToPdf(join(dir, '2026-h1-review/out/minutes.docx')));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    const hash = /sha256:[0-9a-f]{64}/.exec(pages.join('\n'))?.[0];
    expect(hash).toBeDefined();
    // Lines wrap anywhere in Chinese: compare without white space.
    const squash = (s: string) => s.replace(/\s+/g, '');
    pages.forEach((text, i) => {
      const footer = pageOf.replace('{page}', String(i + 1)).replace('{pages}', String(pages.length));
      expect(squash(text)).toContain(squash(footer));
      expect(text).toContain(hash!.slice('sha256:'.length, 'sha256:'.length + 12));
    });
    const last = squash(pages.at(-1)!);
    expect(last).toContain(squash(signaturePage));
    expect(last).toContain(squash(statement));
    for (const name of ['陈建国', '李娜', '王芳', '刘强', '张伟']) expect(last).toContain(name);
    // Real column widths: ids and times are never broken across lines.
    const all = pages.join('\n');
    for (const token of [
      '2026-h1-review#1',
      '2026-h1-review#2',
      '2026-h1-review#3',
      '2026-07-17',
      '09:05–15:20',
    ])
      expect(all).toContain(token);
    // The signature page is only that: no topic or action before it on the same page.
    expect(last).not.toContain('2026-h1-review#1');
  });
});
