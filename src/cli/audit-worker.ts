// A worker thread of `audit --workers N`: evaluates one unit (a chunk of a log's bytes, which it splits into
// lines here, or lines already cut) and returns its summary.
import { auditBatch, type BatchOptions } from './audit.js';
import { unitLines, type Unit } from './lines.js';
import { announceLoaded } from './worker-ready.js';

export type AuditTask = Unit & { options: BatchOptions };

export default function auditWorker(task: AuditTask) {
  return auditBatch(unitLines(task), task.options);
}

announceLoaded();
