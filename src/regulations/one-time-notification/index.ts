import rules from '../../../rules/one-time-notification.json';
import { defineRegulation } from '../manifest.js';
import { deriveOneTimeNotification, OTN_FACTS } from './facts.js';

export default defineRegulation({
  id: 'one-time-notification',
  rules,
  facts: { case: OTN_FACTS },
  derive: { case: deriveOneTimeNotification },
});
