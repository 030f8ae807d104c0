import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
// Article labels are written with half-width brackets; the law texts use full-width ones.
const normalise = (text: string) => text.replace(/（/g, '(').replace(/）/g, ')');

/** A source's lines: each file starts with a two-line header and a blank line written by scripts/extract-sources.ts. */
export const sourceLines = (seed: string) => readFileSync(join(root, 'rules', 'sources', `${seed}.txt`), 'utf8').split('\n').slice(3);

/** Where a quoted sentence stands in its source, checked against its document heading and article: undefined when found. */
export function locate(citation: { seed: string; document: string; article: string; text: string }): string | undefined {
  const lines = sourceLines(citation.seed);
  const textLine = lines.findIndex((line) => line.includes(citation.text));
  if (textLine < 0) return `"${citation.text}" is not a line's text in rules/sources/${citation.seed}.txt`;
  let from = 0;
  if (!citation.document.startsWith('(untitled')) {
    from = lines.findIndex((line) => line.includes(citation.document));
    if (from < 0 || from > textLine) return `document heading "${citation.document}" does not precede the sentence`;
  }
  // The article's labels must appear in order between the heading and the sentence.
  const body = normalise(lines.slice(from, textLine + 1).join('\n'));
  const end = body.lastIndexOf(normalise(citation.text));
  let at = 0;
  for (const label of citation.article.split(/\s+/).map(normalise)) {
    const found = body.indexOf(label, at);
    if (found < 0 || found > end) return `article label "${label}" of "${citation.article}" is not between the heading and the sentence`;
    at = found + label.length;
  }
  return undefined;
}
