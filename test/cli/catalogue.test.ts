// Every text the command line prints comes from the message catalogue (src/cli/messages), in Chinese and English.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as catalogue from '../../src/cli/messages/index.js';
import { run } from '../../src/cli/main.js';

const cliDir = join(import.meta.dirname, '..', '..', 'src', 'cli');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Calls that print or show a text, and the index of their first argument that is a text for people. */
const PRINTING: Record<string, number> = { out: 0, err: 0, warn: 0, description: 0, summary: 0, option: 1, requiredOption: 1, argument: 1, helpOption: 1, helpCommand: 1, version: 2 };

/** The literal parts of a string or template argument (not what is interpolated into it). */
function literalText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return undefined;
}

/** Texts with words in them, written in a call that prints or shows them, outside the catalogue. */
function printedLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(cliDir, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const check = (node: ts.Expression | undefined) => {
    const text = node && literalText(node);
    if (text !== undefined && /\p{L}/u.test(text)) found.push(`${where(node!)} ${JSON.stringify(text)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
      if (name !== undefined && Object.hasOwn(PRINTING, name)) check(node.arguments[PRINTING[name]!]);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /Error$/.test(node.expression.text)) check(node.arguments?.[0]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('message catalogue', () => {
  it('no file of the command line prints a text of its own: every one comes from src/cli/messages', () => {
    const files = sourceFiles(cliDir);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(printedLiterals)).toEqual([]);
  });

  it('the lint finds a printed text when there is one', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lint-')), 'printing.ts');
    writeFileSync(file, "io.out('done');\nprogram.option('--x', `an option ${n}`);\nio.err(text);\nthrow new UsageError('bad');\n");
    expect(printedLiterals(file).map((found) => found.split(' ').slice(1).join(' '))).toEqual(['"done"', '"an option  "', '"bad"']);
  });

  it('every entry has a Chinese and an English text', () => {
    const missing: string[] = [];
    const visit = (value: unknown, path: string) => {
      if (value === null || typeof value !== 'object') return;
      if ('zh' in value || 'en' in value) {
        const entry = value as { zh?: unknown; en?: unknown };
        if (typeof entry.zh !== 'string' || typeof entry.en !== 'string' || (entry.zh === '') !== (entry.en === '')) missing.push(path);
        return;
      }
      for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`);
    };
    for (const [name, value] of Object.entries(catalogue)) visit(value, name);
    expect(missing).toEqual([]);
  });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('help and commander messages in the language chosen', () => {
  const commands = [[], ['audit'], ['check'], ['explain'], ['rules'], ['profiles'], ['profiles', 'show'], ['calendar'], ['calendar', 'add'], ['schema']];

  it('under --lang zh (the default) every heading and description of these commands is Chinese', async () => {
    for (const command of commands) {
      const { code, out } = await cli(...command, '--help');
      expect(code).toBe(0);
      expect(out).toMatch(/^用法： /);
      expect(out).not.toMatch(/Usage:|Options:|Commands:|Arguments:|display help|default:|choices:/);
      // Each item is a term (flags, a name) then, after two spaces, its description: the description is Chinese.
      const items = out.split('\n').filter((line) => /^ {2}\S/.test(line));
      for (const line of items) expect(line.trim().split(/ {2,}/).slice(1).join(' '), `${command.join(' ')}: ${line}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('under --lang en no description carries Chinese', async () => {
    for (const command of commands) {
      const { out } = await cli('--lang', 'en', ...command, '--help');
      expect(out).toMatch(/^Usage: /);
      const items = out.split('\n').filter((line) => /^ {2}\S/.test(line));
      for (const line of items) expect(line, `${command.join(' ')}: ${line}`).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('commander’s own errors follow --lang, with its suggestion', async () => {
    const zh = await cli('rules', '--regulatoin', 'x');
    expect(zh.code).toBe(2);
    expect(zh.err).toMatch(/^错误：未知选项 '--regulatoin'（是否想用 --regulation？）/);
    const en = await cli('--lang', 'en', 'chek');
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/^error: unknown command 'chek' \(did you mean check\?\)/);
    expect((await cli('explain', 'x.json')).err).toMatch(/^错误：必须指定选项 '--profile <id\|file>'/);
    expect((await cli('--lang', 'fr', 'rules')).err).toMatch(/^错误：选项 '--lang <lang>' 的取值 'fr' 无效，可选：zh, en/);
  });

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(cliDir, '..', '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const { code, out } = await cli(flag);
      expect(code).toBe(0);
      expect(out.trim()).toBe(version);
    }
  });
});
