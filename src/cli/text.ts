// Text the command line prints, made safe for where it goes: a terminal (no control sequences from data), a
// CSV file opened by Excel or WPS (no formulas from data), and one fixed order for names whatever the host locale.

import { csvField } from '../csv.js';

export { csvField };

/**
 * Characters that act on a terminal instead of printing: C0 controls, DEL and C1 controls (ESC, CSI, OSC…),
 * and the bidirectional overrides, embeddings, isolates and marks that reorder what is shown (Trojan Source).
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, plus tab, line feed and carriage return: inside one table cell these would forge rows. */
const CELL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text for a terminal: every control character and bidi override shown as a visible `\uXXXX` escape; tabs and
 * line breaks kept. Applied to everything the command line prints except CSV and HTML reports. In JSON text
 * the escapes are JSON escapes of the same characters, so a JSON report keeps its exact values.
 */
export const terminalSafe = (text: string): string => text.replace(CONTROLS, escaped);

/** One value inside a line of a table or message: line breaks and tabs escaped too. */
export const cellSafe = (text: string): string => text.replace(CELL_CONTROLS, escaped);

export const csvText = (rows: ReadonlyArray<ReadonlyArray<string | number>>): string => `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}`;

const chinese = new Intl.Collator('zh-CN');

/**
 * The order of names (departments, windows) in every report: Chinese collation (pinyin order, as
 * `Intl.Collator('zh-CN')` with Node's bundled ICU), ties between distinct texts broken by code point. The
 * locale is fixed, so the order is the same under any LANG or LC_ALL.
 */
export const compareNames = (a: string, b: string): number => chinese.compare(a, b) || compareCodePoints(a, b);

/** Plain code-point order, for identifiers, statuses and months: the same on every host. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 order differs from code-point order only between surrogates and U+E000–U+FFFF.
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
