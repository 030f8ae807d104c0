import { z } from 'zod';
import type { Bilingual } from '../errors.js';
import type { LegalSentence, ProfileValueName } from '../regulations/context.js';
import { FACT_DESCRIPTIONS, FACTS_BY_SCOPE, REGULATION_OF_FACT, type RegulationId } from '../regulations/index.js';
import { libraryDefaults } from '../schema/profile.js';
import { scopes, type Scope } from '../schema/scopes.js';
import { bundledDocuments } from './documents.js';

/** One fact as the catalogue lists it. */
export interface FactInfo {
  name: string;
  /** The regulation that derives it; absent for facts of the case or roster as recorded, shared by every rule. */
  regulation?: RegulationId;
  /** The scopes whose rules may read it (an item scope reads its subject's facts too). */
  scopes: Scope[];
  description: Bilingual;
  /** The value's JSON Schema. */
  type: Record<string, unknown>;
  /** The profile values it is computed from, each with the library's default where it has one. */
  params: Array<{ name: ProfileValueName; libraryDefault?: unknown }>;
  /** The sentence it implements, with the seed document it is quoted from. */
  implements?: LegalSentence & { seed: string; heading: string };
  /** For messages and evidence only: computed when a finding shows it, never read by a rule's condition. */
  whenShown?: true;
}

const typeCache = new WeakMap<z.ZodType, Record<string, unknown>>();

function jsonSchemaOf(type: z.ZodType): Record<string, unknown> {
  let schema = typeCache.get(type);
  if (!schema) {
    // Refinements (a calendar date's validity) have no JSON Schema form; the catalogue says `format: date` instead.
    const { $schema: _omit, ...rest } = z.toJSONSchema(type, { unrepresentable: 'any', io: 'output' }) as Record<string, unknown>;
    typeCache.set(type, (schema = rest));
  }
  return schema;
}

/** Every fact rules may read, in name order (the fixed collation the reports use), with its declaration. */
export function factCatalogue(): FactInfo[] {
  const names = Object.keys(FACT_DESCRIPTIONS).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => {
    const declaration = FACT_DESCRIPTIONS[name]!;
    const regulation = REGULATION_OF_FACT.get(name);
    const sentence = declaration.implements;
    const document = sentence ? bundledDocuments().get(sentence.document) : undefined;
    return {
      name,
      ...(regulation ? { regulation } : {}),
      scopes: scopes.filter((scope) => FACTS_BY_SCOPE[scope].has(name)),
      description: { zh: declaration.zh, en: declaration.en },
      type: jsonSchemaOf(declaration.type),
      params: (declaration.params ?? []).map((param) => {
        const fallback = param === 'workingHours' ? undefined : libraryDefaults[param];
        return fallback ? { name: param, libraryDefault: fallback.value } : { name: param };
      }),
      ...(sentence ? { implements: { ...sentence, seed: document?.seed ?? '?', heading: document?.heading ?? '?' } } : {}),
      ...(declaration.whenShown ? { whenShown: true as const } : {}),
    };
  });
}

/**
 * The fact catalogue as one JSON Schema (for `schema facts`): an object whose properties are the facts, each with
 * its value's schema, its description, and `x-` keys for the regulation, scopes, profile values and legal sentence.
 */
export function factCatalogueJsonSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const fact of factCatalogue()) {
    properties[fact.name] = {
      ...fact.type,
      description: fact.description.en,
      'x-description-zh': fact.description.zh,
      ...(fact.regulation ? { 'x-regulation': fact.regulation } : {}),
      'x-scopes': fact.scopes,
      ...(fact.params.length ? { 'x-params': fact.params } : {}),
      ...(fact.implements ? { 'x-implements': fact.implements } : {}),
      ...(fact.whenShown ? { 'x-when-shown': true } : {}),
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'service-center-rules facts',
    description: 'Every fact a rule condition or message may read, besides param.<name> (the profile parameters).',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

const typeWords = (schema: Record<string, unknown>): string => {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Array<Record<string, unknown>>).map(typeWords).join(' \\| ');
  if (Array.isArray(schema.type)) return (schema.type as string[]).join(' \\| ');
  if (schema.type === 'array') return `${typeWords(schema.items as Record<string, unknown>)}[]`;
  if (schema.format === 'date') return 'date';
  // Bilingual words ({ zh, en }): shown in the message's language.
  if (schema.type === 'object' && typeof schema.properties === 'object' && schema.properties !== null && 'zh' in schema.properties) return 'label';
  if (schema.type === 'integer' && schema.minimum === 0) return 'count';
  return String(schema.type ?? 'any');
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The catalogue as the README's Markdown table, one section per regulation. */
export function factTableMarkdown(): string {
  const out: string[] = [];
  const catalogue = factCatalogue();
  const groups = [...new Set(catalogue.map((f) => f.regulation ?? ''))].sort();
  for (const group of groups) {
    out.push(`#### ${group === '' ? 'The case and roster as recorded (every rule)' : group}`, '', '| fact | type | 含义 | meaning | rests on |', '| --- | --- | --- | --- | --- |');
    for (const fact of catalogue.filter((f) => (f.regulation ?? '') === group)) {
      const restsOn = [...fact.params.map((p) => `\`${p.name}\``), ...(fact.implements ? [`${fact.implements.document} ${fact.implements.article}`] : [])].join(', ');
      const type = typeWords(fact.type) + (fact.whenShown ? ' (shown)' : '');
      out.push(`| \`${fact.name}\` | ${type} | ${cell(fact.description.zh)} | ${cell(fact.description.en)} | ${cell(restsOn)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
