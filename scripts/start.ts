// `npm start`: the main job on bundled data — evaluates every bundled fixture case under its profile and
// as-of instant and prints what a compliance officer reads first: findings per rule with the regulation's
// article, deadline statuses, and the cases with violations. (The audit of a large case log comes with the CLI.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listRules, type Report } from '../src/index.js';
import { parseFixture, runFixture } from '../src/fixtures/fixture.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : name.endsWith('.yaml') ? [join(dir, name)] : [])).sort();

const reports: Array<{ file: string; report: Report }> = [];
for (const path of files(join(root, 'fixtures'))) {
  const fixture = parseFixture(readFileSync(path, 'utf8'), relative(root, path));
  reports.push({ file: relative(root, path), report: runFixture(fixture, relative(root, path)).report });
}

const counts = new Map<string, number>();
const statuses = new Map<string, number>();
for (const { report } of reports) {
  for (const finding of report.findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  for (const deadline of report.deadlines) statuses.set(deadline.status, (statuses.get(deadline.status) ?? 0) + 1);
}

console.log(`service-center-rules — ${reports.length} bundled cases evaluated\n`);
console.log('规则 rule'.padEnd(24) + '件数 cases  出处 source');
const described = new Map(listRules().map((r) => [r.id, r]));
for (const [id, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
  const rule = described.get(id);
  const where = rule ? `${rule.citation.seed} ${rule.citation.article}` : 'data integrity';
  console.log(`${id.padEnd(30)}${String(n).padStart(4)}  ${where}`);
}
console.log(`\n时限状态 deadline status: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`);
console.log('\n违规案件 cases with violations:');
for (const { report } of reports) {
  const violations = report.findings.filter((f) => f.severity === 'violation');
  if (violations.length) console.log(`  ${report.subject.id} [${report.profile.id}] ${violations[0]!.message.zh}${violations.length > 1 ? ` （另 ${violations.length - 1} 项）` : ''}`);
}
