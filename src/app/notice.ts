import { join } from 'node:path';
import { InputError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n/lang.js';
import { messagesOf } from '../core/i18n/messages.js';
import { type NoticeView, noticeView, type SignInView, signInView } from '../core/notice/view.js';
import { findChromium, htmlFilesToPdf } from '../io/pdf.js';
import { commitWrites, planWrites, type WritePlan, writeAtomic } from '../io/write.js';
import { render } from '../render/engine.js';
import { agendaWarnings, templateOverrides, timedAgenda } from './agenda.js';
import type { LangFor } from './deps.js';
import { loadMeetingFolder, type MeetingFolder } from './meeting-folder.js';

const m = messagesOf((c) => c.app.notice);

export interface NoticeOptions {
  dir?: string;
  pdf: boolean;
  dryRun: boolean;
}

export interface NoticeDeps {
  cwd: string;
  /** The system time zone, used when meeting.yaml has no `timezone`. */
  timezone: string;
  langFor: LangFor;
  env: NodeJS.ProcessEnv;
  /** Progress on stderr (the PDFs take a few seconds). */
  progress?: (step: 'pdf') => void;
}

export interface NoticeResult {
  folder: MeetingFolder;
  lang: Lang;
  notice: NoticeView;
  signIn: SignInView;
  /** Warnings with their position in meeting.yaml (a start the clocks going back make ambiguous). */
  warnings: Problem[];
  plan: WritePlan;
  written: boolean;
  /** The PDFs printed with --pdf. */
  pdfs: string[];
}

/**
 * Writes the meeting notice (out/notice.txt to paste into a chat or an e-mail, out/notice.html to print) and the
 * sign-in sheet (out/sign-in.html); with --pdf also out/notice.pdf and out/sign-in.pdf.
 */
export async function runNotice(o: NoticeOptions, deps: NoticeDeps): Promise<NoticeResult> {
  const folder = await loadMeetingFolder(o.dir, deps.cwd);
  const meeting = folder.meeting.value;
  const lang = deps.langFor(meeting.lang);
  const timezone = meeting.timezone ?? deps.timezone;
  const agenda = timedAgenda(folder, timezone);
  const input = { meeting, agenda, lang, timezone };
  const notice = noticeView(input);
  const signIn = signInView(input);
  const overrides = templateOverrides(folder);
  const out = join(folder.dir, 'out');
  const plan = await planWrites(
    [
      {
        path: join(out, 'notice.txt'),
        content: render('notice', 'txt', notice, { lang, overrides }),
        kind: 'generated',
      },
      {
        path: join(out, 'notice.html'),
        content: render('notice', 'html', notice, { lang, overrides }),
        kind: 'generated',
      },
      {
        path: join(out, 'sign-in.html'),
        content: render('sign-in', 'html', signIn, { lang, overrides }),
        kind: 'generated',
      },
    ],
    [{ path: out }],
    { force: false, cwd: deps.cwd, root: folder.dir },
  );
  const warnings = agendaWarnings(folder, agenda);
  if (o.dryRun) return { folder, lang, notice, signIn, warnings, plan, written: false, pdfs: [] };
  await commitWrites(plan);

  const pdfs: string[] = [];
  if (o.pdf) {
    const browser = findChromium(deps.env);
    if (!browser) throw new InputError('notice.noBrowser', m.noBrowser(), { hint: m.noBrowserHint() });
    deps.progress?.('pdf');
    const names = ['notice', 'sign-in'];
    let printed: Uint8Array[];
    try {
      printed = await htmlFilesToPdf(
        names.map((n) => join(out, `${n}.html`)),
        browser,
      );
    } catch (error) {
      const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new InputError('notice.pdfFailed', m.pdfFailed({ detail }), {
        hint: m.pdfFailedHint(),
        cause: error,
      });
    }
    for (const [i, n] of names.entries()) {
      const path = join(out, `${n}.pdf`);
      await writeAtomic(path, printed[i]!);
      pdfs.push(path);
    }
  }
  return { folder, lang, notice, signIn, warnings, plan, written: true, pdfs };
}
