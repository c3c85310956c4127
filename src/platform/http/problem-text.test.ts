import { describe, expect, it } from 'vitest';
import { problemLangOf } from './problem-text.js';

describe('the language of a problem', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['ru', 'ru'],
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['de-DE, kk;q=0.5, ru;q=0.7', 'ru'],
    ['kk-KZ', 'kk'],
    ['fr, en-GB;q=0.3', 'en'],
    ['de', null],
    ['ru;q=0, en', 'en'],
  ])('%s → %s', (header, lang) => {
    expect(problemLangOf(header)).toBe(lang);
  });
});
