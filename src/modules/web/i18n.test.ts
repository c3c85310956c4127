import { describe, expect, it } from 'vitest';
import { LANGS, translator, unitKey } from './i18n.js';

describe('the interface text', () => {
  it.each(['count', 'persons', 'thousand-tenge', 'tenge', 'percent'])(
    'names the unit %s in every language',
    (unit) => {
      for (const lang of LANGS) {
        const text = translator(lang).t(unitKey(unit));
        expect(text).not.toBe('');
        expect(text).not.toContain('unit');
      }
    },
  );

  it.each([
    ['kk', 155200.5, '155\u00a0200,5'],
    ['ru', 155200.5, '155\u00a0200,5'],
    ['en', 155200.5, '155,200.5'],
  ] as const)('writes numbers as %s does', (lang, n, text) => {
    expect(translator(lang).number(n)).toBe(text);
    expect(translator(lang).number(null)).toBe('—');
  });

  it('fills the placeholders', () => {
    expect(translator('en').t('late', { days: 3 })).toBe('3 days late');
    expect(translator('kk').t('dueDayText', { day: 5 })).toBe('кезеңнен кейінгі айдың 5-күніне дейін');
  });
});
