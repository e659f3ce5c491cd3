#!/usr/bin/env node
// Launcher: check the Node version with a one-line message, then load the built CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(
    `salesmeet needs Node.js 20.19 or newer; this is ${process.versions.node}. Install a current Node.js LTS from https://nodejs.org\n`,
  );
  process.exit(1);
}
// A closed pipe (`salesmeet --help | head`) is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// A safety net: if the work stops without an answer (a reader that waits for data that never comes), say so
// instead of ending silently with exit 0.
let answered = false;
process.on('beforeExit', () => {
  if (answered) return;
  answered = true;
  process.stderr.write(
    'salesmeet: error: the command stopped without an answer (an input may be damaged); run again with --verbose and report it\n',
  );
  process.exitCode = 1;
});
import('../dist/cli/main.js').then(
  async ({ main }) => {
    const code = await main();
    answered = true;
    process.exitCode = code;
  },
  (error) => {
    answered = true;
    process.stderr.write(
      `salesmeet is not built (${error.code ?? error.message}); run \`npm run build\` in the package folder\n`,
    );
    process.exitCode = 1;
  },
);
