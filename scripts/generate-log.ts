// Writes a large NDJSON case log for measuring audits at scale, streamed so the writer itself stays small.
// Run: npx tsx scripts/generate-log.ts 1000000 /tmp/cases-1m.ndjson
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { caseGenerator } from './case-generator.js';

const count = Number(process.argv[2] ?? 1_000_000);
const out = process.argv[3] ?? `cases-${count}.ndjson`;
const makeCase = caseGenerator(20260101);
const stream = createWriteStream(out);
for (let i = 1; i <= count; i++) {
  // Every 100,000th line is broken, as real exports have, so the audit's error path runs at scale too.
  const line = i % 100_000 === 0 ? '{"id":"BROKEN",' : JSON.stringify(makeCase(i));
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}
stream.end();
await once(stream, 'finish');
console.log(`wrote ${count} lines to ${out}`);
