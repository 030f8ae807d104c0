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

/** A stable identifier of each published schema, so that editors and validators can tell them apart. */
export const schemaId = (kind: keyof typeof SCHEMAS) => `urn:service-center-rules:schema:${kind}`;

/** The JSON Schema of a format: inputs as accepted (defaults optional), the report as produced. */
export function jsonSchemaOf(kind: keyof typeof SCHEMAS): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(SCHEMAS[kind], { io: kind === 'report' ? 'output' : 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema, $id: schemaId(kind), ...rest };
}

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
      io.out(JSON.stringify(jsonSchemaOf(kind as keyof typeof SCHEMAS), null, 2));
      io.setExit(EXIT.ok);
    });
}
