// What `check` prints.
import type { Bilingual } from '../../errors.js';

export const CHECK = {
  expected: { zh: '期望', en: 'expected' },
  actual: { zh: '实际', en: 'actual' },
  didNotFire: { zh: '未触发', en: 'did not fire' },
  firedUnexpectedly: { zh: '意外触发', en: 'fired unexpectedly' },
  nearMissFired: { zh: '近似用例却触发了', en: 'is a near-miss but fired' },
  broken: { zh: '用例无法读取', en: 'fixture cannot be read' },
  summary: (passed: number, failed: number, broken: number): Bilingual => ({
    zh: `${passed} 通过，${failed} 失败${broken ? `，${broken} 无法读取` : ''}`,
    en: `${passed} passed, ${failed} failed${broken ? `, ${broken} broken` : ''}`,
  }),
  filtered: (n: number): Bilingual => ({ zh: `（${n} 个用例被 --filter 排除）`, en: ` (${n} left out by --filter)` }),
  junitSuite: { zh: 'service-center-rules 用例', en: 'service-center-rules fixtures' },
  junitFailure: { zh: '用例未通过', en: 'fixture failed' },
  junitBroken: { zh: '用例无法读取', en: 'fixture cannot be read' },
};
