// Pre-renders `salesmeet --help` and `salesmeet <command> --help` in each language into dist/help.json, so the
// launcher can print them without loading commander (start-up). Rendered by the real CLI; a test checks that the
// launcher's copy equals what commander prints.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { main, COMMAND_NAMES } = createRequire(import.meta.url)('../dist/cli.cjs');
const help = {};
for (const lang of ['zh-CN', 'zh-TW', 'en']) {
  help[lang] = {};
  for (const cmd of ['', ...COMMAND_NAMES]) {
    let out = '';
    const stream = { isTTY: false, write: (s) => (out += s) };
    const code = await main(
      [...(cmd ? [cmd] : []), '--help', '--lang', lang],
      { LANG: 'C' },
      { stdin: {}, stdout: stream, stderr: stream },
      process.cwd(),
    );
    if (code !== 0) throw new Error(`help for "${cmd}" in ${lang} exited ${code}`);
    help[lang][cmd] = out;
  }
}
writeFileSync(new URL('../dist/help.json', import.meta.url), JSON.stringify(help));
