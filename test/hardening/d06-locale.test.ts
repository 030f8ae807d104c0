// D6: the audit sorted names with localeCompare, so C.UTF-8, zh_CN and ja_JP hosts wrote three different reports.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareNames } from '../../src/cli/text.js';
import { AUDIT, root, sampleLines } from './helpers.js';

const run = promisify(execFile);

describe('D6: output is byte-identical under any host locale', () => {
  it('names sort in Chinese (pinyin) order with a fixed collator, ties by code point', () => {
    const names = ['自然资源局', '交通运输局', '市场监督管理局', '发展和改革局', '住房和城乡建设局', '卫生健康委员会'];
    expect([...names].sort(compareNames)).toEqual(['发展和改革局', '交通运输局', '市场监督管理局', '卫生健康委员会', '住房和城乡建设局', '自然资源局']);
    expect(compareNames('e\u0301', '\u00e9')).not.toBe(0);
    expect(['b', 'a', '\u{1F600}', '\uFF5E'].sort(compareCodePoints)).toEqual(['a', 'b', '\uFF5E', '\u{1F600}']);
  });

  it('the same audit in C.UTF-8, zh_CN.UTF-8 and ja_JP.UTF-8 writes the same bytes', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'scr-locale-')), 'cases.ndjson');
    writeFileSync(log, sampleLines(300).join('\n'));
    const outputs = await Promise.all(['C.UTF-8', 'zh_CN.UTF-8', 'ja_JP.UTF-8'].map(async (locale) => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), 'audit', log, ...AUDIT, '--format', 'json', '--workers', '1'], {
        cwd: root,
        env: { ...process.env, LANG: locale, LC_ALL: locale },
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    }));
    expect(JSON.parse(outputs[0]!).departments.length).toBeGreaterThan(3);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });
});
