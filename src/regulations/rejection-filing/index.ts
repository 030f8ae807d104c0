import rules from '../../../rules/rejection-filing.json';
import { defineRegulation } from '../manifest.js';
import { deriveRejectionFiling, RF_FACTS } from './facts.js';

export default defineRegulation({
  id: 'rejection-filing',
  rules,
  facts: { case: RF_FACTS },
  derive: { case: deriveRejectionFiling },
});
