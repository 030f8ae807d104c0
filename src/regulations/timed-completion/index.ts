import rules from '../../../rules/timed-completion.json';
import { defineRegulation } from '../manifest.js';
import { deriveTimedCompletion, TC_FACTS } from './facts.js';

export default defineRegulation({
  id: 'timed-completion',
  rules,
  facts: { case: TC_FACTS },
  derive: { case: deriveTimedCompletion },
});
