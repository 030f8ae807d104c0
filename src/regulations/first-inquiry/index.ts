import rules from '../../../rules/first-inquiry.json';
import { defineRegulation } from '../manifest.js';
import { deriveFirstInquiry, FI_FACTS } from './facts.js';

export default defineRegulation({
  id: 'first-inquiry',
  rules,
  facts: { inquiry: FI_FACTS },
  derive: { inquiry: deriveFirstInquiry },
});
