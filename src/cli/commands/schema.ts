import { z } from 'zod';
import { showValue } from '../../errors.js';
import { fixtureSchema } from '../../fixtures/fixture.js';
import { catalogueSnapshotSchema } from '../../schema/catalogue.js';
import { caseSnapshotSchema } from '../../schema/case.js';
import { inquirySnapshotSchema } from '../../schema/inquiry.js';
import { profileSchema } from '../../schema/profile.js';
import { reportSchema } from '../../schema/report.js';
import { rosterSnapshotSchema } from '../../schema/roster.js';
import { factCatalogueJsonSchema } from '../../engine/fact-catalogue.js';
import { supervisionRecordSchema } from '../../interchange/supervision.js';
import { EXIT, UsageError } from '../args.js';
import { auditRecordSchema } from '../report/case-record.js';
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

/** Outputs of the command line, described as produced: the audit's per-case lines and its e-supervision records. */
const OUTPUT_SCHEMAS = {
  'audit-record': auditRecordSchema,
  supervision: supervisionRecordSchema,
} as const;

/** Every kind `schema <kind>` prints: the formats above, the command line's outputs, and the fact catalogue. */
const KINDS = [...Object.keys(SCHEMAS), ...Object.keys(OUTPUT_SCHEMAS), 'facts'] as const;
type Kind = keyof typeof SCHEMAS | keyof typeof OUTPUT_SCHEMAS | 'facts';

/** A stable identifier of each published schema, so that editors and validators can tell them apart. */
export const schemaId = (kind: Kind) => `urn:service-center-rules:schema:${kind}`;

/** The JSON Schema of a kind: inputs as accepted (defaults optional), reports and outputs as produced. */
export function jsonSchemaOf(kind: Kind): Record<string, unknown> {
  const generated =
    kind === 'facts' ? factCatalogueJsonSchema()
    : Object.hasOwn(OUTPUT_SCHEMAS, kind) ? z.toJSONSchema(OUTPUT_SCHEMAS[kind as keyof typeof OUTPUT_SCHEMAS], { io: 'output', unrepresentable: 'any' })
    : z.toJSONSchema(SCHEMAS[kind as keyof typeof SCHEMAS], { io: kind === 'report' ? 'output' : 'input', unrepresentable: 'any' });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return { $schema, $id: schemaId(kind), ...rest };
}

/** The `schema` command. */
export function registerSchema({ program, io, help }: CommandContext): void {
  program
    .command('schema')
    .description(t(help, HELP.schema))
    .argument('<kind>', `${t(help, HELP.schemaKind)}: ${KINDS.join(' | ')}`)
    .action((kind: string) => {
      // Own keys only: `schema constructor` or `schema __proto__` is an unknown kind, not Object's.
      if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(ERRORS.schemaKind(showValue(kind), KINDS.join(', ')));
      io.out(JSON.stringify(jsonSchemaOf(kind as Kind), null, 2));
      io.setExit(EXIT.ok);
    });
}
