// Evaluation at audit scale, measured in one run against json-rules-engine used the ordinary way (one engine
// per rule scope, built once, `engine.run(facts)` per fact set) on the same rules and the same derived facts.
// Cases come from the seeded generator behind the sample log: six departments and joint cases, deficiencies,
// refusals, suspensions, late decisions, receipts across 2025's holidays.
import { Engine } from 'json-rules-engine';
import { caseGenerator } from '../scripts/case-generator.js';
import { cnMainlandCalendar, evaluate, type CaseSnapshotInput } from '../src/index.js';
import { rulesUnder } from '../src/engine/applicability.js';
import { loadProfile } from '../src/engine/profiles.js';
import { deriveCase } from '../src/engine/derive.js';
import { buildReport, type Derivation } from '../src/engine/run-rules.js';
import { caseSnapshotSchema } from '../src/schema/case.js';
import { readCase } from '../src/schema/case-reader.js';
import type { Scope } from '../src/schema/scopes.js';

const PROFILE = 'city-12'; // the profile with the most documents in force
const AS_OF = '2025-10-31T18:00:00+08:00';
const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const REFERENCE_CASES = Math.min(CASES, Number(process.env.BENCH_REFERENCE_CASES ?? 1_000));

/** Cases per second of `work` over `items`, after one untimed warm-up pass over a slice. */
async function rate<T>(items: readonly T[], work: (item: T) => unknown | Promise<unknown>): Promise<number> {
  for (const item of items.slice(0, Math.min(items.length, 2_000))) await work(item);
  const started = performance.now();
  for (const item of items) await work(item);
  return (items.length / (performance.now() - started)) * 1000;
}

/**
 * Cases per second of `work` over `items`, after one untimed pass over all of them: a first pass pays for the JIT
 * and for what is built once per profile (rule conditions compiled, fact records shaped), which 2,000 warm-up cases
 * did not cover (the first stage timed read 2× slower than the same code timed later in the run).
 */
function syncRate<T>(items: readonly T[], work: (item: T) => unknown): number {
  for (const item of items) work(item);
  const started = performance.now();
  for (const item of items) work(item);
  return (items.length / (performance.now() - started)) * 1000;
}

/** One json-rules-engine Engine per scope holding every rule that runs under the profile for that scope. */
function referenceEngines(derivation: Derivation): Map<Scope, Engine> {
  const engines = new Map<Scope, Engine>();
  for (const { rule } of rulesUnder(derivation.profile, derivation.matterKind)) {
    let engine = engines.get(rule.scope);
    if (!engine) engines.set(rule.scope, (engine = new Engine([], { allowUndefinedFacts: true })));
    engine.addRule({ name: rule.name, conditions: rule.conditions as never, event: { type: rule.name } });
  }
  return engines;
}

/** json-rules-engine reads plain objects: the item's facts flattened over its subject's. */
function plainFactSets(derivation: Derivation): Array<{ scope: Scope; facts: Record<string, unknown> }> {
  return derivation.factSets.map(({ scope, facts }) => {
    const flat: Record<string, unknown> = {};
    for (const name in facts) flat[name] = facts[name];
    return { scope, facts: flat };
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);

export async function benchEvaluate(): Promise<void> {
  const makeCase = caseGenerator(20260101);
  // Through JSON, as cases reach evaluate from a log, a database or a request: the generator's own objects hold strings
  // built by concatenation, which V8 must flatten before reading them (instants read 1.5× slower that way).
  const cases: CaseSnapshotInput[] = JSON.parse(JSON.stringify(Array.from({ length: CASES }, (_, i) => makeCase(i + 1))));
  const calendar = cnMainlandCalendar();
  const choice = { profile: PROFILE };
  const joint = cases.filter((c) => c.joint).length;
  const suspended = cases.filter((c) => c.events.some((e) => e.type === 'suspended')).length;
  console.log(`\n## Evaluation (cases/s, higher is better; profile ${PROFILE}: ${rulesUnder(loadProfile(PROFILE), 'license').length} rules run on a license case)\n`);
  console.log(`${CASES.toLocaleString('en-US')} generated cases (${joint} joint, ${suspended} with suspensions); json-rules-engine on the first ${REFERENCE_CASES.toLocaleString('en-US')}.\n`);

  const full = syncRate(cases, (snapshot) => evaluate(snapshot, { profile: PROFILE, asOf: AS_OF, trace: false }));
  const parsed = cases.map((snapshot) => readCase(snapshot) as ReturnType<typeof caseSnapshotSchema.parse>);
  const parse = syncRate(cases, (snapshot) => caseSnapshotSchema.parse(snapshot));
  const read = syncRate(cases, (snapshot) => readCase(snapshot));
  // The derived-fact stage on what evaluate derives from: the reader's fresh output (the timeline annotates its events
  // in place, and doing that to 20,000 snapshots read long before measures the old generation's write barrier, not
  // the stage). Timed with the reader, whose own time is then taken off.
  const readAndDerive = syncRate(cases, (snapshot) => deriveCase(readCase(snapshot) as (typeof parsed)[number], choice, calendar, AS_OF));
  const derive = 1e6 / Math.max(0.01, 1e6 / readAndDerive - 1e6 / read);
  const derivations = parsed.map((snapshot) => deriveCase(snapshot, choice, calendar, AS_OF));
  const rules = syncRate(derivations, (derivation) => buildReport(derivation, AS_OF, false));

  const engines = referenceEngines(derivations[0]!);
  const referenceInput = derivations.slice(0, REFERENCE_CASES).map(plainFactSets);
  const reference = await rate(referenceInput, async (sets) => {
    for (const { scope, facts } of sets) await engines.get(scope)?.run(facts);
  });
  const referenceWithDerive = 1 / (1 / reference + 1 / derive + 1 / parse);

  const us = (rate: number) => (1e6 / rate).toFixed(1).padStart(7);
  console.log('| stage | cases/s | µs/case | ratio |');
  console.log('|---|---:|---:|---:|');
  console.log(`| evaluate (validate + derive + rules + report, trace off) | ${fmt(full)} | ${us(full)} | ${(full / referenceWithDerive).toFixed(1)}× json-rules-engine pipeline |`);
  console.log(`| · schema validation (zod) alone | ${fmt(parse)} | ${us(parse)} | |`);
  console.log(`| · schema validation (reader compiled from the zod schema, what evaluate uses) alone | ${fmt(read)} | ${us(read)} | ${(read / parse).toFixed(1)}× zod |`);
  console.log(`| · derived-fact stage alone (reader + stage, less the reader) | ${fmt(derive)} | ${us(derive)} | |`);
  console.log(`| · compiled rules + report alone | ${fmt(rules)} | ${us(rules)} | ${(rules / reference).toFixed(0)}× json-rules-engine |`);
  console.log(`| json-rules-engine Engine.run on the same facts (one engine per scope, reused) | ${fmt(reference)} | ${us(reference)} | 1× |`);
  console.log(`| json-rules-engine pipeline (validate + derive + Engine.run) | ${fmt(referenceWithDerive)} | ${us(referenceWithDerive)} | |`);

  // The issue's aims, judged on this run: one thread is one core.
  const PER_CORE_AIM = 200_000;
  const RATIO_AIM = 80;
  const ratio = full / referenceWithDerive;
  const budget = 1e6 / PER_CORE_AIM;
  const stages = [
    ['schema validation', 1e6 / read],
    ['derived facts', 1e6 / derive],
    ['rules + report', 1e6 / rules],
  ] as const;
  console.log('');
  console.log(`Aim ${PER_CORE_AIM.toLocaleString('en-US')} cases/s per core (${budget} µs a case): ${full >= PER_CORE_AIM ? 'met' : `NOT met — ${(1e6 / full).toFixed(1)} µs a case, ${(PER_CORE_AIM / full).toFixed(1)}× short`}.`);
  console.log(`Aim ${RATIO_AIM}× the json-rules-engine pipeline: ${ratio >= RATIO_AIM ? 'met' : `NOT met — ${ratio.toFixed(1)}×`}.`);
  if (full < PER_CORE_AIM) {
    const over = stages.filter(([, cost]) => cost > budget).map(([name, cost]) => `${name} ${cost.toFixed(1)} µs`);
    console.log(`In the way (each stage alone over the whole ${budget} µs budget): ${over.join(', ')}.`);
    console.log('Built from the measured design (reviews/PERFORMANCE.md §7): fixed-shape fact records (case and co-department),');
    console.log('conditions compiled per rule and profile, a reader compiled from the zod schema, instants parsed once (in');
    console.log('validation) and events annotated in place, day and end-of-day strings from tables, regulations derived only');
    console.log('where a running rule needs them, facts for messages (41, declared whenShown) computed only for a finding.');
    console.log('What stands in the way: reading and deriving still allocate per case. The reference design (the review\'s');
    console.log('prototype, 4.5 µs) validates each snapshot into typed arrays (event type codes, epoch ms, day numbers) in one');
    console.log('pass, derives every regulation from them with no object per event, and computes deadlines on day numbers;');
    console.log('here the reader builds zod\'s output objects, the timeline indexes events in a Map per case, each deadline is');
    console.log('computed from instant strings (through a memo), and the derivations build sets, lists and small objects as');
    console.log('they follow the law\'s sentences. Moving them onto typed arrays is the next step and the largest.');
  }
}
