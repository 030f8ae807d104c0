import rules from '../../../rules/online-processing.json';
import { defineRegulation } from '../manifest.js';
import { deriveOnlineProcessing, OP_FACTS } from './facts.js';

export default defineRegulation({
  id: 'online-processing',
  rules,
  facts: { case: OP_FACTS },
  derive: { case: deriveOnlineProcessing },
});
