// Running an audit over a log: lines in batches, evaluated in this thread or in worker threads, the batch
// summaries folded in log order.
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import Tinypool from 'tinypool';
import { AuditAccumulator, auditBatch, MAX_LINE_BYTES, type AuditOptions, type AuditSummary } from './audit.js';
import { logLines, type LogLine } from './lines.js';

/** Lines per batch: large enough to amortise a message to a worker, small enough to keep memory flat. */
const BATCH_LINES = 500;

async function* batchesOf(lines: AsyncIterable<LogLine>): AsyncGenerator<LogLine[]> {
  let batch: LogLine[] = [];
  for await (const line of lines) {
    batch.push(line);
    if (batch.length === BATCH_LINES) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function* arrayElements(input: Readable): AsyncGenerator<LogLine> {
  // Decode once at the end: a chunk boundary may fall inside a multi-byte character.
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  let cases: unknown;
  try {
    cases = JSON.parse(text);
  } catch (error) {
    yield { line: 1, problem: { en: `not valid JSON (${(error as Error).message})`, zh: `不是有效的 JSON（${(error as Error).message}）` } };
    return;
  }
  if (!Array.isArray(cases)) {
    yield { line: 1, problem: { en: 'expected a JSON array of case snapshots', zh: '应为案件快照的 JSON 数组' } };
    return;
  }
  for (let i = 0; i < cases.length; i++) yield { line: i + 1, text: JSON.stringify(cases[i]) };
}

// Built: dist/audit-worker.js. From sources (tsx): a CommonJS shim, because Node 20 worker threads do not
// inherit tsx's ESM loader.
const workerFile = new URL(import.meta.url.endsWith('.ts') ? './audit-worker.dev.cjs' : './audit-worker.js', import.meta.url);

/**
 * Audits a case log: NDJSON read line by line (memory does not grow with the number of cases), or a JSON
 * array. Malformed lines are listed with their line number and JSON path, and the rest of the log goes on.
 * Batches go to worker threads and their summaries are folded in the order of the log, so the report is
 * the same for any number of workers.
 */
export async function auditStream(input: Readable, options: AuditOptions, format: 'ndjson' | 'json' = 'ndjson'): Promise<AuditSummary> {
  const { onProgress, workers: requested, ...batchOptions } = options;
  const workers = Math.max(1, Math.floor(requested ?? availableParallelism()));
  const acc = new AuditAccumulator(batchOptions);
  const lines = format === 'json' ? arrayElements(input) : logLines(input, MAX_LINE_BYTES);
  const fold = (part: AuditSummary) => {
    acc.absorb(part);
    onProgress?.({ cases: acc.cases, errors: acc.errorCount });
  };
  if (workers === 1) {
    for await (const batch of batchesOf(lines)) fold(auditBatch(batch, batchOptions));
    return acc.summary();
  }
  // A worker's heap holds one batch at a time; a small young generation keeps each thread's footprint near its
  // live data instead of V8's default headroom, so memory stays within bounds as workers are added.
  const pool = new Tinypool({ filename: workerFile.href, minThreads: workers, maxThreads: workers, resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 } });
  try {
    // At most two batches per worker in flight: reading waits for the oldest, so memory stays flat.
    const pending: Array<Promise<AuditSummary>> = [];
    for await (const batch of batchesOf(lines)) {
      pending.push(pool.run({ lines: batch, options: batchOptions }) as Promise<AuditSummary>);
      if (pending.length >= workers * 2) fold(await pending.shift()!);
    }
    while (pending.length) fold(await pending.shift()!);
  } finally {
    await pool.destroy();
  }
  return acc.summary();
}

export function auditFile(path: string, options: AuditOptions): Promise<AuditSummary> {
  return auditStream(createReadStream(path), options, path.endsWith('.json') ? 'json' : 'ndjson');
}
