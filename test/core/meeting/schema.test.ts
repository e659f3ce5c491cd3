import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Problem } from '../../../src/core/errors.js';
import type { Lang } from '../../../src/core/i18n/lang.js';
import { meetingSchema } from '../../../src/core/meeting/schema.js';
import { minutesSchema } from '../../../src/core/minutes/schema.js';
import { validate } from '../../../src/core/validate.js';
import { parseYaml } from '../../../src/io/yaml.js';

function problems(text: string, lang: Lang = 'en', schema: z.ZodType = meetingSchema) {
  const y = parseYaml(text, 'meeting.yaml');
  const r = validate(schema, y.data, 'meeting.yaml', y.positionOf);
  if (r.ok) return [];
  return r.problems.map(
    (p: Problem) =>
      `${p.file}:${p.line}:${p.column}: ${p.path}: ${p.message(lang)}${p.hint ? ` (${p.hint(lang)})` : ''}`,
  );
}

const base = 'title: 周例会\ntype: weekly\ndate: 2026-07-06\nstart: "09:00"\n';

describe('meeting.yaml schema messages', () => {
  it('accepts a minimal meeting and fills defaults', () => {
    const y = parseYaml(base, 'meeting.yaml');
    const r = validate(meetingSchema, y.data, 'meeting.yaml', y.positionOf);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.attendees).toEqual([]);
  });

  it('names a wrong type with its line, column, options and a suggestion', () => {
    expect(problems(base.replace('weekly', 'weeky'))).toEqual([
      'meeting.yaml:2:7: type: expected one of daily, weekly, monthly, quarterly, half-year, annual, custom, found "weeky" (did you mean "weekly"?)',
    ]);
  });

  it('speaks zh-CN and zh-TW', () => {
    expect(problems(base.replace('weekly', 'weeky'), 'zh-CN')).toEqual([
      'meeting.yaml:2:7: type: 应为以下之一：daily, weekly, monthly, quarterly, half-year, annual, custom，实际是 "weeky" (是否想写 "weekly"？)',
    ]);
    expect(problems(base.replace('2026-07-06', '2026-02-30'), 'zh-TW')).toEqual([
      'meeting.yaml:3:7: date: 應為日期 YYYY-MM-DD，實際是 "2026-02-30" (日期請寫成 2026-06-30)',
    ]);
  });

  it('explains an unquoted time read as a number', () => {
    expect(problems(base.replace('"09:00"', '0900'))).toEqual([
      'meeting.yaml:4:8: start: expected a time HH:MM (24-hour), found 900 (write the time in quotes as "09:30"; an unquoted 0930 or 0800 is read as a number)',
    ]);
  });

  it('reports unknown fields at the key with did-you-mean, nested too', () => {
    expect(problems(`${base}atendees: []\nagenda:\n  - title: a\n    minuts: 5\n`)).toEqual([
      'meeting.yaml:5:1: atendees: unknown field "atendees" (did you mean "attendees"?)',
      'meeting.yaml:8:5: agenda[0].minuts: unknown field "minuts" (did you mean "minutes"?)',
    ]);
  });

  it('points a missing required field at the mapping that should hold it', () => {
    expect(problems('type: weekly\ndate: 2026-07-06\nstart: "09:00"\nattendees:\n  - role: 经理\n')).toEqual([
      'meeting.yaml:1:1: title: required field is missing; expected text',
      'meeting.yaml:5:5: attendees[0].name: required field is missing; expected text',
    ]);
  });

  it('checks types of nested values and numbers', () => {
    expect(problems(`${base}duration: "一小时"\nattendees:\n  - name: 王芳\n    required: 是\n`)).toEqual([
      'meeting.yaml:5:11: duration: expected a number, found text "一小时"',
      'meeting.yaml:8:15: attendees[0].required: expected true or false, found "是"',
    ]);
    expect(problems(`${base}duration: -5\n`)).toEqual([
      'meeting.yaml:5:11: duration: expected a number ≥ 0, found -5',
    ]);
  });

  it('validates shares, links and time zones', () => {
    expect(
      problems(
        `${base}timezone: Asia/Shangai\nonline: { link: meeting.example.com }\nagenda:\n  - { title: a, share: 120% }\n`,
      ),
    ).toEqual([
      'meeting.yaml:5:11: timezone: expected an IANA time zone such as Asia/Shanghai, found "Asia/Shangai"',
      'meeting.yaml:6:17: online.link: expected a link starting with https:// or http://, found "meeting.example.com"',
      'meeting.yaml:8:24: agenda[0].share: expected a share of the total: a fraction like 0.2 or a percentage like "20%", found "120%"',
    ]);
  });
});

describe('attendee e-mail addresses', () => {
  const people = (emails: string[]) =>
    `${base}attendees:\n${emails.map((e, i) => `  - { name: P${i}, email: ${e} }`).join('\n')}\n`;

  it('accepts ordinary addresses', () => {
    expect(
      problems(people(['wang.fang@example.com', 'li_na+sales@mail.example.com.cn', '"A.B@example.org"'])),
    ).toEqual([]);
  });

  it('names a wrong address with its line and column, in every language', () => {
    const text = people(['wang.fang', 'li na@example.com', 'chen@example', '"a@b.com, c@d.com"', '12345']);
    expect(problems(text)).toEqual([
      'meeting.yaml:6:24: attendees[0].email: expected an e-mail address such as wang.fang@example.com, found "wang.fang"',
      'meeting.yaml:7:24: attendees[1].email: expected an e-mail address such as wang.fang@example.com, found "li na@example.com"',
      'meeting.yaml:8:24: attendees[2].email: expected an e-mail address such as wang.fang@example.com, found "chen@example"',
      'meeting.yaml:9:24: attendees[3].email: expected an e-mail address such as wang.fang@example.com, found "a@b.com, c@d.com"',
      'meeting.yaml:10:24: attendees[4].email: expected an e-mail address such as wang.fang@example.com, found 12345',
    ]);
    expect(problems(people(['wang.fang']), 'zh-CN')).toEqual([
      'meeting.yaml:6:24: attendees[0].email: 应为电子邮件地址，如 wang.fang@example.com，实际是 "wang.fang"',
    ]);
    expect(problems(people(['wang.fang']), 'zh-TW')[0]).toContain('電子郵件地址，如 wang.fang@example.com');
  });
});

describe('minutes.yaml schema', () => {
  it('knows the attendance states and action statuses', () => {
    expect(
      problems(
        'attendance:\n  - { name: 王芳, status: 到场 }\nactions:\n  - { what: x, status: finished }\n',
        'en',
        minutesSchema as never,
      ),
    ).toEqual([
      'meeting.yaml:2:25: attendance[0].status: expected one of present, late, observer, excused, absent, 出席, 列席, 請假, 请假, 缺席, 遲到, 迟到, found "到场"',
      'meeting.yaml:4:24: actions[0].status: expected one of open, in-progress, done, dropped, found "finished"',
    ]);
  });

  it('says a link with a line break in it has one, not that it does not start with https:// (issue 11, point 15)', () => {
    const y = `${base}online: { link: "https://meet.example.com/a\\r\\nX-Injected: 1" }\n`;
    expect(problems(y)).toEqual([
      'meeting.yaml:5:17: online.link: expected a link starting with https:// or http://, found a value with a line break in it: "https://meet.example.com/a\\r\\nX-Inject… (write it on one line, without \\r or \\n)',
    ]);
    expect(problems(y, 'zh-CN')[0]).toContain('实际的值中含有换行');
    expect(problems(y, 'zh-TW')[0]).toContain('實際的值中含有換行');
  });

  it('says a quoted number as a KPI target is text, and how to write it (issue 11, point 15)', () => {
    const y = "meeting: m\nactions:\n  - what: 回款\n    measure: { metric: revenue, target: '300' }\n";
    expect(problems(y, 'en', minutesSchema)).toEqual([
      'meeting.yaml:4:41: actions[0].measure.target: expected a number, found text "300" (write the number without quotes: 300)',
    ]);
    expect(problems(y, 'zh-CN', minutesSchema)).toEqual([
      'meeting.yaml:4:41: actions[0].measure.target: 应为数字，实际是文本 "300" (数字不要加引号，直接写 300)',
    ]);
    // A measure that is neither text nor a mapping is still the union's message.
    expect(
      problems('meeting: m\nactions:\n  - what: 回款\n    measure: [a]\n', 'en', minutesSchema)[0],
    ).toContain('actions[0].measure: expected');
  });

  it('control characters and bidi controls are refused in every text field, keys too (issue 11, point 12)', () => {
    expect(problems(`${base}location: "A\u0007B"\n`)).toEqual([
      'meeting.yaml:5:11: location: contains a control character (U+0007 BEL) at character 2 (remove it (in YAML it may be written as an escape such as "\\e", "\\0" or "\\u202E"))',
    ]);
    expect(problems(`${base}topics:\n  - { title: "A\u2066B" }\n`)[0]).toContain(
      'topics[0].title: contains a bidirectional control (U+2066 LEFT-TO-RIGHT ISOLATE) at character 2',
    );
    // A key with an escape is refused at the key.
    expect(problems(`${base}"ti\u001btle2": x\n`)[0]).toContain(
      'meeting.yaml:5:1: ti\u001btle2: the field name contains a control character (U+001B ESC) at character 3',
    );
    expect(problems(`${base}host: "王芳\\r"\n`)[0]).toContain('host: contains a line break at character 3');
  });

  it('tabs and line breaks stay allowed where text runs over lines', () => {
    const multi = `${base}objectives:\n  - "第一行\\n第二行\\t缩进"\nagenda:\n  - title: 回顾\n    minutes: 10\n    notes: |\n      上周问题：\n      \t1. 回款\n      2. 库存\n`;
    expect(problems(multi)).toEqual([]);
  });
});
