// Where the host forbids code generation (a CSP, --disallow-code-generation-from-strings), the reader is built from
// closures instead of source, by itself, and still returns zod's output.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

const SCRIPT = `
import { caseSnapshotSchema } from ${JSON.stringify(join(root, 'src/schema/case.ts'))};
import { readCase, REJECTED } from ${JSON.stringify(join(root, 'src/schema/case-reader.ts'))};
import { caseGenerator } from ${JSON.stringify(join(root, 'scripts/case-generator.ts'))};
let generation = 'allowed';
try { new Function('return 1'); } catch { generation = 'disallowed'; }
const make = caseGenerator(9);
let same = 0;
for (let i = 1; i <= 300; i++) {
  const snapshot = make(i);
  const read = readCase(snapshot);
  if (read !== REJECTED && JSON.stringify(read) === JSON.stringify(caseSnapshotSchema.parse(snapshot))) same++;
}
const bad = readCase({ ...make(1), channel: 'fax' }) === REJECTED;
console.log(JSON.stringify({ generation, same, bad }));
`;

describe('the case reader without code generation', () => {
  it('falls back to closures and agrees with zod', async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'scr-reader-')), 'read.mts');
    writeFileSync(script, SCRIPT);
    const { stdout } = await run(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', script], { cwd: root });
    expect(JSON.parse(stdout.trim())).toEqual({ generation: 'disallowed', same: 300, bad: true });
  });
});
