// Copies the regulation texts the rules cite from ../shared/seeds (web captures) into rules/sources/,
// line for line, dropping only the site's boilerplate lines. Run: npx tsx scripts/extract-sources.ts
// The sources ship in the package so that every citation can be checked against its text.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');

interface Extract {
  id: string;
  file: string;
  title: string;
  /** First and last line (1-based, inclusive) of the regulation text in the capture. */
  lines: [number, number];
  /** Lines inside that range that are the site's, not the document's. */
  junk?: RegExp[];
}

const extracts: Extract[] = [
  { id: 'city-12', file: 'seeds/000_b54f453a2f0607e1.txt', title: '市行政服务中心十二项制度（江西；文本止于并联审批制度第五条(三)）', lines: [55, 516], junk: [/^市行政服务中心十二项制度文档格式\.docx$/] },
  { id: 'county-10', file: 'seeds/001_cb60fd17e648c454.txt', title: '县行政服务中心管理办公室十项制度及办事制度', lines: [1, 233] },
  { id: 'plans-11', file: 'seeds/002_865936994ed79f78.txt', title: '政务中心设立方案11篇', lines: [5, 0], junk: [/十九范文网/, /^Top$/, /^手机版$/, /^Copyright/, /^推荐访问/] },
  { id: 'township', file: 'seeds/003_e4b9ea83ee9ea727.txt', title: '镇街行政综合服务中心建设规范（2023）', lines: [2, 16] },
  { id: 'citizen-home', file: 'seeds/004_1b30f0c8b23d45c1.txt', title: '开封市民之家管理办法（试行）（汴政办[2014]42号）', lines: [8, 205] },
  { id: 'xingzheng-xuke-fa', file: 'law/xingzheng-xuke-fa.md', title: '中华人民共和国行政许可法（节选）', lines: [1, 0] },
  { id: 'minfadian', file: 'law/minfadian-periods.md', title: '中华人民共和国民法典 总则编 第十章 期间计算（节选）', lines: [1, 0] },
];

mkdirSync(join(root, 'rules', 'sources'), { recursive: true });
for (const extract of extracts) {
  const all = readFileSync(join(shared, extract.file), 'utf8').split('\n');
  const last = extract.lines[1] === 0 ? all.length : extract.lines[1];
  const kept = all
    .slice(extract.lines[0] - 1, last)
    .filter((line) => !(extract.junk ?? []).some((pattern) => pattern.test(line.trim())));
  while (kept.length && kept[kept.length - 1]!.trim() === '') kept.pop();
  const header = `# ${extract.title}\n# source: shared/${extract.file}, lines ${extract.lines[0]}–${last}; site boilerplate removed, text otherwise verbatim.\n\n`;
  writeFileSync(join(root, 'rules', 'sources', `${extract.id}.txt`), header + kept.join('\n') + '\n');
  console.log(`rules/sources/${extract.id}.txt: ${kept.length} lines`);
}
