import citizenHome from '../../rules/profiles/citizen-home.json';
import city12 from '../../rules/profiles/city-12.json';
import county10 from '../../rules/profiles/county-10.json';
import nationalBaseline from '../../rules/profiles/national-baseline.json';
import township from '../../rules/profiles/township.json';
import type { CountingConvention } from '../calendar/deadline.js';
import type { WorkingInterval } from '../calendar/working-hours.js';
import { z } from 'zod';
import { isoDate } from '../schema/calendar-data.js';
import { didYouMean, issue, ValidationError, type Bilingual, type ValidationIssue } from '../errors.js';
import { parseWith } from '../schema/parse.js';
import type { ValueSource } from '../schema/report.js';
import {
  libraryDefaults, profileParamsShape, profileSchema, type Basis, type ParamName, type ParamValues, type Profile, type ProfileInput, type RuleSwitch, type Source,
} from '../schema/profile.js';
import { bundledRuleSets } from './bundled-rules.js';
import { bundledDocuments } from './documents.js';

/** The profiles shipped in rules/profiles/, by id: the keys are the ids editors complete; each file's own id matches its key. */
const BUNDLED_INPUTS = { 'national-baseline': nationalBaseline, 'city-12': city12, 'county-10': county10, township, 'citizen-home': citizenHome } as const;

/** The id of a bundled profile. */
export type BundledProfileId = keyof typeof BUNDLED_INPUTS;
/** A profile id: a bundled one (which editors complete) or one of your own profiles. */
export type ProfileId = BundledProfileId | (string & {});
/** The bundled profiles' ids, in the order `profiles` lists them. */
export const bundledProfileIds = Object.keys(BUNDLED_INPUTS) as BundledProfileId[];

let bundled: Map<string, Profile> | undefined;

/** The profiles shipped in rules/profiles/, validated once. */
export function bundledProfiles(): ReadonlyMap<string, Profile> {
  if (!bundled) {
    bundled = new Map();
    for (const [id, input] of Object.entries(BUNDLED_INPUTS)) {
      const profile = parseWith(profileSchema, input, `rules/profiles/${id}.json`);
      if (profile.id !== id) throw new ValidationError(`rules/profiles/${id}.json`, [issue('id', profile.id, `the id the file is bundled under (${id})`, `该文件所登记的 id（${id}）`)]);
      bundled.set(profile.id, profile);
    }
  }
  return bundled;
}

/** Where a profile's value comes from (its schema is part of the report's, src/schema/report.ts). */
export type { ValueSource };

/** A document in force under a profile, with the profile (of the chain) that declared it and why. */
export interface DocumentInForce {
  id: string;
  title: Bilingual;
  source: Source & { profile: string };
}

export interface ResolvedProfile {
  id: string;
  name: { zh: string; en: string };
  /** The profile and its ancestors, each with the version that applies. */
  versions: Array<{ id: string; validFrom: string }>;
  /** The documents in force, in the order of rules/documents.json. */
  documents: readonly DocumentInForce[];
  /** Single-rule switches and severity overrides, by rule name (id or id/variant). */
  rules: Readonly<Record<string, RuleSwitch & { profile: string }>>;
  workingHours: readonly WorkingInterval[];
  counting: CountingConvention;
  params: ParamValues;
  /** Where each value comes from: param names, and 'workingHours', 'counting'. */
  sources: Record<string, ValueSource>;
}

export interface LoadProfileOptions {
  /** The date whose version applies (YYYY-MM-DD); without it, the latest version. */
  on?: string;
  /** Your own profiles, which may extend the bundled ones or each other. */
  profiles?: readonly ProfileInput[];
}

/**
 * A profile with everything its ancestors set, as in force on a date. A compliance team's copy of a
 * profile file works here unchanged: pass it as an object, or in `profiles` and refer to it by id.
 */
const loadProfileArgs = z.strictObject({
  profile: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  options: z.strictObject({ on: isoDate.optional(), profiles: z.array(z.record(z.string(), z.unknown())).optional() }),
});

export function loadProfile(profile: ProfileId | ProfileInput, options: LoadProfileOptions = {}): ResolvedProfile {
  parseWith(loadProfileArgs, { profile, options }, 'loadProfile');
  const registry = new Map(bundledProfiles());
  for (const custom of options.profiles ?? []) {
    const parsed = parseWith(profileSchema, custom, `profile ${(custom as { id?: string }).id ?? ''}`);
    registry.set(parsed.id, parsed);
  }
  let root: Profile;
  if (typeof profile === 'string') {
    const found = registry.get(profile);
    if (!found) throw new ValidationError('loadProfile', [issue('profile', profile, `a known profile id (${[...registry.keys()].join(', ')}) or a profile object${didYouMean(profile, registry.keys()).en}`, `已知的配置 id（${[...registry.keys()].join('、')}）或配置对象${didYouMean(profile, registry.keys()).zh}`)]);
    root = found;
  } else {
    root = parseWith(profileSchema, profile, `profile ${(profile as { id?: string }).id ?? ''}`);
    registry.set(root.id, root);
  }

  const chain: Profile[] = [];
  for (let current: Profile | undefined = root; current; ) {
    if (chain.some((p) => p.id === current!.id)) {
      throw new ValidationError('loadProfile', [issue('extends', current.id, 'a chain of profiles without a cycle', '不循环的继承链')]);
    }
    chain.push(current);
    if (current.extends === undefined) break;
    const parent = registry.get(current.extends);
    if (!parent) throw new ValidationError('loadProfile', [issue(`${current.id}.extends`, current.extends, `the id of a known profile${didYouMean(current.extends, registry.keys()).en}`, `已知配置的 id${didYouMean(current.extends, registry.keys()).zh}`)]);
    current = parent;
  }

  const resolved: Partial<Omit<ResolvedProfile, 'params'>> & { params: Partial<ParamValues>; sources: ResolvedProfile['sources'] } = {
    id: root.id,
    name: root.name,
    versions: [],
    params: {},
    sources: {},
  };
  const inForce = new Map<string, DocumentInForce['source']>();
  const switches: Record<string, RuleSwitch & { profile: string }> = {};
  const problems: ValidationIssue[] = [];
  // Ancestors first, so that each descendant overrides what it sets.
  for (const member of [...chain].reverse()) {
    const version = versionOn(member, options.on);
    const at = `${member.id}@${version.validFrom}`;
    resolved.versions!.push({ id: member.id, validFrom: version.validFrom });
    for (const id of version.documents?.value ?? []) {
      if (!bundledDocuments().has(id)) problems.push(issue(`${at}.documents`, id, `a document id from rules/documents.json${didYouMean(id, bundledDocuments().keys()).en} (${[...bundledDocuments().keys()].join(', ')})`, `rules/documents.json 中的文件 id${didYouMean(id, bundledDocuments().keys()).zh}（${[...bundledDocuments().keys()].join('、')}）`));
      inForce.set(id, { ...version.documents!.source, profile: member.id });
    }
    for (const id of version.dropDocuments?.value ?? []) {
      if (!inForce.delete(id)) problems.push(issue(`${at}.dropDocuments`, id, 'a document in force under the profile it extends', '所继承配置中现行的文件'));
    }
    for (const [name, setting] of Object.entries(version.rules ?? {})) {
      if (!knownRuleNames().has(name)) problems.push(issue(`${at}.rules`, name, `a rule id or id/variant${didYouMean(name, knownRuleNames()).en} (see \`listRules()\`)`, `规则编号或“编号/变体”${didYouMean(name, knownRuleNames()).zh}（见 \`listRules()\`）`));
      switches[name] = { ...switches[name], ...setting, profile: member.id };
    }
    if (version.workingHours) {
      resolved.workingHours = version.workingHours.value;
      resolved.sources.workingHours = { ...version.workingHours.source, basis: version.workingHours.basis, profile: member.id };
    }
    if (version.counting) {
      resolved.counting = version.counting.value;
      resolved.sources.counting = { ...version.counting.source, basis: version.counting.basis, profile: member.id };
    }
    for (const [name, setting] of Object.entries(version.params) as Array<[ParamName, { value: never; basis: Basis; source: Source }]>) {
      if (!setting) continue;
      resolved.params[name] = setting.value;
      resolved.sources[name] = { ...setting.source, basis: setting.basis, profile: member.id };
    }
  }
  if (problems.length) throw new ValidationError('loadProfile', problems);
  resolved.documents = [...bundledDocuments().values()]
    .filter((document) => inForce.has(document.id))
    .map((document) => ({ id: document.id, title: document.title, source: inForce.get(document.id)! }));
  resolved.rules = switches;

  for (const [name, fallback] of Object.entries(libraryDefaults) as Array<[ParamName, { value: never; note: string }]>) {
    if (resolved.params[name] !== undefined) continue;
    resolved.params[name] = fallback.value;
    resolved.sources[name] = { seed: 'service-center-rules', article: 'library default', note: fallback.note, basis: 'default', profile: LIBRARY };
  }
  const missing = [
    ...(['workingHours', 'counting'] as const).filter((key) => resolved[key] === undefined),
    ...(Object.keys(profileParamsShape) as ParamName[]).filter((name) => resolved.params[name] === undefined),
  ];
  if (missing.length) {
    throw new ValidationError('loadProfile', missing.map((name) => issue(`${root.id}.${name}`, undefined, 'a value set by the profile or one it extends', '由本配置或其所继承配置设定的值')));
  }
  if (resolved.documents.length === 0) {
    throw new ValidationError('loadProfile', [issue(`${root.id}.documents`, [], 'at least one document in force, set by the profile or one it extends', '至少一个现行文件，由本配置或其所继承配置设定')]);
  }
  return resolved as unknown as ResolvedProfile;
}

/** The `profile` of a value no profile sets: the library's default. */
const LIBRARY = '(library default)';

let ruleNames: ReadonlySet<string> | undefined;

/** Every name a profile's rule switch may use: each rule id, and each id/variant. */
function knownRuleNames(): ReadonlySet<string> {
  if (!ruleNames) {
    const names = new Set<string>();
    for (const set of bundledRuleSets().values()) for (const rule of set.rules) names.add(rule.id).add(rule.name);
    ruleNames = names;
  }
  return ruleNames;
}

/**
 * Which version of each bundled profile of the chain is in force on a date, as a key: dates with equal keys resolve
 * to equal profiles, so a resolution can be shared over a version's whole span. Undefined where the chain is not all
 * bundled or no version is in force yet (then `loadProfile` gives the resolution or the error).
 */
export function bundledVersionsOn(id: string, on: string): string | undefined {
  const registry = bundledProfiles();
  const parts: string[] = [];
  for (let current = registry.get(id); current; ) {
    const version = current.versions.filter((v) => v.validFrom <= on).reduce<string | undefined>((latest, v) => (latest === undefined || v.validFrom > latest ? v.validFrom : latest), undefined);
    if (version === undefined || parts.length > registry.size) return undefined;
    parts.push(`${current.id}@${version}`);
    if (current.extends === undefined) return parts.join('>');
    current = registry.get(current.extends);
  }
  return undefined;
}

function versionOn(profile: Profile, on: string | undefined): Profile['versions'][number] {
  const sorted = [...profile.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const inForce = on === undefined ? sorted[sorted.length - 1] : sorted.filter((v) => v.validFrom <= on).pop();
  if (!inForce) {
    throw new ValidationError('loadProfile', [
      issue(`${profile.id}.versions`, on, `a date on or after the first version of ${profile.id} (${sorted[0]!.validFrom})`, `不早于 ${profile.id} 第一个版本生效日（${sorted[0]!.validFrom}）的日期`),
    ]);
  }
  return inForce;
}
