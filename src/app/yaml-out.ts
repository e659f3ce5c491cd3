import { join, relative } from 'node:path';
import { Document, isMap, isSeq } from 'yaml';
import { packageRoot } from '../paths.js';

/** The package's shipped JSON Schema folder. */
export const SCHEMA_DIR: string = `${join(packageRoot(), 'schema')}/`;

/** `# yaml-language-server: $schema=…` pointing from a folder to the shipped schema, so editors complete fields. */
export function schemaComment(fromDir: string, schemaFile: string): string {
  const rel = relative(fromDir, `${SCHEMA_DIR}${schemaFile}`).split('\\').join('/');
  return ` yaml-language-server: $schema=${rel}`;
}

/**
 * Serialises data as YAML 1.2 with a leading comment and optional comments before items of a top-level list
 * (e.g. clock times next to agenda items).
 */
export function toYaml(
  data: unknown,
  options: {
    header?: string[];
    itemComments?: Record<string, (string | undefined)[]>;
    keyComments?: Record<string, string>;
  } = {},
): string {
  const doc = new Document(data, { version: '1.2' });
  if (options.header) doc.commentBefore = options.header.join('\n');
  if (isMap(doc.contents)) {
    for (const [key, comments] of Object.entries(options.itemComments ?? {})) {
      const seq = doc.contents.get(key, true);
      if (!isSeq(seq)) continue;
      seq.items.forEach((item, i) => {
        const c = comments[i];
        if (c && item && typeof item === 'object')
          (item as { commentBefore?: string }).commentBefore = ` ${c}`;
      });
    }
    for (const pair of doc.contents.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      const c = options.keyComments?.[key];
      if (c && pair.key && typeof pair.key === 'object')
        (pair.key as { commentBefore?: string }).commentBefore = ` ${c}`;
    }
  }
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
