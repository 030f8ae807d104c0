// The catalogue's building blocks: every text the command line prints is a `Bilingual` entry (or a function
// returning one) in a module of this folder; commands pick the language in use with `t`.
import type { Bilingual } from '../../errors.js';

export type Lang = 'zh' | 'en';
export type { Bilingual };

/** The entry's text in the language in use. */
export const t = (lang: Lang, entry: Bilingual): string => entry[lang];

/** The text for the language in use, from its two versions (kept for modules that build their entries inline). */
export const say = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** A label from a table of labels, or the key itself where the table has none. */
export const label = (labels: Record<string, Bilingual>, key: string, lang: Lang): string => (Object.hasOwn(labels, key) ? labels[key]![lang] : key);

/** `n thing` / `n things` in English; Chinese has no plural. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A list joined as each language joins it. */
export const joined = (lang: Lang, items: readonly string[]): string => items.join(lang === 'zh' ? '、' : ', ');

/** A label's colon: full-width in Chinese text, `: ` in English. */
export const colon = (lang: Lang): string => (lang === 'zh' ? '：' : ': ');
