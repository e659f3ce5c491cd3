import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, tempDir } from '../../helpers/cli.js';
import { runIn } from '../../helpers/run-in.js';

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = tempDir();
  copyExample('2026-h1-review', tmp.dir);
});
afterAll(() => tmp.cleanup());

describe('salesmeet templates', () => {
  it('list shows every built-in template for the language', async () => {
    const r = await runIn(['templates', 'list', '--lang', 'en'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'actions.html               built-in',
        'actions.md                 built-in',
        'agenda.html                built-in',
        'agenda.md                  built-in',
        'minutes.html               built-in',
        'minutes.md                 built-in',
        'notice.html                built-in',
        'notice.txt                 built-in',
        'pack-footer.html           built-in',
        'pack-header.html           built-in',
        'pack.html                  built-in',
        'pack.md                    built-in',
        'partials/agenda-table      built-in',
        'partials/fonts             built-in',
        'partials/minutes-style     built-in',
        'partials/notice-style      built-in',
        'partials/pack-kpi-table    built-in',
        'partials/pack-style        built-in',
        'partials/report-style      built-in',
        'report.html                built-in',
        'report.md                  built-in',
        'sign-in.html               built-in',
        '',
      ]
        .map((l) => l.replace(/^(\S+)\s+built-in$/, (_, n: string) => `${n.padEnd(23)}  en  built-in`))
        .join('\n'),
    );
  });

  it('eject needs a template folder: `templates:` in meeting.yaml or --to', async () => {
    const r = await runIn(['templates', 'eject', 'pack', '-m', '2026-h1-review', '--lang', 'en'], {
      cwd: tmp.dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: no template folder to eject into\n' +
        '  hint: add `templates: templates` to meeting.yaml (a folder relative to the meeting), or pass --to <dir>\n',
    );
  });

  it('an unknown name suggests the closest one', async () => {
    const r = await runIn(['templates', 'eject', 'pak', '--to', 'team', '--lang', 'en'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error: no template named "pak"\n  hint: did you mean "pack"? the templates are: actions, agenda, minutes, notice, pack-footer, pack-header, pack, report, sign-in,',
    );
  });

  it('eject copies into the meeting’s folder, the copy restyles the pack, and a second eject refuses to overwrite', async () => {
    const meeting = join(tmp.dir, '2026-h1-review', 'meeting.yaml');
    writeFileSync(meeting, `${readFileSync(meeting, 'utf8')}templates: ../team-templates\n`);
    const r = await runIn(['templates', 'eject', 'pack.html', '-m', '2026-h1-review'], { cwd: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['已写入：', '  team-templates/zh-CN/pack.html.hbs']);
    const copy = join(tmp.dir, 'team-templates', 'zh-CN', 'pack.html.hbs');
    writeFileSync(
      copy,
      readFileSync(copy, 'utf8').replace(
        '<h1>{{head.title}}</h1>',
        '<h1 class="acme">ACME · {{head.title}}</h1>',
      ),
    );

    const list = await runIn(['templates', 'list', '-m', '2026-h1-review'], { cwd: tmp.dir });
    expect(list.stdout).toContain(
      'pack.html                zh-CN  team-templates/zh-CN/pack.html.hbs（覆盖内置）\n',
    );
    expect(list.stdout).toContain('pack.md                  zh-CN  内置\n');

    const pack = await runIn(['pack', '2026-h1-review'], { cwd: tmp.dir });
    expect(pack.code).toBe(0);
    const html = readFileSync(join(tmp.dir, '2026-h1-review', 'out', 'pack.html'), 'utf8');
    expect(html).toContain('<h1 class="acme">ACME · 2026 年上半年销售总结暨下半年目标分解会</h1>');
    // The built-in partials still apply to the ejected page.
    expect(html).toContain('@page { size: A4;');

    const again = await runIn(['templates', 'eject', 'pack', '-m', '2026-h1-review', '--lang', 'en'], {
      cwd: tmp.dir,
    });
    expect(again.code).toBe(0);
    expect(existsSync(join(tmp.dir, 'team-templates', 'en', 'pack.md.hbs'))).toBe(true);
    const refused = await runIn(['templates', 'eject', 'pack.html', '-m', '2026-h1-review'], {
      cwd: tmp.dir,
    });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('error: refusing to overwrite team-templates/zh-CN/pack.html.hbs');
    expect(readFileSync(copy, 'utf8')).toContain('ACME');
    const forced = await runIn(['templates', 'eject', 'pack.html', '-m', '2026-h1-review', '--force'], {
      cwd: tmp.dir,
    });
    expect(forced.code).toBe(0);
    expect(readFileSync(copy, 'utf8')).not.toContain('ACME');
  });

  it('list --json names each template, its source and whether it overrides a built-in one', async () => {
    const r = await runIn(['templates', 'list', '-m', '2026-h1-review', '--json'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.schema).toBe('salesmeet.templates/1');
    expect(j.lang).toBe('zh-CN');
    expect(j.folders).toEqual(['team-templates']);
    expect(j.templates.find((t: { name: string }) => t.name === 'pack.html')).toEqual({
      name: 'pack.html',
      source: 'team-templates',
      path: 'team-templates/zh-CN/pack.html.hbs',
      overrides: true,
    });
    expect(j.templates.find((t: { name: string }) => t.name === 'agenda.md')).toMatchObject({
      source: 'built-in',
      overrides: false,
    });
  });

  it('a template that uses a field the view model lacks fails with the file and a hint', async () => {
    const copy = join(tmp.dir, 'team-templates', 'zh-CN', 'pack.html.hbs');
    writeFileSync(copy, '{{head.budget}}');
    const r = await runIn(['pack', '2026-h1-review', '--lang', 'en'], { cwd: tmp.dir });
    // --lang en looks in team-templates/en, where the ejected pack.html.hbs is unchanged.
    expect(r.code).toBe(0);
    const zh = await runIn(['pack', '2026-h1-review'], { cwd: tmp.dir });
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(
      'team-templates/zh-CN/pack.html.hbs:1:3: error: the template uses "budget", which this view model does not have',
    );
    expect(zh.stderr).toContain('hint: a template may only use fields of the view model');
  });
});
