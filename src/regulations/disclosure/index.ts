import rules from '../../../rules/disclosure.json';
import { defineRegulation } from '../manifest.js';
import { deriveCatalogue, deriveDisclosureCase, DS_CASE_FACTS, DS_CATALOGUE_FACTS, DS_MATTER_FACTS, DS_RESULT_FACTS } from './facts.js';

export default defineRegulation({
  id: 'disclosure',
  rules,
  facts: { case: DS_CASE_FACTS, catalogue: DS_CATALOGUE_FACTS, 'catalogue/matter': DS_MATTER_FACTS, 'catalogue/result': DS_RESULT_FACTS },
  derive: { case: deriveDisclosureCase, catalogue: deriveCatalogue },
});
