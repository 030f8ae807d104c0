// The library's closed vocabularies, each defined once as a zod enum: the types, the JSON Schemas (report, audit
// records, supervision records, fixtures) and the words people read all come from here, so that a new status or
// severity is one edit and a table that forgets it does not compile.
import { z } from 'zod';
import type { Bilingual } from '../errors.js';

/**
 * Where a deadline stands at the as-of instant, as e-supervision colours it: open and in time (`on-track`), open and
 * near its end (`due-soon`, the yellow light), open past its end (`overdue`, the red light), or done, in time (`met`)
 * or late (`missed`).
 */
export const deadlineStatusSchema = z.enum(['on-track', 'due-soon', 'overdue', 'met', 'missed']);
export type DeadlineStatus = z.infer<typeof deadlineStatusSchema>;

/** Who owes an obligation of a report: the window, the (lead) department, the center, or the applicant. */
export const owedBySchema = z.enum(['window', 'department', 'lead-department', 'center', 'applicant']);
export type OwedBy = z.infer<typeof owedBySchema>;

/** The severities a rule file (or a profile's switch) gives a rule. */
export const ruleSeveritySchema = z.enum(['violation', 'warning', 'notice']);
export type RuleSeverity = z.infer<typeof ruleSeveritySchema>;

/** The severity of a finding: a rule's, or `data-integrity` for a record the rules cannot judge. */
export const severitySchema = z.enum([...ruleSeveritySchema.options, 'data-integrity']);
export type Severity = z.infer<typeof severitySchema>;

/**
 * A status in words that fit every kind of deadline: a notice, a delivery, a copy to a co-department or a filing is
 * 完成 (done), not 办结 (a case concluded), so 按期办结 / 超期办结 would misname all but the completion deadline.
 * 逾期 is the law's own word for a limit passed (行政许可法 第三十二条 "逾期不告知的"), where 超期 is office usage.
 * Reports that know a deadline's kind word it more exactly (DEADLINE_STATUS_WORDS in src/cli/messages/report.ts).
 */
export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, Bilingual> = {
  'on-track': { zh: '未到期', en: 'not yet due' },
  'due-soon': { zh: '临近到期', en: 'due soon' },
  overdue: { zh: '已逾期', en: 'overdue' },
  met: { zh: '按期完成', en: 'done on time' },
  missed: { zh: '逾期完成', en: 'done late' },
};
