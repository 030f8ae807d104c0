import rules from '../../../rules/ab-post.json';
import { defineRegulation } from '../manifest.js';
import { AB_CASE_FACTS, AB_LEAVE_FACTS, AB_POST_FACTS, AB_STAFF_FACTS, abRosterItems, deriveAbCase } from './facts.js';

export default defineRegulation({
  id: 'ab-post',
  rules,
  facts: { case: AB_CASE_FACTS, 'roster/post': AB_POST_FACTS, 'roster/leave': AB_LEAVE_FACTS, 'roster/staff': AB_STAFF_FACTS },
  derive: { case: deriveAbCase, roster: ({ index, ctx }) => abRosterItems(index, ctx) },
});
