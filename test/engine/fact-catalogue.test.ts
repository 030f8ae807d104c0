import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factCatalogue, factCatalogueJsonSchema } from '../../src/index.js';
import { factTableMarkdown } from '../../src/engine/fact-catalogue.js';
import { FACT_DESCRIPTIONS } from '../../src/regulations/index.js';
import { locate } from '../support/locate-citation.js';

const root = join(import.meta.dirname, '..', '..');
const BEGIN = '<!-- facts:begin -->';
const END = '<!-- facts:end -->';

describe('fact catalogue', () => {
  it('the README’s fact table is the one the declarations give', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const from = readme.indexOf(BEGIN);
    const to = readme.indexOf(END);
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const regenerated = `${readme.slice(0, from + BEGIN.length)}\n${factTableMarkdown()}${readme.slice(to)}`;
    await expect(regenerated).toMatchFileSnapshot('../../README.md');
  });

  it('every sentence a fact implements is quoted verbatim under its document and article', () => {
    const sentences = factCatalogue().flatMap((fact) => (fact.implements ? [[fact.name, locate({ ...fact.implements, document: fact.implements.heading })]] : []));
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.filter(([, problem]) => problem)).toEqual([]);
  });

  it('the JSON Schema lists every fact with its type and description, and validates what its zod type accepts', () => {
    const schema = factCatalogueJsonSchema() as { properties: Record<string, { type?: unknown; anyOf?: unknown; description: string }> };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(FACT_DESCRIPTIONS).sort());
    for (const [name, property] of Object.entries(schema.properties)) {
      expect(property.type ?? property.anyOf, name).toBeDefined();
      expect(property.description, name).toBe(FACT_DESCRIPTIONS[name]!.en);
    }
    expect(schema.properties['otn.deemedAccepted']).toMatchObject({ type: 'boolean', 'x-regulation': 'one-time-notification', 'x-params': [{ name: 'statutoryNoticeWorkingDays' }, { name: 'deemedAcceptanceOnLateNotice' }] });
    expect(schema.properties['tc.dueDate']).toMatchObject({ anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] });
  });

  it('is the same on every call and lists facts in name order', () => {
    const names = factCatalogue().map((f) => f.name);
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
    expect(JSON.stringify(factCatalogueJsonSchema())).toBe(JSON.stringify(factCatalogueJsonSchema()));
  });
});
