// Writes fixtures/sample/cases.ndjson: a deterministic, realistic case log for `npm start` and the CLI docs.
// Run: npx tsx scripts/generate-sample.ts [count]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseGenerator } from './case-generator.js';

const makeCase = caseGenerator(20251021);
const count = Number(process.argv[2] ?? 1200);
const lines = Array.from({ length: count }, (_, i) => JSON.stringify(makeCase(i + 1)));
// Three broken lines, as real exports have: truncated JSON, a bad instant, a missing matter.
lines.splice(100, 0, '{"id":"JDZ-2025-BROKEN-1","matter":{"id":"SP-001"');
lines.splice(500, 0, JSON.stringify({ ...JSON.parse(lines[499]!), id: 'JDZ-2025-BROKEN-2', events: [{ type: 'materials-received', at: '2025-06-01 09:00' }] }));
lines.splice(900, 0, JSON.stringify({ id: 'JDZ-2025-BROKEN-3', channel: 'window', events: [] }));
const out = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'sample', 'cases.ndjson');
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length} lines to ${out}`);
