import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ListRulesOptions } from '../../src/engine/list-rules.js';
import { bundledProfiles } from '../../src/engine/profiles.js';
import type { RegulationId } from '../../src/schema/profile.js';
import { listRules } from '../../src/index.js';
import { cli } from './helpers.js';

const schemaOf = async (kind: string) => JSON.parse((await cli('schema', kind)).out) as Record<string, any>;

describe('JSON Schemas for editors', () => {
  it('every schema has an $id of its own', async () => {
    const ids = new Set<string>();
    for (const kind of ['case', 'roster', 'inquiry', 'catalogue', 'profile', 'fixture', 'report']) {
      const schema = await schemaOf(kind);
      expect(schema.$id).toBe(`urn:service-center-rules:schema:${kind}`);
      ids.add(schema.$id);
    }
    expect(ids.size).toBe(7);
  });

  it('the main fields carry descriptions; instants are date-time, dates are date', async () => {
    const schema = await schemaOf('case');
    expect(schema.description).toMatch(/办件/);
    for (const field of ['id', 'matter', 'channel', 'events']) expect(schema.properties[field].description, field).toMatch(/\S/);
    for (const field of ['legalLimitWorkingDays', 'promisedLimitWorkingDays', 'class']) expect(schema.properties.matter.properties[field].description, field).toMatch(/\S/);
    const received = schema.properties.events.items.anyOf ?? schema.properties.events.items.oneOf;
    expect(received.every((event: { properties: { at: { format: string } } }) => event.properties.at.format === 'date-time')).toBe(true);
    const fixture = await schemaOf('fixture');
    expect(fixture.properties.asOf.format).toBe('date-time');
    expect(fixture.properties.expect.properties.facts.description).toMatch(/otn\.noticeWorkingDays/);
    const roster = await schemaOf('roster');
    expect(roster.properties.period.properties.from.format).toBe('date');
  });

  it('profile ids and rule ids are offered to editors from the bundled lists', async () => {
    const fixture = await schemaOf('fixture');
    expect(fixture.properties.profile.anyOf[0].examples).toEqual([...bundledProfiles().keys()]);
    expect(fixture.properties.expect.properties.findings.items.examples).toEqual([...new Set(listRules().map((rule) => rule.id))]);
  });

  it('regulation ids are a literal type that autocompletes, and any string is still accepted', () => {
    expectTypeOf<'one-time-notification'>().toExtend<NonNullable<ListRulesOptions['regulation']>>();
    expectTypeOf<RegulationId>().toExtend<NonNullable<ListRulesOptions['regulation']>>();
    expectTypeOf<string>().toExtend<NonNullable<ListRulesOptions['regulation']>>();
  });
});
