import { z } from 'zod';
import { showValue } from '../../errors.js';
import { fixtureSchema } from '../../fixtures/fixture.js';
import { catalogueSnapshotSchema } from '../../schema/catalogue.js';
import { caseSnapshotSchema } from '../../schema/case.js';
import { inquirySnapshotSchema } from '../../schema/inquiry.js';
import { profileSchema } from '../../schema/profile.js';
import { reportSchema } from '../../schema/report.js';
import { rosterSnapshotSchema } from '../../schema/roster.js';
import { EXIT, UsageError } from '../args.js';
import { t } from '../messages/common.js';
import { ERRORS } from '../messages/errors.js';
import { HELP } from '../messages/help.js';
import type { CommandContext } from './context.js';

/** The formats `schema <kind>` prints. */
export const SCHEMAS = {
  case: caseSnapshotSchema,
  roster: rosterSnapshotSchema,
  inquiry: inquirySnapshotSchema,
  catalogue: catalogueSnapshotSchema,
  profile: profileSchema,
  fixture: fixtureSchema,
  report: reportSchema,
} as const;

/** The `schema` command. */
export function registerSchema({ program, io, help }: CommandContext): void {
  program
    .command('schema')
    .description(t(help, HELP.schema))
    .argument('<kind>', `${t(help, HELP.schemaKind)}: ${Object.keys(SCHEMAS).join(' | ')}`)
    .action((kind: string) => {
      // Own keys only: `schema constructor` or `schema __proto__` is an unknown kind, not Object's.
      const schema = Object.hasOwn(SCHEMAS, kind) ? SCHEMAS[kind as keyof typeof SCHEMAS] : undefined;
      if (!schema) throw new UsageError(ERRORS.schemaKind(showValue(kind), Object.keys(SCHEMAS).join(', ')));
      // Inputs are described as accepted (defaults optional); the report as produced.
      io.out(JSON.stringify(z.toJSONSchema(schema, { io: kind === 'report' ? 'output' : 'input', unrepresentable: 'any' }), null, 2));
      io.setExit(EXIT.ok);
    });
}
