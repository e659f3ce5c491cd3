/**
 * Internal entry for tests that need a real process to die mid-operation (the crash test): the same write path
 * every command uses. Not a public API.
 */
export { writeAtomic } from './io/write.js';
/** For the build (scripts/gen-templates.mjs): the built-in templates precompiled. */
export { precompiledModules } from './render/precompile.js';
