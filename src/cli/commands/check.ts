import { listRules } from '../../engine/list-rules.js';
import { parseFixture, readFixtureFile, runFixture } from '../../fixtures/fixture.js';
import { EXIT, fixtureFailure, yamlFilesUnder } from '../args.js';
import { say } from '../labels.js';
import { cellSafe } from '../text.js';
import type { CommandContext } from './context.js';

/** The `check` command. */
export function registerCheck({ program, io, lang }: CommandContext): void {
  program
    .command('check')
    .description('run fixture files (YAML) and compare findings with what they expect 运行规则用例')
    .argument('<paths...>', 'fixture files or folders')
    .action((paths: string[]) => {
      let passed = 0;
      let failed = 0;
      for (const file of yamlFilesUnder(paths)) {
        let result;
        try {
          result = runFixture(parseFixture(readFixtureFile(file), file), file);
        } catch (error) {
          // One bad fixture is reported and the rest still run.
          failed++;
          io.err(fixtureFailure(file, error, lang()));
          continue;
        }
        if (result.passed) {
          passed++;
          continue;
        }
        failed++;
        // A finding that fired cites the sentence of the document in force that imposed it; a rule that did not fire,
        // its first imposing sentence.
        const cite = (id: string) => {
          const citation = result.report.findings.find((f) => f.ruleId === id)?.citation ?? listRules().find((r) => r.id === id)?.citation;
          return citation ? `  ${citation.document} ${citation.article}：${citation.text}` : '';
        };
        io.out(`✗ ${file} — ${cellSafe(result.description)}`);
        io.out(`    ${say(lang(), '期望', 'expected')}: ${result.expected.join(', ') || '—'}`);
        io.out(`    ${say(lang(), '实际', 'actual')}:${say(lang(), ' ', '   ')}${result.actual.join(', ') || '—'}`);
        for (const id of result.missing) io.out(`    - ${id} ${say(lang(), '未触发', 'did not fire')}${cite(id)}`);
        for (const id of result.unexpected) io.out(`    + ${id} ${say(lang(), '意外触发', 'fired unexpectedly')}${cite(id)}`);
        for (const id of result.nearMissesFired) io.out(`    ! ${id} ${say(lang(), '近似用例却触发了', 'is a near-miss but fired')}`);
        for (const problem of result.deadlineProblems) io.out(`    ! ${problem}`);
      }
      io.out(say(lang(), `${passed} 通过, ${failed} 失败`, `${passed} passed, ${failed} failed`));
      io.setExit(failed ? EXIT.failed : EXIT.ok);
    });
}
