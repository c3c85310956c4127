// The period of a request and the form periods that hold it, table by table.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/index.js';
import { formPeriodsFor, parseRequestPeriod } from './request.period.js';

describe('the period a request names (para 8)', () => {
  it.each([
    ['2022', '2022-01-01', '2022-12-31'],
    ['2022-03', '2022-03-01', '2022-03-31'],
    ['2022-Q2', '2022-04-01', '2022-06-30'],
    ['2022-H2', '2022-07-01', '2022-12-31'],
    ['2021..2022', '2021-01-01', '2022-12-31'],
    ['2022-02..2022-Q3', '2022-02-01', '2022-09-30'],
    ['2022-01-01..2022-06-30', '2022-01-01', '2022-06-30'],
    [' 2022-Q1 ', '2022-01-01', '2022-03-31'],
  ])('%s spans %s to %s', (text, start, end) => {
    expect(parseRequestPeriod(text)).toMatchObject({ start, end });
  });

  it.each([
    ['2022-13', 'invalid_period'],
    ['2022-Q5', 'invalid_period'],
    ['last year', 'invalid_period'],
    ['2023..2022', 'invalid_range'],
    ['2022-02-30..2022-03-01', 'invalid_date'],
    ['2022..2023..2024', 'invalid_period'],
  ])('refuses %s (%s), naming /period', (text, code) => {
    try {
      parseRequestPeriod(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).errors).toEqual([expect.objectContaining({ pointer: '/period', code })]);
    }
  });
});

describe('the form periods that hold a span', () => {
  // span, periodicity, cumulative → periods (period-minus where derived), or null (finer than the form)
  it.each([
    ['2022', 'monthly', true, ['2022-12']],
    ['2022-03', 'monthly', true, ['2022-03']],
    ['2022-Q2', 'monthly', true, ['2022-06-2022-03']],
    ['2022-04..2022-06', 'monthly', true, ['2022-06-2022-03']],
    ['2021..2022-06', 'monthly', true, ['2021-12', '2022-06']],
    ['2021-07..2022-06', 'monthly', true, ['2021-12-2021-06', '2022-06']],
    ['2022-Q1', 'monthly', false, ['2022-01', '2022-02', '2022-03']],
    ['2022', 'quarterly', false, ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']],
    ['2022-H1', 'quarterly', true, ['2022-Q2']],
    ['2022', 'yearly', false, ['2022']],
    ['2022-03', 'quarterly', false, null],
    ['2022-Q1', 'yearly', false, null],
    ['2022-01-15..2022-03-31', 'monthly', false, null],
  ] as const)('%s of a %s form (cumulative %s) → %j', (text, periodicity, cumulative, expected) => {
    const got = formPeriodsFor(parseRequestPeriod(text), periodicity, cumulative);
    expect(got?.map((p) => (p.minus ? `${p.period}-${p.minus}` : p.period)) ?? null).toEqual(expected);
  });
});
