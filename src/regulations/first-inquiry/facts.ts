import type { Bilingual } from '../../errors.js';
import type { InquirySnapshot } from '../../schema/inquiry.js';
import { defineFacts, factType as F } from '../context.js';
import type { FactValuesOf } from '../context.js';

export const FI_FACTS = defineFacts({
  'fi.channel': { type: F.text, zh: '接待方式', en: 'channel' },
  'fi.firstStaff': { type: F.text, zh: '首位接待人员', en: 'first staff member' },
  'fi.responsible': { type: F.text.nullable(), zh: '记录的首问责任人', en: 'responsible person on record' },
  'fi.responsibleIsFirstStaff': { type: F.flag, zh: '记录的首问责任人是否为首位接待人员（或经批准的接办人）', en: 'whether the responsible person on record is the first staff member (or an approved transferee)' },
  'fi.matter': { type: F.text, zh: '咨询/申办事项', en: 'matter' },
  'fi.inScope': { type: F.flag, zh: '是否属首问责任人职责范围', en: 'whether in the first staff member’s scope' },
  'fi.actions': { type: F.labels, zh: '处理经过', en: 'what was done' },
  'fi.resolved': { type: F.flag, zh: '是否已解答、办理或作好记录另约时间', en: 'whether answered, handled, or recorded with a reply time agreed' },
  'fi.materialsIncomplete': { type: F.flag, zh: '材料是否不全', en: 'whether materials were incomplete' },
  'fi.oneTimeNoticeGiven': { type: F.flag, zh: '是否一次性告知', en: 'whether a one-time notice was given' },
  'fi.objectionsNotReported': { type: F.number, zh: '说明解释后仍有异议但未向上级报告的次数', en: 'objections after explanation not reported to a superior' },
  'fi.referredWithTarget': { type: F.flag, zh: '是否告知或引荐至咨询台、相关科室或窗口，或移交相关单位和人员', en: 'whether told or led to a help desk, office or window, or handed over to the unit or person who handles it' },
  'fi.declined': { type: F.flag, zh: '是否推诿（“不知道”“不清楚”“不归我管”）', en: 'whether the person was turned away' },
  'fi.declinedWords': { type: F.list, zh: '推诿用语', en: 'words used' },
  'fi.handlerAbsent': { type: F.flag, zh: '经办人是否不在', en: 'whether the handler was away' },
  'fi.absentHandlerDealtWith': { type: F.flag, zh: '是否联系经办人，或收下材料记录后移交', en: 'whether the handler was contacted, or the materials taken, recorded and handed over' },
  'fi.unapprovedTransfers': { type: F.list, zh: '未经领导同意的移交', en: 'transfers without a leader’s approval' },
  'fi.unapprovedTransferCount': { type: F.count, zh: '此类移交数', en: 'number of such transfers' },
  'fi.phoneLogMissing': { type: F.labels, zh: '来电登记缺少的项目', en: 'what the phone log lacks' },
  'fi.phoneLogMissingCount': { type: F.count, zh: '来电登记缺项数', en: 'number of items the phone log lacks' },
  'fi.needsEscalation': { type: F.flag, zh: '是否把握不准或特别重大、紧急', en: 'whether uncertain, major or urgent' },
  'fi.escalated': { type: F.flag, zh: '是否向上级领导汇报', en: 'whether reported to a superior' },
  'fi.barred': { type: F.flag, zh: '是否超出法律法规、政策规定不能办理', en: 'whether barred by law or policy' },
  'fi.closedByExplanation': { type: F.flag, zh: '是否已耐心解释清楚（视为完成答复）', en: 'whether fully explained (counts as answered)' },
});

const ACTION_LABELS: Record<InquirySnapshot['actions'][number]['type'], Bilingual> = {
  answered: { zh: '解答', en: 'answered' },
  handled: { zh: '办理', en: 'handled' },
  'reply-time-agreed': { zh: '另约时间', en: 'reply time agreed' },
  'explained-ineligible': { zh: '说明解释', en: 'explained' },
  'one-time-notice': { zh: '一次性告知', en: 'one-time notice' },
  referred: { zh: '引导', en: 'referred' },
  declined: { zh: '推诿', en: 'declined' },
  'contacted-handler': { zh: '联系经办人', en: 'contacted handler' },
  'materials-taken': { zh: '收下材料', en: 'materials taken' },
  transferred: { zh: '移交', en: 'transferred' },
  escalated: { zh: '上报', en: 'escalated' },
};

export function deriveFirstInquiry(inquiry: InquirySnapshot): FactValuesOf<typeof FI_FACTS> {
  const has = (type: string) => inquiry.actions.some((a) => a.type === type);
  const actions = inquiry.actions;
  const explainedFully = actions.some((a) => a.type === 'explained-ineligible' && a.full);
  const closedByExplanation = inquiry.matter.barred && explainedFully;
  const replyRecorded = actions.some((a) => a.type === 'reply-time-agreed' && a.recorded && a.replyBy !== undefined);
  const resolved = closedByExplanation || has('answered') || has('handled') || replyRecorded || explainedFully || has('one-time-notice');
  const approvedTransferees = actions.flatMap((a) => (a.type === 'transferred' && a.approvedBy ? [a.to] : []));
  const responsibleOk = inquiry.responsible === undefined || inquiry.responsible === inquiry.firstStaff || approvedTransferees.includes(inquiry.responsible);
  const unapproved = actions.flatMap((a) => (a.type === 'transferred' && !a.approvedBy ? [a.to] : []));
  const declined = actions.filter((a) => a.type === 'declined');
  const log = inquiry.phoneLog;
  const phoneLogMissing =
    inquiry.channel === 'phone' && inquiry.matter.inScope
      ? [
          ...(log?.matter ? [] : [{ zh: '来电事项', en: 'matter' }]),
          ...(log?.callerName ? [] : [{ zh: '来电人姓名', en: 'caller name' }]),
          ...(log?.callerNumber ? [] : [{ zh: '联系电话', en: 'phone number' }]),
        ]
      : [];
  const dealtWith =
    actions.some((a) => a.type === 'contacted-handler' && a.reached) ||
    actions.some((a) => a.type === 'materials-taken' && a.recorded && a.handedOverTo !== undefined);
  return {
    'fi.channel': inquiry.channel,
    'fi.firstStaff': inquiry.firstStaff,
    'fi.responsible': inquiry.responsible ?? null,
    'fi.responsibleIsFirstStaff': responsibleOk,
    'fi.matter': inquiry.matter.name,
    'fi.inScope': inquiry.matter.inScope,
    'fi.actions': actions.map((a) => ACTION_LABELS[a.type]),
    'fi.resolved': resolved,
    'fi.materialsIncomplete': inquiry.matter.materialsIncomplete,
    'fi.oneTimeNoticeGiven': has('one-time-notice'),
    'fi.objectionsNotReported': inquiry.objections.filter((o) => o.afterExplanation && !o.reportedTo).length,
    // Handing the matter over to a named person is a referral with a target, approved or not: the approval of
    // city-12 第五条(六) concerns a matter taken over mid-way (FI-TRANSFER), and county-10 (三)三 has the first staff
    // member hand an out-of-unit matter to the unit that handles it without any.
    'fi.referredWithTarget': actions.some((a) => (a.type === 'referred' && a.to !== undefined) || a.type === 'transferred'),
    'fi.declined': declined.length > 0,
    'fi.declinedWords': declined.map((a) => (a.type === 'declined' ? (a.words ?? '—') : '')),
    'fi.handlerAbsent': inquiry.handlerAbsent,
    'fi.absentHandlerDealtWith': dealtWith,
    'fi.unapprovedTransfers': unapproved,
    'fi.unapprovedTransferCount': unapproved.length,
    'fi.phoneLogMissing': phoneLogMissing,
    'fi.phoneLogMissingCount': phoneLogMissing.length,
    'fi.needsEscalation': inquiry.matter.uncertain || inquiry.matter.major || inquiry.matter.urgent,
    'fi.escalated': has('escalated'),
    'fi.barred': inquiry.matter.barred,
    'fi.closedByExplanation': closedByExplanation,
  };
}
