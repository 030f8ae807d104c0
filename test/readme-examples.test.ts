// The README's TypeScript examples compile as written, against the library's public API.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

interface Example {
  section: string;
  code: string;
}

/** The ```ts blocks of the README, with the `##` section each stands in. */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  let section = '';
  let block: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (block) {
      if (line.startsWith('```')) {
        found.push({ section, code: block.join('\n') });
        block = undefined;
      } else block.push(line);
    } else if (line.startsWith('## ')) section = line.slice(3);
    else if (line.trim() === '```ts') block = [];
  }
  return found;
}

/**
 * The examples of one section as one module, read top to bottom as a reader does: a later block may use what an earlier
 * one declared. Imports move to the top, merged per module, since a name imported twice is an error.
 */
function sectionModule(blocks: readonly string[]): string {
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
      } else if (line.startsWith('import ')) others.push(line);
      else body.push(line);
    }
  }
  const imports = [...named].map(([from, names]) => `import { ${[...names].join(', ')} } from '${from}';`);
  return [...new Set(others), ...imports, '', ...body, 'export {};', ''].join('\n');
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
        // The package as a user imports it: its public entry points.
        paths: { 'service-center-rules': [join(root, 'src', 'index.ts')], 'service-center-rules/testing': [join(root, 'src', 'testing', 'index.ts')], 'service-center-rules/interchange': [join(root, 'src', 'interchange', 'index.ts')] },
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
});
