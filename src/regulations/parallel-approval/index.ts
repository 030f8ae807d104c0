import rules from '../../../rules/parallel-approval.json';
import { defineRegulation } from '../manifest.js';
import { deriveParallelApproval, PA_CO_FACTS, PA_FACTS } from './facts.js';

export default defineRegulation({
  id: 'parallel-approval',
  rules,
  facts: { case: PA_FACTS, 'case/co-department': PA_CO_FACTS },
  derive: { case: deriveParallelApproval },
});
