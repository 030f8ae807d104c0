// The README's TypeScript examples compile as written, against the library's public API, and run as a new user would
// run them: in a folder holding the files the README tells the user to create, with what they print or evaluate to
// checked wherever the README states it as a literal.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const root = join(import.meta.dirname, '..');

/** The package as a user imports it: its public entry points, here mapped to the sources. */
const entries: Record<string, string> = {
  'service-center-rules': join(root, 'src', 'index.ts'),
  'service-center-rules/testing': join(root, 'src', 'testing', 'index.ts'),
  'service-center-rules/interchange': join(root, 'src', 'interchange', 'index.ts'),
};

interface Example {
  section: string;
  code: string;
  /** `ts fragment`: a piece of an example that is not meant to run on its own; it is type-checked, never run. */
  fragment: boolean;
  /** The README's line of the block's first code line, to name a failure where a reader finds it. */
  line: number;
}

/** A file the README tells the user to write: a ```json block introduced by prose naming `name.json`. */
interface UserFile {
  name: string;
  content: string;
}

/** The ```ts blocks of the README, with the `##` section each stands in. */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  let section = '';
  let block: { lines: string[]; fragment: boolean; line: number } | undefined;
  let fence = false;
  markdown.split('\n').forEach((line, index) => {
    if (block) {
      if (line.startsWith('```')) {
        found.push({ section, code: block.lines.join('\n'), fragment: block.fragment, line: block.line });
        block = undefined;
      } else block.lines.push(line);
    } else if (fence) fence = !line.startsWith('```');
    else if (line.startsWith('## ')) section = line.slice(3);
    else if (line.trim() === '```ts' || line.trim() === '```ts fragment') {
      block = { lines: [], fragment: line.trim() !== '```ts', line: index + 2 };
    } else if (line.startsWith('```')) fence = true;
  });
  return found;
}

/** JSON files the README shows in full for the user to save: the last backticked `*.json` name in the prose before. */
function userFiles(markdown: string): UserFile[] {
  const found: UserFile[] = [];
  const fencePattern = /^```json\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fencePattern)) {
    const before = markdown.slice(0, match.index).trimEnd().split(/\n\s*\n/).at(-1) ?? '';
    const names = [...before.matchAll(/`([\w.-]+\.json)`/g)].map((m) => m[1]!);
    if (names.length > 0) found.push({ name: names.at(-1)!, content: match[1]! });
  }
  return found;
}

/**
 * The examples of one section as one module, read top to bottom as a reader does: a later block may use what an earlier
 * one declared. Imports move to the top, merged per module, since a name imported twice is an error.
 */
function sectionModule(blocks: readonly string[], resolve: (from: string) => string = (from) => from): string {
  const named = new Map<string, Set<string>>();
  const others: string[] = [];
  const body: string[] = [];
  for (const block of blocks) {
    for (const line of block.split('\n')) {
      const match = /^import \{ ([^}]+) \} from '([^']+)';$/.exec(line);
      if (match) {
        const names = named.get(match[2]!) ?? new Set<string>();
        match[1]!.split(',').forEach((name) => names.add(name.trim()));
        named.set(match[2]!, names);
      } else if (line.startsWith('import ')) others.push(line.replace(/from '([^']+)'/, (_, from: string) => `from '${resolve(from)}'`));
      else body.push(line);
    }
  }
  const imports = [...named].map(([from, names]) => `import { ${[...names].join(', ')} } from '${resolve(from)}';`);
  return [...new Set(others), ...imports, '', ...body, 'export {};', ''].join('\n');
}

/** Whether a parsed expression is a plain value a reader can compare with: strings, numbers, booleans, null, arrays and objects of them. */
function isLiteral(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isLiteral(node.expression);
  if (ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand);
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((e) => !ts.isSpreadElement(e) && isLiteral(e));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && isLiteral(p.initializer));
  }
  return false;
}

/** The single expression a text is, or undefined when it is not exactly one. */
function singleExpression(text: string): ts.Expression | undefined {
  const file = ts.createSourceFile('x.ts', `(${text}\n);`, ts.ScriptTarget.ES2022, true);
  const diagnostics = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0 || file.statements.length !== 1) return undefined;
  const statement = file.statements[0]!;
  return ts.isExpressionStatement(statement) ? statement.expression : undefined;
}

/** An elided run of array elements or object properties (`[…, x]`, `{ …, kind: 'workday' }`) in a stated value. */
const elided = '\u2026\u2026';

/**
 * A comment's value with its elisions made parseable: `…` standing for elements or properties becomes the `elided`
 * marker (a string element, or a property of that name); `…` inside a string stays, and there stands for any text.
 * Undefined when an elision stands outside any brackets.
 */
function markElisions(text: string): string | undefined {
  const open: string[] = [];
  let out = '';
  let quote = '';
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = '';
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '{' || char === '[') {
      open.push(char);
      out += char;
    } else if (char === '}' || char === ']') {
      open.pop();
      out += char;
    } else if (char === '\u2026') {
      if (open.length === 0) return undefined;
      out += open.at(-1) === '{' ? `'${elided}': 0` : `'${elided}'`;
    } else out += char;
  }
  return out;
}

/**
 * The value a README comment states, as source text: the whole comment, else what comes before its ` — ` explanation,
 * else a leading number/boolean/null/string (`// 1: the city's…`). A comment that offers a choice (`'met' | 'missed'`)
 * states no single value and is not checked.
 */
function statedValue(comment: string): string | undefined {
  if (/\s\|\s/.test(comment)) return undefined;
  const candidates = [comment.trim(), comment.split(' — ')[0]!.trim(), /^(-?\d+(?:\.\d+)?|true|false|null|'[^']*')(?=[\s:;,]|$)/.exec(comment.trim())?.[1]];
  for (const candidate of candidates) {
    const marked = candidate && markElisions(candidate);
    if (!marked) continue;
    const expression = singleExpression(marked);
    if (expression && isLiteral(expression)) return marked;
  }
  return undefined;
}

/**
 * Where a value differs from what the README states (a path such as `$.deadlines[0].status`), or undefined when it is
 * what the README states: equal, except where the README elides — an elided run of elements matches any run, an object
 * with elided properties may have more, and `…` inside a string matches any text.
 */
function differenceFromStated(actual: unknown, stated: unknown, path = '$'): string | undefined {
  if (typeof stated === 'string' && stated.includes('\u2026')) {
    const pattern = stated.split('\u2026').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
    return typeof actual === 'string' && new RegExp(`^${pattern}$`).test(actual) ? undefined : path;
  }
  if (Array.isArray(stated)) return Array.isArray(actual) && matchesRun(actual, 0, stated, 0) ? undefined : path;
  if (stated !== null && typeof stated === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return path;
    const statedRecord = stated as Record<string, unknown>;
    const actualRecord = actual as Record<string, unknown>;
    const statedKeys = Object.keys(statedRecord).filter((key) => key !== elided);
    const unstated = Object.keys(actualRecord).filter((key) => !(key in statedRecord));
    if (!(elided in statedRecord) && unstated.length > 0) return `${path} (also has ${unstated.join(', ')})`;
    for (const key of statedKeys) {
      if (!(key in actualRecord)) return `${path}.${key} (missing)`;
      const difference = differenceFromStated(actualRecord[key], statedRecord[key], `${path}.${key}`);
      if (difference) return difference;
    }
    return undefined;
  }
  return Object.is(actual, stated) ? undefined : path;
}

/** Array elements from `i` on against stated elements from `j` on, an `elided` element matching any run. */
function matchesRun(actual: readonly unknown[], i: number, stated: readonly unknown[], j: number): boolean {
  if (j === stated.length) return i === actual.length;
  if (stated[j] === elided) {
    for (let k = i; k <= actual.length; k++) if (matchesRun(actual, k, stated, j + 1)) return true;
    return false;
  }
  return i < actual.length && differenceFromStated(actual[i], stated[j]) === undefined && matchesRun(actual, i + 1, stated, j + 1);
}

interface Claim {
  /** Where in the README. */
  where: string;
  expression: string;
  stated: string;
}

/**
 * Rewrites a block so that each statement `expression; // value` (the value on the line, or on the comment lines right
 * after it) also hands the expression's value to `__readmeClaim`. The expression still runs exactly once, as written.
 */
function instrument(example: Example, claims: Claim[]): string {
  const lines = example.code.split('\n');
  return lines
    .map((line, i) => {
      const match = /^([^/'"\s][^;]*);(?:\s*\/\/(.*))?$/.exec(line);
      if (!match) return line;
      const comment = [match[2] ?? ''];
      for (let next = i + 1; next < lines.length && /^\s*\/\//.test(lines[next]!); next++) comment.push(lines[next]!.replace(/^\s*\/\/\s?/, ''));
      const expression = singleExpression(match[1]!);
      if (!expression || /^(const|let|var|await|return)\b/.test(match[1]!)) return line;
      const stated = statedValue(comment.join(' ').trim());
      if (stated === undefined) return line;
      claims.push({ where: `README.md:${example.line + i} (${example.section})`, expression: match[1]!, stated });
      return `(globalThis as any).__readmeClaim(${claims.length - 1}, ${match[1]!}, (${stated}));`;
    })
    .join('\n');
}

describe('README examples', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const all = examples(readme);
  const sections = [...new Set(all.map((e) => e.section))];

  it('there are TypeScript examples', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it('type-check as written', () => {
    // Under the worktree, so that packages resolve from its node_modules; removed afterwards.
    const dir = mkdtempSync(join(root, '.readme-examples-'));
    try {
      const files = sections.map((section, i) => {
        const file = join(dir, `section-${i}.ts`);
        writeFileSync(file, sectionModule(all.filter((e) => e.section === section).map((e) => e.code)));
        return file;
      });
      const program = ts.createProgram(files, {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        resolveJsonModule: true,
        esModuleInterop: true,
        types: ['node'],
        typeRoots: [join(root, 'node_modules', '@types')],
        paths: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, [file]])),
      });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => {
        const where = d.file ? `${sections[files.indexOf(d.file.fileName)] ?? d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
        return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a stated value is compared, elisions and all', () => {
    const stated = (comment: string): unknown => {
      const text = statedValue(comment);
      return text === undefined ? undefined : (new Function(`return (${text});`) as () => unknown)();
    };
    expect(differenceFromStated(2, stated('2 — working days in (from, to]'))).toBeUndefined();
    expect(differenceFromStated(3, stated('2 — working days in (from, to]'))).toBe('$');
    expect(differenceFromStated({ kind: 'workday', guessed: true, date: '2027-01-04' }, stated("{ …, kind: 'workday', guessed: true }"))).toBeUndefined();
    expect(differenceFromStated({ kind: 'workday', date: '2027-01-04' }, stated("{ kind: 'workday' }"))).toBe('$ (also has date)');
    expect(differenceFromStated({ deadlines: [{ id: 'a', status: 'met' }] }, stated("{ deadlines: [{ id: 'a', status: 'missed' }] }"))).toBe('$.deadlines');
    expect(differenceFromStated(['x', 'a', 'b', 'y'], stated("[…, 'a', 'b', …]"))).toBeUndefined();
    expect(differenceFromStated(['a', 'x', 'b'], stated("['a', 'b', …]"))).toBe('$');
    expect(differenceFromStated('属承诺件的,应及时…内容。', stated("'属承诺件的,…内容。'"))).toBeUndefined();
    expect(differenceFromStated('另一句', stated("'属承诺件的,…内容。'"))).toBe('$');
    // A choice between values, or prose, states no single value.
    expect(statedValue("'on-track' | 'due-soon' | 'overdue'")).toBeUndefined();
    expect(statedValue('every rule evaluated: which conditions held')).toBeUndefined();
  });

  describe('run as written', () => {
    // The user's folder: under the worktree so that packages (fast-check) resolve from its node_modules. It holds the
    // files the README tells the user to write, and the bundled samples its examples read (`fixtures/…`).
    let dir = '';
    const cwd = process.cwd();
    beforeAll(() => {
      dir = mkdtempSync(join(root, '.readme-run-'));
      for (const file of userFiles(readme)) writeFileSync(join(dir, file.name), file.content);
      mkdirSync(join(dir, 'fixtures'));
      cpSync(join(root, 'fixtures', 'interchange'), join(dir, 'fixtures', 'interchange'), { recursive: true });
      process.chdir(dir);
    });
    afterAll(() => {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
      delete (globalThis as { __readmeClaim?: unknown }).__readmeClaim;
    });

    it('the README shows the files its examples read', () => {
      expect(userFiles(readme).map((f) => f.name)).toContain('my-center.json');
    });

    for (const [index, section] of sections.entries()) {
      const runnable = all.filter((e) => e.section === section && !e.fragment);
      if (runnable.length === 0) continue;
      it(`${section}: runs, and gives what the README says`, async () => {
        const claims: Claim[] = [];
        const code = sectionModule(runnable.map((e) => instrument(e, claims)), (from) => (from in entries ? pathToFileURL(entries[from]!).href : from));
        const mismatches: string[] = [];
        const seen = new Set<number>();
        (globalThis as { __readmeClaim?: unknown }).__readmeClaim = (claim: number, actual: unknown, stated: unknown) => {
          seen.add(claim);
          const difference = differenceFromStated(actual, stated);
          if (difference) {
            mismatches.push(`${claims[claim]!.where}: ${claims[claim]!.expression} differs at ${difference}: it gives ${JSON.stringify(actual)}`);
          }
        };
        // What the examples print is the user's to read, not the test log's.
        const output = [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(console, 'log').mockImplementation(() => {}), vi.spyOn(console, 'error').mockImplementation(() => {})];
        const file = join(dir, `section-${index}.ts`);
        writeFileSync(file, code);
        try {
          await import(pathToFileURL(file).href);
        } finally {
          output.forEach((spy) => spy.mockRestore());
        }
        expect(mismatches).toEqual([]);
        expect([...seen].sort((a, b) => a - b)).toEqual(claims.map((_, i) => i));
      });
    }
  });
});
