// `npm start`: the main job on bundled data — an audit of the sample case log (fixtures/sample/cases.ndjson,
// made by scripts/generate-sample.ts) under the city-12 profile, printed as the summary table.
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/main.js';

const log = fileURLToPath(new URL('../fixtures/sample/cases.ndjson', import.meta.url));
process.exitCode = await run(['audit', log, '--profile', 'city-12', '--as-of', '2025-10-31T18:00:00+08:00', ...process.argv.slice(2)]);
