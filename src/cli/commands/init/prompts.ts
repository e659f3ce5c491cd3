import { clockTime, isoDate } from '../../../core/formats.js';
import { type Lang, pick } from '../../../core/i18n/index.js';
import { PRESETS, typeLabel } from '../../../core/meeting/presets.js';
import { MEETING_TYPES, type MeetingType } from '../../../core/meeting/schema.js';
import { promptValidator } from '../../flags.js';

type Q = Record<Lang, string>;
const q = (lang: Lang, t: Q) => pick(lang, t);

/** Asks for every value not given as a flag (only when prompts are allowed); the answers go through the same schemas. */
export async function ask(o: Record<string, unknown>, lang: Lang) {
  const { input, select, confirm } = await import('@inquirer/prompts');
  const answers: Record<string, unknown> = { ...o };
  if (answers.type === undefined) {
    answers.type = await select({
      message: q(lang, { en: 'Meeting type', 'zh-CN': '会议类型', 'zh-TW': '會議類型' }),
      choices: MEETING_TYPES.map((t) => ({
        value: t,
        name: `${t} · ${typeLabel(t, lang)} (${PRESETS[t].duration} min)`,
      })),
      default: 'monthly',
    });
  }
  const type = answers.type as MeetingType;
  if (answers.date === undefined) {
    answers.date = await input({
      message: q(lang, {
        en: 'Date (YYYY-MM-DD)',
        'zh-CN': '会议日期（YYYY-MM-DD）',
        'zh-TW': '會議日期（YYYY-MM-DD）',
      }),
      validate: promptValidator(isoDate, lang),
    });
  }
  if (answers.title === undefined) {
    answers.title = await input({
      message: q(lang, { en: 'Title', 'zh-CN': '会议主题', 'zh-TW': '會議主題' }),
      default: `${typeLabel(type, lang)} ${answers.date as string}`,
    });
  }
  if (answers.start === undefined) {
    answers.start = await input({
      message: q(lang, {
        en: 'Start time (HH:MM)',
        'zh-CN': '开始时间（HH:MM）',
        'zh-TW': '開始時間（HH:MM）',
      }),
      default: PRESETS[type].start,
      validate: promptValidator(clockTime, lang),
    });
  }
  if (answers.location === undefined && answers.online === undefined) {
    const place = await input({
      message: q(lang, {
        en: 'Location, or an https:// link for an online meeting (optional)',
        'zh-CN': '会议地点，或线上会议的 https:// 链接（可留空）',
        'zh-TW': '會議地點，或線上會議的 https:// 連結（可留空）',
      }),
    });
    if (/^https?:\/\//i.test(place.trim())) answers.online = place.trim();
    else if (place.trim()) answers.location = place.trim();
  }
  if (answers.host === undefined) {
    const host = await input({ message: q(lang, { en: 'Host', 'zh-CN': '主持人', 'zh-TW': '主席' }) });
    if (host.trim()) answers.host = host.trim();
  }
  if (answers.recorder === undefined) {
    const rec = await input({ message: q(lang, { en: 'Minute-taker', 'zh-CN': '记录人', 'zh-TW': '紀錄' }) });
    if (rec.trim()) answers.recorder = rec.trim();
  }
  if (answers.attendee === undefined) {
    const list: string[] = [];
    for (;;) {
      const a = await input({
        message: q(lang, {
          en: 'Attendee "name,role,department" (empty to finish)',
          'zh-CN': '参会人"姓名,职务,部门"（留空结束）',
          'zh-TW': '出席人「姓名,職稱,部門」（留空結束）',
        }),
      });
      if (!a.trim()) break;
      list.push(a.trim());
    }
    answers.attendee = list;
  }
  if (answers.objective === undefined) {
    const list: string[] = [];
    for (;;) {
      const a = await input({
        message: q(lang, {
          en: 'Meeting objective (empty to finish)',
          'zh-CN': '会议目标（留空结束）',
          'zh-TW': '會議目標（留空結束）',
        }),
      });
      if (!a.trim()) break;
      list.push(a.trim());
    }
    answers.objective = list;
  }
  if (answers.topic === undefined) {
    const list: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const title = await input({
        message: q(lang, {
          en: `Key topic ${i} of 3–5 (empty to finish)`,
          'zh-CN': `重点议题 ${i}（建议 3–5 个，留空结束）`,
          'zh-TW': `重點議題 ${i}（建議 3–5 個，留空結束）`,
        }),
      });
      if (!title.trim()) break;
      const outcome = await input({
        message: q(lang, { en: '  Expected outcome', 'zh-CN': '  预期结果', 'zh-TW': '  預期結果' }),
      });
      list.push(outcome.trim() ? `${title.trim()} => ${outcome.trim()}` : title.trim());
    }
    answers.topic = list;
  }
  if (
    !(await confirm({
      message: q(lang, {
        en: 'Write the meeting folder?',
        'zh-CN': '确认创建会议文件夹？',
        'zh-TW': '確認建立會議資料夾？',
      }),
      default: true,
    }))
  ) {
    const { CancelledError } = await import('../../../core/errors.js');
    throw new CancelledError(
      q(lang, {
        en: 'cancelled: nothing written',
        'zh-CN': '已取消：未写入任何文件',
        'zh-TW': '已取消：未寫入任何檔案',
      }),
    );
  }
  return answers;
}
