// The obligations over HTTP: the same engine as `zanstat due`, on the stored catalogue and calendar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Obligation = {
  item: string;
  itemKind: string;
  period: string;
  channel: string;
  due: string;
  nominal: string;
  rolled: boolean;
  act: string;
  clause: string;
};

describe('GET /api/v1/obligations', () => {
  it('lists what is due in a range with its legal basis', async () => {
    const res = await t.app.inject('/api/v1/obligations?from=2024-04-01&to=2024-04-30');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Obligation[]; notices: { act: string }[] };
    expect(body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          item: '1-М',
          itemKind: 'form',
          period: '2024-03',
          channel: 'information-service',
          due: '2024-04-05',
          rolled: false,
          act: 'o25-2019',
          clause: 'o25.i.app2.item1',
        }),
        // Order 84: by the 20th; 20 April 2024 was a Saturday (Order 25 para 13 rolls it to Monday).
        expect.objectContaining({
          item: '1-М',
          period: '2024-03',
          channel: 'open-data-portal',
          nominal: '2024-04-20',
          due: '2024-04-22',
          rolled: true,
        }),
        // The collections of Appendix 1: by the 14th after the quarter (14 April 2024 was a Sunday).
        expect.objectContaining({
          itemKind: 'collection',
          period: '2024-Q1',
          due: '2024-04-15',
          rolled: true,
        }),
      ]),
    );
    expect(body.items.every((o) => o.due >= '2024-04-01' && o.due <= '2024-04-30')).toBe(true);
    expect(body.notices.map((n) => n.act)).toEqual(expect.arrayContaining(['o25-2019', 'o84-2019']));
  });

  it.each([
    ['1-m', 1],
    ['1-%D0%9E%D0%9B', 1], // 1-ОЛ, the Russian alias of 1-ТӨ: monthly info service; quarterly portal not due in April's first days
  ])('filters by item %s', async (item, atLeast) => {
    const res = await t.app.inject(`/api/v1/obligations?from=2024-04-01&to=2024-04-12&item=${item}`);
    const items = (res.json() as { items: Obligation[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(atLeast);
    expect(new Set(items.map((o) => o.item)).size).toBe(1);
  });

  it.each([
    ['from=2024-05-01&to=2024-04-01', '/query/from', 'invalid_range'],
    ['from=2010-01-01&to=2024-04-01', '/query/to', 'range_too_long'],
    ['from=2024-04-01&to=2024-04-30&item=9-Z', '/query/item', 'unknown_item'],
    ['from=2024-02-30', '/query/from', 'format'],
    ['from=2024-04-01&to=2024-04-30&channel=pigeon', '/query/channel', 'unknown_channel'],
  ])('%s → 422 naming %s', async (q, pointer, code) => {
    const res = await t.app.inject(`/api/v1/obligations?${q}`);
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: { pointer: string; code: string }[] }).errors).toEqual([
      expect.objectContaining({ pointer, code }),
    ]);
  });

  it('serves the same obligations as iCalendar', async () => {
    const res = await t.app.inject('/api/v1/obligations.ics?from=2024-04-01&to=2024-04-30&item=1-m');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(res.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(res.body).toContain('DTSTART;VALUE=DATE:20240405');
  });
});

describe('GET /api/v1/calendar/{year}', () => {
  it('gives every date with why it is or is not a working day', async () => {
    const res = await t.app.inject('/api/v1/calendar/2020');
    const body = res.json() as {
      days: { date: string; working: boolean; reason: string }[];
      provisional: boolean;
    };
    expect(body.days).toHaveLength(366);
    expect(body.provisional).toBe(false);
    const day = (d: string) => body.days.find((x) => x.date === d);
    // 11 May 2020: the observed day off for Victory Day (9 May, a Saturday), made a working day by a transfer.
    expect(day('2020-05-11')).toMatchObject({ working: true, reason: 'working-by-transfer' });
    expect(day('2020-03-21')).toMatchObject({ working: false, reason: 'holiday' });
    expect(day('2020-03-24')).toMatchObject({ working: false, reason: 'observed-day-off' });
  });

  it('refuses a year out of range naming it', async () => {
    const res = await t.app.inject('/api/v1/calendar/1800');
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe('/params/year');
  });
});
