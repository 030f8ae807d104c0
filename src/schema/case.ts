import { z } from 'zod';
import { isInstantString } from '../calendar/instants.js';
import { matterKinds } from './documents.js';

/** An ISO instant with offset, e.g. 2025-10-09T09:30:00+08:00. */
export const instant = z
  .string()
  .refine(isInstantString, { message: 'an ISO instant with offset, e.g. 2025-10-09T09:30:00+08:00' })
  .meta({ format: 'date-time', description: 'An ISO 8601 instant with its UTC offset, e.g. 2025-10-09T09:30:00+08:00 (含时区的时刻)' });

const items = z.array(z.string().min(1));

export const caseClassSchema = z.enum(['instant', 'promised', 'supplement', 'joint', 'reported', 'urgent', 'returned', 'proxy']);

export const matterSchema = z.strictObject({
  id: z.string().min(1).meta({ description: "The matter's id in the center's catalogue (事项编码)" }),
  name: z.string().min(1).meta({ description: 'The matter’s name (事项名称)' }),
  department: z.string().min(1).meta({ description: 'The department that receives the case (受理部门)' }),
  window: z.string().min(1).optional().meta({ description: 'The window that received the case (窗口)' }),
  class: caseClassSchema.meta({ description: 'The kind of case: instant 即办件, promised 承诺件, supplement 补办件, joint 联办件, reported 上报件, urgent 急办件, returned 退回件, proxy 代办件' }),
  /** 法定时限, in working days. */
  legalLimitWorkingDays: z.int().nonnegative().optional().meta({ description: 'Legal limit (法定时限), in working days' }),
  /** 承诺时限, in working days; 0 for a matter done on the spot. */
  promisedLimitWorkingDays: z.int().nonnegative().optional().meta({ description: 'Promised limit (承诺时限), in working days; 0 for a matter done on the spot' }),
  /**
   * What the matter is: an administrative license (行政许可, governed by the Administrative License Law), a
   * non-license approval (非许可审批) or a public service (公共服务). A license unless said otherwise.
   */
  kind: z.enum(matterKinds).default('license').meta({ description: 'license 行政许可 (the default), non-license-approval 非许可审批 or public-service 公共服务' }),
  /** A major matter (重大事项): refused only after the leader in charge was consulted. */
  major: z.boolean().default(false),
  /** The permit directly concerns others' major interests (直接关系他人重大利益). */
  affectsThirdParties: z.boolean().default(false),
  /** Whether the matter is within the receiving department's remit. */
  inJurisdiction: z.boolean().default(true),
  requiredMaterials: items.default([]),
  /**
   * An investment project within the center's own approval power, at one of the stages city-12 并联审批制度 第二条 lists
   * (registration, project approval, land, design review, construction permit, completion acceptance): the scope in
   * which that system makes parallel approval a duty.
   */
  investmentProject: z.boolean().default(false),
  /** Departments besides `department` whose approval the matter needs: two or more make it a joint case. */
  otherDepartments: items.default([]),
});

const base = { at: instant, by: z.string().min(1).optional(), note: z.string().optional() };

const noticeContent = z.strictObject({
  legalBasis: z.boolean(),
  materialsList: z.boolean(),
  procedureAndLimit: z.boolean(),
  fees: z.boolean(),
  preconditions: z.boolean(),
});

export const suspensionReasons = [
  'hearing', 'tendering', 'auction', 'inspection', 'testing', 'quarantine', 'appraisal', 'expert-review', 'other',
] as const;

export const refusalReasons = [
  'missing-materials', 'nonconforming-materials', 'out-of-jurisdiction', 'no-license-needed', 'ineligible', 'other',
] as const;

export const caseEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ticket-issued'), ...base, ticket: z.string().optional() }),
  z.strictObject({ type: z.literal('materials-received'), ...base, items: items.default([]) }),
  z.strictObject({ type: z.literal('materials-checked'), ...base, missing: items.default([]), nonConforming: items.default([]) }),
  z.strictObject({
    type: z.literal('deficiency-notice'), ...base,
    items,
    form: z.enum(['written', 'oral', 'electronic']),
    free: z.boolean().default(true),
    content: noticeContent.optional(),
  }),
  z.strictObject({ type: z.literal('materials-supplemented'), ...base, items, newDeficiencies: items.default([]) }),
  z.strictObject({
    type: z.literal('accepted'), ...base,
    acceptanceNotice: z.boolean(),
    /** The completion date written on the acceptance notice (注明办结时间). */
    promisedCompletion: z.string().optional(),
    /** For a joint case: the parallel-approval guide was handed out with the notice. */
    parallelGuide: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('entered-into-system'), ...base,
    /**
     * How the case reached the approval system: entered at the window, or imported in a batch from the window's own
     * system (city-12 网上办理 第五条(四): "经中心同意暂时开通批量导入功能").
     */
    via: z.enum(['entry', 'batch-import']).default('entry'),
    /** For a batch import: the center's consent to it (e.g. the number of its approval); without it the import is an after-the-fact entry. */
    centerApproval: z.string().min(1).optional(),
  }),
  z.strictObject({ type: z.literal('suspended'), ...base, reason: z.enum(suspensionReasons), writtenNotice: z.boolean() }),
  z.strictObject({ type: z.literal('resumed'), ...base }),
  z.strictObject({
    type: z.literal('extension'), ...base,
    workingDays: z.int().positive(),
    reason: z.string().optional(),
    writtenNotice: z.boolean(),
    copiedToCenter: z.boolean().default(false),
    /** Who approved it: 'agency-head' (本行政机关负责人) or 'government-head' (本级人民政府负责人) for joint cases. */
    approvedBy: z.enum(['agency-head', 'government-head', 'window', 'none']).default('none'),
  }),
  z.strictObject({ type: z.literal('interested-parties-notified'), ...base }),
  z.strictObject({ type: z.literal('copied-to-co-department'), ...base, department: z.string().min(1) }),
  z.strictObject({
    type: z.literal('opinion'), ...base,
    department: z.string().min(1),
    opinion: z.enum(['approve', 'reject', 'needs-materials']),
    /** A co-department that cannot approve, or needs materials, tells the applicant and the lead at once. */
    toldApplicant: z.boolean().default(false),
    toldLead: z.boolean().default(false),
  }),
  /** The lead department urged a co-department (催办). */
  z.strictObject({ type: z.literal('urged'), ...base, department: z.string().min(1) }),
  z.strictObject({
    type: z.literal('decided'), ...base,
    outcome: z.enum(['approved', 'refused', 'not-accepted', 'returned']),
    reasonCategory: z.enum(refusalReasons).optional(),
    reasons: z.string().optional(),
    facts: z.string().optional(),
    legalBasis: z.string().optional(),
    written: z.boolean().default(false),
    sealed: z.boolean().default(false),
    dated: z.boolean().default(false),
    appealRightsStated: z.boolean().default(false),
    leaderConsulted: z.boolean().default(false),
    /** Out of jurisdiction: the authority or window the applicant was sent to. */
    referredTo: z.string().optional(),
    /** Unacceptable materials: the applicant was told what to change. */
    changesTold: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('refusal-registered'), ...base, reason: z.string().min(1) }),
  z.strictObject({ type: z.literal('filed-with-center'), ...base }),
  z.strictObject({ type: z.literal('result-notified'), ...base, channel: z.enum(['in-person', 'written', 'phone', 'sms', 'online']) }),
  z.strictObject({ type: z.literal('certificate-delivered'), ...base }),
  z.strictObject({ type: z.literal('objection'), ...base, recorded: z.boolean(), escalatedTo: z.string().optional() }),
]);

export const meetingRoles = ['leader-in-charge', 'chief-representative', 'principal-leader', 'other'] as const;

/** A joint case's coordination: the lead, each co-department with its limit, disputes and review meetings. */
export const jointSchema = z.strictObject({
  lead: z.string().min(1),
  coDepartments: z.array(z.strictObject({
    department: z.string().min(1),
    /** Working days the co-department has for its opinion, counted from the copy it received. */
    limitWorkingDays: z.int().positive(),
    /**
     * A co-department the lead brought in after review had begun, as the project turned out to need it (city-12 并联审批
     * 第五条(二) 根据项目实际情况确定相关协办审批部门): when and why. Its copy is due from then, and a copy sent after
     * another department's opinion is not a serial review.
     */
    added: z.strictObject({ at: instant, reason: z.string().min(1) }).optional(),
  })).min(1),
  meetings: z.array(z.strictObject({
    at: instant,
    /** The departments the center convened (根据审批需要确定相关部门); those that attended, when not recorded. */
    convened: z.array(z.string().min(1)).optional(),
    attendees: z.array(z.strictObject({
      department: z.string().min(1),
      staff: z.string().optional(),
      role: z.enum(meetingRoles),
      /** Authorised to decide and sign the minutes (有权确定事项及签发纪要). */
      canSign: z.boolean().default(false),
    })),
  })).default([]),
  /** Conflicting opinions and how they were resolved: a center ruling or a joint review meeting. */
  disputes: z.array(z.strictObject({
    raisedAt: instant,
    departments: z.array(z.string().min(1)).default([]),
    resolution: z.strictObject({ kind: z.enum(['center-ruling', 'joint-review-meeting']), at: instant }).optional(),
  })).default([]),
});

export const caseSnapshotSchema = z.strictObject({
  id: z.string().min(1).meta({ description: 'The case number (办件编号)' }),
  matter: matterSchema.meta({ description: 'The matter applied for (事项), with its limits' }),
  channel: z.enum(['window', 'online']).meta({ description: 'Where the application came in: at a window (窗口) or online (网上)' }),
  /**
   * What the applicant applied for, where it differs from what the matter is: 'license' for an application for a
   * license the matter does not need (ALL 第三十二条(一)). The matter's kind when absent.
   */
  appliedFor: z.enum(matterKinds).optional(),
  applicant: z.strictObject({ name: z.string().optional(), kind: z.enum(['person', 'organisation']).optional() }).optional(),
  /** For a joint case (联办件): lead, co-departments and their limits, disputes, meetings. */
  joint: jointSchema.optional(),
  /** Everything recorded about the case; order does not matter, events are read by time. */
  events: z.array(caseEventSchema).meta({ description: 'Everything recorded about the case, each with its type and instant; read by time, in any order' }),
}).meta({ title: 'service-center-rules case', description: 'One case (办件) as recorded by the center: the matter, the channel and its events. Check it with `service-center-rules explain`.' });

/** A case as the caller writes it (defaults may be left out). */
export type CaseSnapshotInput = z.input<typeof caseSnapshotSchema>;
/** A case after validation, with defaults filled in. */
export type CaseSnapshot = z.output<typeof caseSnapshotSchema>;
export type CaseEvent = z.output<typeof caseEventSchema>;
export type CaseEventType = CaseEvent['type'];
export type CaseClass = z.output<typeof caseClassSchema>;
