import { writeFileSync } from 'node:fs';
import { sep } from 'node:path';
import { listRules } from '../../engine/list-rules.js';
import { parseFixture, readFixtureFile, runFixture, type FixtureResult } from '../../fixtures/fixture.js';
import { clip } from '../../errors.js';
import { EXIT, fixtureFailure, UsageError, yamlFilesUnder } from '../args.js';
import { CHECK } from '../messages/check.js';
import { colon, t, type Lang } from '../messages/common.js';
import { ERRORS } from '../messages/errors.js';
import { HELP } from '../messages/help.js';
import { cellSafe } from '../text.js';
import type { CommandContext } from './context.js';

/** One fixture's outcome: passed or failed with its result, or broken (it could not be read or parsed). */
export type FixtureOutcome =
  | { file: string; status: 'passed' | 'failed'; description: string; result: FixtureResult }
  | { file: string; status: 'broken'; description: string; problem: string };

/** `--filter`: a glob (`*` any text, `?` one character) when it has one of those, otherwise a substring; case kept. */
export function fixtureFilter(pattern: string | undefined): (texts: readonly string[]) => boolean {
  if (pattern === undefined) return () => true;
  if (!/[*?]/.test(pattern)) return (texts) => texts.some((text) => text.includes(pattern));
  const regex = new RegExp(`^${pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('')}$`, 's');
  return (texts) => texts.some((text) => regex.test(text));
}

/** A path with forward slashes, as globs and JUnit reports write it on every host. */
const slashed = (path: string) => path.split(sep).join('/');

function failureLines(result: FixtureResult, lang: Lang): string[] {
  // A finding that fired cites the sentence of the document in force that imposed it; a rule that did not fire,
  // its first imposing sentence.
  const cite = (id: string) => {
    const citation = result.report.findings.find((f) => f.ruleId === id)?.citation ?? listRules().find((r) => r.id === id)?.citation;
    return citation ? `  ${citation.document} ${citation.article}：${citation.text}` : '';
  };
  return [
    `    ${t(lang, CHECK.expected)}${colon(lang)}${result.expected.join(', ') || '—'}`,
    `    ${t(lang, CHECK.actual)}${colon(lang)}${result.actual.join(', ') || '—'}`,
    ...result.missing.map((id) => `    - ${id} ${t(lang, CHECK.didNotFire)}${cite(id)}`),
    ...result.unexpected.map((id) => `    + ${id} ${t(lang, CHECK.firedUnexpectedly)}${cite(id)}`),
    ...result.nearMissesFired.map((id) => `    ! ${id} ${t(lang, CHECK.nearMissFired)}`),
    ...[...result.deadlineProblems, ...result.factProblems].map((problem) => `    ! ${problem[lang]}`),
  ];
}

const xml = (text: string) =>
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The outcomes as JUnit XML (the Ant/Surefire schema that GitLab, Jenkins and GitHub test reporters read). */
export function junitXml(outcomes: readonly FixtureOutcome[], lang: Lang): string {
  const failures = outcomes.filter((o) => o.status === 'failed').length;
  const errors = outcomes.filter((o) => o.status === 'broken').length;
  const cases = outcomes.map((o) => {
    const slash = o.file.lastIndexOf('/');
    const head = `    <testcase classname="${xml(slash > 0 ? o.file.slice(0, slash).replaceAll('/', '.') : 'fixtures')}" name="${xml(`${o.file.slice(slash + 1)} — ${o.description}`)}" file="${xml(o.file)}"`;
    if (o.status === 'passed') return `${head}/>`;
    if (o.status === 'broken') return `${head}>\n      <error message="${xml(t(lang, CHECK.junitBroken))}">${xml(o.problem)}</error>\n    </testcase>`;
    return `${head}>\n      <failure message="${xml(t(lang, CHECK.junitFailure))}">${xml(failureLines(o.result, lang).join('\n'))}</failure>\n    </testcase>`;
  });
  const suite = xml(t(lang, CHECK.junitSuite));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${suite}" tests="${outcomes.length}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="${suite}" tests="${outcomes.length}" failures="${failures}" errors="${errors}" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** The `check` command: a test runner for fixtures. Exit 2 when a fixture is broken, 1 when one fails, 0 otherwise. */
export function registerCheck({ program, io, lang, help }: CommandContext): void {
  program
    .command('check')
    .description(t(help, HELP.check))
    .argument('<paths...>', t(help, HELP.checkPaths))
    .option('--json', t(help, HELP.checkJson))
    .option('--junit <file>', t(help, HELP.checkJunit))
    .option('--filter <pattern>', t(help, HELP.checkFilter))
    .action((paths: string[], opts: { json?: boolean; junit?: string; filter?: string }) => {
      const l = lang();
      const wanted = fixtureFilter(opts.filter);
      const outcomes: FixtureOutcome[] = [];
      let filteredOut = 0;
      for (const path of yamlFilesUnder(paths)) {
        const file = slashed(path);
        if (opts.filter !== undefined && wanted([file]) === false) {
          // The description can only be matched once the fixture is read; a broken one is kept when its path matches.
          let description: string | undefined;
          try {
            description = parseFixture(readFixtureFile(path), file).description;
          } catch {
            description = undefined;
          }
          if (description === undefined || !wanted([description])) {
            filteredOut++;
            continue;
          }
        }
        let result: FixtureResult;
        try {
          result = runFixture(parseFixture(readFixtureFile(path), file), file);
        } catch (error) {
          // One broken fixture is reported and the rest still run.
          outcomes.push({ file, status: 'broken', description: t(l, CHECK.broken), problem: fixtureFailure(file, error, l) });
          continue;
        }
        outcomes.push({ file, status: result.passed ? 'passed' : 'failed', description: result.description, result });
      }
      const count = (status: FixtureOutcome['status']) => outcomes.filter((o) => o.status === status).length;
      const summary = t(l, CHECK.summary(count('passed'), count('failed'), count('broken'))) + (filteredOut ? t(l, CHECK.filtered(filteredOut)) : '');
      if (opts.json) {
        const json = outcomes.map((o) =>
          o.status === 'broken'
            ? { file: o.file, status: o.status, problem: o.problem }
            : {
                file: o.file,
                status: o.status,
                description: o.description,
                expected: o.result.expected,
                actual: o.result.actual,
                missing: o.result.missing,
                unexpected: o.result.unexpected,
                nearMissesFired: o.result.nearMissesFired,
                deadlineProblems: o.result.deadlineProblems,
                factProblems: o.result.factProblems,
              },
        );
        io.out(JSON.stringify({ passed: count('passed'), failed: count('failed'), broken: count('broken'), filteredOut, fixtures: json }, null, 2));
      } else {
        for (const o of outcomes) {
          if (o.status === 'broken') {
            io.out(`‼ ${o.file} — ${o.description}`);
            io.err(o.problem);
            continue;
          }
          io.out(`${o.status === 'passed' ? '✓' : '✗'} ${o.file} — ${cellSafe(clip(o.description, 200))}`);
          if (o.status === 'failed') io.out(failureLines(o.result, l).join('\n'));
        }
        io.out(summary);
      }
      if (opts.junit !== undefined) {
        try {
          writeFileSync(opts.junit, junitXml(outcomes, l));
        } catch (error) {
          throw new UsageError(ERRORS.junit(opts.junit, (error as Error).message));
        }
      }
      io.setExit(count('broken') ? EXIT.badInput : count('failed') ? EXIT.failed : EXIT.ok);
    });
}
