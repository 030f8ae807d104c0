// Where the host forbids code generation (a CSP, --disallow-code-generation-from-strings), evaluation falls back to
// closures for its conditions, fact records and fact copies, and gives the same reports.
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
import { createHash } from 'node:crypto';
import { evaluate } from ${JSON.stringify(join(root, 'src/index.ts'))};
import { caseGenerator } from ${JSON.stringify(join(root, 'scripts/case-generator.ts'))};
let generation = 'allowed';
try { new Function('return 1'); } catch { generation = 'disallowed'; }
const make = caseGenerator(11);
const hash = createHash('sha256');
let joint = 0;
for (let i = 1; i <= 200; i++) {
  const snapshot = make(i);
  if (snapshot.joint) joint++;
  for (const profile of ['city-12', 'township']) hash.update(JSON.stringify(evaluate(snapshot, { profile, asOf: '2025-10-31T18:00:00+08:00', trace: false })));
}
console.log(JSON.stringify({ generation, joint, reports: hash.digest('hex') }));
`;

describe('evaluation without code generation', () => {
  it('gives the reports it gives with code generation, joint cases included', async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'scr-codegen-')), 'evaluate.mts');
    writeFileSync(script, SCRIPT);
    const [allowed, disallowed] = await Promise.all([
      run(process.execPath, ['--import', 'tsx', script], { cwd: root }),
      run(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', script], { cwd: root }),
    ]);
    const withGeneration = JSON.parse(allowed.stdout.trim());
    const without = JSON.parse(disallowed.stdout.trim());
    expect(withGeneration.generation).toBe('allowed');
    expect(without.generation).toBe('disallowed');
    expect(without.joint).toBeGreaterThan(0);
    expect(without.reports).toBe(withGeneration.reports);
  }, 120_000);
});
