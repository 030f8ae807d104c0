// Loaded with `node --import` by scripts/fuzz.ts: prints the process's peak resident memory (all threads) on exit.
// Linux: VmHWM of this process's own memory map. (ru_maxrss would also count the parent's memory at the time of a
// vfork-style spawn, since Linux keeps the high-water mark of the map replaced by exec.)
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS;
  try {
    kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? kb);
  } catch {
    // Not Linux: the rusage figure.
  }
  process.stderr.write(`peak-rss-kb ${kb}\n`);
});
