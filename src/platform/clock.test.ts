import { describe, expect, it } from 'vitest';
import { endOfDayInKazakhstan, instantInKazakhstan, localDateOf } from './clock.js';

describe('Kazakhstan civil time', () => {
  // One time zone, UTC+5, since 1 March 2024; UTC+6 in Almaty before.
  it.each([
    ['2024-03-15', '10:00', '2024-03-15T05:00:00.000Z'],
    ['2024-02-15', '10:00', '2024-02-15T04:00:00.000Z'],
    ['2025-01-01', '00:00', '2024-12-31T19:00:00.000Z'],
  ])('%s %s is %s', (date, time, iso) => {
    expect(instantInKazakhstan(date, time).toISOString()).toBe(iso);
  });

  it('ends a day at the next midnight', () => {
    expect(endOfDayInKazakhstan('2024-03-15').toISOString()).toBe('2024-03-15T19:00:00.000Z');
    expect(localDateOf(new Date(endOfDayInKazakhstan('2024-12-31').getTime() - 1))).toBe('2024-12-31');
  });
});
