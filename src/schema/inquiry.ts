import { z } from 'zod';
import { instant } from './case.js';

const id = z.string().min(1);

/** What the first staff member did, in order. */
export const inquiryActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('answered'), at: instant.optional() }),
  z.strictObject({ type: z.literal('handled'), at: instant.optional(), caseId: z.string().optional() }),
  /** Told the person the answer needs study, recorded it and agreed a time (另约时间). */
  z.strictObject({ type: z.literal('reply-time-agreed'), at: instant.optional(), recorded: z.boolean(), replyBy: instant.optional() }),
  /** Explained why the matter cannot be handled; `full` when the explanation was complete and patient. */
  z.strictObject({ type: z.literal('explained-ineligible'), at: instant.optional(), full: z.boolean().default(true) }),
  z.strictObject({ type: z.literal('one-time-notice'), at: instant.optional() }),
  /** Told or led the person elsewhere; `to` names the help desk, office or window. */
  z.strictObject({ type: z.literal('referred'), at: instant.optional(), to: z.string().min(1).optional(), led: z.boolean().default(false) }),
  /** Turned the person away ("不知道""不清楚""不归我管"). */
  z.strictObject({ type: z.literal('declined'), at: instant.optional(), words: z.string().optional() }),
  z.strictObject({ type: z.literal('contacted-handler'), at: instant.optional(), reached: z.boolean() }),
  z.strictObject({ type: z.literal('materials-taken'), at: instant.optional(), recorded: z.boolean(), handedOverTo: id.optional() }),
  z.strictObject({ type: z.literal('transferred'), at: instant.optional(), to: id, approvedBy: id.optional() }),
  z.strictObject({ type: z.literal('escalated'), at: instant.optional(), to: id }),
]);

/** One contact with the public and what the first staff member did about it. */
export const inquirySnapshotSchema = z.strictObject({
  id,
  channel: z.enum(['window', 'desk', 'phone', 'online']),
  at: instant,
  /** The first staff member who received the person or answered the phone. */
  firstStaff: id,
  /** Who the record names as first-inquiry responsible person, when it names one. */
  responsible: id.optional(),
  matter: z.strictObject({
    name: z.string().min(1),
    /** Within the first staff member's own duties. */
    inScope: z.boolean(),
    /** Barred by law or policy (超出法律法规、政策规定不能办理). */
    barred: z.boolean().default(false),
    /** Hard to judge, or especially major or urgent (把握不准或者特别重大和紧急). */
    uncertain: z.boolean().default(false),
    major: z.boolean().default(false),
    urgent: z.boolean().default(false),
    /** The materials are incomplete. */
    materialsIncomplete: z.boolean().default(false),
  }),
  /** The responsible handler was away when the person came. */
  handlerAbsent: z.boolean().default(false),
  actions: z.array(inquiryActionSchema).default([]),
  phoneLog: z.strictObject({
    matter: z.string().min(1).optional(),
    callerName: z.string().min(1).optional(),
    callerNumber: z.string().min(1).optional(),
  }).optional(),
  objections: z.array(z.strictObject({ at: instant, afterExplanation: z.boolean().default(true), reportedTo: id.optional() })).default([]),
});

export type InquirySnapshotInput = z.input<typeof inquirySnapshotSchema>;
export type InquirySnapshot = z.output<typeof inquirySnapshotSchema>;
export type InquiryAction = z.output<typeof inquiryActionSchema>;
