import type { CaseContext, Derived, FactCatalogue } from '../context.js';

export const REGULATION = 'online-processing';

export const OP_FACTS: FactCatalogue = {
  'op.windowApplication': { zh: '窗口提交的申请（非网上提交）', en: 'an application made at the window (not online)' },
  'op.ticketBeforeReceipt': { zh: '收件前是否经总台登记发号', en: 'whether a front-desk ticket was issued before receipt' },
  'op.entered': { zh: '是否已录入网上审批系统', en: 'whether the case was entered into the system' },
  'op.entryDelayMinutes': { zh: '受理后录入系统的分钟数（未录入则为至今）', en: 'minutes from acceptance to system entry (or until now)' },
  'op.actsOutsideSystem': { zh: '录入系统前（或未录入）发生的办理行为', en: 'acts on the case before it was in the system (or while it never was)' },
  'op.actsOutsideSystemCount': { zh: '系统外办理行为数', en: 'number of acts outside the system' },
};

// Acts that are processing, not intake: done before the case is in the system they are "体外循环".
const PROCESSING = new Set(['suspended', 'resumed', 'extension', 'copied-to-co-department', 'opinion', 'decided', 'certificate-delivered']);

export function deriveOnlineProcessing(ctx: CaseContext): Derived {
  const tl = ctx.timeline;
  const ticket = tl.first('ticket-issued');
  const entry = tl.first('entered-into-system');
  const receipt = tl.first('materials-received') ?? tl.acceptance;
  const acceptance = tl.acceptance;
  const delayEnd = entry?.ms ?? tl.asOfMs;
  const outside = tl.events.filter((e) => PROCESSING.has(e.type) && (!entry || e.ms < entry.ms)).map((e) => `${e.at.slice(0, 10)} ${e.type}`);
  return {
    facts: {
      'op.windowApplication': tl.snapshot.channel === 'window',
      'op.ticketBeforeReceipt': ticket !== undefined && (!receipt || ticket.ms <= receipt.ms),
      'op.entered': entry !== undefined,
      'op.entryDelayMinutes': acceptance ? Math.max(0, Math.round((delayEnd - acceptance.ms) / 60_000)) : null,
      'op.actsOutsideSystem': outside,
      'op.actsOutsideSystemCount': outside.length,
    },
    deadlines: [],
    obligations: [],
  };
}
