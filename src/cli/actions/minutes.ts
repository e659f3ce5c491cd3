import { relative } from 'node:path';
import { runKeysDir } from '../../app/keys.js';
import { runMinutes, runMinutesNew } from '../../app/minutes.js';
import { runSign, runVerify, type SignOffState } from '../../app/minutes-signoff.js';
import { EXIT } from '../../core/errors.js';
import { type Lang, pick } from '../../core/i18n/index.js';
import { minutesLabels } from '../../core/minutes/labels.js';
import { formatInstant } from '../../core/minutes/view.js';
import type { SignerReport } from '../../core/signoff/policy.js';
import type { WritePlan } from '../../io/write.js';
import type { ActionFn } from '../commands/types.js';
import type { Context } from '../context.js';

function printPlan(ctx: Context, lang: Lang, plan: WritePlan) {
  const rel = (p: string) => relative(ctx.cwd, p) || '.';
  ctx.print(
    ctx.dryRun
      ? pick(lang, {
          en: 'Would write (dry run, nothing written):',
          'zh-CN': '将写入（演练模式，未写入任何文件）：',
          'zh-TW': '將寫入（演練模式，未寫入任何檔案）：',
        })
      : pick(lang, { en: 'Wrote:', 'zh-CN': '已写入：', 'zh-TW': '已寫入：' }),
  );
  for (const f of plan.files) ctx.print(`  ${rel(f.path)}`);
}

/** One line per person: name, role, state, and for a changed signature the fields changed since signing. */
function reason(s: SignerReport, state: SignOffState, lang: Lang, tz: string | undefined): string {
  const l = minutesLabels(lang);
  let line = `${s.name} (${l.roles[s.role]}): ${l.states[s.state]}`;
  if (lang !== 'en') line = `${s.name}（${l.roles[s.role]}）：${l.states[s.state]}`;
  if (s.signature)
    line +=
      lang === 'en' ? `, ${formatInstant(s.signature.at, tz)}` : `，${formatInstant(s.signature.at, tz)}`;
  if (s.signature?.signature) line += ` [${l.keySigned}]`;
  if (s.keys?.signed || s.keys?.expected) {
    const { signed = '?', expected } = s.keys;
    line += expected
      ? pick(lang, {
          en: `; signed with ${signed}, expected ${expected}`,
          'zh-CN': `；签名密钥 ${signed}，应为 ${expected}`,
          'zh-TW': `；簽章金鑰 ${signed}，應為 ${expected}`,
        })
      : pick(lang, {
          en: `; signed with ${signed}, which keys/ no longer holds`,
          'zh-CN': `；签名密钥 ${signed} 已不在 keys/ 中`,
          'zh-TW': `；簽章金鑰 ${signed} 已不在 keys/ 中`,
        });
  }
  if (s.state === 'changed') {
    const fields = state.changes.get(s.name);
    if (
      fields?.some(
        (f) => f === 'meeting' || f.startsWith('meeting.') || f === 'signers' || f.startsWith('signers['),
      )
    )
      line += pick(lang, {
        en: '; meeting.yaml no longer matches the signed minutes',
        'zh-CN': '；meeting.yaml 与已签字的纪要不再一致',
        'zh-TW': '；meeting.yaml 與已簽名的紀錄不再一致',
      });
    if (fields && fields.length > 0) {
      const shown = fields.length > 12 ? [...fields.slice(0, 12), '…'] : fields;
      line += pick(lang, {
        en: `; changed since: ${shown.join(', ')}`,
        'zh-CN': `；签字后修改的字段：${shown.join('、')}`,
        'zh-TW': `；簽名後修改的欄位：${shown.join('、')}`,
      });
    } else if (fields === null)
      line += pick(lang, {
        en: '; the signed version is not on record, so the changed fields cannot be named',
        'zh-CN': '；没有签字时的版本记录，无法指出修改了哪些字段',
        'zh-TW': '；沒有簽名時的版本紀錄，無法指出修改了哪些欄位',
      });
  }
  return line;
}

function signOffJson(state: SignOffState) {
  return {
    status: state.report.status,
    complete: state.report.complete,
    hash: state.report.hash,
    signers: state.report.signers.map((s) => ({
      name: s.name,
      role: s.role,
      required: s.required,
      state: s.state,
      at: s.signature?.at ?? null,
      hash: s.signature?.hash ?? null,
      keySigned: s.signature?.signature !== undefined,
      changed: s.state === 'changed' ? (state.changes.get(s.name) ?? null) : null,
      keys: s.keys ?? null,
    })),
  };
}

const run: ActionFn = async (ctx, args, opts, command) => {
  const dir = args[0];
  const which = command.name();

  if (which === 'sign') {
    const result = await runSign(
      {
        dir,
        name: String(opts.as),
        keyFile: opts.key as string | undefined,
        keysDir: runKeysDir(ctx.env),
        trust: (opts.trust as string | undefined) ?? ctx.env.SALESMEET_TRUST,
        dryRun: ctx.dryRun,
      },
      { cwd: ctx.cwd, now: ctx.now() },
    );
    const lang = ctx.langFor(result.folder.meeting.value.lang);
    const l = minutesLabels(lang);
    if (ctx.json) {
      ctx.print(
        JSON.stringify(
          {
            schema: 'salesmeet.minutes.sign/1',
            dryRun: ctx.dryRun,
            signature: result.signature,
            replaced: result.replaced,
            registeredKey: result.registeredKey,
            ...signOffJson(result.state),
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    if (result.notRequired)
      ctx.warn(
        pick(lang, {
          en: `${result.signature.name} is neither the host nor a present required attendee: the signature is recorded but not required`,
          'zh-CN': `${result.signature.name} 既不是主持人也不是出席的必签参会人：已记录签字，但不计入必签人`,
          'zh-TW': `${result.signature.name} 既不是主席也不是出席的必簽人：已記錄簽名，但不列入必簽人`,
        }),
      );
    ctx.print(
      pick(lang, {
        en: `${result.signature.name} signed the minutes (${result.signature.hash.slice(0, 19)}…)${result.signature.signature ? ' with key ' + result.signature.key : ''}.`,
        'zh-CN': `${result.signature.name} 已签字确认纪要（${result.signature.hash.slice(0, 19)}…）${result.signature.signature ? `，密钥 ${result.signature.key}` : ''}。`,
        'zh-TW': `${result.signature.name} 已簽名確認紀錄（${result.signature.hash.slice(0, 19)}…）${result.signature.signature ? `，金鑰 ${result.signature.key}` : ''}。`,
      }),
    );
    if (result.registeredKey)
      ctx.print(
        pick(lang, {
          en: `Registered the public key in keys/ of the meeting folder.`,
          'zh-CN': '已将公钥登记到会议文件夹的 keys/ 中。',
          'zh-TW': '已將公鑰登記到會議資料夾的 keys/ 中。',
        }),
      );
    const missing = result.state.report.signers
      .filter((s) => s.required && s.state !== 'valid')
      .map((s) => s.name);
    ctx.print(
      `${l.status}${lang === 'en' ? ': ' : '：'}${l.statuses[result.state.report.status]}` +
        (missing.length
          ? pick(lang, {
              en: ` (waiting for ${missing.join(', ')})`,
              'zh-CN': `（待签：${missing.join('、')}）`,
              'zh-TW': `（待簽：${missing.join('、')}）`,
            })
          : ''),
    );
    if (ctx.dryRun) printPlan(ctx, lang, result.plan);
    return EXIT.ok;
  }

  if (which === 'verify' || which === 'status') {
    const result = await runVerify(dir, {
      cwd: ctx.cwd,
      trust: (opts.trust as string | undefined) ?? ctx.env.SALESMEET_TRUST,
    });
    const lang = ctx.langFor(result.folder.meeting.value.lang);
    const l = minutesLabels(lang);
    const state: SignOffState = result;
    const failed = which === 'verify' && !result.report.complete;
    if (ctx.json) {
      ctx.print(
        JSON.stringify(
          { schema: `salesmeet.minutes.${which}/1`, ok: !failed, ...signOffJson(state) },
          null,
          2,
        ),
      );
      return failed ? EXIT.invalidInput : EXIT.ok;
    }
    const head = `${l.status}${lang === 'en' ? ': ' : '：'}${l.statuses[result.report.status]} · ${l.contentHash} ${result.report.hash}`;
    const tz = result.folder.meeting.value.timezone;
    if (which === 'status') {
      ctx.print(head);
      for (const s of result.report.signers) ctx.print(`  ${reason(s, state, lang, tz)}`);
      return EXIT.ok;
    }
    ctx.print(head);
    for (const s of result.report.signers) {
      const line = `  ${s.state === 'valid' ? ctx.out.green('✓') : ctx.out.red('✗')} ${reason(s, state, lang, tz)}`;
      ctx.print(line);
    }
    if (failed) {
      ctx.info(
        ctx.err.red(
          pick(lang, {
            en: `${result.folder.display('minutes.yaml')}: not signed off`,
            'zh-CN': `${result.folder.display('minutes.yaml')}：签字确认未完成`,
            'zh-TW': `${result.folder.display('minutes.yaml')}：簽名確認未完成`,
          }),
        ),
      );
      return EXIT.invalidInput;
    }
    ctx.print(
      ctx.out.green(
        pick(lang, {
          en: 'Signed off: every required signature is present and matches the content.',
          'zh-CN': '已签：所有必签人均已签字，且内容未被修改。',
          'zh-TW': '已簽：所有必簽人均已簽名，且內容未被修改。',
        }),
      ),
    );
    return EXIT.ok;
  }

  // `salesmeet minutes [dir]` and `salesmeet minutes --new [dir]`
  if (opts.new) {
    const result = await runMinutesNew(
      { dir, force: ctx.force, dryRun: ctx.dryRun, langFor: ctx.langFor },
      { cwd: ctx.cwd },
    );
    const lang = result.lang;
    if (ctx.json) {
      ctx.print(
        JSON.stringify(
          {
            schema: 'salesmeet.minutes.new/1',
            dryRun: ctx.dryRun,
            files: result.plan.files.map((f) => ({ path: relative(ctx.cwd, f.path), action: f.action })),
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    printPlan(ctx, lang, result.plan);
    if (!ctx.dryRun) {
      const d = relative(ctx.cwd, result.dir) || '.';
      ctx.print('');
      ctx.print(pick(lang, { en: 'Next:', 'zh-CN': '下一步：', 'zh-TW': '下一步：' }));
      ctx.print(`  ${pick(lang, { en: 'fill in', 'zh-CN': '填写', 'zh-TW': '填寫' })} ${d}/minutes.yaml`);
      ctx.print(`  salesmeet minutes ${d}`);
    }
    return EXIT.ok;
  }

  const result = await runMinutes(
    { dir, langFor: ctx.langFor, dryRun: ctx.dryRun, docx: opts.docx !== false },
    { cwd: ctx.cwd, now: ctx.now() },
  );
  const lang = result.lang;
  const l = minutesLabels(lang);
  if (ctx.json) {
    ctx.print(
      JSON.stringify(
        {
          schema: 'salesmeet.minutes/1',
          dryRun: ctx.dryRun,
          files: result.plan.files.map((f) => ({ path: relative(ctx.cwd, f.path), action: f.action })),
          ...signOffJson(result.state),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  printPlan(ctx, lang, result.plan);
  ctx.print(`${l.status}${lang === 'en' ? ': ' : '：'}${l.statuses[result.signOff.status]}`);
  if (!ctx.dryRun && result.signOff.status !== 'signed-off') {
    const d = relative(ctx.cwd, result.folder.dir) || '.';
    ctx.print('');
    ctx.print(pick(lang, { en: 'Next:', 'zh-CN': '下一步：', 'zh-TW': '下一步：' }));
    ctx.print(`  salesmeet minutes sign ${d} --as <${l.name}>`);
    ctx.print(`  salesmeet minutes verify ${d}`);
  }
  return EXIT.ok;
};

export default run;
