// Loaded with `node --import` into an audit the benchmark runs: prints, on exit, the process's peak resident
// memory (all threads: worker threads live in the same process) and its CPU time, for bench/audit.ts.
// Linux: VmHWM of this process's own memory map (ru_maxrss would also count the parent's memory at the time of
// a vfork-style spawn); elsewhere the rusage figure.
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  let peakKb = usage.maxRSS;
  try {
    peakKb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? peakKb);
  } catch {
    // Not Linux: the rusage figure.
  }
  process.stderr.write(`child-usage ${JSON.stringify({ peakKb, cpuMicros: usage.userCPUTime + usage.systemCPUTime })}\n`);
});
