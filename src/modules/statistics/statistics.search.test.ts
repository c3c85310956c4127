import { describe, expect, it } from 'vitest';
import { articleOfQuery } from './statistics.search.js';

describe('the article a query names', () => {
  it.each([
    ['ст. 188', '188'],
    ['ст.188', '188'],
    ['Статья 188-1', '188-1'],
    ['188-бап', '188'],
    ['188 бап', '188'],
    ['art. 99', '99'],
    ['188', '188'],
    ['кража', null],
    ['1-М', null],
    ['2024', null],
  ])('%s → %s', (q, article) => {
    expect(articleOfQuery(q)).toBe(article);
  });
});
