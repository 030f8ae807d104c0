// JSON-array logs (`audit cases.json`): the elements of the array, streamed one at a time, as log lines.
import type { Readable } from 'node:stream';
import { Assembler } from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { clip, showValue } from '../errors.js';
import { MAX_LINE_BYTES } from './audit.js';
import { NOT_UTF8, type LogLine } from './lines.js';

/**
 * Elements of a JSON-array log nested deeper than this are skipped with an error (a case snapshot is a few
 * levels deep); the array goes on.
 */
export const MAX_ELEMENT_DEPTH = 1000;

/** Why a JSON-array log stopped being read at some element, in both languages. */
const stopped = (en: string, zh: string) => ({ en: `${en}; the rest of the array was not read`, zh: `${zh}；数组其余部分未读取` });

/**
 * The elements of a JSON-array log, one at a time, as the same entries as NDJSON lines (numbered from 1): the
 * file is parsed as a stream by stream-json's tokenizer and assembler, so memory holds one element, never the
 * whole array. An element larger than `MAX_LINE_BYTES` (as compact JSON) is skipped with its size, like a long
 * line, without being assembled. A syntax error, invalid UTF-8 or a truncated file ends the reading with an
 * error entry at the element where it happened; the elements before it are audited.
 */
export async function* arrayElements(input: Readable, maxElementBytes = MAX_LINE_BYTES): AsyncGenerator<LogLine> {
  // Tokens only (no packed values): a string arrives in pieces that are counted before they are held.
  // The tokenizer's own depth limit is far above any element that is assembled (see MAX_ELEMENT_DEPTH).
  const tokenize = jsonParser({ packValues: false, streamValues: true, maxDepth: 100_000 });
  // Fatal: bytes that are not UTF-8 are an error, not replacement characters. A leading BOM is dropped.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let depth = 0;
  let started = false;
  let finished = false;
  let index = 0;
  let inElement = false;
  let asm: Assembler | undefined;
  let size = 0;
  let tooDeep = false;
  let piece = '';
  let trailing = false;
  const out: LogLine[] = [];

  const begin = () => {
    index++;
    inElement = true;
    asm = new Assembler();
    size = 0;
    tooDeep = false;
  };
  const count = (bytes: number) => {
    size += bytes;
    if (asm && size > maxElementBytes) {
      // Too large: stop assembling and only count until the element ends.
      asm = undefined;
      piece = '';
    }
  };
  const end = () => {
    inElement = false;
    if (tooDeep) out.push({ line: index, problem: { en: `nested deeper than ${MAX_ELEMENT_DEPTH} levels; skipped`, zh: `嵌套超过 ${MAX_ELEMENT_DEPTH} 层，已跳过` } });
    else out.push(asm ? { line: index, text: JSON.stringify(asm.current) } : { line: index, oversizedBytes: size });
    asm = undefined;
  };
  const take = (token: Token) => {
    switch (token.name) {
      case 'startArray':
      case 'startObject':
        if (depth === 0) {
          if (started || token.name !== 'startArray') throw new NotAnArray();
          started = true;
          depth = 1;
          return;
        }
        if (depth === 1) begin();
        depth++;
        count(2);
        if (depth - 1 > MAX_ELEMENT_DEPTH && !tooDeep) {
          tooDeep = true;
          asm = undefined;
        }
        asm?.[token.name]();
        return;
      case 'endArray':
      case 'endObject':
        depth--;
        if (depth === 0) {
          finished = true;
          return;
        }
        asm?.[token.name]();
        if (depth === 1) end();
        return;
      case 'startString':
      case 'startNumber':
        if (depth === 1) begin();
        piece = '';
        count(token.name === 'startString' ? 3 : 1);
        return;
      case 'startKey':
        piece = '';
        count(4);
        return;
      case 'stringChunk':
      case 'numberChunk':
        count(Buffer.byteLength(token.value, 'utf8'));
        if (asm) piece += token.value;
        return;
      case 'endKey':
        asm?.keyValue(piece);
        return;
      case 'endString':
      case 'endNumber':
        asm?.[token.name === 'endString' ? 'stringValue' : 'numberValue'](piece);
        piece = '';
        if (depth === 1) end();
        return;
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        if (depth === 1) begin();
        count(5);
        asm?.[token.name]();
        if (depth === 1) end();
        return;
      default:
        if (depth === 0) throw new NotAnArray();
    }
  };
  // The tokenizer throws away the tokens of the text it was given when it meets an error in it. So the text
  // goes in pieces that end at every closing bracket (and at most PIECE long): the tokens that finish an element
  // are always taken before an error that follows it, and the error is listed at the element it is in.
  // Returns what follows the end of the array in this text, if it ended here.
  const feed = (text: string): string => {
    let next = -1;
    for (let at = 0; at < text.length; ) {
      if (finished) return text.slice(at);
      if (next < at) {
        CLOSING.lastIndex = at;
        next = CLOSING.exec(text)?.index ?? text.length;
      }
      const end = Math.min(next + 1, at + PIECE, text.length);
      const tokens = tokenize(at === 0 && end === text.length ? text : text.slice(at, end)) as unknown as { values?: Token[] };
      for (const token of tokens.values ?? []) take(token);
      at = end;
    }
    return '';
  };
  // Where a problem that ends the reading is listed: the element it fell in, or the next one.
  const here = () => index + (inElement ? 0 : 1);

  try {
    for await (const chunk of input) {
      let text: string;
      try {
        text = decoder.decode(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer), { stream: true });
      } catch {
        yield* out.splice(0);
        yield { line: here(), problem: stopped(NOT_UTF8.en, NOT_UTF8.zh) };
        return;
      }
      const after = finished ? text : feed(text);
      yield* out.splice(0);
      if (after.trim() !== '' && !trailing) {
        // Whatever follows the array is not read; say so once.
        trailing = true;
        yield { line: index + 1, problem: { en: 'text after the end of the array; not read', zh: '数组结束后还有内容，未读取' } };
      }
    }
    try {
      decoder.decode();
    } catch {
      // The file ends inside a multi-byte character.
      yield { line: here(), problem: stopped(NOT_UTF8.en, NOT_UTF8.zh) };
      return;
    }
  } catch (error) {
    yield* out.splice(0);
    if (error instanceof NotAnArray) yield { line: 1, problem: { en: 'expected a JSON array of case snapshots', zh: '应为案件快照的 JSON 数组' } };
    else {
      const reason = clip(error instanceof Error ? error.message : showValue(error), 200);
      yield { line: here(), problem: stopped(`not valid JSON (${reason})`, `不是有效的 JSON（${reason}）`) };
    }
    return;
  }
  if (!finished) {
    yield {
      line: started ? here() : 1,
      problem: started ? { en: 'the array ends early (is the file truncated?)', zh: '数组提前结束（文件是否不完整？）' } : { en: 'expected a JSON array of case snapshots', zh: '应为案件快照的 JSON 数组' },
    };
  }
}

class NotAnArray extends Error {}

/** The most characters handed to the JSON tokenizer at a time, and where a piece ends early (see `feed`). */
const PIECE = 4096;
const CLOSING = /[}\]]/g;
