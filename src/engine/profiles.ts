import citizenHome from '../../rules/profiles/citizen-home.json';
import city12 from '../../rules/profiles/city-12.json';
import county10 from '../../rules/profiles/county-10.json';
import nationalBaseline from '../../rules/profiles/national-baseline.json';
import township from '../../rules/profiles/township.json';
import type { CountingConvention } from '../calendar/deadline.js';
import type { WorkingInterval } from '../calendar/working-hours.js';
import { issue, ValidationError } from '../errors.js';
import { parseWith } from '../schema/parse.js';
import {
  profileParamsShape, profileSchema, type ParamName, type ParamValues, type Profile, type ProfileInput, type RegulationId, type Source,
} from '../schema/profile.js';

const BUNDLED_INPUTS: readonly unknown[] = [nationalBaseline, city12, county10, township, citizenHome];

let bundled: Map<string, Profile> | undefined;

/** The profiles shipped in rules/profiles/, validated once. */
export function bundledProfiles(): ReadonlyMap<string, Profile> {
  if (!bundled) {
    bundled = new Map();
    for (const input of BUNDLED_INPUTS) {
      const id = (input as { id?: string }).id ?? '?';
      const profile = parseWith(profileSchema, input, `rules/profiles/${id}.json`);
      bundled.set(profile.id, profile);
    }
  }
  return bundled;
}

export interface ResolvedProfile {
  id: string;
  name: { zh: string; en: string };
  /** The profile and its ancestors, each with the version that applies. */
  versions: Array<{ id: string; validFrom: string }>;
  ruleSets: readonly RegulationId[];
  workingHours: readonly WorkingInterval[];
  counting: CountingConvention;
  params: ParamValues;
  /** Where each value comes from: param names, and 'ruleSets', 'workingHours', 'counting'. */
  sources: Record<string, Source & { profile: string }>;
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
export function loadProfile(profile: string | ProfileInput, options: LoadProfileOptions = {}): ResolvedProfile {
  const registry = new Map(bundledProfiles());
  for (const custom of options.profiles ?? []) {
    const parsed = parseWith(profileSchema, custom, `profile ${(custom as { id?: string }).id ?? ''}`);
    registry.set(parsed.id, parsed);
  }
  let root: Profile;
  if (typeof profile === 'string') {
    const found = registry.get(profile);
    if (!found) throw new ValidationError('loadProfile', [issue('profile', profile, `a known profile id (${[...registry.keys()].join(', ')}) or a profile object`)]);
    root = found;
  } else {
    root = parseWith(profileSchema, profile, `profile ${(profile as { id?: string }).id ?? ''}`);
    registry.set(root.id, root);
  }

  const chain: Profile[] = [];
  for (let current: Profile | undefined = root; current; ) {
    if (chain.some((p) => p.id === current!.id)) {
      throw new ValidationError('loadProfile', [issue('extends', current.id, 'a chain of profiles without a cycle')]);
    }
    chain.push(current);
    if (current.extends === undefined) break;
    const parent = registry.get(current.extends);
    if (!parent) throw new ValidationError('loadProfile', [issue(`${current.id}.extends`, current.extends, 'the id of a known profile')]);
    current = parent;
  }

  const resolved: Partial<Omit<ResolvedProfile, 'params'>> & { params: Partial<ParamValues>; sources: ResolvedProfile['sources'] } = {
    id: root.id,
    name: root.name,
    versions: [],
    params: {},
    sources: {},
  };
  // Ancestors first, so that each descendant overrides what it sets.
  for (const member of [...chain].reverse()) {
    const version = versionOn(member, options.on);
    resolved.versions!.push({ id: member.id, validFrom: version.validFrom });
    if (version.ruleSets) {
      resolved.ruleSets = version.ruleSets.value;
      resolved.sources.ruleSets = { ...version.ruleSets.source, profile: member.id };
    }
    if (version.workingHours) {
      resolved.workingHours = version.workingHours.value;
      resolved.sources.workingHours = { ...version.workingHours.source, profile: member.id };
    }
    if (version.counting) {
      resolved.counting = version.counting.value;
      resolved.sources.counting = { ...version.counting.source, profile: member.id };
    }
    for (const [name, setting] of Object.entries(version.params) as Array<[ParamName, { value: never; source: Source }]>) {
      if (!setting) continue;
      resolved.params[name] = setting.value;
      resolved.sources[name] = { ...setting.source, profile: member.id };
    }
  }

  const missing = [
    ...(['ruleSets', 'workingHours', 'counting'] as const).filter((key) => resolved[key] === undefined),
    ...(Object.keys(profileParamsShape) as ParamName[]).filter((name) => resolved.params[name] === undefined),
  ];
  if (missing.length) {
    throw new ValidationError('loadProfile', missing.map((name) => issue(`${root.id}.${name}`, undefined, 'a value set by the profile or one it extends')));
  }
  return resolved as unknown as ResolvedProfile;
}

function versionOn(profile: Profile, on: string | undefined): Profile['versions'][number] {
  const sorted = [...profile.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const inForce = on === undefined ? sorted[sorted.length - 1] : sorted.filter((v) => v.validFrom <= on).pop();
  if (!inForce) {
    throw new ValidationError('loadProfile', [
      issue(`${profile.id}.versions`, on, `a date on or after the first version of ${profile.id} (${sorted[0]!.validFrom})`),
    ]);
  }
  return inForce;
}
