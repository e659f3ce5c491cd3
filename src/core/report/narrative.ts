/**
 * report.yaml: the narrative of the period report, the sections only people can write. `report --new` writes it
 * with the questions the data raises as comments above each section; `report` reads it and never writes it.
 */
import { z } from 'zod';
import { catalogue } from '../../i18n/index.js';
import type { ReportMessages } from '../../i18n/report-en.js';
import type { Problem } from '../errors.js';
import { interpolate } from '../i18n/messages.js';
import type { PositionOf } from '../validate.js';
import { NARRATIVE_KEYS, type Narrative, type NarrativeKey } from './view.js';

export const REPORT_FILE = 'report.yaml';

/** A section of text (Markdown); its description is what an editor shows on hover (schema/report.schema.json). */
const section = (description: string) => z.string().nullable().optional().describe(description);

export const narrativeSchema = z
  .strictObject({
    successFactors: section('成功因素 Success factors: what went right in the period, and why'),
    challenges: section('挑战与根因 Challenges and their root causes'),
    strategy: section('策略 Strategy for the next period: how the targets will be reached'),
    team: section('团队建设 Team building and capability'),
    outlook: section('展望 Summary and outlook'),
  })
  .meta({
    title: 'salesmeet report.yaml',
    description: 'The narrative of the period report: success factors, challenges, strategy, team, outlook.',
  });

export function narrativeOf(value: z.output<typeof narrativeSchema> | null | undefined): Narrative {
  const out: Narrative = {};
  for (const k of NARRATIVE_KEYS) {
    const v = value?.[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** The sections with no text (missing, null or blank), in report.yaml order. */
export function emptySections(n: Narrative): NarrativeKey[] {
  return NARRATIVE_KEYS.filter((k) => !n[k]?.trim());
}

/**
 * The text of a new report.yaml: a header, then each section as an empty string under its name and the
 * questions from the data as comments.
 */
export function scaffoldNarrative(w: ReportMessages, prompts: Record<NarrativeKey, string[]>): string {
  const lines = [`# ${w.yaml.header}`, `# ${w.yaml.hint}`, ''];
  for (const k of NARRATIVE_KEYS) {
    lines.push(`# ${w.narrative[k]}`);
    if (prompts[k].length) {
      lines.push(`# ${w.yaml.prompts}`);
      for (const p of prompts[k]) lines.push(`#   - ${p.replace(/\n/g, ' ')}`);
    }
    lines.push(`${k}: ""`, '');
  }
  return lines.join('\n');
}

/**
 * `check`'s word on report.yaml: one piece of advice naming every empty section (at the first one), so that
 * `check --strict` fails until the narrative is written.
 */
export function reviewNarrative(
  value: z.output<typeof narrativeSchema>,
  file: string,
  positionOf: PositionOf,
): Problem[] {
  const empty = emptySections(narrativeOf(value));
  if (empty.length === 0) return [];
  const at = value[empty[0]!] !== undefined ? positionOf([empty[0]!], 'key') : { line: 1, column: 1 };
  return [
    {
      code: 'report.emptySections',
      message: (lang) => {
        const w = catalogue(lang).report;
        return interpolate(w.check.emptySections, {
          count: empty.length,
          sections: empty.map((k) => `${w.narrative[k]} (${k})`).join(lang === 'en' ? ', ' : '、'),
        });
      },
      hint: (lang) => catalogue(lang).report.check.emptyHint,
      file,
      ...at,
    },
  ];
}
