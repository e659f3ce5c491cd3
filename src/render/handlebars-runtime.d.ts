// Handlebars' runtime alone (what precompiled templates need), imported from its file: the package's
// runtime.d.ts declares nothing. The same API as the full Handlebars, without compile and precompile.
declare module 'handlebars/dist/cjs/handlebars.runtime.js' {
  const runtime: typeof import('handlebars');
  export default runtime;
}
