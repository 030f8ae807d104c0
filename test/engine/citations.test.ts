import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locate, sourceLines } from '../support/locate-citation.js';
import { listRules } from '../../src/index.js';
import { bundledProfiles } from '../../src/engine/profiles.js';

const root = join(import.meta.dirname, '..', '..');

describe('citations', () => {
  const rules = listRules();

  it('every rule quotes each imposing document\'s sentence verbatim, under the document and article it names', () => {
    const problems = rules.flatMap((rule) => rule.imposedBy.map((citation) => [rule.rule, citation.source, locate(citation)])).filter(([, , problem]) => problem);
    expect(problems).toEqual([]);
  });

  it('every profile value quoting a sentence quotes it verbatim', () => {
    const problems: string[] = [];
    for (const profile of bundledProfiles().values()) {
      for (const version of profile.versions) {
        const settings = [version.documents, version.dropDocuments, version.workingHours, version.counting, ...Object.values(version.params)];
        for (const setting of settings) {
          const text = setting?.source.text;
          if (text && !sourceLines(setting.source.seed).some((line) => line.includes(text))) problems.push(`${profile.id}: ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the shipped source texts are the seed documents line for line, less site boilerplate', () => {
    // Copies of ../shared/seeds and ../shared/law, so that a clone anywhere can check its sources against them.
    const shared = join(root, 'test', 'origin');
    for (const file of readdirSync(join(root, 'rules', 'sources'))) {
      const text = readFileSync(join(root, 'rules', 'sources', file), 'utf8');
      const origin = /source: shared\/(\S+?),/.exec(text)![1]!;
      const originalLines = new Set(readFileSync(join(shared, origin), 'utf8').split('\n'));
      const foreign = sourceLines(file.replace(/\.txt$/, '')).filter((line) => line !== '' && !originalLines.has(line));
      expect(foreign, file).toEqual([]);
    }
  });

  it('rule ids are the catalogue’s, each with messages in both languages', () => {
    const ids = new Set(rules.map((r) => r.id));
    expect([...ids].sort()).toEqual([
      'AB-ATTENDANCE', 'AB-COVERAGE', 'AB-DESIGNATED', 'AB-HANDOVER', 'AB-LEAVE-APPROVAL', 'AB-SINGLE-STAFF-SIGN', 'AB-STAFFING', 'AB-SUBSTITUTE-AUTHORITY',
      'CR-APPOINTED', 'CR-AUTHORISATION', 'CR-CHANGE-NOTICE', 'CR-RANK', 'CR-RESIDENT', 'CR-TERM',
      'DS-FREE', 'DS-NO-FORBIDDEN', 'DS-NO-TAMPERING', 'DS-REQUIRED-FIELDS', 'DS-RESULT-TOLD', 'DS-UP-TO-DATE',
      'FI-ABSENT-HANDLER', 'FI-CLOSED-BY-EXPLANATION', 'FI-ESCALATE', 'FI-IN-SCOPE', 'FI-PHONE-LOG', 'FI-REFERRAL', 'FI-TRANSFER', 'FI-WHO',
      'OP-ENTRY-TIMELY', 'OP-IN-SYSTEM', 'OP-TICKET',
      'OTN-ALL-ITEMS', 'OTN-CONTENT', 'OTN-DEEMED-ACCEPTED', 'OTN-NOT-NEEDED', 'OTN-SUPPLEMENT-CLOCK', 'OTN-THIRD-PARTY', 'OTN-TIMING', 'OTN-WRITTEN',
      'PA-CO-DEADLINE', 'PA-COPY-ALL', 'PA-DECISION', 'PA-DISPUTE', 'PA-LEAD-URGES', 'PA-MEETING-ATTENDANCE', 'PA-REQUIRED', 'PA-UNIFIED-ACCEPTANCE',
      'RF-FILED-WITH-CENTER', 'RF-MAJOR-NEEDS-LEADER', 'RF-OBJECTION', 'RF-REASON-ROUTE', 'RF-REGISTERED', 'RF-WRITTEN-NOTICE',
      'TC-ACCEPTANCE-NOTICE', 'TC-DELIVERY', 'TC-EXCLUDED-TIME', 'TC-EXTENSION-VALID', 'TC-INSTANT-SAME-DAY', 'TC-JOINT-LIMIT',
      'TC-ON-TIME', 'TC-PROMISE-WITHIN-LEGAL', 'TC-SUPERVISION',
    ]);
    for (const rule of rules) {
      expect(rule.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.message.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff（）：、]+$/);
    }
  });
});
