import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factValueIn, render } from '../../src/engine/render.js';

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

describe('labels', () => {
  const labels = [{ zh: '书面凭证', en: 'written voucher' }, { zh: '专用印章', en: 'seal' }];
  it('a label or a list of labels is shown in the template’s language, joined as that language joins a list', () => {
    const facts = { one: labels[0]!, all: labels, none: [] } as never;
    expect(render({ zh: '缺少：{{one}}；{{all}}；{{none}}', en: 'lacks: {{one}}; {{all}}; {{none}}' }, facts)).toEqual({
      zh: '缺少：书面凭证；书面凭证、专用印章；—',
      en: 'lacks: written voucher; written voucher; seal; —',
    });
  });

  it('JSON keeps both languages; one language is picked only for printing', () => {
    expect(factValueIn(labels, 'en')).toEqual(['written voucher', 'seal']);
    expect(factValueIn(labels[0], 'zh')).toBe('书面凭证');
    expect(factValueIn(['a', 'b'], 'zh')).toEqual(['a', 'b']);
    expect(factValueIn(3, 'en')).toBe(3);
  });
});
