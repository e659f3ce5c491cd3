// Generates the JSON Schemas shipped in schema/ from the zod schemas (run after tsc, by `npm run build`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

// zod is bundled into dist: the schemas and the JSON Schema generator come from the same copy.
const { meetingSchema, minutesSchema, actionsLogSchema, reportSchema, toJSONSchema, globalRegistry } =
  await import('../dist/schemas.js');

const outDir = new URL('../schema/', import.meta.url);
mkdirSync(outDir, { recursive: true });

function toJson(schema, id) {
  const json = toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const meta = globalRegistry.get(ctx.zodSchema);
      if (meta?.jsonSchema) {
        for (const k of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[k];
        Object.assign(ctx.jsonSchema, meta.jsonSchema);
      }
    },
  });
  delete json.jsonSchema;
  return { $id: id, ...json };
}

let changed = 0;
for (const [name, schema] of [
  ['meeting.schema.json', meetingSchema],
  ['minutes.schema.json', minutesSchema],
  ['actions.schema.json', actionsLogSchema],
  ['report.schema.json', reportSchema],
]) {
  const text = `${JSON.stringify(toJson(schema, `salesmeet/${name}`), null, 2)}\n`;
  const file = new URL(name, outDir);
  let old = '';
  try {
    old = readFileSync(file, 'utf8');
  } catch {}
  if (old !== text) {
    writeFileSync(file, text);
    changed++;
  }
}
if (changed) process.stderr.write(`schema/: ${changed} file(s) updated\n`);
