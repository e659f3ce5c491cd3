import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText } from '../../src/io/ics.js';

describe('.ics writer: control characters (issue 11, point 12)', () => {
  it('drops C0, DEL, C1 and bidi overrides from TEXT values, keeps tab and line breaks (escaped)', () => {
    expect(escapeText('a\u001b]0;t\u0007b\u0000c\u007fd\u009be\u202ef\tg\r\nh')).toBe('a]0\\;tbcdef\tg\\nh');
  });

  it('no control character, bidi override or bare line break reaches any line of the file', () => {
    const ics = buildIcs(
      {
        uid: 'u@salesmeet',
        stamp: new Date('2026-07-08T02:00:00Z'),
        start: new Date('2026-07-10T01:00:00Z'),
        end: new Date('2026-07-10T02:00:00Z'),
        summary: '周会\u001b]0;pwned\u0007',
        description: '议程\u009b2J\n第二行',
        location: '3 号\u202e室',
        url: 'https://example.com/j\r\nATTENDEE:mailto:x@evil\u0085',
        organizer: { name: '王芳\u0000', email: 'wang@example.com\nX-EVIL:1' },
        attendees: [{ name: '孙丽\u2066"', email: 'sun@example.com' }],
      },
      '0.1.0',
    );
    const lines = ics.split('\r\n');
    for (const l of lines)
      expect(l).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(lines.filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('X-EVIL'))).toBe(false);
    expect(ics).toContain('SUMMARY:周会]0\\;pwned\r\n');
    expect(ics).toContain('DESCRIPTION:议程2J\\n第二行\r\n');
    expect(ics).toContain('LOCATION:3 号室\r\n');
    expect(ics).toContain('URL:https://example.com/jATTENDEE:mailto:x@evil\r\n');
    expect(ics).toContain('ORGANIZER;CN=王芳:mailto:wang@example.comX-EVIL:1\r\n');
    expect(ics).toContain('ATTENDEE;CN=孙丽;');
  });
});
