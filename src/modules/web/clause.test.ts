import { describe, expect, it } from 'vitest';
import { clauseText } from './clause.js';

describe('a clause as a reader cites it', () => {
  it.each([
    ['o25.i.app2.item1', 'ru', 'Правила, приложение 2, пункт 1'],
    ['o25.i.app2.item1', 'kk', 'Қағидалар, 2-қосымша, 1-тармақ'],
    ['o25.i.app2.item1', 'en', 'the Rules, appendix 2, item 1'],
    ['o25.i.p2.10', 'ru', 'Правила, пункт 2, подпункт 10'],
    ['o25.p3', 'en', 'the order, paragraph 3'],
    ['o84.list.item7', 'ru', 'Перечень, пункт 7'],
    ['o25.repealed.1', 'ru', 'o25.repealed.1'],
  ] as const)('%s in %s: %s', (id, lang, text) => {
    expect(clauseText(id, lang)).toBe(text);
  });
});
