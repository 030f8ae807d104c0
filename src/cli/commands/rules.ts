import { listRules } from '../../engine/list-rules.js';
import { bundledRuleSets } from '../../engine/bundled-rules.js';
import { didYouMean, showValue } from '../../errors.js';
import { EXIT, profileArg, UsageError } from '../args.js';
import { colon, joined, label, t } from '../messages/common.js';
import { HELP } from '../messages/help.js';
import { MATTER_KIND_LABELS, SEVERITY_LABELS } from '../messages/labels.js';
import { RULES } from '../messages/rules.js';
import type { CommandContext } from './context.js';

/** A regulation id given on the command line; a misspelt one gets the nearest valid id. */
export function regulationArg(value: string): string {
  const known = [...bundledRuleSets().values()].map((set) => set.regulation);
  if (!known.includes(value)) throw new UsageError(RULES.unknownRegulation(showValue(value), didYouMean(value, known), known.join(', ')));
  return value;
}

/** The `rules` command: each rule's title first, its id second, then severity, citation and message. */
export function registerRules({ program, io, lang, help }: CommandContext): void {
  program
    .command('rules')
    .description(t(help, HELP.rules))
    .option('--regulation <id>', t(help, HELP.regulation))
    .option('--profile <id|file>', t(help, HELP.rulesProfile))
    .action((opts: { regulation?: string; profile?: string }) => {
      const rules = listRules({ ...(opts.regulation ? { regulation: regulationArg(opts.regulation) } : {}), ...(opts.profile ? { profile: profileArg(opts.profile) } : {}) });
      const l = lang();
      for (const rule of rules) {
        io.out(`${rule.title[l]}  ${rule.rule}  [${label(SEVERITY_LABELS, rule.severity, l)}]\n    ${rule.citation.document} ${rule.citation.article}\n    ${rule.message[l]}`);
        const why = rule.appliesUnder;
        if (why) {
          const kindNames = joined(l, (rule.matterKinds ?? []).map((k) => label(MATTER_KIND_LABELS, k, l)));
          const kinds = kindNames ? t(l, RULES.matterKinds(kindNames)) : '';
          io.out(`    ${t(l, RULES.runsUnder)}${colon(l)}${why.kind === 'document' ? `${why.title[l]} [${why.document}]` : why.reason[l]}${kinds}`);
        }
      }
      io.out(t(l, opts.profile ? RULES.countUnderProfile(rules.length) : RULES.count(rules.length)));
      io.setExit(EXIT.ok);
    });
}
