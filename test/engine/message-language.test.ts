import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { evaluateInquiry, evaluateRoster, listRules } from '../../src/index.js';
import { placeholdersOf, showFact } from '../../src/engine/render.js';
import { parseFixture, reportOf, type Fixture } from '../../src/fixtures/fixture.js';
import { caseSnapshotSchema } from '../../src/schema/case.js';
import { catalogueSnapshotSchema } from '../../src/schema/catalogue.js';
import { schemaWords } from '../../src/schema/parse.js';
import { inquirySnapshotSchema } from '../../src/schema/inquiry.js';
import { profileSchema } from '../../src/schema/profile.js';
import { rosterSnapshotSchema } from '../../src/schema/roster.js';

// Every bundled rule's message, rendered under every fixture that fires it: what the library itself writes into a
// message in Chinese must be Chinese, in English must be English. Data from the input (names, matters, departments,
// free-text words) is shown as recorded, so it is cut out first; codes from the input formats' enumerations (event
// types, suspension reasons, ranks…) are not data but words the library must translate, so they are kept and caught.

const root = join(import.meta.dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

const fixtures: Array<[string, Fixture]> = yamlFiles(join(root, 'fixtures'))
  .filter((path) => !path.includes(join('fixtures', 'sample')))
  .sort()
  .map((path) => [relative(root, path), parseFixture(readFileSync(path, 'utf8'), relative(root, path))]);

/** Every value an input format enumerates (JSON Schema `enum` and `const`): codes, not data. */
function enumerated(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => enumerated(s, into));
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'enum' && Array.isArray(value)) value.forEach((v) => typeof v === 'string' && into.add(v));
      else if (key === 'const' && typeof value === 'string') into.add(value);
      else enumerated(value, into);
    }
  }
  return into;
}

const CODES = enumerated(
  [caseSnapshotSchema, rosterSnapshotSchema, inquirySnapshotSchema, catalogueSnapshotSchema, profileSchema].map((schema) =>
    z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  ),
);

/** The free text of a fixture's subject (and inline profile): every string that is not an enumerated code. */
function inputText(fixture: Fixture): string[] {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value !== '' && !CODES.has(value)) out.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk([fixture.case, fixture.roster, fixture.inquiry, fixture.catalogue, typeof fixture.profile === 'object' ? fixture.profile : undefined]);
  // Longest first, so that a name containing another is cut out whole.
  return [...out].sort((a, b) => b.length - a.length);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Cuts the input's text out; a Latin piece only as a whole word, so that a short name ('li') leaves the words around it whole. */
const strip = (text: string, data: readonly string[]) =>
  data.reduce((rest, piece) => rest.replace(new RegExp(/^[A-Za-z]/.test(piece) ? `(?<![A-Za-z])${escape(piece)}(?![A-Za-z])` : escape(piece), 'g'), ' '), text);

/** A Latin word (two letters or more) in Chinese text; Han characters or CJK punctuation in English text. */
const WRONG_SCRIPT = { zh: /[A-Za-z]{2,}/, en: /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u } as const;

const rules = new Map(listRules().map((rule) => [rule.rule, rule]));

interface Shown {
  file: string;
  rule: string;
  fact: string;
  lang: 'zh' | 'en';
  text: string;
}

const shown: Shown[] = [];
const messages: Array<Omit<Shown, 'fact'>> = [];
/** Deadline labels and obligations: the library's words too, shown by explain and the reports. */
const duties: Array<Omit<Shown, 'fact' | 'rule'> & { id: string }> = [];
for (const [file, fixture] of fixtures) {
  const data = inputText(fixture);
  const report = reportOf(fixture);
  for (const lang of ['zh', 'en'] as const) {
    for (const d of report.deadlines) duties.push({ file, id: d.id, lang, text: strip(d.label[lang], data) });
    for (const o of report.obligations) duties.push({ file, id: o.id, lang, text: strip(o.what[lang], data) });
  }
  for (const finding of report.findings) {
    const rule = rules.get(finding.rule);
    if (!rule) continue; // data-integrity findings have no rule file
    for (const lang of ['zh', 'en'] as const) {
      // The rule files' own words stay: the posts A岗/B岗 in Chinese, and the Chinese terms of art an English template
      // quotes on purpose (ALL 第四十二条, 体外循环). Anything else of the other language came from a value.
      const quoted = lang === 'en' ? (rule.message.en.match(/[\p{Script=Han}]+/gu) ?? []) : ['AB岗', 'A岗', 'B岗'];
      messages.push({ file, rule: finding.rule, lang, text: strip(strip(finding.message[lang], data), quoted) });
      for (const fact of placeholdersOf(rule.message[lang])) {
        const value = fact.startsWith('param.') ? finding.parameters?.[fact.slice(6)]?.value : finding.evidence[fact];
        shown.push({ file, rule: finding.rule, fact, lang, text: strip(showFact(value, lang), data) });
      }
    }
  }
}

describe('messages speak one language', () => {
  it('renders messages of every bundled rule id (each fired by some fixture)', () => {
    const fired = new Set(messages.map((m) => rules.get(m.rule)!.id));
    expect([...new Set(listRules().map((r) => r.id))].filter((id) => !fired.has(id))).toEqual([]);
  });

  it('a value interpolated into a Chinese message has no English word, into an English one no Chinese', () => {
    const wrong = shown.filter((s) => WRONG_SCRIPT[s.lang].test(s.text)).map((s) => `${s.file} ${s.rule} ${s.lang} {{${s.fact}}} → ${s.text}`);
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('a whole message, input data cut out, is in its own language', () => {
    const wrong = messages.filter((m) => WRONG_SCRIPT[m.lang].test(m.text)).map((m) => `${m.file} ${m.rule} ${m.lang} → ${m.text}`);
    expect([...new Set(wrong)]).toEqual([]);
  });
});

describe('deadlines and obligations speak one language', () => {
  it('a deadline label or an obligation, input data cut out, is in its own language', () => {
    expect(duties.length).toBeGreaterThan(0);
    const wrong = duties.filter((d) => WRONG_SCRIPT[d.lang].test(d.text)).map((d) => `${d.file} ${d.id} ${d.lang} → ${d.text}`);
    expect([...new Set(wrong)]).toEqual([]);
  });
});

describe('validation errors speak one language too', () => {
  // The HTML report prints an audit's errors beside its findings: a schema's own words (a refinement's message) must
  // not stay English under --lang zh.
  const zhOf = (call: () => unknown): string[] => {
    try {
      call();
    } catch (error) {
      if (error instanceof ValidationError) return error.issues.map((i) => i.message.zh);
      throw error;
    }
    throw new Error('no error');
  };
  const [inquiryFile, inquiry] = fixtures.find(([, f]) => f.inquiry !== undefined)!;
  const [rosterFile, roster] = fixtures.find(([, f]) => f.roster !== undefined && f.case === undefined)!;

  it('words a bad instant, a bad date and a reversed period in Chinese', () => {
    const badInstant = zhOf(() => evaluateInquiry({ ...(inquiry.inquiry as object), at: '2025-10-13 11:00' } as never, { profile: 'city-12', asOf: inquiry.asOf }));
    expect(badInstant, inquiryFile).toEqual(['$.at：应为带时区偏移的 ISO 时刻，如 2025-10-09T09:30:00+08:00，实际为 "2025-10-13 11:00"']);
    const reversed = zhOf(() => evaluateRoster({ ...roster.roster!, period: { from: '2025-10-14', to: '2025-10-13' } } as never, { profile: 'city-12', asOf: roster.asOf }));
    expect(reversed, rosterFile).toEqual(['$.period.to：应为不早于第一天（`from`）的最后一天，实际为 "2025-10-13"']);
    const badDate = zhOf(() => evaluateRoster({ ...roster.roster!, period: { from: '2025-02-01', to: '2025-02-30' } } as never, { profile: 'city-12', asOf: roster.asOf }));
    expect(badDate.join('\n')).toContain('实际存在的 ISO 日期（YYYY-MM-DD）');
  });
});

describe('every refinement message a schema declares has its Chinese', () => {
  it('finds each custom message in src/ (refine, addIssue, instanceof) and words it in Chinese', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
      });
    const declared = sources(join(root, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /addIssue\(|\.refine\(|z\.instanceof\(/.test(line))
        .flatMap((line) => [...line.matchAll(/message: (?:'([^']*)'|"([^"]*)"|`([^`]*)`)/g)].map((m) => (m[1] ?? m[2] ?? m[3]!).replace(/\$\{[^}]*\}/g, 'x'))),
    );
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter((message) => schemaWords(message)[1] === message)).toEqual([]);
  });
});
