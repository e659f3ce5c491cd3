import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A monthly meeting folder's meeting.yaml whose `kpi:` reads opportunity exports from `data/` (the vendor-export
 * fixtures), for the funnel in the pack and the report: June 2026, as of `asOf`.
 */
export function writeOpportunityMeeting(dir: string, lang: string, files: string[], asOf: string): void {
  const yaml = [
    'title: Sales monthly review — June 2026',
    'type: monthly',
    'date: 2026-07-16',
    'start: "09:30"',
    'duration: 90',
    'timezone: America/New_York',
    `lang: ${lang}`,
    'host: Dana Whitfield',
    'recorder: Sam Lee',
    'attendees:',
    '  - { name: Dana Whitfield, role: Sales director }',
    '  - { name: Alice Chen, role: Account executive }',
    'objectives:',
    '  - Review June against quota',
    'topics:',
    '  - { title: June results, owner: Dana Whitfield, outcome: Agree the gap and the plan }',
    'agenda:',
    '  - { title: June results, minutes: 30, owner: Dana Whitfield }',
    '  - { title: Pipeline review, minutes: 40, owner: Dana Whitfield }',
    'kpi:',
    '  sources:',
    ...files.map((f) => `    - file: data/${f}`),
    '  period: 2026-06',
    `  asOf: ${asOf}`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'meeting.yaml'), yaml);
}
