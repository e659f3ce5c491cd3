import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SalesmeetError } from '../../src/core/errors.js';
import { render } from '../../src/render/engine.js';
import { escapeMarkdown } from '../../src/render/escape.js';
import { tempDir } from '../helpers/cli.js';

// A team's own templates are user input: they must not reach prototypes or run code (the known Handlebars
// prototype-pollution and RCE advisories), and text from meeting files must not inject markup.
const tmp = tempDir('salesmeet-tpl-');
afterAll(tmp.cleanup);
const dir = join(tmp.dir, 'templates', 'en');
mkdirSync(dir, { recursive: true });

function renderWith(source: string, view: object, format: 'md' | 'html' = 'html') {
  const name = `t${Math.random().toString(36).slice(2)}`;
  writeFileSync(join(dir, `${name}.${format}.hbs`), source);
  return render(name, format, view, { lang: 'en', overrides: [join(tmp.dir, 'templates')] });
}

function attempt(source: string, view: object = { title: 'x' }): string {
  try {
    return renderWith(source, view);
  } catch (error) {
    expect(error).toBeInstanceOf(SalesmeetError);
    return `refused: ${(error as SalesmeetError).code}`;
  }
}

describe('templates cannot run code or reach prototypes', () => {
  const payloads = [
    '{{constructor.constructor "globalThis.pwned = 1"}}',
    '{{#with "s" as |string|}}{{#with string.constructor as |c|}}{{c.constructor "globalThis.pwned=1"}}{{/with}}{{/with}}',
    '{{lookup (lookup this "constructor") "prototype"}}',
    '{{#with this as |o|}}{{lookup o "__proto__"}}{{/with}}',
    '{{#each (lookup this "__proto__")}}{{@key}}{{/each}}',
    '{{__defineGetter__ "title" "x"}}',
    '{{#with (lookup "abc" "sub")}}{{this.apply 0 (lookup this "constructor")}}{{/with}}',
  ];
  for (const p of payloads) {
    it(p, () => {
      const out = attempt(p);
      expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
      expect(out).not.toMatch(/function|native code|\[object/);
    });
  }

  it('a field the view model lacks is an error, not a blank', () => {
    expect(attempt('{{missing}}')).toBe('refused: template.failed');
  });

  it('HTML output escapes text from meeting files', () => {
    expect(renderWith('<h1>{{title}}</h1>', { title: '<script>alert(1)</script>' })).toBe(
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>',
    );
  });

  it('Markdown output escapes pipes, newlines and markup so tables stay intact', () => {
    expect(
      renderWith('| {{a}} | {{b}} |', { a: 'x | y', b: 'line1\nline2 <img src=x onerror=alert(1)>' }, 'md'),
    ).toBe('| x \\| y | line1<br>line2 &lt;img src=x onerror=alert(1)&gt; |');
    expect(escapeMarkdown('**bold** _it_ `code` [link](x) # h')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[link\\](x) \\# h',
    );
  });
});
