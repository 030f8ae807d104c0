import { listRules } from '../../engine/list-rules.js';
import { EXIT, profileArg } from '../args.js';
import { label, MATTER_KIND_LABELS, say } from '../labels.js';
import type { CommandContext } from './context.js';

/** The `rules` command. */
export function registerRules({ program, io, lang }: CommandContext): void {
  program
    .command('rules')
    .description('list rule ids with severity, citation and message; with --profile, only the rules that run there and the document that makes each run 列出规则')
    .option('--regulation <id>', 'only this regulation')
    .option('--profile <id|file>', 'only the rules that run under this profile')
    .action((opts: { regulation?: string; profile?: string }) => {
      const rules = listRules({ ...(opts.regulation ? { regulation: opts.regulation } : {}), ...(opts.profile ? { profile: profileArg(opts.profile) } : {}) });
      for (const rule of rules) {
        io.out(`${rule.rule.padEnd(38)} ${rule.severity.padEnd(9)} ${rule.citation.document} ${rule.citation.article}\n    ${rule.message[lang()]}`);
        const why = rule.appliesUnder;
        if (why) {
          const kindNames = (rule.matterKinds ?? []).map((k) => label(MATTER_KIND_LABELS, k, lang())).join(say(lang(), '、', ', '));
          const kinds = kindNames ? say(lang(), `（事项类型：${kindNames}）`, ` (matters: ${kindNames})`) : '';
          io.out(`    ${say(lang(), '适用依据', 'runs under')}: ${why.kind === 'document' ? `${why.title[lang()]} [${why.document}]` : why.reason[lang()]}${kinds}`);
        }
      }
      if (opts.profile) io.out(say(lang(), `共 ${rules.length} 条规则在此配置下运行`, `${rules.length} rules run under this profile`));
      io.setExit(EXIT.ok);
    });
}
