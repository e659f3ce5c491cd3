import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoneLabel } from '../../../src/core/notice/view.js';
import { copyExample, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = tempDir();
  copyExample('2026-h1-review', tmp.dir);
});
afterAll(() => tmp.cleanup());

const out = (file: string) => readFileSync(join(tmp.dir, '2026-h1-review', 'out', file), 'utf8');

const H1_NOTICE = `【会议通知】2026 年上半年销售总结暨下半年目标分解会

各位同事：
现将会议安排通知如下，请准时参加。

会议类型：半年度销售总结会
会议时间：2026年7月10日（星期五） 09:00–15:30（北京时间）
会议地点：上海总部 12 楼大会议室
线上会议：腾讯会议 https://meeting.example.com/j/8812345678

一、会议目的
1. 回顾上半年目标达成情况，找出差距和原因
2. 总结成功经验与失败教训，形成可复制的打法
3. 确定下半年销售目标并分解到大区和月份

二、会议议程
09:00–09:30 开场与目标说明（陈建国）
09:30–10:30 上半年业绩回顾（李娜）
10:30–11:30 成功经验与失败复盘（王芳）
11:30–12:00 下半年策略与目标分解（陈建国）
12:00–13:00 午餐
13:00–14:00 分组讨论与行动计划（刘强）
14:00–14:15 茶歇
14:15–14:45 总结与承诺（陈建国）
14:45–15:30 机动时间

三、参会人员
必须出席：
陈建国（销售副总裁）
李娜（销售运营经理）
王芳（华东大区经理）
刘强（华南大区经理）
张伟（华北大区经理）
赵敏（西部大区经理）
列席：
周杰（财务经理）
吴磊（市场总监）

四、会前准备
1. 陈建国：准备议题“下半年目标分解”的汇报（7月8日前）
2. 李娜：上半年 KPI 汇总表（7月7日前）
3. 李娜：准备议题“上半年业绩回顾（目标 vs 实际、同比）”的汇报（7月8日前）
4. 王芳：各大区上半年总结 PPT（7月8日前）
5. 王芳：准备议题“华东回款率下滑与应收账款风险”的汇报（7月8日前）
6. 刘强：准备议题“新客户开发不足的原因与对策”的汇报（7月8日前）
7. 周杰：应收账款账龄分析（7月8日前）
会前资料（pack.pdf）将于7月8日前发出，请会前阅读。

五、会议纪律
1. 准时参会，线上参会请提前 5 分钟入会；不迟到、不早退。
2. 因故不能参加请提前向主持人请假，不无故缺席。
3. 会议期间手机调至静音。
4. 做好充分的会前准备：阅读会前资料，带齐数据和材料。
5. 会后 24 小时内发出会议纪要，行动项明确责任人和完成时间。

六、联系人
主持人：陈建国
记录人：李娜
`;

describe('salesmeet notice on the half-year example', () => {
  it('writes notice.txt, notice.html and sign-in.html and says so', async () => {
    const r = await runIn(['notice', '2026-h1-review'], { cwd: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '已写入：',
        '  2026-h1-review/out/notice.txt',
        '  2026-h1-review/out/notice.html',
        '  2026-h1-review/out/sign-in.html',
        '',
      ].join('\n'),
    );
  });

  it('notice.txt is the whole notice in plain text: no Markdown, short lines', () => {
    const text = out('notice.txt');
    expect(text).toBe(H1_NOTICE);
    expect(text).not.toMatch(/^(#|- |\* |\|)|\*\*|\]\(/m);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('notice.html carries the same facts on one self-contained page', () => {
    const html = out('notice.html');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script|<link|<img|src="http|url\(http/i);
    expect(html).toContain('<dt>会议时间</dt><dd>2026年7月10日（星期五） 09:00–15:30（北京时间）</dd>');
    expect(html).toContain('<h2>四、会前准备</h2>');
    expect(html).toContain('<li>李娜：上半年 KPI 汇总表（7月7日前）</li>');
    expect(html).toContain(
      '<p><b>必须出席：</b>陈建国（销售副总裁）、李娜（销售运营经理）、王芳（华东大区经理）、刘强（华南大区经理）、张伟（华北大区经理）、赵敏（西部大区经理）</p>',
    );
    expect(html).toContain('<p><b>列席：</b>周杰（财务经理）、吴磊（市场总监）</p>');
    expect(html).toContain(
      '<tr class="break"><td class="time">12:00–13:00</td><td>午餐</td><td class="owner"></td></tr>',
    );
    expect(html).toContain('<li>会议期间手机调至静音。</li>');
    expect(html).toContain('<p class="contact"><span>主持人：陈建国</span><span>记录人：李娜</span></p>');
  });

  it('sign-in.html lists every attendee with empty signature and arrival boxes, then three blank rows', () => {
    const html = out('sign-in.html');
    expect(html).toContain('<title>签到表 · 2026 年上半年销售总结暨下半年目标分解会</title>');
    expect(html).toContain(
      '<tr><th>序号</th><th>姓名</th><th>部门</th><th>职务</th><th>签名</th><th>签到时间</th></tr>',
    );
    const rows = [
      ...html.matchAll(
        /<tr><td class="no">(\d+)<\/td><td class="name">([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td class="sign"><\/td><td class="arrival"><\/td><\/tr>/g,
      ),
    ].map((m) => m.slice(1).join(' | '));
    expect(rows).toEqual([
      '1 | 陈建国 | 销售中心 | 销售副总裁',
      '2 | 李娜 | 销售运营部 | 销售运营经理',
      '3 | 王芳 | 华东大区 | 华东大区经理',
      '4 | 刘强 | 华南大区 | 华南大区经理',
      '5 | 张伟 | 华北大区 | 华北大区经理',
      '6 | 赵敏 | 西部大区 | 西部大区经理',
      '7 | 周杰 | 财务部 | 财务经理',
      '8 | 吴磊 | 市场部 | 市场总监',
    ]);
    const blanks = [
      ...html.matchAll(/<tr class="blank"><td class="no">(\d+)<\/td><td class="name"><\/td>/g),
    ].map((m) => m[1]);
    expect(blanks).toEqual(['9', '10', '11']);
    expect(html).toContain('<dt>会议时间</dt><dd>2026年7月10日（星期五） 09:00–15:30（北京时间）</dd>');
    expect(html).toContain('<dt>会议地点</dt><dd>上海总部 12 楼大会议室</dd>');
    expect(html).toContain('<p class="tally"><span>应到 8 人</span><span>实到 ______ 人</span></p>');
  });

  it('in traditional Chinese: 會議通知, 台北時間 words, 「」 quotes', async () => {
    const r = await runIn(['notice', '2026-h1-review', '--lang', 'zh-TW'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const text = out('notice.txt');
    expect(text.split('\n').slice(0, 3)).toEqual([
      '【會議通知】2026 年上半年销售总结暨下半年目标分解会',
      '',
      '各位同仁：',
    ]);
    expect(text).toContain('\n會議時間：2026年7月10日（星期五） 09:00–15:30（北京時間）\n');
    expect(text).toContain(
      '\n1. 陳建國'.replace('陳建國', '陈建国') + '：準備議題「下半年目标分解」的報告（7月8日前）\n',
    );
    expect(text).toContain('\n五、會議規則\n');
    expect(text).toContain('\n3. 會議期間手機請調為靜音。\n');
    expect(text).toContain('\n六、聯絡人\n主席：陈建国\n紀錄：李娜\n');
    expect(out('sign-in.html')).toContain('<th>簽名</th><th>簽到時間</th>');
  });

  it('in English: ASCII punctuation, "by" dates, the rules', async () => {
    const r = await runIn(['notice', '2026-h1-review', '--lang', 'en'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const text = out('notice.txt');
    expect(text.split('\n').slice(0, 7)).toEqual([
      '[Meeting notice] 2026 年上半年销售总结暨下半年目标分解会',
      '',
      'Dear colleagues,',
      'Please find below the arrangements for the meeting. Thank you for being on time.',
      '',
      'Meeting: Half-year sales review',
      'Time: Friday, 10 July 2026, 09:00–15:30 (Beijing time)',
    ]);
    expect(text).toContain('\n2. Agenda\n09:00–09:30 开场与目标说明 (陈建国)\n');
    expect(text).toContain('\nRequired:\n陈建国 (销售副总裁)\n');
    expect(text).toContain('\n2. 李娜: 上半年 KPI 汇总表 (by 7 July)\n');
    expect(text).toContain(
      '\nThe pre-read pack (pack.pdf) goes out by 8 July: please read it before the meeting.\n',
    );
    expect(text).toContain('\n3. Phones on silent during the meeting.\n');
    expect(text).toContain(
      '\n5. The minutes go out within 24 hours of the meeting, with an owner and a due date for every action.\n',
    );
    expect(out('sign-in.html')).toContain(
      '<p class="tally"><span>Expected: 8</span><span>Present: ______</span></p>',
    );
  });

  it('--dry-run writes nothing; --json lists the files, the time and the preparation', async () => {
    const { dir, cleanup } = tempDir();
    try {
      copyExample('2026-h1-review', dir);
      const dry = await runIn(['notice', '2026-h1-review', '--dry-run'], { cwd: dir });
      expect(dry.code).toBe(0);
      expect(dry.stdout.split('\n')[1]).toBe('  2026-h1-review/out/notice.txt');
      expect(existsSync(join(dir, '2026-h1-review', 'out', 'notice.txt'))).toBe(false);
      const r = await runIn(['notice', '2026-h1-review', '--json', '--lang', 'en'], { cwd: dir });
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j).toMatchObject({
        schema: 'salesmeet.notice/1',
        dir: '2026-h1-review',
        lang: 'en',
        dryRun: false,
        files: [
          '2026-h1-review/out/notice.txt',
          '2026-h1-review/out/notice.html',
          '2026-h1-review/out/sign-in.html',
        ],
        when: 'Friday, 10 July 2026, 09:00–15:30 (Beijing time)',
        attendees: ['陈建国', '李娜', '王芳', '刘强', '张伟', '赵敏', '周杰', '吴磊'],
      });
      expect(j.preparation[0]).toBe('陈建国: present the topic "下半年目标分解" (by 8 July)');
    } finally {
      cleanup();
    }
  });

  it('--pdf without a browser: exit 3 with a hint, the HTML files still written', async () => {
    const { dir, cleanup } = tempDir();
    try {
      copyExample('2026-h1-review', dir);
      const r = await runIn(['notice', '2026-h1-review', '--pdf', '--lang', 'en'], {
        cwd: dir,
        env: { SALESMEET_CHROMIUM: join(dir, 'no-such-browser') },
      });
      expect(r.code).toBe(3);
      expect(r.stderr).toBe(
        'error: no Chromium found for --pdf: the notice and the sign-in sheet were written as HTML, not as PDF\n' +
          '  hint: install one with `apt-get install chromium fonts-noto-cjk` (Debian/Ubuntu), or point SALESMEET_CHROMIUM to a Chrome or Chromium executable; or print the HTML files from any browser\n',
      );
      for (const f of ['notice.txt', 'notice.html', 'sign-in.html'])
        expect(existsSync(join(dir, '2026-h1-review', 'out', f)), f).toBe(true);
      expect(existsSync(join(dir, '2026-h1-review', 'out', 'notice.pdf'))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('`templates eject notice` copies the text and the HTML template; sign-in and the style partial one by one', async () => {
    const r = await runIn(['templates', 'eject', 'notice', '--to', 'team', '--lang', 'zh-CN'], {
      cwd: tmp.dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '已写入：\n  team/zh-CN/notice.html.hbs\n  team/zh-CN/notice.txt.hbs\n' +
        '编辑该副本即可；`templates:` 指向此文件夹的会议在生成议程、会前资料、会议通知和纪要时将使用它代替内置模板。\n',
    );
    const s = await runIn(['templates', 'eject', 'sign-in', '--to', 'team', '--lang', 'zh-CN'], {
      cwd: tmp.dir,
    });
    expect(s.stdout.split('\n').slice(0, 2)).toEqual(['已写入：', '  team/zh-CN/sign-in.html.hbs']);
  });

  it('a small meeting: no objectives, no materials; the zone as a UTC offset; sections renumbered', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(
        join(dir, 'meeting.yaml'),
        [
          'title: Weekly pipeline review',
          'type: weekly',
          'date: 2026-07-06',
          'start: "09:00"',
          'timezone: America/New_York',
          'lang: en',
          'attendees:',
          '  - { name: Anna Smith }',
          'agenda:',
          '  - { title: Pipeline, minutes: 30 }',
          '',
        ].join('\n'),
      );
      const r = await runIn(['notice'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, 'out', 'notice.txt'), 'utf8')).toBe(
        [
          '[Meeting notice] Weekly pipeline review',
          '',
          'Dear colleagues,',
          'Please find below the arrangements for the meeting. Thank you for being on time.',
          '',
          'Meeting: Weekly sales meeting',
          'Time: Monday, 6 July 2026, 09:00–09:30 (UTC−04:00)',
          '',
          '1. Agenda',
          '09:00–09:30 Pipeline',
          '',
          '2. Attendees',
          'Required:',
          'Anna Smith',
          '',
          '3. Before the meeting',
          'Nothing to hand in before the meeting.',
          'The pre-read pack (pack.pdf) goes out before the meeting: please read it beforehand.',
          '',
          '4. Meeting rules',
          '1. Be on time (online: join 5 minutes early); do not arrive late or leave early.',
          '2. If you cannot come, tell the host beforehand.',
          '3. Phones on silent during the meeting.',
          '4. Come prepared: read the pre-read and bring your figures.',
          '5. The minutes go out within 24 hours of the meeting, with an owner and a due date for every action.',
          '',
        ].join('\n'),
      );
    } finally {
      cleanup();
    }
  });
});

describe('zoneLabel', () => {
  const july = Date.parse('2026-07-10T01:00:00Z');
  it.each([
    ['Asia/Shanghai', 'zh-CN', '北京时间'],
    ['Asia/Shanghai', 'zh-TW', '北京時間'],
    ['Asia/Shanghai', 'en', 'Beijing time'],
    ['Asia/Taipei', 'zh-TW', '台北時間'],
    ['Asia/Taipei', 'zh-CN', '台北时间'],
    ['Asia/Tokyo', 'zh-CN', 'UTC+09:00'],
    ['Asia/Kolkata', 'en', 'UTC+05:30'],
    ['America/New_York', 'en', 'UTC−04:00'],
    ['UTC', 'en', 'UTC+00:00'],
  ] as const)('%s in %s → %s', (zone, lang, expected) => {
    expect(zoneLabel(zone, july, lang)).toBe(expected);
  });
});
