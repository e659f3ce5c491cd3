import { describe, expect, it } from 'vitest';
import { meetingSchema } from '../../../src/core/meeting/schema.js';
import { minutesSchema } from '../../../src/core/minutes/schema.js';
import { minutesView } from '../../../src/core/minutes/view.js';
import { minutesHash } from '../../../src/core/signoff/canonical.js';
import { evaluateSignOff, requiredSigners } from '../../../src/core/signoff/policy.js';
import { validate } from '../../../src/core/validate.js';
import { minutesDocx, xmlSafe } from '../../../src/io/docx.js';
import { parseYaml } from '../../../src/io/yaml.js';

function check(text: string) {
  const loaded = parseYaml(text, 'minutes.yaml');
  return validate(minutesSchema, loaded.data, 'minutes.yaml', loaded.positionOf);
}

describe('minutes.yaml schema', () => {
  it('reads zh-TW attendance words 出席 / 列席 / 請假 / 缺席 as present / observer / excused / absent', () => {
    const r = check(`attendance:
  - { name: 林主席, status: 出席 }
  - { name: 陳經理, status: 列席 }
  - { name: 王專員, status: 請假, reason: 出差 }
  - { name: 張專員, status: 缺席 }
  - { name: 李專員, status: 遲到, arrived: "09:20" }
`);
    expect(r.ok && r.value.attendance.map((a) => a.status)).toEqual([
      'present',
      'observer',
      'excused',
      'absent',
      'late',
    ]);
  });

  it('reports a bad attendance status and a bad due date with line and column', () => {
    const r = check(`attendance:
  - { name: 王芳, status: presnt }
actions:
  - what: 发函
    due: 2026-02-30
`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.line, p.column, p.message('en')])).toEqual([
      [
        'attendance[0].status',
        2,
        25,
        'expected one of present, late, observer, excused, absent, 出席, 列席, 請假, 请假, 缺席, 遲到, 迟到, found "presnt"',
      ],
      ['actions[0].due', 5, 10, 'expected a date YYYY-MM-DD, found "2026-02-30"'],
    ]);
    expect(r.problems[0]!.hint?.('en')).toBe('did you mean "present"?');
  });

  it('rejects a signature whose hash is not sha256:<64 hex>', () => {
    const r = check(`signatures:\n  - { name: 王芳, at: "2026-08-05T08:00:00Z", hash: abc }\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: 'signatures[0].hash', line: 2 });
  });
});

const meeting = meetingSchema.parse({
  title: '華南區業務月會',
  type: 'monthly',
  date: '2026-08-05',
  start: '09:00',
  timezone: 'Asia/Taipei',
  location: '台北總部 8 樓會議室',
  host: '林主席',
  recorder: '陳紀錄',
  attendees: [{ name: '林主席', role: '總經理' }, { name: '陳紀錄' }, { name: '王專員' }, { name: '張經理' }],
});

const minutes = minutesSchema.parse({
  actualStart: '09:05',
  actualEnd: '10:40',
  attendance: [
    { name: '林主席', status: '出席' },
    { name: '陳紀錄', status: '出席' },
    { name: '王專員', status: '請假', reason: '出差' },
    { name: '張經理', status: '列席' },
  ],
  topics: [
    {
      title: '回款追蹤',
      points: ['逾期 90 天以上客戶 2 家\u0007，合計 420 萬元'],
      decisions: ['法務部於 8 月 20 日前發函'],
    },
  ],
  actions: [
    {
      what: '發函\u0000並追蹤',
      owner: '張經理',
      due: '2026-08-20',
      measure: '9 月底回款率達 90%',
      priority: 'high',
    },
  ],
  otherBusiness: ['九月舉辦教育訓練'],
  nextMeeting: { date: '2026-09-04', start: '09:00' },
  signatures: [{ name: '林主席', at: '2026-08-05T06:00:00Z', hash: `sha256:${'0'.repeat(64)}` }],
});

function view() {
  const hash = minutesHash(minutes);
  const signatures = [{ ...minutes.signatures[0]!, hash }];
  const signOff = evaluateSignOff({
    required: requiredSigners(meeting, minutes),
    signatures,
    hash,
    publicKeys: new Map(),
  });
  return minutesView({
    meeting,
    minutes,
    meetingId: '2026-08-monthly',
    signOff,
    lang: 'zh-TW',
    now: '2026-08-05T08:00:00Z',
  });
}

describe('minutes view model (zh-TW)', () => {
  it('uses 會議紀錄 wording: 主席, 紀錄, 出席 / 列席 / 請假 / 缺席, and the sign-off state', () => {
    const v = view();
    expect(v.heading).toBe('華南區業務月會 會議紀錄');
    expect(v.status).toEqual({ code: 'awaiting', label: '待簽' });
    expect(v.fields).toEqual([
      { label: '會議名稱', value: '華南區業務月會' },
      { label: '時間', value: '2026-08-05 09:05–10:40（台北時間）' },
      { label: '地點', value: '台北總部 8 樓會議室' },
      { label: '主席', value: '林主席' },
      { label: '紀錄', value: '陳紀錄' },
      { label: '出席人員', value: '林主席（總經理）、陳紀錄' },
      { label: '列席人員', value: '張經理' },
      { label: '請假人員', value: '王專員（出差）' },
      { label: '缺席人員', value: '無' },
    ]);
    expect(v.actions[0]).toMatchObject({ id: '2026-08-monthly#1', owner: '張經理', priority: '高' });
    expect(v.signers.map((s) => [s.name, s.role, s.at, s.state])).toEqual([
      ['林主席', '主席', '2026-08-05 14:00', '已簽'],
      ['陳紀錄', '紀錄', '', '未簽'],
    ]);
  });
});

describe('minutes.docx', () => {
  it('holds the title, header fields, Chinese text, the action table and the sign-off table', async () => {
    const bytes = await minutesDocx(view());
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
    for (const s of [
      '華南區業務月會 會議紀錄',
      '紀錄狀態：待簽',
      '會議名稱',
      '主席',
      '林主席（總經理）、陳紀錄',
      '列席人員',
      '請假人員',
      '王專員（出差）',
      '回款追蹤',
      '決議',
      '法務部於 8 月 20 日前發函',
      '行動項目',
      '2026-08-monthly#1',
      '9 月底回款率達 90%',
      '臨時動議',
      '簽名確認',
      '2026-08-05 14:00',
      '未簽',
    ])
      expect(text).toContain(s);
    // Control characters typed into the YAML are dropped, the text around them kept.
    expect(text).toContain('逾期 90 天以上客戶 2 家，合計 420 萬元');
    expect(text).toContain('發函並追蹤');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    // East Asian text is set in a CJK font (PMingLiU for zh-TW) with the zh-TW language tag.
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:eastAsia="PMingLiU"/);
    expect(xml).toMatch(/w:eastAsia="zh-TW"/);
  });

  it('is dated by the run\'s "now", not the clock: the same minutes give the same bytes', async () => {
    const bytes = await minutesDocx(view());
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect([...core.matchAll(/<dcterms:(created|modified)[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]])).toEqual(
      [
        ['created', '2026-08-05T08:00:00.000Z'],
        ['modified', '2026-08-05T08:00:00.000Z'],
      ],
    );
    // JSZip reads the entries' DOS times as local time: 08:00 UTC written, 08:00 read back.
    expect(zip.file('word/document.xml')!.date.toISOString().slice(11, 16)).toBe(
      new Date(2026, 7, 5, 8, 0).toISOString().slice(11, 16),
    );
    await new Promise((done) => setTimeout(done, 1100));
    expect(Buffer.from(await minutesDocx(view())).equals(Buffer.from(bytes))).toBe(true);
  });

  it('strips what XML 1.0 cannot hold', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g\tk\r\nz')).toBe('abcdefg\tk\nz');
  });
});

describe('an action list across meetings is titled by the meetings', () => {
  it('names up to three meetings with their dates, and counts more', async () => {
    const { seriesTitle } = await import('../../../src/core/minutes/view.js');
    const m = (title: string, date: string) => ({ title, date });
    expect(
      seriesTitle([m('2026 年 7 月销售例会', '2026-08-05'), m('上半年总结会', '2026-07-10')], 'zh-CN'),
    ).toBe('2026 年 7 月销售例会（2026-08-05） · 上半年总结会（2026-07-10）');
    const four = [m('A', '2026-07-06'), m('B', '2026-07-13'), m('C', '2026-06-29'), m('D', '2026-07-20')];
    expect(seriesTitle(four, 'zh-CN')).toBe('4 次会议（2026-06-29 至 2026-07-20）');
    expect(seriesTitle(four, 'zh-TW')).toBe('4 次會議（2026-06-29 至 2026-07-20）');
    expect(seriesTitle(four, 'en')).toBe('4 meetings, 2026-06-29 to 2026-07-20');
  });
});
