// Codes of the input formats as a finding's fact values name them, in both languages: a message shows the words of
// its own language, never the code.
import type { Bilingual } from '../errors.js';
import type { CaseEventType, suspensionReasons } from '../schema/case.js';

/** What each recorded event of a case is, as an officer calls it. */
export const EVENT_WORDS: Record<CaseEventType, Bilingual> = {
  'ticket-issued': { zh: '总台发号', en: 'front-desk ticket' },
  'materials-received': { zh: '收件', en: 'materials received' },
  'materials-checked': { zh: '材料审查', en: 'materials checked' },
  'deficiency-notice': { zh: '告知补正', en: 'deficiency notice' },
  'materials-supplemented': { zh: '补正材料', en: 'materials supplied' },
  accepted: { zh: '受理', en: 'accepted' },
  'entered-into-system': { zh: '录入系统', en: 'entered into the system' },
  suspended: { zh: '中止计时', en: 'clock suspended' },
  resumed: { zh: '恢复计时', en: 'clock resumed' },
  extension: { zh: '延期', en: 'extension' },
  'copied-to-co-department': { zh: '抄告协办部门', en: 'copied to a co-department' },
  opinion: { zh: '出具协办意见', en: 'co-department opinion' },
  urged: { zh: '催办', en: 'urged' },
  decided: { zh: '作出决定', en: 'decided' },
  'certificate-delivered': { zh: '送达证件', en: 'certificate delivered' },
  'filed-with-center': { zh: '报中心备案', en: 'filed with the center' },
  'refusal-registered': { zh: '否定性决定登记', en: 'refusal registered' },
  'result-notified': { zh: '告知办理结果', en: 'result told' },
  objection: { zh: '提出异议', en: 'objection' },
  'interested-parties-notified': { zh: '告知利害关系人', en: 'interested parties told' },
};

/** Why a case's clock was suspended (ALL 第四十五条 lists the kinds the law excludes from the limit). */
export const SUSPENSION_WORDS: Record<(typeof suspensionReasons)[number], Bilingual> = {
  hearing: { zh: '听证', en: 'hearing' },
  tendering: { zh: '招标', en: 'tendering' },
  auction: { zh: '拍卖', en: 'auction' },
  inspection: { zh: '检验', en: 'inspection' },
  testing: { zh: '检测', en: 'testing' },
  quarantine: { zh: '检疫', en: 'quarantine' },
  appraisal: { zh: '鉴定', en: 'appraisal' },
  'expert-review': { zh: '专家评审', en: 'expert review' },
  other: { zh: '其他原因', en: 'another reason' },
};

/** A text that is the same in both languages: dates, times, numbers, names from the input. */
export const same = (text: string): Bilingual => ({ zh: text, en: text });
