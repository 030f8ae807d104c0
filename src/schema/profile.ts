import { z } from 'zod';
import { countingConventionSchema } from '../calendar/deadline.js';
import { workingHoursSchema } from '../calendar/working-hours.js';
import { isoDate } from './calendar-data.js';

/** Where a value comes from: a seed document or law, the article, and (where it says so in words) the sentence. */
export const sourceSchema = z.strictObject({
  seed: z.string().min(1),
  article: z.string().min(1),
  text: z.string().min(1).optional(),
  /** Why this value, where the text leaves a choice to the profile. */
  note: z.string().optional(),
});

export type Source = z.infer<typeof sourceSchema>;

const sourced = <T extends z.ZodType>(value: T) => z.strictObject({ value, source: sourceSchema });

const workingDays = z.int().nonnegative();

/** Every parameter a profile can set. Rule files may compare facts with these, by name: `param.<name>`. */
export const profileParamsShape = {
  /** One-time notice limit for promised cases (city-12: 3; ALL 第三十二条: 5). */
  oneTimeNoticeWorkingDays: sourced(workingDays),
  /** A notice later than the limit means the application counts as accepted on receipt (ALL 第三十二条(四)). */
  deemedAcceptanceOnLateNotice: sourced(z.boolean()),
  /** Legal limit for a matter whose catalogue entry gives none (ALL 第四十二条: 20). */
  defaultLegalLimitWorkingDays: sourced(workingDays),
  extensionMaxWorkingDays: sourced(workingDays),
  extensionMaxCount: sourced(z.int().positive()),
  /** Who must approve an extension: 'agency-head' (ALL 第四十二条) or 'any' where the source names nobody. */
  extensionApprover: sourced(z.enum(['agency-head', 'any'])),
  /** The extension notice is copied to the center (city-12 按时办结 第三条(四)). */
  extensionCopyToCenterRequired: sourced(z.boolean()),
  jointLimitWorkingDays: sourced(workingDays),
  jointExtensionMaxWorkingDays: sourced(workingDays),
  deliveryWorkingDays: sourced(workingDays),
  /** Excluded time (ALL 第四十五条) stops the clock only when the applicant was told in writing. */
  excludedTimeNeedsWrittenNotice: sourced(z.boolean()),
  warnWorkingDays: sourced(workingDays),
  warnElapsedRatio: sourced(z.number().min(0).max(1)),
  /** A window accepts only with a front-desk ticket, unless the application came online (city-12 网上办理 第五条(二)). */
  ticketRequiredAtWindow: sourced(z.boolean()),
  /** Minutes after acceptance by which the case must be in the system ("及时录入上网,不得搞事后补录"). */
  systemEntryToleranceMinutes: sourced(z.number().nonnegative()),
  /** Working days after a refusal by which its copy must be filed with the center. */
  rejectionFilingWorkingDays: sourced(workingDays),
  /** Working days after acceptance by which the lead copies every co-department (抄告相关). */
  copyWithinWorkingDays: sourced(workingDays),
  /** Working days after a change of a matter's facts by which its published guide must show it. */
  disclosureUpdateWorkingDays: sourced(workingDays),
  /** Working days after a decision by which the party is told the result (及时向当事人公开). */
  resultNoticeWorkingDays: sourced(workingDays),
  /** Leave longer than this many days needs the principal leader as well as the leader in charge. */
  leavePrincipalApprovalOverDays: sourced(z.number().positive()),
  /** A department with a chief representative keeps at least this many A-post staff… */
  chiefRepMinAPostStaff: sourced(z.int().nonnegative()),
  /** …and at least this many B-post staff. */
  chiefRepMinBPostStaff: sourced(z.int().nonnegative()),
  /** Minimum years a person serves at a window before leaving it; 0 where no source sets one. */
  minWindowTermYears: sourced(z.number().nonnegative()),
  /** Minimum years of a chief representative's term. */
  chiefRepMinTermYears: sourced(z.number().nonnegative()),
  /** Who may be chief representative: a mid-level cadre (city-12) or the leader in charge / approval section chief (citizen-home). */
  chiefRepQualification: sourced(z.enum(['deputy-section-or-above', 'leader-in-charge-or-approval-section-chief'])),
  /** Whether the attendance scoring of plans-11 篇一 applies (late, early, off-post, half-day absence). */
  attendanceRulesApply: sourced(z.boolean()),
  /** Minutes late (or early) beyond which arrival counts as late (leaving as early). */
  lateToleranceMinutes: sourced(z.number().nonnegative()),
  /** An unexplained absence from the post of at least this many minutes is off-post (脱岗)… */
  offPostMinutes: sourced(z.number().positive()),
  /** …and of at least this many minutes counts as half a day absent (旷工半天). */
  halfDayAbsenceMinutes: sourced(z.number().positive()),
} as const;

export type ParamName = keyof typeof profileParamsShape;
export type ParamValues = { [K in ParamName]: z.output<(typeof profileParamsShape)[K]>['value'] };

export const regulationIds = [
  'one-time-notification',
  'timed-completion',
  'rejection-filing',
  'online-processing',
  'first-inquiry',
  'ab-post',
  'parallel-approval',
  'disclosure',
  'chief-representative',
] as const;

export type RegulationId = (typeof regulationIds)[number];

export const profileVersionSchema = z.strictObject({
  /** The first day this version is in force; a case is judged by the version in force on its own dates. */
  validFrom: isoDate,
  ruleSets: sourced(z.array(z.enum(regulationIds)).min(1)).optional(),
  workingHours: sourced(workingHoursSchema).optional(),
  counting: sourced(countingConventionSchema).optional(),
  params: z.strictObject(profileParamsShape).partial().default({}),
});

export const profileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id such as city-12'),
  name: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
  /** The profile whose values apply where this one is silent. */
  extends: z.string().optional(),
  versions: z.array(profileVersionSchema).min(1),
});

export type ProfileInput = z.input<typeof profileSchema>;
export type Profile = z.output<typeof profileSchema>;
