import { describe, expect, it } from 'vitest';
import { fitText, graphicId, niceTicks, svgRoot } from './svg.js';
import { xmlProblems } from './well-formed.testing.js';

describe('niceTicks', () => {
  it.each([
    [0, 100, [0, 25, 50, 75, 100]],
    [0, 1234, [0, 500, 1000, 1500]],
    [-345, 2000, [-1000, 0, 1000, 2000]],
    [0, 0.37, [0, 0.1, 0.2, 0.3, 0.4]],
    [-5, 0, [-6, -4, -2, 0]],
    [0, 0, [0, 0.25, 0.5, 0.75, 1]],
  ])('covers [%d, %d] with nice steps', (min, max, ticks) => {
    expect(niceTicks(min, max)).toEqual(ticks);
  });

  it.each([
    [0, 7],
    [3, 99_999],
    [-12_345, 67_890],
    [0.001, 0.002],
  ])('gives 4 or 5 evenly spaced ticks covering [%d, %d]', (min, max) => {
    const ticks = niceTicks(min, max);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks[0]).toBeLessThanOrEqual(min);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
  });
});

describe('fitText', () => {
  it.each([
    ['Астана', 100, 'Астана'],
    ['Западно-Казахстанская область', 60, 'Западно-К…'],
    ['abc def', 30, 'abc…'],
  ])('fits %s into %d', (text, width, fitted) => {
    expect(fitText(text, width, 10)).toBe(fitted);
  });
});

describe('graphicId and svgRoot', () => {
  it('keeps a caller id to safe characters and hashes otherwise', () => {
    expect(graphicId('bar', { id: 'a"b c' })).toBe('a_b_c');
    expect(graphicId('bar', { id: '1x' })).toBe('g1x');
    expect(graphicId('bar', {})).toMatch(/^bar-[0-9a-z]+$/);
  });

  it('labels the graphic by its title and description', () => {
    const svg = svgRoot({
      id: 'g',
      kind: 'k',
      title: '<T>',
      description: 'D&',
      width: 10,
      height: 5,
      body: null,
    });
    expect(xmlProblems(svg.text)).toEqual([]);
    expect(svg.text).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="g-title g-desc" viewBox="0 0 10 5" width="100%" font-family="inherit" class="graphic graphic-k"><title id="g-title">&lt;T&gt;</title><desc id="g-desc">D&amp;</desc></svg>',
    );
  });
});

describe('xmlProblems', () => {
  it.each([
    ['<svg><g></svg>', true],
    ['<svg><text>a < b</text></svg>', true],
    ['<svg><text>a & b</text></svg>', true],
    ['<svg a="1" a="2"/>', true],
    ['<svg/><svg/>', true],
    ['<svg x="a &amp; b"><text>&lt;&#39;</text><rect/></svg>', false],
  ])('judges %s', (xml, bad) => {
    expect(xmlProblems(xml).length > 0).toBe(bad);
  });
});
