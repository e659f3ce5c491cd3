import { createRequire } from 'node:module';
import type * as C from 'commander';

/**
 * commander is a CommonJS package; importing it as ESM makes Node lex its sources at every start (~20 ms here).
 * `require` skips that, which keeps `salesmeet --help` close to a bare `node -e 0`.
 */
const commander = createRequire(import.meta.url)('commander') as typeof C;

export const Command: typeof C.Command = commander.Command;
export type Command = C.Command;
