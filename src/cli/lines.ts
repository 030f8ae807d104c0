// NDJSON lines from a byte stream with a hard cap on a line's length. readline would hold a runaway line
// (a log with no newlines, a base64 attachment) whole in memory before anyone could measure it; this keeps at
// most `maxLineBytes` of a line and then skips to the next newline.
import type { Readable } from 'node:stream';

export type LogLine =
  | { line: number; text: string }
  /** A line longer than the cap: its length in bytes, never its content. */
  | { line: number; oversizedBytes: number }
  /** An entry known to be unusable before it is parsed, and why. */
  | { line: number; problem: { zh: string; en: string } };

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** Lines of the stream in order, numbered from 1; CRLF and LF both end a line; a final line without one counts. */
export async function* logLines(input: Readable, maxLineBytes: number): AsyncGenerator<LogLine> {
  let line = 0;
  let parts: Buffer[] = [];
  let held = 0;
  // Bytes of the current line once it has passed the cap; -1 while it has not.
  let skipped = -1;

  const finish = (): LogLine => {
    line++;
    if (skipped >= 0) {
      const bytes = skipped;
      skipped = -1;
      return { line, oversizedBytes: bytes };
    }
    let buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
    if (buffer.length > 0 && buffer[buffer.length - 1] === RETURN) buffer = buffer.subarray(0, buffer.length - 1);
    parts = [];
    held = 0;
    return { line, text: buffer.toString('utf8') };
  };

  const take = (piece: Buffer) => {
    if (skipped >= 0) skipped += piece.length;
    else if (held + piece.length > maxLineBytes) {
      skipped = held + piece.length;
      parts = [];
      held = 0;
    } else {
      parts.push(piece);
      held += piece.length;
    }
  };

  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      take(bytes.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    // Copy the tail: a subarray would pin the whole chunk in memory until the line ends.
    if (start < bytes.length) take(Buffer.from(bytes.subarray(start)));
  }
  if (held > 0 || skipped >= 0) yield finish();
}
