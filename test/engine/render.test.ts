import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/engine/render.js';

// The straightforward rendering the split templates must equal: every placeholder replaced where it stands.
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const show = (value: unknown, lang: 'zh' | 'en') => String(render({ zh: '{{x}}', en: '{{x}}' }, { x: value as never })[lang]);
const reference = (template: string, facts: Record<string, unknown>, lang: 'zh' | 'en') => template.replace(PLACEHOLDER, (_, name: string) => show(facts[name], lang));

describe('messages', () => {
  it('split once, render as a placeholder-by-placeholder replacement would, for any template and facts', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('{{a.b}}', '{{ a.b }}', '{{c}}', '{{missing}}', '{{', '}}', '{ {a.b} }', '$&', '$1'),
    );
    const value = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), fc.constantFrom('written', 'overdue', '$&'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(piece, { maxLength: 8 }), value, value, (zh, en, ab, c) => {
        const templates = { zh: zh.join(''), en: en.join('') };
        const facts = { 'a.b': ab, c } as never;
        expect(render(templates, facts)).toEqual({ zh: reference(templates.zh, facts, 'zh'), en: reference(templates.en, facts, 'en') });
      }),
      { numRuns: 2000 },
    );
  });
});
