// Preloaded with `node --import` by bench/kpi.mjs: reports the process's peak RSS (KiB) on stderr at exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nBENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
});
