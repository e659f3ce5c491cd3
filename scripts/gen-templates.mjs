// Precompiles the built-in templates (templates/*.hbs, templates/partials/*.hbs) into dist/templates/*.cjs, which
// the engine runs with Handlebars' runtime alone: no template is compiled at run time unless a team overrides it.
// Run after tsup by `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { precompiledModules } = await import('../dist/internal.js');
const out = new URL('../dist/templates/', import.meta.url);
mkdirSync(out, { recursive: true });
const modules = precompiledModules(fileURLToPath(new URL('../templates/', import.meta.url)));
for (const [name, text] of Object.entries(modules)) writeFileSync(new URL(name, out), text);
