/** The package's version, from package.json, put in at build time (tsup) and test time (vitest): one source. */
declare const __SALESMEET_VERSION__: string;

export const VERSION: string = __SALESMEET_VERSION__;
