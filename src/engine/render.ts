import type { Bilingual } from '../errors.js';
import type { FactValue, Facts } from '../regulations/context.js';
import { DEADLINE_STATUS_LABELS } from '../schema/vocabulary.js';

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
  // A deadline's status (tc.status, tc.deliveryStatus, pa.co.status…): the fact does not say which kind of deadline, so the generic words.
  ...DEADLINE_STATUS_LABELS,
};

const isBilingual = (value: unknown): value is Bilingual => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A fact's value in one language, as JSON keeps it: a bilingual label becomes its text in that language; anything else
 * is returned as it is. For printers that show a value as data (`explain`'s conditions), not as prose.
 */
export function factValueIn(value: FactValue | undefined, lang: 'zh' | 'en'): Exclude<FactValue, Bilingual | readonly Bilingual[]> | undefined {
  if (isBilingual(value)) return value[lang];
  if (Array.isArray(value)) return value.map((item: string | Bilingual) => (isBilingual(item) ? item[lang] : item));
  return value as Exclude<FactValue, Bilingual | readonly Bilingual[]> | undefined;
}

/** A fact's value as a message in `lang` shows it: labels in that language, lists joined as that language joins them. */
export function showFact(value: FactValue | undefined, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return LABELS[value]?.[lang] ?? value;
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (isBilingual(value)) return value[lang];
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((item: string | Bilingual) => (isBilingual(item) ? item[lang] : item)).join(lang === 'zh' ? '、' : '; ');
  }
  return String(value);
}

/** A template split once at its placeholders: text, fact name, text, …, text. */
const splitCache = new Map<string, readonly string[]>();

function split(template: string): readonly string[] {
  let parts = splitCache.get(template);
  if (!parts) {
    // String.split with a capturing group alternates literal text and the captured fact names.
    parts = template.split(new RegExp(PLACEHOLDER.source));
    if (splitCache.size > 10_000) splitCache.clear();
    splitCache.set(template, parts);
  }
  return parts;
}

function fill(template: string, facts: Facts, lang: 'zh' | 'en'): string {
  const parts = split(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += showFact(facts[parts[i]!], lang) + parts[i + 1]!;
  return out;
}

export function render(templates: Bilingual, facts: Facts): Bilingual {
  return { zh: fill(templates.zh, facts, 'zh'), en: fill(templates.en, facts, 'en') };
}
