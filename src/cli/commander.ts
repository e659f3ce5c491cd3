/**
 * commander's Command, the one place it is imported from. The build bundles commander into the CLI's script, so
 * that its code is in the CLI's code cache too (tsup.config.ts).
 */
export { Command } from 'commander';
