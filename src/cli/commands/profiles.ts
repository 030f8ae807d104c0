import { isoDate } from '../../schema/calendar-data.js';
import { listRules } from '../../engine/list-rules.js';
import { bundledProfiles, loadProfile, type ResolvedProfile, type ValueSource } from '../../engine/profiles.js';
import { showValue } from '../../errors.js';
import { EXIT, profileArg, UsageError } from '../args.js';
import { colon, label, t, type Lang } from '../messages/common.js';
import { ERRORS } from '../messages/errors.js';
import { HELP } from '../messages/help.js';
import { BASIS_LABELS, SEVERITY_LABELS } from '../messages/labels.js';
import { PROFILES } from '../messages/rules.js';
import type { CommandContext } from './context.js';

/** A value as a profile states it: numbers and words as they are, lists joined, intervals as from–to. */
function shownValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => (item !== null && typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ') || '—';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Where a value comes from, in one line: basis, the source's seed and article, and its sentence. */
function sourceLine(source: ValueSource, lang: Lang): string {
  const basis = source.basis ? label(BASIS_LABELS, source.basis, lang) : '';
  const setBy = source.profile.startsWith('(') ? t(lang, PROFILES.libraryDefault) : t(lang, PROFILES.setBy(source.profile));
  const sentence = source.text ? `「${source.text}」` : '';
  return `[${basis}] ${source.seed} ${source.article}${sentence} — ${setBy}`;
}

export function profileLines(profile: ResolvedProfile, on: string | undefined, lang: Lang): string[] {
  const out = [`${profile.name[lang]}  ${profile.id}${on ? t(lang, PROFILES.asOn(on)) : t(lang, PROFILES.latest)}`];
  out.push(`${t(lang, PROFILES.versions)}${colon(lang)}${profile.versions.map((v) => `${v.id}@${v.validFrom}`).join(' → ')}`);
  out.push(`${t(lang, PROFILES.documents)}${colon(lang).trim()}`);
  for (const document of profile.documents) out.push(`  ${document.title[lang]} [${document.id}]`);
  out.push('', `${t(lang, PROFILES.parameters)}${colon(lang).trim()}`);
  const entries: Array<[string, unknown]> = [[t(lang, PROFILES.workingHours), profile.workingHours], [t(lang, PROFILES.counting), profile.counting], ...Object.entries(profile.params)];
  const keys = ['workingHours', 'counting', ...Object.keys(profile.params)];
  entries.forEach(([name, value], i) => {
    const source = profile.sources[keys[i]!];
    out.push(`  ${name} = ${shownValue(value)}`);
    if (source) {
      out.push(`      ${sourceLine(source, lang)}`);
      if (source.note) out.push(`      ${t(lang, PROFILES.note)}${colon(lang)}${source.note}`);
    }
  });
  return out;
}

/** The `profiles` command: the bundled profiles, and one profile's every value with its source. */
export function registerProfiles({ program, io, lang, help }: CommandContext): void {
  const profiles = program
    .command('profiles')
    .description(t(help, HELP.profiles))
    .action(() => {
      const l = lang();
      for (const id of bundledProfiles().keys()) {
        const profile = loadProfile(id);
        const parent = bundledProfiles().get(id)!.extends;
        io.out(`${id}  ${profile.name[l]}${parent ? `  (${t(l, PROFILES.extends(parent))})` : ''}`);
        io.out(`    ${t(l, PROFILES.documents)}${colon(l)}${profile.documents.map((d) => d.id).join(', ')}`);
      }
      io.out(t(l, PROFILES.count(bundledProfiles().size)));
      io.setExit(EXIT.ok);
    });
  profiles
    .command('show')
    .description(t(help, HELP.profilesShow))
    .argument('<id|file>', t(help, HELP.profilesShowId))
    .option('--on <date>', t(help, HELP.profilesOn))
    .action((id: string, opts: { on?: string }) => {
      const l = lang();
      if (opts.on !== undefined && !isoDate.safeParse(opts.on).success) throw new UsageError(ERRORS.onDate(showValue(opts.on)));
      const chosen = profileArg(id);
      const on = opts.on ? { on: opts.on } : {};
      const profile = loadProfile(chosen, on);
      const out = profileLines(profile, opts.on, l);
      const rules = listRules({ profile: chosen, ...on });
      out.push('', `${t(l, PROFILES.rules(rules.length))}${colon(l).trim()}`);
      for (const rule of rules) {
        const why = rule.appliesUnder?.kind === 'document' ? rule.appliesUnder.document : t(l, PROFILES.switched);
        out.push(`  ${rule.title[l]}  ${rule.rule}  [${label(SEVERITY_LABELS, rule.severity, l)}]  ← ${why}`);
      }
      io.out(out.join('\n'));
      io.setExit(EXIT.ok);
    });
}
