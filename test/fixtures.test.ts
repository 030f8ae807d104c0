import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { listRules } from '../src/index.js';
import { rulesUnder } from '../src/engine/applicability.js';
import { deriveFixture, parseFixture, reportOf, runFixture, type Fixture } from '../src/fixtures/fixture.js';
import { reportSchema } from '../src/schema/report.js';

const root = join(import.meta.dirname, '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

const fixtures: Array<[string, Fixture]> = yamlFiles(join(root, 'fixtures'))
  .filter((path) => !path.includes(`${join('fixtures', 'sample')}`))
  .sort()
  .map((path) => [relative(root, path), parseFixture(readFileSync(path, 'utf8'), relative(root, path))]);

describe('fixtures', () => {
  it.each(fixtures)('%s', (file, fixture) => {
    const result = runFixture(fixture, file);
    expect({ findings: result.actual, nearMissesFired: result.nearMissesFired, deadlines: result.deadlineProblems }).toEqual({
      findings: result.expected,
      nearMissesFired: [],
      deadlines: [],
    });
  });

  it('every report, with its trace, matches the published report schema (`schema report`)', () => {
    const mismatches = fixtures.flatMap(([file, fixture]) => {
      const checked = reportSchema.safeParse(reportOf(fixture, true));
      return checked.success ? [] : [`${file}: ${checked.error.issues.map((i) => `$.${i.path.join('.')}: ${i.message}`).join('; ')}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('every rule has a fixture that fires it and a near-miss that does not', () => {
    const fired = new Set(fixtures.flatMap(([, f]) => f.expect.findings));
    const nearMissed = new Set(fixtures.flatMap(([, f]) => f.nearMissFor));
    const ids = [...new Set(listRules().map((r) => r.id))];
    expect(ids.filter((id) => !fired.has(id)), 'rules no fixture fires').toEqual([]);
    expect(ids.filter((id) => !nearMissed.has(id)), 'rules without a near-miss').toEqual([]);
  });

  it('json-rules-engine, the reference evaluator, reaches the same verdict on every rule of every fixture', async () => {
    for (const [file, fixture] of fixtures) {
      const { factSets, profile, matterKind } = deriveFixture(fixture);
      for (const { scope, facts, item } of factSets) {
        // json-rules-engine reads plain facts: flatten the item's facts over its subject's.
        const flat: Record<string, unknown> = {};
        for (const name in facts) flat[name] = facts[name];
        const engine = new Engine([], { allowUndefinedFacts: false });
        for (const name of Object.keys(flat)) engine.addFact(name, flat[name] as never);
        const ours: string[] = [];
        for (const { rule } of rulesUnder(profile, matterKind)) {
          if (rule.scope !== scope) continue;
          engine.addRule({ name: rule.name, conditions: rule.conditions as never, event: { type: rule.name } });
          if (rule.condition.test(facts)) ours.push(rule.name);
        }
        const { events } = await engine.run();
        expect(events.map((e) => e.type).sort(), `${file} ${scope} ${item?.key ?? ''}`).toEqual(ours.sort());
      }
    }
  });
});
