import { relative } from 'node:path';
import { z } from 'zod';
import { type InitOptions, runInit } from '../../app/init.js';
import { UsageError } from '../../core/errors.js';
import { clockTime, isoDate, timeZone, url } from '../../core/formats.js';
import { type Lang, pick } from '../../core/i18n/index.js';
import { PRESETS, typeLabel } from '../../core/meeting/presets.js';
import { type Attendee, MEETING_TYPES, type MeetingType } from '../../core/meeting/schema.js';
import type { ActionFn } from '../commands/types.js';
import { missingFlag, parseFlag, promptValidator } from '../flags.js';

const typeSchema = z.enum(MEETING_TYPES);
const durationSchema = z.coerce
  .number()
  .int()
  .min(5)
  .max(24 * 60);

/** `王芳,华东区域经理,销售部,optional` → attendee (full-width commas accepted too). */
export function parseAttendee(s: string, flag = '--attendee'): Attendee {
  const [name, role, department, flagWord] = s.split(/[,，]/).map((x) => x.trim());
  if (!name)
    throw new UsageError(
      'usage.attendee',
      `${flag}: expected "name,role,department[,optional]", found "${s}"`,
    );
  const a: Attendee = { name, required: !/^(optional|可选|可選|列席)$/i.test(flagWord ?? '') };
  if (role) a.role = role;
  if (department) a.department = department;
  return a;
}

/** `华东回款落后 => 确定追回计划` → topic with expected outcome. */
export function parseTopic(s: string): { title: string; outcome?: string } {
  const [title, outcome] = s.split(/\s*=>\s*/, 2).map((x) => x.trim());
  return outcome ? { title: title!, outcome } : { title: title! };
}

type Q = Record<Lang, string>;
const q = (lang: Lang, t: Q) => pick(lang, t);

async function ask(o: Record<string, unknown>, lang: Lang) {
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
    const { CancelledError } = await import('../../core/errors.js');
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

const run: ActionFn = async (ctx, args, opts) => {
  const lang = ctx.lang;
  let o: Record<string, unknown> = { ...opts };
  if (ctx.interactive) o = await ask(o, lang);

  if (o.type === undefined)
    throw missingFlag('--type', { en: 'the meeting type', 'zh-CN': '会议类型', 'zh-TW': '會議類型' });
  if (o.date === undefined)
    throw missingFlag('--date', { en: 'the meeting date', 'zh-CN': '会议日期', 'zh-TW': '會議日期' });

  const options: InitOptions = {
    dir: args[0] ?? '.',
    type: parseFlag(typeSchema, o.type, '--type'),
    date: parseFlag(isoDate, o.date, '--date'),
    title: o.title as string | undefined,
    start: o.start === undefined ? undefined : parseFlag(clockTime, o.start, '--start'),
    duration: o.duration === undefined ? undefined : parseFlag(durationSchema, o.duration, '--duration'),
    timezone: o.timezone === undefined ? undefined : parseFlag(timeZone, o.timezone, '--timezone'),
    location: o.location as string | undefined,
    online: o.online === undefined ? undefined : parseFlag(url, o.online, '--online'),
    tool: o.tool as string | undefined,
    host: o.host as string | undefined,
    recorder: o.recorder as string | undefined,
    attendees: ((o.attendee as string[] | undefined) ?? []).map((a) => parseAttendee(a)),
    objectives: (o.objective as string[] | undefined) ?? [],
    topics: ((o.topic as string[] | undefined) ?? []).map(parseTopic),
    lang,
    from: o.from as string | undefined,
    force: ctx.force,
    dryRun: ctx.dryRun,
  };

  const result = await runInit(options, {
    cwd: ctx.cwd,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  });
  const rel = (p: string) => relative(ctx.cwd, p) || '.';

  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.init/1',
          dir: rel(result.dir),
          dryRun: ctx.dryRun,
          files: result.plan.files.map((f) => ({ path: rel(f.path), action: f.action })),
          dirs: result.plan.dirs.map((d) => ({ path: rel(d.path), action: d.action })),
          carried: result.carried.map((c) => ({
            id: c.id,
            what: c.what,
            owner: c.owner ?? null,
            carried: c.carried,
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }

  const c = ctx.out;
  const verb = (a: string) =>
    pick(lang, {
      en: { create: 'create', overwrite: 'overwrite', exists: 'exists', unchanged: 'unchanged' },
      'zh-CN': { create: '新建', overwrite: '覆盖', exists: '已存在', unchanged: '未变' },
      'zh-TW': { create: '新建', overwrite: '覆寫', exists: '已存在', unchanged: '未變' },
    })[a as 'create'];
  const head = ctx.dryRun
    ? pick(lang, {
        en: 'Would write (dry run, nothing written):',
        'zh-CN': '将写入（演练模式，未写入任何文件）：',
        'zh-TW': '將寫入（演練模式，未寫入任何檔案）：',
      })
    : pick(lang, { en: 'Wrote:', 'zh-CN': '已写入：', 'zh-TW': '已寫入：' });
  ctx.print(head);
  for (const d of result.plan.dirs)
    if (d.action === 'create') ctx.print(`  ${c.green(verb('create'))}  ${rel(d.path)}/`);
  for (const f of result.plan.files)
    ctx.print(
      `  ${f.action === 'overwrite' ? c.yellow(verb(f.action)) : c.green(verb(f.action))}  ${rel(f.path)}`,
    );
  if (result.carried.length > 0) {
    ctx.print(
      pick(lang, {
        en: `Carried over ${result.carried.length} open action(s) from the previous meeting.`,
        'zh-CN': `已从上次会议结转 ${result.carried.length} 项未完成行动项。`,
        'zh-TW': `已從上次會議結轉 ${result.carried.length} 項未完成行動項目。`,
      }),
    );
    for (const e of result.escalate) {
      ctx.warn(
        pick(lang, {
          en: `${e.id} "${e.what}" has been carried over ${e.carried} times: escalate it`,
          'zh-CN': `${e.id}「${e.what}」已结转 ${e.carried} 次，建议升级处理`,
          'zh-TW': `${e.id}「${e.what}」已結轉 ${e.carried} 次，建議升級處理`,
        }),
      );
    }
  }
  if (!ctx.dryRun) {
    const d = rel(result.dir);
    ctx.print('');
    ctx.print(pick(lang, { en: 'Next:', 'zh-CN': '下一步：', 'zh-TW': '下一步：' }));
    ctx.print(`  ${pick(lang, { en: 'edit', 'zh-CN': '编辑', 'zh-TW': '編輯' })} ${d}/meeting.yaml`);
    ctx.print(`  salesmeet check ${d}`);
  }
  return 0;
};

export default run;
