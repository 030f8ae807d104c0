import type { Bilingual } from '../../errors.js';
import type { InquirySnapshot } from '../../schema/inquiry.js';
import { defineFacts, factType as F } from '../context.js';
import type { FactValuesOf } from '../context.js';

// The sentences these facts measure or decide, each quoted verbatim under its document and article (rules/documents.json).
const CITY_WHO_IS_RESPONSIBLE = { document: 'city-12/first-inquiry', article: '第四条', text: '首问责任人是指中心各窗口接待申请人诉求的首位工作人员。' };
const CITY_TURNING_AWAY_FORBIDDEN = { document: 'city-12/first-inquiry', article: '第五条 (二)', text: '严禁使用“不知道”、“不清楚”、“不归我管”等语言敷衍搪塞或简单生硬地对待服务对象的请求和询问。' };
const CITY_ANSWER_OR_HANDLE = { document: 'city-12/first-inquiry', article: '第五条 (三)', text: '属于首问责任人业务职责范围内的,必须按照有关规定解答或办理' };
const CITY_ONE_TIME_NOTICE = { document: 'city-12/first-inquiry', article: '第五条 (三)', text: '对手续不全的,应按照“一次性告知制”的要求详细、耐心地向对方说明需要补充的材料、要求以及如何办理等;' };
const CITY_OBJECTIONS_REPORTED = { document: 'city-12/first-inquiry', article: '第五条 (三)', text: '对经说明解释后,当事人仍提出异议的,应及时向上级领导报告。' };
const CITY_REFERRAL = { document: 'city-12/first-inquiry', article: '第五条 (四)', text: '不属于本科室或窗口职责范围的,应主动告知或将办件人引荐至咨询台、相关科室或窗口办理;' };
const CITY_ABSENT_HANDLER = { document: 'city-12/first-inquiry', article: '第五条 (四)', text: '若经办人不在,首问责任人应主动与其联系,将情况交待清楚;' };
const CITY_ESCALATION = { document: 'city-12/first-inquiry', article: '第五条 (五)', text: '对把握不准或者特别重大和紧急的事项,首问责任人应及时向上级领导汇报。' };
const CITY_APPROVED_TRANSFER = { document: 'city-12/first-inquiry', article: '第五条 (六)', text: '在经办过程中,不能继续办理的,经领导同意,及时移交指定人员继续办理,被移交人担负首办责任。' };
const CITY_PHONE_LOG = { document: 'city-12/first-inquiry', article: '第五条 (七)', text: '并将来电反映的事项、来电人姓名、联系电话登记在册' };
const CITY_CLOSED_BY_EXPLANATION = { document: 'city-12/first-inquiry', article: '第五条 (八)', text: '在热情诚恳、耐心细政地解释清楚后,视为完成答复,不再承担首问责任人的责任。' };

export const FI_FACTS = defineFacts({
  'fi.channel': { type: F.text, zh: '接待方式', en: 'channel' },
  'fi.firstStaff': { type: F.text, zh: '首位接待人员', en: 'first staff member' },
  'fi.responsible': { type: F.text.nullable(), zh: '记录的首问责任人', en: 'responsible person on record' },
  'fi.responsibleIsFirstStaff': { type: F.flag, implements: CITY_WHO_IS_RESPONSIBLE, zh: '记录的首问责任人是否为首位接待人员（或经批准的接办人）', en: 'whether the responsible person on record is the first staff member (or an approved transferee)' },
  'fi.matter': { type: F.text, zh: '咨询/申办事项', en: 'matter' },
  'fi.inScope': { type: F.flag, zh: '是否属首问责任人职责范围', en: 'whether in the first staff member’s scope' },
  'fi.actions': { type: F.labels, zh: '处理经过', en: 'what was done' },
  'fi.resolved': { type: F.flag, implements: CITY_ANSWER_OR_HANDLE, zh: '是否已解答、办理或作好记录另约时间', en: 'whether answered, handled, or recorded with a reply time agreed' },
  'fi.materialsIncomplete': { type: F.flag, zh: '材料是否不全', en: 'whether materials were incomplete' },
  'fi.oneTimeNoticeGiven': { type: F.flag, implements: CITY_ONE_TIME_NOTICE, zh: '是否一次性告知', en: 'whether a one-time notice was given' },
  'fi.objectionsNotReported': { type: F.number, implements: CITY_OBJECTIONS_REPORTED, zh: '说明解释后仍有异议但未向上级报告的次数', en: 'objections after explanation not reported to a superior' },
  'fi.referredWithTarget': { type: F.flag, implements: CITY_REFERRAL, zh: '是否告知或引荐至咨询台、相关科室或窗口，或移交相关单位和人员', en: 'whether told or led to a help desk, office or window, or handed over to the unit or person who handles it' },
  'fi.declined': { type: F.flag, implements: CITY_TURNING_AWAY_FORBIDDEN, zh: '是否推诿（“不知道”“不清楚”“不归我管”）', en: 'whether the person was turned away' },
  'fi.declinedWords': { type: F.list, zh: '推诿用语', en: 'words used' },
  'fi.handlerAbsent': { type: F.flag, zh: '经办人是否不在', en: 'whether the handler was away' },
  'fi.absentHandlerDealtWith': { type: F.flag, implements: CITY_ABSENT_HANDLER, zh: '是否联系经办人，或收下材料记录后移交', en: 'whether the handler was contacted, or the materials taken, recorded and handed over' },
  'fi.unapprovedTransfers': { type: F.list, implements: CITY_APPROVED_TRANSFER, zh: '未经领导同意的移交', en: 'transfers without a leader’s approval' },
  'fi.unapprovedTransferCount': { type: F.count, implements: CITY_APPROVED_TRANSFER, zh: '此类移交数', en: 'number of such transfers' },
  'fi.phoneLogMissing': { type: F.labels, implements: CITY_PHONE_LOG, zh: '来电登记缺少的项目', en: 'what the phone log lacks' },
  'fi.phoneLogMissingCount': { type: F.count, implements: CITY_PHONE_LOG, zh: '来电登记缺项数', en: 'number of items the phone log lacks' },
  'fi.needsEscalation': { type: F.flag, zh: '是否把握不准或特别重大、紧急', en: 'whether uncertain, major or urgent' },
  'fi.escalated': { type: F.flag, implements: CITY_ESCALATION, zh: '是否向上级领导汇报', en: 'whether reported to a superior' },
  'fi.barred': { type: F.flag, zh: '是否超出法律法规、政策规定不能办理', en: 'whether barred by law or policy' },
  'fi.closedByExplanation': { type: F.flag, implements: CITY_CLOSED_BY_EXPLANATION, zh: '是否已耐心解释清楚（视为完成答复）', en: 'whether fully explained (counts as answered)' },
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
