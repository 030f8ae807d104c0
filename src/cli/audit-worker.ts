// A worker thread of `audit --workers N`: evaluates one batch of log lines and returns its summary.
import { auditBatch, type BatchOptions } from './audit.js';
import type { LogLine } from './lines.js';

export default function auditWorker({ lines, options }: { lines: LogLine[]; options: BatchOptions }) {
  return auditBatch(lines, options);
}
