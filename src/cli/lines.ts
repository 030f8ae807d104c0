// NDJSON lines from a byte stream with a hard cap on a line's length. readline would hold a runaway line
// (a log with no newlines, a base64 attachment) whole in memory before anyone could measure it; this keeps at
// most `maxLineBytes` of a line and then skips to the next newline.
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

export type LogLine =
  | { line: number; text: string }
  /** A line longer than the cap: its length in bytes, never its content. */
  | { line: number; oversizedBytes: number }
  /** An entry known to be unusable before it is parsed, and why. */
  | { line: number; problem: { zh: string; en: string }; caseId?: string };

const NEWLINE = 0x0a;
const RETURN = 0x0d;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Why bytes cannot be read as text. */
export const NOT_UTF8 = { en: 'not valid UTF-8 text (the log must be saved as UTF-8)', zh: '不是有效的 UTF-8 文本（日志须以 UTF-8 保存）' } as const;
const NOT_UTF8_LINE = { en: `${NOT_UTF8.en}; skipped`, zh: `${NOT_UTF8.zh}，已跳过` };

/**
 * Lines of the stream in order, numbered from 1; CRLF and LF both end a line, and a final line without one
 * counts. The cap counts a line's own bytes, not its CR or LF. A UTF-8 byte order mark at the start of the
 * stream is skipped (Windows tools write one); a line that is not valid UTF-8 is a `problem`, never decoded
 * with replacement characters.
 */
export async function* logLines(input: Readable, maxLineBytes: number): AsyncGenerator<LogLine> {
  let line = 0;
  let parts: Buffer[] = [];
  let held = 0;
  // Bytes of the current line once it has passed the cap; -1 while it has not.
  let skipped = -1;
  // Whether the last byte taken into a skipped line was a CR (it ends the line rather than belonging to it).
  let skippedReturn = false;

  const finish = (): LogLine => {
    line++;
    if (skipped >= 0) {
      const bytes = skipped - (skippedReturn ? 1 : 0);
      skipped = -1;
      skippedReturn = false;
      return { line, oversizedBytes: bytes };
    }
    let buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
    if (buffer.length > 0 && buffer[buffer.length - 1] === RETURN) buffer = buffer.subarray(0, buffer.length - 1);
    parts = [];
    held = 0;
    if (buffer.length > maxLineBytes) return { line, oversizedBytes: buffer.length };
    if (!isUtf8(buffer)) return { line, problem: NOT_UTF8_LINE };
    return { line, text: buffer.toString('utf8') };
  };

  const take = (piece: Buffer) => {
    if (piece.length === 0) return;
    if (skipped >= 0) {
      skipped += piece.length;
      skippedReturn = piece[piece.length - 1] === RETURN;
    } else if (held + piece.length > maxLineBytes + 1) {
      // One byte of room for the CR of a CRLF: a line of exactly the cap passes with either line ending.
      skipped = held + piece.length;
      skippedReturn = piece[piece.length - 1] === RETURN;
      parts = [];
      held = 0;
    } else {
      parts.push(piece);
      held += piece.length;
    }
  };

  function* split(bytes: Buffer): Generator<LogLine> {
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      take(bytes.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    // Copy the tail: a subarray would pin the whole chunk in memory until the line ends.
    if (start < bytes.length) take(Buffer.from(bytes.subarray(start)));
  }

  // The first bytes are held until there are enough to tell whether they are a byte order mark.
  let head: Buffer[] | undefined = [];
  let headBytes = 0;
  for await (const chunk of input) {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    if (head) {
      head.push(bytes);
      headBytes += bytes.length;
      if (headBytes < BOM.length) continue;
      bytes = head.length === 1 ? bytes : Buffer.concat(head, headBytes);
      head = undefined;
      if (bytes.subarray(0, BOM.length).equals(BOM)) bytes = bytes.subarray(BOM.length);
    }
    yield* split(bytes);
  }
  if (head) yield* split(Buffer.concat(head, headBytes));
  if (held > 0 || skipped >= 0) yield finish();
}
