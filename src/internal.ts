/**
 * Internal entry for tests that need a real process to die mid-operation (the crash test): the same write path
 * every command uses. Not a public API.
 */
export { writeAtomic } from './io/write.js';
