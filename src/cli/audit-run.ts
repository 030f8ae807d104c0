// Running an audit over a log: chunks of whole lines (or batches of entries already cut), evaluated in this
// thread or in worker threads, their summaries folded in log order.
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import Tinypool from 'tinypool';
import { clip, showValue } from '../errors.js';
import { AuditAccumulator, auditBatch, errorBatch, MAX_LINE_BYTES, type AuditOptions, type AuditSummary, type BatchOptions, type BatchResult } from './audit.js';
import { arrayElements } from './array-log.js';
import type { AuditTask } from './audit-worker.js';
import { lineChunks, unitLines, type LineChunk, type LogLine, type Unit } from './lines.js';
import { listenForLoadedWorkers, untilLoaded } from './worker-ready.js';

/**
 * A batch closes at whichever bound it reaches first: this many lines (enough to amortise a message to a
 * worker)…
 */
export const BATCH_LINES = 500;
/**
 * …or this many bytes of line text. A line may be up to `MAX_LINE_BYTES`, so a count of lines alone would let
 * one batch carry hundreds of megabytes into a worker whose heap is capped; with both bounds a batch holds at
 * most `BATCH_BYTES` plus one line.
 */
export const BATCH_BYTES = 4_000_000;
/** Bytes read from a log file at a time. */
const READ_BYTES = 1024 * 1024;
/** How long an audit waits, at its end, for a worker thread still loading (seconds from sources, milliseconds built). */
const WORKER_LOAD_TIMEOUT_MS = 60_000;
/** The old-generation heap of each worker thread, in MB; a batch and its evaluation fit well inside it. */
export const WORKER_HEAP_MB = 256;

const lineBytes = (entry: LogLine) => ('text' in entry ? Buffer.byteLength(entry.text, 'utf8') : 0);

export async function* batchesOf(lines: AsyncIterable<LogLine>, maxLines = BATCH_LINES, maxBytes = BATCH_BYTES): AsyncGenerator<LogLine[]> {
  let batch: LogLine[] = [];
  let bytes = 0;
  for await (const line of lines) {
    batch.push(line);
    bytes += lineBytes(line);
    if (batch.length >= maxLines || bytes >= maxBytes) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) yield batch;
}

// Built: dist/audit-worker.js. From sources (tsx): a CommonJS shim, because Node 20 worker threads do not
// inherit tsx's ESM loader.
const workerFile = new URL(import.meta.url.endsWith('.ts') ? './audit-worker.dev.cjs' : './audit-worker.js', import.meta.url);

/** @internal Options of an NDJSON stream's audit that only tests set. */
export interface StreamOptions extends AuditOptions {
  /** @internal Bytes of whole lines per chunk (default `CHUNK_BYTES`): tests cut logs into tiny chunks. */
  chunkBytes?: number;
}

/**
 * Audits a case log: NDJSON read in chunks of whole lines (memory does not grow with the number of cases), or a
 * JSON array. Malformed lines are listed with their line number and JSON path, and the rest of the log goes on.
 * Chunks go to worker threads and their summaries are folded in the order of the log, so the report is the
 * same for any number of workers.
 */
export function auditStream(input: Readable, options: StreamOptions, format: 'ndjson' | 'json' = 'ndjson'): Promise<AuditSummary> {
  const { chunkBytes, ...rest } = options;
  if (format === 'json') return auditLines(arrayElements(input), rest);
  return auditUnits(chunksOf(lineChunks(input, MAX_LINE_BYTES, chunkBytes)), rest);
}

async function* chunksOf(chunks: AsyncIterable<LineChunk>): AsyncGenerator<Unit> {
  for await (const chunk of chunks) yield { chunk };
}

async function* linesOf(lines: AsyncIterable<LogLine>): AsyncGenerator<Unit> {
  for await (const batch of batchesOf(lines)) yield { lines: batch };
}

/**
 * Audits entries already cut into lines (a JSON array's, or the cases of a platform's export), in batches of
 * `BATCH_LINES`.
 */
export function auditLines(lines: AsyncIterable<LogLine>, options: AuditOptions): Promise<AuditSummary> {
  return auditUnits(linesOf(lines), options);
}

/**
 * The engine under `auditStream` and `auditLines`. Case records and supervision records go to their files unit
 * by unit, in log order, as the units are folded: memory holds a few units.
 */
async function auditUnits(units: AsyncIterable<Unit>, options: AuditOptions): Promise<AuditSummary> {
  const { casesFile, supervisionFile } = options;
  const fds: number[] = [];
  const writer = (file: string | undefined) => {
    if (file === undefined) return undefined;
    const fd = openSync(file, 'w');
    fds.push(fd);
    return (text: string) => void writeSync(fd, text);
  };
  try {
    return await auditInto(units, options, writer(casesFile), writer(supervisionFile));
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}

type Write = ((text: string) => void) | undefined;

async function auditInto(units: AsyncIterable<Unit>, options: AuditOptions, writeRecords: Write, writeSupervision: Write): Promise<AuditSummary> {
  const { onProgress, workers: requested, workerHeapMb, casesFile: _casesFile, supervisionFile: _supervisionFile, ...rest } = options;
  const batchOptions: BatchOptions = { ...rest, records: writeRecords !== undefined, supervision: writeSupervision !== undefined };
  const workers = Math.max(1, Math.floor(requested ?? availableParallelism()));
  const acc = new AuditAccumulator(batchOptions);
  const fold = (part: BatchResult) => {
    acc.absorb(part.summary);
    if (part.records) writeRecords?.(part.records);
    if (part.supervision) writeSupervision?.(part.supervision);
    onProgress?.({ cases: acc.cases, errors: acc.errorCount });
  };
  if (workers === 1) {
    for await (const unit of units) fold(auditBatch(unitLines(unit), batchOptions));
    return acc.summary();
  }
  listenForLoadedWorkers();
  // Threads start as work arrives (a short log never starts more than it needs) and stay until the end. A
  // small young generation keeps each thread's footprint near its live data instead of V8's default headroom:
  // 8 MB instead of 16 took about 14 MB off each thread's peak (200,000 lines, 2 workers) and, measured again on
  // 1,000,000 lines, cost about 5 % more CPU, within this host's noise; 4 MB took little more memory off and cost
  // about 8 % more CPU in scavenges.
  const pool = new Tinypool({
    filename: workerFile.href,
    minThreads: 1,
    maxThreads: workers,
    idleTimeout: 60_000,
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: workerHeapMb ?? WORKER_HEAP_MB },
  });
  // A thread that dies fails the task it was running, and that failure is handled below; without a listener
  // the pool would also raise it as an uncaught 'error' event and end the process.
  pool.on('error', () => {});
  const inWorker = (unit: Unit): Promise<BatchResult> => {
    if (!('chunk' in unit)) return pool.run({ lines: unit.lines, options: batchOptions } satisfies AuditTask);
    // The worker gets a copy of the bytes, transferred rather than cloned; the chunk stays here in case the worker
    // dies on it and it has to be split here, line by line.
    const bytes = new Uint8Array(unit.chunk.bytes);
    return pool.run({ chunk: { ...unit.chunk, bytes }, options: batchOptions } satisfies AuditTask, { transferList: [bytes.buffer] });
  };
  const resilient = async (unit: Unit): Promise<BatchResult> => {
    try {
      return await inWorker(unit);
    } catch {
      // The pool has replaced the thread; once more, in a fresh one.
    }
    try {
      return await inWorker(unit);
    } catch {
      // Twice: one line at a time, so that only the lines that cannot be evaluated become errors.
    }
    const parts = await Promise.all(unitLines(unit).map((entry) => inWorker({ lines: [entry] }).catch((error: unknown) => unevaluable(entry, error, batchOptions))));
    const acc = new AuditAccumulator(batchOptions);
    for (const part of parts) acc.absorb(part.summary);
    return { summary: acc.summary(), records: parts.map((part) => part.records).join(''), supervision: parts.map((part) => part.supervision).join('') };
  };
  try {
    // At most two units per worker in flight: reading waits for the oldest, so memory stays flat.
    const pending: Array<Promise<BatchResult>> = [];
    for await (const unit of units) {
      pending.push(resilient(unit));
      if (pending.length >= workers * 2) fold(await pending.shift()!);
    }
    while (pending.length) fold(await pending.shift()!);
  } finally {
    // A thread the pool started late (for work another thread took) may still be loading: let it finish first.
    await untilLoaded(pool.threads, WORKER_LOAD_TIMEOUT_MS);
    await pool.destroy();
  }
  return acc.summary();
}

/** Why a worker thread could not evaluate a line, in both languages, without the line's content. */
function workerFailure(error: unknown): { en: string; zh: string } {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return { en: 'its evaluation ran out of memory in a worker thread', zh: '评估时工作线程内存不足' };
  const reason = error instanceof Error ? clip(`${typeof code === 'string' ? `${code}: ` : ''}${error.message.split('\n')[0]}`) : showValue(error);
  return { en: `its evaluation failed in a worker thread (${reason})`, zh: `评估时工作线程出错（${reason}）` };
}

/** The result of a line that failed in a worker twice over: one error naming the line, its length and why. */
function unevaluable(entry: LogLine, error: unknown, options: BatchOptions): BatchResult {
  const bytes = lineBytes(entry);
  const why = workerFailure(error);
  return errorBatch({ line: entry.line, path: '$', message: `line of ${bytes} bytes not evaluated: ${why.en}`, messageZh: `该行 ${bytes} 字节，未能评估：${why.zh}` }, options);
}

export function auditFile(path: string, options: StreamOptions): Promise<AuditSummary> {
  // Reads of 1 MB rather than the default 64 KB: with workers, reading is most of what the main thread does, and
  // larger reads cost it about half as much CPU a line.
  return auditStream(createReadStream(path, { highWaterMark: READ_BYTES }), options, path.endsWith('.json') ? 'json' : 'ndjson');
}
