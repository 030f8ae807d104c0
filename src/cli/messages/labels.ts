// Words the command line prints for the library's enumerations, in both languages.
import type { Bilingual } from '../../errors.js';
import type { Basis } from '../../schema/profile.js';
import type { OperatorName } from '../../schema/rule-file.js';
import type { Severity } from '../../schema/vocabulary.js';

export const SEVERITY_LABELS: Record<Severity, Bilingual> = {
  violation: { zh: '违规', en: 'violation' },
  warning: { zh: '预警', en: 'warning' },
  notice: { zh: '提示', en: 'notice' },
  'data-integrity': { zh: '数据问题', en: 'data-integrity' },
};

export const MATTER_KIND_LABELS: Record<string, Bilingual> = {
  license: { zh: '行政许可', en: 'license' },
  'non-license-approval': { zh: '非许可审批', en: 'non-license approval' },
  'public-service': { zh: '公共服务', en: 'public service' },
};

/** What a profile's value rests on (see `bases` in src/schema/profile.ts). */
export const BASIS_LABELS: Record<Basis, Bilingual> = {
  text: { zh: '原文规定', en: 'text' },
  reading: { zh: '解读', en: 'reading' },
  default: { zh: '默认值', en: 'default' },
};

/** Operators as symbols, so a condition reads the same in either language. */
export const OPERATOR_SYMBOLS: Record<OperatorName, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '∈',
  notIn: '∉',
  contains: '∋',
  doesNotContain: '∌',
};
