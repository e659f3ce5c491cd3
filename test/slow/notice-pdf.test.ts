import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/io/pdf.js';
import { copyExample, runCli, tempDir } from '../helpers/cli.js';

/**
 * The meeting notice and the sign-in sheet printed by headless Chromium (`notice --pdf`): each is one A4 page for
 * the half-year example (8 attendees, 8 agenda rows, 7 preparation lines), in every language, and every attendee
 * is on both. One browser launch per language.
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
if ((!chromium || !poppler) && process.env.CI) throw new Error('CI needs chromium and poppler-utils');

const ATTENDEES = ['陈建国', '李娜', '王芳', '刘强', '张伟', '赵敏', '周杰', '吴磊'];
const WORDS = {
  'zh-CN': {
    notice: ['会议通知', '五、会议纪律', '会议期间手机调至静音。'],
    signIn: ['签到表', '签名', '签到时间', '应到 8 人'],
  },
  'zh-TW': {
    notice: ['會議通知', '五、會議規則', '會議期間手機請調為靜音。'],
    signIn: ['簽到表', '簽名', '簽到時間', '應到 8 人'],
  },
  en: {
    notice: ['MEETING NOTICE', '5. Meeting rules', 'Phones on silent during the meeting.'],
    signIn: ['SIGN-IN SHEET', 'Signature', 'Arrival time', 'Expected: 8'],
  },
} as const;
type Lang = keyof typeof WORDS;

describe.skipIf(!chromium || !poppler)('the notice and the sign-in sheet in headless Chromium', () => {
  let tmp: { dir: string; cleanup: () => void };
  const out: Record<Lang, string> = { 'zh-CN': '', 'zh-TW': '', en: '' };

  beforeAll(() => {
    tmp = tempDir();
    for (const lang of Object.keys(WORDS) as Lang[]) {
      const dir = copyExample('2026-h1-review', join(tmp.dir, lang));
      out[lang] = join(dir, 'out');
      const r = runCli(['notice', dir, '--pdf', '--lang', lang], {
        cwd: tmp.dir,
        env: { SALESMEET_CHROMIUM: chromium },
      });
      if (r.code !== 0) throw new Error(`notice --pdf failed (${r.code}): ${r.stderr}`);
    }
  }, 120_000);
  afterAll(() => tmp.cleanup());

  const pages = (pdf: string) =>
    Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  const size = (pdf: string) =>
    /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
  // Without white space: Chinese wraps anywhere, and Latin digits in another font come out as separate runs.
  const squash = (s: string) => s.replace(/\s+/g, '');
  const text = (pdf: string) => squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));

  it.each(Object.keys(WORDS) as Lang[])(
    '%s: notice.pdf and sign-in.pdf are one A4 page each, with every attendee',
    (lang) => {
      for (const [file, words] of [
        ['notice.pdf', WORDS[lang].notice],
        ['sign-in.pdf', WORDS[lang].signIn],
      ] as const) {
        const pdf = join(out[lang], file);
        expect(pages(pdf), `${lang} ${file}`).toBe(1);
        const s = size(pdf);
        expect([Math.round(Number(s?.[1])), Math.round(Number(s?.[2]))]).toEqual([595, 842]);
        const t = text(pdf);
        // The title's Chinese part: pdftotext may place the Latin run "2026" (another font) elsewhere in the line.
        expect(t).toContain('年上半年销售总结暨下半年目标分解会');
        for (const name of ATTENDEES) expect(t, `${lang} ${file} ${name}`).toContain(name);
        for (const w of words) expect(t, `${lang} ${file}`).toContain(squash(w));
      }
    },
  );
});
