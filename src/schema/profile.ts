import { z } from 'zod';
import { countingConventionSchema } from '../calendar/deadline.js';
import { workingHoursSchema } from '../calendar/working-hours.js';
import { isoDate } from './calendar-data.js';
import { guideRequirementNames } from './catalogue.js';
import { documentId } from './documents.js';
import { ruleSeveritySchema } from './vocabulary.js';

/** Where a value comes from: a seed document or law, the article, and (where it says so in words) the sentence. */
export const sourceSchema = z.strictObject({
  seed: z.string().min(1),
  article: z.string().min(1),
  text: z.string().min(1).optional(),
  /** Why this value, where the text leaves a choice to the profile. */
  note: z.string().optional(),
});

export type Source = z.infer<typeof sourceSchema>;

/**
 * What a value rests on. `text`: the source states it (the sentence is quoted). `reading`: the source says 及时, 同时,
 * 立即 or the like and the number is our reading of it (the note says so). `default`: no source gives it. A breach
 * measured against a `reading` or `default` value is reported as a warning, never a violation: a center that writes
 * its own number, with its own document, into its profile as `text` gets violations.
 */
export const bases = ['text', 'reading', 'default'] as const;
export type Basis = (typeof bases)[number];

/** A parameter's setting: its value, what the value rests on and where it comes from; `meaning` is what the parameter is, as `schema profile` prints it. */
const sourced = <T extends z.ZodType>(value: T, meaning: string) =>
  z
    .strictObject({ value, basis: z.enum(bases), source: sourceSchema })
    .superRefine((setting, ctx) => {
      if (setting.basis === 'text' && setting.source.text === undefined) {
        ctx.addIssue({ code: 'custom', path: ['source', 'text'], message: "the sentence that states the value, since basis is 'text'" });
      }
      if (setting.basis !== 'text' && setting.source.note === undefined) {
        ctx.addIssue({ code: 'custom', path: ['source', 'note'], message: `a note saying why the value was chosen, since basis is '${setting.basis}'` });
      }
    })
    .meta({ description: meaning });

const workingDays = z.int().nonnegative();

/** Every parameter a profile can set. Rule files may compare facts with these, by name: `param.<name>`. */
export const profileParamsShape = {
  oneTimeNoticeWorkingDays: sourced(workingDays, "A local system's service limit for the one-time notice of a promised case (city-12 一次性告知制度 第五条(一): 3)."),
  statutoryNoticeWorkingDays: sourced(workingDays, "The law's limit for the notice (ALL 第三十二条(四): 五日); it alone decides deemed acceptance."),
  deemedAcceptanceOnLateNotice: sourced(z.boolean(), "Items still untold when the law's limit runs out mean the application counts as accepted on receipt (ALL 第三十二条(四))."),
  defaultLegalLimitWorkingDays: sourced(workingDays, 'Legal limit for a matter whose catalogue entry gives none (ALL 第四十二条: 20).'),
  extensionMaxWorkingDays: sourced(workingDays, 'Working days by which an extension may lengthen the limit (ALL 第四十二条: 可以延长十日).'),
  extensionMaxCount: sourced(z.int().positive(), 'How many extensions a case may have (ALL 第四十二条 speaks of one).'),
  extensionApprover: sourced(z.enum(['agency-head', 'any']), "Who must approve an extension: 'agency-head' (ALL 第四十二条) or 'any' where the source names nobody."),
  extensionCopyToCenterRequired: sourced(z.boolean(), 'The extension notice is copied to the center (city-12 按时办结 第三条(四)).'),
  jointLimitWorkingDays: sourced(workingDays, 'Legal limit for a case handled jointly by several departments (ALL 第四十二条: 四十五日).'),
  jointExtensionMaxWorkingDays: sourced(workingDays, "Working days by which a joint case's limit may be extended (ALL 第四十二条: 十五日)."),
  deliveryWorkingDays: sourced(workingDays, 'Working days after an approval by which the certificate must be issued and delivered (ALL 第四十四条: 十日).'),
  excludedTimeNeedsWrittenNotice: sourced(z.boolean(), 'Excluded time (ALL 第四十五条) stops the clock only when the applicant was told in writing.'),
  warnWorkingDays: sourced(workingDays, 'A deadline is due soon (the yellow e-supervision light) when at most this many working days are left…'),
  warnElapsedRatio: sourced(z.number().min(0).max(1), '…or once this share of its limit (extension included) has elapsed.'),
  ticketRequiredAtWindow: sourced(z.boolean(), 'A window accepts only with a front-desk ticket, unless the application came online (city-12 网上办理 第五条(二)).'),
  systemEntryToleranceMinutes: sourced(z.number().nonnegative(), 'Working minutes after the front-desk ticket (or the window\'s receipt, where that came later or no ticket was issued) by which a window application must be in the approval system ("申请人经总台登记发号后,受理窗口要及时录入上网"); online applications are in it from receipt.'),
  rejectionFilingWorkingDays: sourced(workingDays, 'Working days after a refusal by which its copy must be filed with the center.'),
  copyWithinWorkingDays: sourced(workingDays, 'Working days after acceptance by which the lead copies every co-department (抄告相关).'),
  disclosureUpdateWorkingDays: sourced(workingDays, "Working days after a change of a matter's facts by which its published guide must show it."),
  resultNoticeWorkingDays: sourced(workingDays, 'Working days after a decision by which the party is told the result (及时向当事人公开).'),
  leavePrincipalApprovalOverDays: sourced(z.number().positive(), 'Leave longer than this many days needs the principal leader as well as the leader in charge.'),
  chiefRepMinAPostStaff: sourced(z.int().nonnegative(), 'A department with a chief representative keeps at least this many A-post staff…'),
  chiefRepMinBPostStaff: sourced(z.int().nonnegative(), '…and at least this many B-post staff.'),
  minWindowTermYears: sourced(z.number().nonnegative(), 'Minimum years a person serves at a window before leaving it; 0 where no source sets one.'),
  chiefRepMinTermYears: sourced(z.number().nonnegative(), "Minimum years of a chief representative's term."),
  chiefRepQualification: sourced(z.enum(['deputy-section-or-above', 'leader-in-charge-or-approval-section-chief', 'unspecified']), 'Who may be chief representative: a mid-level cadre (city-12) or the leader in charge / approval section chief (citizen-home).'),
  vacancyToleranceMinutes: sourced(z.number().nonnegative(), 'A post left with neither its A nor a B on it (nor, where the document allows one, a complete whereabouts sign) for longer than this many minutes at a stretch is a vacancy (AB-COVERAGE).'),
  lateToleranceMinutes: sourced(z.number().nonnegative(), 'Minutes late (or early) beyond which arrival counts as late (leaving as early).'),
  offPostMinutes: sourced(z.number().positive(), 'An unexplained absence from the post of at least this many minutes is off-post (脱岗)…'),
  halfDayAbsenceMinutes: sourced(z.number().positive(), '…and of at least this many minutes counts as half a day absent (旷工半天).'),
  guideRequiredFields: sourced(z.array(z.enum(guideRequirementNames)), "What every published guide must carry under the profile's own document (city-12 办事公开 第四条(三), township 统一信息公开, citizen-home 第二十一条, county-10 (七) each list different items). `timeLimit` is met by the legal or the promised limit. The Administrative License Law's list (第三十条) applies to license matters besides, whatever this says."),
  unlawfulInformationFeeItems: sourced(z.array(z.string().min(1)), 'Fee items for disclosed information that the profile, on its source, holds to be charged against national rules (违反国家规定收取费用).'),
} as const;

export type ParamName = keyof typeof profileParamsShape;
export type ParamValues = { [K in ParamName]: z.output<(typeof profileParamsShape)[K]>['value'] };

/**
 * Values for the parameters of local documents, used where no profile of the chain sets them: a profile whose
 * documents do not contain the duty needs no value, and a profile that switches such a rule on without setting
 * the number gets these, with basis `default`, so that breaches measured against them are warnings.
 */
export const libraryDefaults: { [K in ParamName]?: { value: ParamValues[K]; note: string } } = {
  oneTimeNoticeWorkingDays: { value: 5, note: 'No local service limit unless a document in force sets one (city-12 一次性告知制度 第五条(一)); the law\'s five days.' },
  ticketRequiredAtWindow: { value: false, note: 'No front-desk ticket duty unless a document in force sets one (city-12 网上办理 第五条(二)).' },
  systemEntryToleranceMinutes: { value: 60, note: 'No document gives a number for entering a case into the system: 60 working minutes after the ticket is this library\'s default.' },
  rejectionFilingWorkingDays: { value: 1, note: 'No document gives a number for filing a refusal with the center.' },
  copyWithinWorkingDays: { value: 1, note: 'No document gives a number for copying co-departments.' },
  disclosureUpdateWorkingDays: { value: 5, note: 'No document gives a number for updating a published guide.' },
  resultNoticeWorkingDays: { value: 1, note: 'No document gives a number for telling the party the result.' },
  leavePrincipalApprovalOverDays: { value: 1, note: 'county-10 (十)6 sets one day; a profile holding it in force says so.' },
  chiefRepMinAPostStaff: { value: 0, note: 'No staffing minimum unless a document in force sets one (city-12 进驻 第四条(一)).' },
  chiefRepMinBPostStaff: { value: 0, note: 'No staffing minimum unless a document in force sets one (city-12 进驻 第四条(一)).' },
  minWindowTermYears: { value: 0, note: 'No minimum window term unless a document in force sets one (citizen-home 第二十八条).' },
  chiefRepMinTermYears: { value: 0, note: 'No minimum term unless a document in force sets one (city-12 首席代表制 第六条(五)).' },
  chiefRepQualification: { value: 'unspecified', note: 'No rank requirement unless a document in force sets one.' },
  extensionCopyToCenterRequired: { value: false, note: 'No copy to a center unless a document in force requires one (city-12 按时办结 第三条(四)).' },
  vacancyToleranceMinutes: { value: 15, note: 'No document gives a number: a post left unattended for up to 15 minutes at a stretch is tolerated. Set your center\'s own.' },
  lateToleranceMinutes: { value: 15, note: 'plans-11 篇一\'s number; a profile holding that plan in force states it as text.' },
  offPostMinutes: { value: 30, note: 'plans-11 篇一\'s number; a profile holding that plan in force states it as text.' },
  halfDayAbsenceMinutes: { value: 60, note: 'plans-11 篇一\'s number; a profile holding that plan in force states it as text.' },
  guideRequiredFields: { value: [], note: 'No guide list unless a document in force gives one; the Administrative License Law\'s list (第三十条) applies to licenses regardless.' },
  unlawfulInformationFeeItems: { value: [], note: 'No fee item is marked as charged against national rules; a fee with no recorded lawful basis is a warning for review.' },
  warnWorkingDays: { value: 1, note: 'E-supervision turns a deadline yellow with one working day left: no document gives a number.' },
  warnElapsedRatio: { value: 0.8, note: 'E-supervision turns a deadline yellow once 80 % of the limit has elapsed: no document gives a number.' },
};

/** The regulations' ids, from their manifests (src/regulations/index.ts). */
export { regulationIds, type RegulationId } from '../regulations/index.js';

/** A rule name: an id (every variant) or an id with its variant, e.g. AB-COVERAGE or TC-ON-TIME/late. */
const ruleName = z.string().regex(/^[A-Z]+(?:-[A-Z0-9]+)+(?:\/[a-z0-9-]+)?$/, 'a rule id such as AB-COVERAGE, or an id with its variant such as TC-ON-TIME/late');

/** A profile's own say on one rule: run it or not whatever the documents in force, or grade its findings differently. */
export const ruleSwitchSchema = z
  .strictObject({
    /** false: the rule never runs under this profile; true: it runs even where no document in force imposes it. */
    enabled: z.boolean().optional(),
    /** The severity of its findings under this profile. */
    severity: ruleSeveritySchema.optional(),
    /** The center's own document that makes the change… */
    source: sourceSchema.optional(),
    /** …or, without one, why. */
    note: z.string().min(1).optional(),
  })
  .superRefine((setting, ctx) => {
    if (setting.enabled === undefined && setting.severity === undefined) ctx.addIssue({ code: 'custom', path: ['enabled'], message: 'enabled or severity (what the switch changes)' });
    if (setting.source === undefined && setting.note === undefined) ctx.addIssue({ code: 'custom', path: ['source'], message: 'a source or a note saying why' });
  });

export type RuleSwitch = z.output<typeof ruleSwitchSchema>;

const documentList = z.strictObject({ value: z.array(documentId).min(1), source: sourceSchema });

export const profileVersionSchema = z.strictObject({
  validFrom: isoDate.meta({ description: 'The first day this version is in force; a case is judged by the version in force on its own dates.' }),
  documents: documentList
    .optional()
    .meta({ description: 'Documents in force in the jurisdiction, besides those of the profile it extends: a rule runs only where one imposing it is.' }),
  dropDocuments: documentList.optional().meta({ description: 'Documents of the profile it extends that are not in force here.' }),
  rules: z
    .record(ruleName, ruleSwitchSchema)
    .optional()
    .meta({ description: 'Single rules (or variants) switched on or off, or graded differently, each with its reason.' }),
  workingHours: sourced(workingHoursSchema, "The center's working hours, the intervals of a working day that minutes are counted in.").optional(),
  counting: sourced(countingConventionSchema, 'How a period in working days is counted: the start day, the end of the last day, suspensions.').optional(),
  params: z
    .strictObject(profileParamsShape)
    .partial()
    .default({})
    .meta({ description: 'The parameters rule files compare facts with (`param.<name>`); each says what it means.' }),
});

export const profileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id such as city-12').meta({ description: 'The profile’s id, e.g. city-12 (see `service-center-rules profiles`)' }),
  name: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }).meta({ description: 'The profile’s name in Chinese and English' }),
  /** The profile whose values apply where this one is silent. */
  extends: z.string().optional().meta({ description: 'The profile whose values apply where this one is silent, e.g. national-baseline' }),
  versions: z.array(profileVersionSchema).min(1).meta({ description: 'Versions by the date they take effect (validFrom): documents in force, parameters with their sources, rule switches' }),
}).meta({ title: 'service-center-rules profile', description: "A service center's documents in force and the values they set, each with its source sentence" });

export type ProfileInput = z.input<typeof profileSchema>;
export type Profile = z.output<typeof profileSchema>;
