/** What a report is about: one case, one staff roster, one inquiry, or one matter catalogue. */
export const subjectKinds = ['case', 'roster', 'inquiry', 'catalogue'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

/**
 * What a rule is evaluated for. A subject scope (`case`) runs once per report; an item scope
 * (`case/co-department`, `roster/post`, …) runs once per item of the subject, so that each late
 * co-department or each vacant post is its own finding, attributed to it.
 */
export const scopes = [
  'case',
  'case/co-department',
  'roster/post',
  'roster/leave',
  'roster/staff',
  'roster/department',
  'roster/chief-representative',
  'inquiry',
  'catalogue',
  'catalogue/matter',
  'catalogue/result',
] as const;
export type Scope = (typeof scopes)[number];

const SUBJECT_OF_SCOPE = new Map<Scope, SubjectKind>(scopes.map((scope) => [scope, scope.split('/')[0] as SubjectKind]));

/** The subject a scope belongs to: `case/co-department` → `case` (looked up: evaluation asks for every rule). */
export function subjectOf(scope: Scope): SubjectKind {
  return SUBJECT_OF_SCOPE.get(scope) ?? (scope.split('/')[0] as SubjectKind);
}
