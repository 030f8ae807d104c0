import { z } from 'zod';
import { isoDate } from './calendar-data.js';
import { instant } from './case.js';

const id = z.string().min(1);

/** A staff member's own interval (presence, leave, a whereabouts sign): from ≤ to, instants with offset. */
const interval = { from: instant, to: instant };

/** `to` must not come before `from` (checked only when both are instants, so the first error is the real one). */
function ordered<S extends z.ZodType<{ from: string; to: string }>>(schema: S): S {
  return schema.refine((v) => !(Date.parse(v.to) < Date.parse(v.from)), { path: ['to'], message: 'an end not before the start (`from`)' });
}

/**
 * A person's role in the department: `approver` is someone the department has given power to approve (审批) its
 * matters, e.g. the approval section chief; like the department's leaders and its chief representative, an approver
 * acting on the department's cases needs no A or B post (AB-SUBSTITUTE-AUTHORITY).
 */
export const staffRoles = ['window', 'approver', 'leader-in-charge', 'principal-leader', 'chief-representative', 'other'] as const;

/**
 * Why a window term ended: `replaced-as-unfit` when the person was found unfit after assessment (and retraining) and
 * the sending unit replaced them at the center's demand (citizen-home 第四十条 调换; plans-11 篇六 四(三)3), which no
 * minimum term forbids.
 */
export const windowTermEndReasons = ['replaced-as-unfit', 'other'] as const;

export const staffSchema = z.strictObject({
  id,
  name: z.string().min(1).optional(),
  department: id,
  role: z.enum(staffRoles).default('window'),
  /** First day at the center's window (进驻), for the minimum term (citizen-home 第二十八条). */
  windowTermStart: isoDate.optional(),
  /** Last day at the window, when the person has left it. */
  windowTermEnd: isoDate.optional(),
  /** Why the person left the window, when the roster records it. */
  windowTermEndReason: z.enum(windowTermEndReasons).optional(),
});

/**
 * A department with people at the center, as the center's registry knows it. `center`: the center's own office,
 * whose windows (e.g. the 综合代办窗口, staffed by the center: city-12 进驻 第四条(一)) belong to no sending unit.
 * `stationsChiefRepresentative`: whether the department is stationed through a chief representative; false for
 * one stationed as a whole unit (成建制整体进驻, city-12 进驻 第四条(一); citizen-home 第四十一条 分大厅整体进驻).
 * Unstated, a sending unit is held to the general duty to appoint one (city-12 首席代表制 第二条; citizen-home
 * 第二十九条).
 */
export const departmentSchema = z.strictObject({
  id,
  name: z.string().min(1).optional(),
  center: z.boolean().default(false),
  stationsChiefRepresentative: z.boolean().optional(),
});

export const postSchema = z.strictObject({
  id,
  name: z.string().min(1).optional(),
  department: id,
  /** The window the post serves; cases are matched to posts by window. */
  window: id.optional(),
  /** The A post holder (A岗/主办/A角). */
  a: id.optional(),
  /** The B post holders in substitution order (顶岗秩序). */
  bs: z.array(id).default([]),
  /** A window with a single staff member (只有一名工作人员的窗口). */
  singleStaff: z.boolean().default(false),
});

export const presenceSchema = ordered(z.strictObject({ staff: id, post: id, ...interval }));

export const leaveApproverRoles = ['leader-in-charge', 'principal-leader'] as const;

export const leaveSchema = ordered(z.strictObject({
  staff: id,
  ...interval,
  /** Length in days as the leave slip states it (0.5 for half a day). */
  days: z.number().positive(),
  reason: z.string().optional(),
  /** Unplanned leave (illness, emergency): no handover was possible, so the B must step in unasked. */
  unplanned: z.boolean().default(false),
  approvals: z.array(z.strictObject({ by: id, role: z.enum(leaveApproverRoles), at: instant.optional() })).default([]),
}));

/** A whereabouts sign (去向告知牌) put out when leaving the post briefly. */
export const signSchema = ordered(z.strictObject({
  staff: id,
  post: id,
  ...interval,
  reason: z.string().min(1).optional(),
  destination: z.string().min(1).optional(),
  contact: z.string().min(1).optional(),
}));

export const handoverSchema = z.strictObject({ post: id, from: id, to: id, at: instant });

/** A neighbouring window asked to watch a single-staff window (托付周边窗口工作人员照看联络). */
export const neighbourWatchSchema = ordered(z.strictObject({ post: id, watchedBy: id, ...interval }));

export const ranks = ['staff', 'deputy-section', 'section', 'deputy-division', 'division'] as const;
export const chiefPositions = ['leader-in-charge', 'approval-section-chief', 'other'] as const;
/**
 * Why a chief representative's term ended: `returned-as-unfit` when the center returned them to the home unit for
 * not performing the duties or for serious breaches (city-12 首席代表制 第六条(三) 退回原单位), which no minimum
 * term or advance notice by the department governs.
 */
export const chiefTermEndReasons = ['returned-as-unfit', 'other'] as const;

export const chiefRepresentativeSchema = z.strictObject({
  department: id,
  staff: id,
  /** The written authorisation (授权委托书) is on file at the center. */
  authorisationOnFile: z.boolean(),
  rank: z.enum(ranks),
  position: z.enum(chiefPositions).default('other'),
  /** Works at the center full-time (常驻), without other duties at the department. */
  resident: z.boolean(),
  termStart: isoDate,
  termEnd: isoDate.optional(),
  /** Why the term ended (at `termEnd` or the first change), when the roster records it. */
  termEndReason: z.enum(chiefTermEndReasons).optional(),
  /** Changes of the chief representative, and when the center was told. */
  changes: z.array(z.strictObject({ effectiveOn: isoDate, notifiedOn: isoDate.optional() })).default([]),
});

/** A staff snapshot: who holds which post, who was there when, and the paperwork around absences. */
export const rosterSnapshotSchema = z.strictObject({
  id: id.meta({ description: 'The roster’s id, e.g. the center and month it covers' }),
  /** At most 366 days: a longer period is evaluated in parts (a month or a year each), so that a report stays readable. */
  period: z
    .strictObject({ from: isoDate, to: isoDate })
    .refine((p) => !(p.to < p.from), { path: ['to'], message: 'a last day not before the first (`from`)' })
    .refine((p) => p.to < p.from || (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < 366, { path: ['to'], message: 'a period of at most 366 days (evaluate a longer one in parts)' }),
  staff: z.array(staffSchema).default([]).meta({ description: 'The people stationed at the center (进驻人员)' }),
  /** The center's registry of departments, where it matters who stations a chief representative. */
  departments: z.array(departmentSchema).default([]).meta({ description: "The center's registry of departments (进驻部门)" }),
  posts: z.array(postSchema).default([]).meta({ description: 'The posts with their A and B staff (AB岗)' }),
  presence: z.array(presenceSchema).default([]).meta({ description: 'Who was on which post, when (在岗记录)' }),
  leave: z.array(leaveSchema).default([]).meta({ description: 'Leave taken, with its approvals (请假记录)' }),
  signs: z.array(signSchema).default([]),
  handovers: z.array(handoverSchema).default([]),
  neighbourWatches: z.array(neighbourWatchSchema).default([]),
  chiefRepresentatives: z.array(chiefRepresentativeSchema).default([]),
});

export type RosterSnapshotInput = z.input<typeof rosterSnapshotSchema>;
export type RosterSnapshot = z.output<typeof rosterSnapshotSchema>;
