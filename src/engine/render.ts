import type { Bilingual } from '../errors.js';
import type { FactValue, Facts } from '../regulations/context.js';

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Names of the facts a template interpolates. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Enumerated fact values as people say them; anything not listed is shown as it is. */
const LABELS: Record<string, Bilingual> = {
  written: { zh: '书面', en: 'written' },
  oral: { zh: '口头', en: 'oral' },
  electronic: { zh: '电子', en: 'electronic' },
  approved: { zh: '准予许可', en: 'approved' },
  refused: { zh: '不予许可', en: 'refused' },
  'not-accepted': { zh: '不予受理', en: 'not accepted' },
  returned: { zh: '退回', en: 'returned' },
  'on-track': { zh: '正常', en: 'on track' },
  'due-soon': { zh: '临近到期（黄灯）', en: 'due soon (yellow)' },
  overdue: { zh: '已超期（红灯）', en: 'overdue (red)' },
  met: { zh: '按期完成', en: 'met' },
  missed: { zh: '逾期完成', en: 'missed' },
};

function show(value: FactValue | undefined, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' && LABELS[value]) return LABELS[value][lang];
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
