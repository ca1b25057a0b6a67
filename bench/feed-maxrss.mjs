// Preloaded into a pixel process by bench/feed.mjs (node --import): when the process exits,
// appends its peak resident set size in bytes to the file named by PIXEL_BENCH_MAXRSS_FILE.
import { appendFileSync } from 'node:fs';

const file = process.env.PIXEL_BENCH_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`);
  });
}
