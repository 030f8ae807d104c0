import { formatLocal } from '../../calendar/instants.js';
import type { Bilingual } from '../../errors.js';
import type { TimedEvent } from '../case-timeline.js';
import { defineFacts, factType as F } from '../context.js';
import type { CaseContext, Derived } from '../context.js';
import { EVENT_WORDS } from '../words.js';

export const REGULATION = 'online-processing';

// The sentences these facts measure or decide, each quoted verbatim under its document and article (rules/documents.json).
const CITY_TICKET_FIRST = { document: 'city-12/online-processing', article: '第五条 (二)', text: '各办事窗口对未经总台登记发号的(通过网上提交申请的除外)一律不得受理' };
const CITY_ENTERED_AT_ONCE = { document: 'city-12/online-processing', article: '第五条 (二)', text: '申请人经总台登记发号后,受理窗口要及时录入上网,不得搞事后补录和二次录入,杜绝弄虚作假现象。' };
const CITY_NOTHING_OUTSIDE_SYSTEM = { document: 'city-12/online-processing', article: '第六条', text: '严禁出现体外循环、事后补录和二次录入等故意规避电子监察的行为。' };

export const OP_FACTS = defineFacts({
  'op.windowApplication': { type: F.flag, zh: '窗口提交的申请（非网上提交）', en: 'an application made at the window (not online)' },
  'op.ticketBeforeReceipt': { type: F.flag, implements: CITY_TICKET_FIRST, zh: '收件前是否经总台登记发号', en: 'whether a front-desk ticket was issued before receipt' },
  'op.entryDueFrom': {
    type: F.label.nullable(),
    whenShown: true,
    zh: '录入时限的起点：总台发号时间；窗口收件晚于发号或未发号的，为收件时间',
    en: 'when the duty to enter the case began: the front-desk ticket, or the window’s receipt where that came later or no ticket was issued',
  },
  'op.entered': { type: F.flag, zh: '案件是否已在网上审批系统中（网上提交的申请自收到时即在系统中）', en: 'whether the case is in the approval system (an online application is, from receipt)' },
  'op.enteredAt': { type: F.text.nullable(), whenShown: true, zh: '进入系统的时间', en: 'when the case came into the system' },
  'op.entryMethod': { type: F.label.nullable(), whenShown: true, zh: '进入系统的方式', en: 'how the case came into the system' },
  'op.approvedBatchImport': {
    type: F.flag,
    whenShown: true,
    zh: '是否经中心同意以批量导入方式进入系统（网上办理制度 第五条(四)）',
    en: 'whether the case came into the system by a batch import the center agreed to (网上办理 第五条(四))',
  },
  'op.entryDelayMinutes': {
    type: F.number.nullable(), implements: CITY_ENTERED_AT_ONCE, params: ['workingHours'],
    zh: '窗口录入距发号（或收件）的工作分钟数；未录入、网上提交或经同意批量导入的为空',
    en: 'working minutes from the ticket (or receipt) to the window’s entry; empty when never entered, online, or imported with the center’s consent',
  },
  'op.minutesNotEntered': {
    type: F.number.nullable(), implements: CITY_ENTERED_AT_ONCE, params: ['workingHours'],
    zh: '窗口申请至今仍未录入系统的工作分钟数（自发号或收件起）；已在系统中的为空',
    en: 'working minutes since the ticket (or receipt) that a window application has stayed out of the system; empty once it is in',
  },
  'op.actsOutsideSystem': { type: F.labels, whenShown: true, implements: CITY_NOTHING_OUTSIDE_SYSTEM, zh: '案件进入系统前（或从未进入时）发生的办理行为', en: 'acts on the case before it was in the system (or while it never was)' },
  'op.actsOutsideSystemCount': { type: F.count, implements: CITY_NOTHING_OUTSIDE_SYSTEM, zh: '系统外办理行为数', en: 'number of acts outside the system' },
});

// Acts that are processing, not intake: done before the case is in the system they are 体外循环 or, once the case is
// entered afterwards, 事后补录 (网上办理 第六条).
const PROCESSING = new Set(['suspended', 'resumed', 'extension', 'copied-to-co-department', 'opinion', 'decided', 'certificate-delivered']);

const METHOD = {
  online: { zh: '网上提交', en: 'submitted online' },
  entry: { zh: '窗口录入', en: 'entered at the window' },
  approvedImport: { zh: '经中心同意的批量导入', en: 'batch import agreed by the center' },
  unapprovedImport: { zh: '未经中心同意的批量导入', en: 'batch import without the center’s consent' },
} as const satisfies Record<string, Bilingual>;

/**
 * 网上办理制度 (city-12): every matter is handled in the province's approval system (第二条). An application submitted
 * online is in the system from receipt. A window application is entered by the window promptly after the applicant's
 * front-desk ticket (第五条(二) "申请人经总台登记发号后,受理窗口要及时录入上网"): the clock runs, in working minutes,
 * from the ticket, or from the window's receipt where that came later or no ticket was issued. A window whose own
 * system cannot exchange data may, with the center's consent, import its cases in batches (第五条(四)): such a case is
 * in the system by the import, and neither its timing nor the work done before it in the window's own system is a
 * breach. Without the consent an import is an entry like any other, late and after the fact (事后补录).
 */
export function deriveOnlineProcessing(ctx: CaseContext): Derived<typeof OP_FACTS> {
  const tl = ctx.timeline;
  const online = tl.snapshot.channel === 'online';
  const ticket = tl.first('ticket-issued');
  const windowReceipt = tl.first('materials-received');
  const receipt = windowReceipt ?? tl.acceptance;
  // The window can enter only a ticketed application it has in hand: the clock runs from the ticket, or from the window's
  // receipt where that came later (the applicant's wait in the queue is not the window's delay) or no ticket was issued.
  const dueFrom: TimedEvent | undefined = ticket && windowReceipt ? (windowReceipt.ms > ticket.ms ? windowReceipt : ticket) : (ticket ?? windowReceipt ?? tl.acceptance);

  const entry = tl.first('entered-into-system');
  const approvedImport = !online && entry !== undefined && entry.via === 'batch-import' && entry.centerApproval !== undefined;
  // When the case came into the system: an online application on receipt, else the first entry or import.
  const inSystemFrom: TimedEvent | undefined = online ? (tl.receipt ?? entry) : entry;
  const entered = inSystemFrom !== undefined;
  const method = online ? METHOD.online : !entry ? null : entry.via === 'entry' ? METHOD.entry : approvedImport ? METHOD.approvedImport : METHOD.unapprovedImport;

  const minutes = (from: string, to: string) => Math.max(0, ctx.hours.workingMinutesBetween(from, to));
  const local = (event: TimedEvent) => formatLocal(event.ms, ctx.calendar.timeZone);
  const measured = !online && !approvedImport && dueFrom !== undefined;
  const outside = online || approvedImport ? [] : tl.events.filter((e) => PROCESSING.has(e.type) && (!entry || e.ms < entry.ms));
  return {
    facts: {
      'op.windowApplication': !online,
      'op.ticketBeforeReceipt': ticket !== undefined && (!receipt || ticket.ms <= receipt.ms),
      'op.entered': entered,
      'op.entryDelayMinutes': measured && entry ? minutes(dueFrom.at, entry.at) : null,
      'op.minutesNotEntered': measured && !entry ? minutes(dueFrom.at, ctx.asOf) : null,
      'op.actsOutsideSystemCount': outside.length,
    },
    // Only when a finding shows them: local times and words.
    shown: () => {
      const dueFromWhat: Bilingual = dueFrom === ticket ? { zh: '发号', en: 'ticket' } : dueFrom === windowReceipt ? { zh: '收件', en: 'receipt' } : { zh: '受理', en: 'acceptance' };
      return {
        'op.entryDueFrom': dueFrom ? { zh: `${local(dueFrom)}（${dueFromWhat.zh}）`, en: `${local(dueFrom)} (${dueFromWhat.en})` } : null,
        'op.enteredAt': inSystemFrom ? local(inSystemFrom) : null,
        'op.entryMethod': method,
        'op.approvedBatchImport': approvedImport,
        'op.actsOutsideSystem': outside.map((e) => ({ zh: `${local(e)} ${EVENT_WORDS[e.type].zh}`, en: `${local(e)} ${EVENT_WORDS[e.type].en}` })),
      };
    },
    deadlines: [],
    obligations: [],
  };
}
