// `npm run bench`: every benchmark, each against the alternative a user would otherwise pick, in one run.
// `npm run bench -- evaluate` (or `calendar`, `audit`) runs one.
import os from 'node:os';
import { benchCalendar } from './calendar.js';
import { benchAudit } from './audit.js';
import { benchEvaluate } from './evaluate.js';

const only = process.argv[2];
console.log(`# service-center-rules benchmarks — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores\n`);
if (!only || only === 'calendar') await benchCalendar();
if (!only || only === 'evaluate') await benchEvaluate();
if (!only || only === 'audit') await benchAudit();
