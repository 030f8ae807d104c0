import { describe, expect, it } from 'vitest';
import { listRules } from '../../src/index.js';

describe('rule titles', () => {
  const rules = listRules();

  it('every rule and variant has a non-empty title in Chinese and English', () => {
    const untitled = rules.filter((rule) => !rule.title?.zh.trim() || !rule.title?.en.trim()).map((rule) => rule.rule);
    expect(untitled).toEqual([]);
    expect(rules.length).toBeGreaterThan(100);
  });

  it('the variants of one rule id have distinct titles in each language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      for (const rule of rules) {
        const key = `${rule.id}\u0000${rule.title[lang]}`;
        const other = seen.get(key);
        if (other) clashes.push(`${other} = ${rule.rule} (${rule.title[lang]})`);
        seen.set(key, rule.rule);
      }
      expect(clashes, lang).toEqual([]);
    }
  });

  it('Chinese titles are written in Chinese, English titles in English', () => {
    expect(rules.filter((rule) => !/[\u4e00-\u9fff]/.test(rule.title.zh)).map((r) => r.rule)).toEqual([]);
    expect(rules.filter((rule) => /[\u4e00-\u9fff]/.test(rule.title.en)).map((r) => r.rule)).toEqual([]);
  });
});
