import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { cli, fixtureData, writeScratch } from '../cli/helpers.js';
import { DEADLINE_STATUS_WORDS } from '../../src/cli/messages/report.js';
import { deadlineKinds } from '../../src/cli/report/case-record.js';
import { showFact } from '../../src/engine/render.js';
import { DEADLINE_STATUS_LABELS, deadlineStatusSchema, owedBySchema, profileSchema, reportSchema, ruleSeveritySchema, severitySchema } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');
const vocabularyFile = join('src', 'schema', 'vocabulary.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Three or more of a vocabulary's words written one after another, as a list, an enum or a union spells them. */
function spelledOut(words: readonly string[]): RegExp {
  const word = `['"\`](?:${words.map(escape).join('|')})['"\`]`;
  return new RegExp(`${word}(?:\\s*[,|]\\s*${word}){2,}`, 'g');
}

describe('each vocabulary is defined once', () => {
  const vocabularies = { 'deadline status': deadlineStatusSchema.options, severity: severitySchema.options, 'owed by': owedBySchema.options };

  it.each(Object.entries(vocabularies))('no file of src/ but the vocabulary module spells out the %s words', (_, words) => {
    const pattern = spelledOut(words);
    const spelled = sourceFiles(join(root, 'src'))
      .filter((file) => relative(root, file) !== vocabularyFile)
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => `${relative(root, file)}: ${match[0]}`));
    expect(spelled).toEqual([]);
  });

  it('the finding severities are the rule severities and data-integrity', () => {
    expect(severitySchema.options).toEqual([...ruleSeveritySchema.options, 'data-integrity']);
  });

  it('the report schema takes its statuses, severities and owed-by from the vocabulary', () => {
    const json = JSON.stringify(z.toJSONSchema(reportSchema, { unrepresentable: 'any' }));
    for (const words of Object.values(vocabularies)) expect(json).toContain(JSON.stringify(words));
  });
});

describe('status words', () => {
  it('the generic words fit every kind of deadline: none says 办结, which is the completion only', () => {
    for (const status of deadlineStatusSchema.options) expect(DEADLINE_STATUS_LABELS[status].zh).not.toContain('办结');
    expect(new Set(deadlineStatusSchema.options.map((s) => DEADLINE_STATUS_LABELS[s].zh)).size).toBe(deadlineStatusSchema.options.length);
  });

  it('a message shows a status fact in the generic words of either language', () => {
    for (const status of deadlineStatusSchema.options) {
      expect(showFact(status, 'zh')).toBe(DEADLINE_STATUS_LABELS[status].zh);
      expect(showFact(status, 'en')).toBe(DEADLINE_STATUS_LABELS[status].en);
    }
  });

  it('only the completion deadline is worded 办结 by kind; the other kinds name their own act, or fall back to the generic words', () => {
    for (const kind of deadlineKinds) {
      const words = Object.values(DEADLINE_STATUS_WORDS[kind]).map((w) => w.zh);
      if (kind === 'completion') expect(words.some((w) => w.includes('办结'))).toBe(true);
      else expect(words.filter((w) => w.includes('办结'))).toEqual([]);
    }
    expect(DEADLINE_STATUS_WORDS.other).toBe(DEADLINE_STATUS_LABELS);
  });
});

describe('explain words a deadline by its kind', () => {
  it('a late delivery is 逾期送达 and the completion 按时办结, never both 办结', async () => {
    const fixture = fixtureData('timed-completion/delivery-late.yaml');
    const file = writeScratch('case.json', JSON.stringify(fixture.case));
    const zh = await cli('explain', file, '--profile', fixture.profile, '--as-of', fixture.asOf);
    expect(zh.code).toBe(0);
    const timeline = zh.out.split('\n').filter((line) => line.includes(' ┼ '));
    expect(timeline).toEqual([expect.stringContaining('┼ 按时办结  办结时限'), expect.stringContaining('┼ 逾期送达  颁发、送达许可证件')]);
    const en = await cli('explain', file, '--profile', fixture.profile, '--as-of', fixture.asOf, '--lang', 'en');
    expect(en.out.split('\n').filter((line) => line.includes(' ┼ '))).toEqual([expect.stringContaining('┼ completed on time'), expect.stringContaining('┼ deliver: late')]);
  });
});

describe('profile parameters', () => {
  it('`schema profile` describes every parameter and every field of a version', () => {
    const json = z.toJSONSchema(profileSchema, { io: 'input', unrepresentable: 'any' }) as unknown as { properties: { versions: { items: { properties: Record<string, { description?: string; properties?: Record<string, { description?: string }> }> } } } };
    const version = json.properties.versions.items.properties;
    const undescribed = [
      ...Object.entries(version).filter(([, field]) => !field.description).map(([name]) => name),
      ...Object.entries(version.params!.properties!).filter(([, param]) => !param.description).map(([name]) => `params.${name}`),
    ];
    expect(undescribed).toEqual([]);
    expect(Object.keys(version.params!.properties!).length).toBeGreaterThan(30);
  });
});
