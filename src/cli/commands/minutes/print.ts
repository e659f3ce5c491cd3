import { relative } from 'node:path';
import type { SignOffState } from '../../../app/minutes-signoff.js';
import { type Lang, pick } from '../../../core/i18n/index.js';
import { minutesLabels } from '../../../core/minutes/labels.js';
import { formatInstant } from '../../../core/minutes/view.js';
import type { SignerReport } from '../../../core/signoff/policy.js';
import type { WritePlan } from '../../../io/write.js';
import type { Context } from '../../context.js';

/** "Wrote:" and the files (uncoloured), or "Would write" under --dry-run. */
export function printPlan(ctx: Context, lang: Lang, plan: WritePlan) {
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
export function reason(s: SignerReport, state: SignOffState, lang: Lang, tz: string | undefined): string {
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

export function signOffJson(state: SignOffState) {
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
