import { relative } from 'node:path';
import type { SignOffState } from '../../../app/minutes-signoff.js';
import type { Lang } from '../../../core/i18n/index.js';
import { interpolate } from '../../../core/i18n/messages.js';
import { minutesLabels } from '../../../core/minutes/labels.js';
import { formatInstant } from '../../../core/minutes/view.js';
import type { SignerReport } from '../../../core/signoff/policy.js';
import { catalogue } from '../../../i18n/index.js';
import type { WritePlan } from '../../../io/write.js';
import type { Context } from '../../context.js';

/** "Wrote:" and the files (uncoloured), or "Would write" under --dry-run. */
export function printPlan(ctx: Context, lang: Lang, plan: WritePlan) {
  const rel = (p: string) => relative(ctx.cwd, p) || '.';
  ctx.print(ctx.dryRun ? catalogue(lang).cli.print.wouldWrite : catalogue(lang).cli.print.wrote);
  for (const f of plan.files) ctx.print(`  ${rel(f.path)}`);
}

/** One line per person: name, role, state, and for a changed signature the fields changed since signing. */
export function reason(s: SignerReport, state: SignOffState, lang: Lang, tz: string | undefined): string {
  const l = minutesLabels(lang);
  let line = `${s.name} (${l.roles[s.role]}): ${l.states[s.state]}`;
  if (lang !== 'en') line = `${s.name}（${l.roles[s.role]}）：${l.states[s.state]}`;
  if (s.signature) line += `${catalogue(lang).punctuation.comma}${formatInstant(s.signature.at, tz)}`;
  if (s.signature?.signature) line += ` [${l.keySigned}]`;
  if (s.keys?.signed || s.keys?.expected) {
    const { signed = '?', expected } = s.keys;
    line += expected
      ? interpolate(catalogue(lang).cli.minutes.signedWithExpected, { signed, expected })
      : interpolate(catalogue(lang).cli.minutes.signedWithUnknown, { signed });
  }
  if (s.state === 'changed') {
    const fields = state.changes.get(s.name);
    if (
      fields?.some(
        (f) => f === 'meeting' || f.startsWith('meeting.') || f === 'signers' || f.startsWith('signers['),
      )
    )
      line += catalogue(lang).cli.minutes.meetingChanged;
    if (fields && fields.length > 0) {
      const shown = fields.length > 12 ? [...fields.slice(0, 12), '…'] : fields;
      line += interpolate(catalogue(lang).cli.minutes.changedSince, {
        fields: shown.join(catalogue(lang).minutes.listSep),
      });
    } else if (fields === null) line += catalogue(lang).cli.minutes.noSignedVersion;
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
