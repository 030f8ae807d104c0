// Code lists shared by the formats that use them. Each says where it comes from (docs/interchange.md, and
// each list's own `source` for the provincial lists); a center whose system means something else by a digit
// overrides the list by name (readCaseRecords' `overrides.codeLists`).
import type { FormatMappingInput } from '../mapping.js';

type CodeList = FormatMappingInput['codeLists'][string];

/** Both encodings of a time-limit unit: digits (PROMISETIMEUNIT) and letters (TIMEUNIT, GDBLSXDW). */
export const limitUnit: CodeList = {
  kind: 'limit-unit',
  title: '时限单位',
  source: 'EA_JC_STEP_BASICINFO PROMISETIMEUNIT (1 工作日, 2 自然日, 3 小时, 4 分钟, 5 月) and TIMEUNIT (G 工作日, Z 自然日); 年 = 365 天, 月 = 30 天',
  codes: { '1': 'working-days', '2': 'natural-days', '3': 'hours', '4': 'minutes', '5': 'months', G: 'working-days', Z: 'natural-days', 年: 'years', 月: 'months' },
};

/** 办件类型: APPROVALTYPE; GB/T 39046 A.6 has 1 即办件, 2 承诺件 (9 其他 has no class and is reported). */
export const caseClass: CodeList = {
  kind: 'case-class',
  title: '办件类型',
  source: 'EA_JC_STEP_BASICINFO APPROVALTYPE (1 即办件, 2 承诺件, 3 联办件, 4 上报件), agreeing with GB/T 39046 A.6 for 1 and 2',
  codes: { '1': 'instant', '2': 'promised', '3': 'joint', '4': 'reported' },
};

/** 办结结果: the provincial DONERESULT list. */
export const doneResult: CodeList = {
  kind: 'outcome',
  title: '办结结果',
  source: 'EA_JC_STEP_DONE DONERESULT (0 出证办结, 1 不予许可, 2 作废办结, 3 删除办结, 4 转报办结, 5 退件, 6 不予受理); two-digit forms read alike',
  codes: {
    '0': 'approved', '1': 'refused', '2': 'void', '3': 'deleted', '4': 'forwarded', '5': 'returned', '6': 'not-accepted',
    '00': 'approved', '01': 'refused', '02': 'void', '03': 'deleted', '04': 'forwarded', '05': 'returned', '06': 'not-accepted',
  },
};

/** 环节处理结果: the provincial NODERESULT list. */
export const nodeResult: CodeList = {
  kind: 'step-action',
  title: '环节处理结果',
  source: 'EA_JC_STEP_PROC NODERESULT (0 不同意, 1 同意, 2 不受理, 3 不予受理, 4 受理, 5 补齐补正, 6 特别程序（挂起）, 7 退回); the decision itself is read from the result table',
  codes: {
    '0': 'step', '1': 'step', '2': 'step', '3': 'step', '4': 'step', '5': 'deficiency-notice', '6': 'suspension', '7': 'step',
    '00': 'step', '01': 'step', '02': 'step', '03': 'step', '04': 'step', '05': 'deficiency-notice', '06': 'suspension', '07': 'step',
  },
};

/** 特别程序种类: GB/T 39046 A.7 digits and the legacy letters. */
export const specialKind: CodeList = {
  kind: 'special-kind',
  title: '特别程序种类',
  source: 'GB/T 39046 A.7 (1 延长审批, 2 除延长审批之外的情况) and SBLSH TBCXZL (A 延长审批, B 其他)',
  codes: { '1': 'extension', '2': 'suspension', '01': 'extension', '02': 'suspension', A: 'extension', B: 'suspension' },
};

/** Suspension reasons read from a special procedure's name. */
export const suspensionKeywords: FormatMappingInput['suspensionKeywords'] = [
  ['听证', 'hearing'], ['招标', 'tendering'], ['拍卖', 'auction'], ['检疫', 'quarantine'], ['检验', 'testing'], ['检测', 'testing'],
  ['鉴定', 'appraisal'], ['专家评审', 'expert-review'], ['专家论证', 'expert-review'], ['核查', 'inspection'], ['勘验', 'inspection'], ['勘察', 'inspection'],
];

/**
 * What neither the national nor the provincial exchange tables carry, and the rules that look for it: an audit of
 * either format runs without them (their findings would say "not in the export", not "not done").
 */
export const notRecordedByExchangeTables: FormatMappingInput['notRecorded'] = [
  { rules: ['OP-TICKET'], because: { zh: '交换表不记录取号（排队号）', en: 'the tables carry no queue ticket' } },
  { rules: ['TC-DELIVERY'], because: { zh: '交换表不记录证件送达', en: 'the tables carry no certificate delivery' } },
  { rules: ['DS-RESULT-TOLD'], because: { zh: '交换表不记录办理结果的告知', en: 'the tables carry no notice of the result to the applicant' } },
  { rules: ['RF-WRITTEN-NOTICE'], because: { zh: '交换表不记录不予受理、不予许可文书的书面形式、印章和救济告知', en: 'the tables carry no written form, seal or appeal-rights statement of a refusal' } },
];
