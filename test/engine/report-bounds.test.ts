import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar, evaluateRoster, ValidationError } from '../../src/index.js';
import { LISTED_SPANS } from '../../src/regulations/ab-post/facts.js';

/** A roster of `posts` posts nobody ever staffed, over a period. */
function emptyRoster(posts: number, from: string, to: string) {
  return {
    id: 'R-EMPTY',
    period: { from, to },
    staff: [{ id: 'a', department: '市场监督管理局' }, { id: 'b', department: '市场监督管理局' }],
    posts: Array.from({ length: posts }, (_, i) => ({ id: `P${i}`, department: '市场监督管理局', window: `P${i}`, a: 'a', bs: ['b'] })),
  };
}

describe('report bounds', () => {
  it('a vacancy finding lists the first spans and counts the rest, so a year of vacancies stays a small report', () => {
    const report = evaluateRoster(emptyRoster(20, '2025-01-01', '2025-12-31'), { profile: 'county-10', asOf: '2026-01-05T10:00:00+08:00', trace: false });
    const coverage = report.findings.filter((f) => f.ruleId === 'AB-COVERAGE');
    expect(coverage).toHaveLength(20);
    // Two sessions (morning, afternoon) on each working day of 2025, all vacant.
    const spans = 2 * cnMainlandCalendar().workingDaysBetween('2024-12-31', '2025-12-31');
    for (const finding of coverage) {
      const listed = finding.evidence['ab.post.vacancies'] as ReadonlyArray<{ zh: string; en: string }>;
      expect(listed).toHaveLength(LISTED_SPANS + 1);
      expect(listed.at(-1)).toEqual({ zh: `…（另有 ${spans - LISTED_SPANS} 段，共 ${spans} 段）`, en: `… (${spans - LISTED_SPANS} more, ${spans} in all)` });
    }
    expect(JSON.stringify(report).length).toBeLessThan(20 * 12_000);
  });

  it('a roster period longer than 366 days is an error naming the field', () => {
    let caught: unknown;
    try {
      evaluateRoster(emptyRoster(1, '2018-01-01', '2026-12-31'), { profile: 'county-10', asOf: '2027-01-05T10:00:00+08:00' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).issues[0]!.path).toBe('$.period.to');
  });
});
