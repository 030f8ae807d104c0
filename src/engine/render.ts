import type { Bilingual } from '../errors.js';
import type { FactValue, Facts } from '../regulations/context.js';

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Names of the facts a template interpolates. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

function show(value: FactValue | undefined, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(lang === 'zh' ? '、' : '; ');
  return String(value);
}

export function render(templates: Bilingual, facts: Facts): Bilingual {
  return {
    zh: templates.zh.replace(PLACEHOLDER, (_, name: string) => show(facts[name], 'zh')),
    en: templates.en.replace(PLACEHOLDER, (_, name: string) => show(facts[name], 'en')),
  };
}
