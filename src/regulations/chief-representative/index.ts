import rules from '../../../rules/chief-representative.json';
import { defineRegulation } from '../manifest.js';
import { CR_FACTS, crItems } from './facts.js';

export default defineRegulation({
  id: 'chief-representative',
  rules,
  facts: { 'roster/chief-representative': CR_FACTS },
  derive: { roster: ({ roster, ctx }) => ({ 'roster/chief-representative': crItems(roster, ctx.params) }) },
});
