// `npm run bench`: every benchmark, each against the alternative a user would otherwise pick, in one run.
import os from 'node:os';
import { benchCalendar } from './calendar.js';

console.log(`# service-center-rules benchmarks — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores\n`);
await benchCalendar();
