import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCalendarDirectory, localDate } from '../calendar/index.js';
import { loadCatalogDirs } from './index.js';
import { dueOf, type ObligationDue } from './obligations.js';
import { escapeICalendarText, foldICalendarLine, obligationsToICalendar } from './obligations.ics.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const catalog = loadCatalogDirs([`${root}catalog`]).catalog;
const calendar = await loadCalendarDirectory(`${root}catalog/calendar`, 'catalog/calendar');

const options = {
  calendarName: 'zanstat: obligations',
  now: new Date('2024-04-01T10:30:00Z'),
  baseUrl: 'https://stat.example.kz/',
};

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545, 3.1: a CRLF followed by one space or tab continues the previous line. */
function unfold(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
}

/** `NAME;PARAM=VALUE:value` (no quoted parameters are written, so the first `:` ends the name). */
function parseLine(line: string): ContentLine {
  const colon = line.indexOf(':');
  const [name, ...params] = line.slice(0, colon).split(';');
  return {
    name: name!,
    params: Object.fromEntries(params.map((param) => param.split('=') as [string, string])),
    value: line.slice(colon + 1),
  };
}

/** RFC 5545, 3.3.11, backwards. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, character: string) =>
    character === 'n' || character === 'N' ? '\n' : character,
  );
}

/** The VEVENTs of a feed, each as its properties by name. */
function parseEvents(text: string): Map<string, ContentLine>[] {
  const events: Map<string, ContentLine>[] = [];
  let current: Map<string, ContentLine> | undefined;
  for (const line of unfold(text).map(parseLine)) {
    if (line.name === 'BEGIN' && line.value === 'VEVENT') current = new Map();
    else if (line.name === 'END' && line.value === 'VEVENT') {
      events.push(current!);
      current = undefined;
    } else if (current) current.set(line.name, line);
  }
  return events;
}

/** Every physical line at most 75 octets, and each one valid UTF-8 on its own. */
function expectWellFolded(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let index = 0; index < bytes.length - 1; index += 1) {
    if (bytes[index] === 0x0d && bytes[index + 1] === 0x0a) {
      const line = bytes.subarray(start, index);
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
      start = index + 2;
    }
  }
  expect(start).toBe(bytes.length);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
}

const obligations = dueOf(catalog, calendar, '1-М', '2024-03');
const feed = obligationsToICalendar(obligations, options);

describe('obligationsToICalendar', () => {
  it('writes one all-day event per obligation, read back by a parser', () => {
    const lines = unfold(feed);
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//zanstat//obligations//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'NAME:zanstat: obligations',
      'X-WR-CALNAME:zanstat: obligations',
    ]);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const events = parseEvents(feed);
    expect(events).toHaveLength(2);
    const [service, portal] = events;
    expect(service!.get('UID')?.value).toBe('form.1-m.2024-03.information-service@stat.example.kz');
    expect(portal!.get('UID')?.value).toBe('form.1-m.2024-03.open-data-portal@stat.example.kz');
    expect(service!.get('DTSTAMP')?.value).toBe('20240401T103000Z');
    expect(service!.get('DTSTART')).toEqual({
      name: 'DTSTART',
      params: { VALUE: 'DATE' },
      value: '20240405',
    });
    expect(service!.get('DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20240406' });
    expect(portal!.get('DTSTART')?.value).toBe('20240422');
    expect(unescapeText(service!.get('SUMMARY')!.value)).toBe('1-М 2024-03 — information service');
    expect(unescapeText(portal!.get('SUMMARY')!.value)).toBe('1-М 2024-03 — open-data portal');
    expect(service!.get('URL')?.value).toBe(
      'https://stat.example.kz/api/v1/obligations?item=1-m&channel=information-service&from=2024-04-05&to=2024-04-05',
    );
  });

  it('puts the titles and the legal basis in the description', () => {
    const [, portal] = parseEvents(feed);
    const description = unescapeText(portal!.get('DESCRIPTION')!.value).split('\n');
    expect(description).toEqual([
      'Тіркелген қылмыстық құқық бұзушылықтар туралы',
      'О зарегистрированных уголовных правонарушениях',
      'On registered criminal offences',
      '',
      'Period 2024-03, due 2024-04-22 (open-data portal).',
      "The act's day 2024-04-20 is not a working day: the term ends on the next working day (Order 25, para 13).",
      'Legal basis: act o84-2019, clause o84.list.item3; open dataset registered-criminal-offences.',
    ]);
  });

  it('uses CRLF and folds at 75 octets without splitting a Kazakh letter', () => {
    // 1-Н has the longest Kazakh title of Appendix 2: its description folds many times.
    const long = dueOf(catalog, calendar, '1-Н', '2024-Q1');
    const text = obligationsToICalendar(long, options);
    expectWellFolded(text);
    expectWellFolded(feed);
    const [event] = parseEvents(text);
    expect(unescapeText(event!.get('DESCRIPTION')!.value).split('\n')[0]).toBe(long[0]!.title.kk);
    expect(text.split('\r\n').length).toBeGreaterThan(unfold(text).length + 10);
  });

  it('gives the same UID to the same obligation in every feed', () => {
    const later = obligationsToICalendar(dueOf(catalog, calendar, '1-М', '2024-03'), {
      ...options,
      now: new Date('2025-01-01T00:00:00Z'),
    });
    const uids = (text: string) => parseEvents(text).map((event) => event.get('UID')?.value);
    expect(uids(later)).toEqual(uids(feed));
  });

  it('escapes text and survives a round trip', () => {
    const tricky: ObligationDue = {
      ...obligations[0]!,
      item: 'ә;б,в\\г',
      title: { kk: 'бірінші жол\nекінші; жол, \\ соңы ₸', ru: 'р', en: 'e' },
    };
    const text = obligationsToICalendar([tricky], { ...options, calendarName: 'a, b; c' });
    expectWellFolded(text);
    expect(unfold(text)).toContain('NAME:a\\, b\\; c');
    const [event] = parseEvents(text);
    expect(unescapeText(event!.get('SUMMARY')!.value)).toBe('ә;б,в\\г 2024-03 — information service');
    expect(unescapeText(event!.get('DESCRIPTION')!.value).split('\n').slice(0, 2)).toEqual([
      'бірінші жол',
      'екінші; жол, \\ соңы ₸',
    ]);
  });

  it('writes an empty calendar for no obligations', () => {
    expect(obligationsToICalendar([], options).split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//zanstat//obligations//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'NAME:zanstat: obligations',
      'X-WR-CALNAME:zanstat: obligations',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('spans one day: DTEND is the next day across a month and a year', () => {
    const newYear = dueOf(catalog, calendar, '1-М', '2024-12', 'information-service');
    expect(newYear[0]?.due).toBe(localDate('2025-01-05'));
    const [event] = parseEvents(obligationsToICalendar(newYear, options));
    expect([event!.get('DTSTART')?.value, event!.get('DTEND')?.value]).toEqual(['20250105', '20250106']);
    const lastDay = { ...newYear[0]!, due: localDate('2024-12-31') };
    const [last] = parseEvents(obligationsToICalendar([lastDay], options));
    expect(last!.get('DTEND')?.value).toBe('20250101');
  });
});

describe('escapeICalendarText', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\nb'],
    ['\\n', '\\\\n'], // a backslash and an n stay two characters
  ])('%j → %j', (text, escaped) => {
    expect(escapeICalendarText(text)).toBe(escaped);
  });
});

describe('foldICalendarLine', () => {
  const octets = (text: string) => Buffer.byteLength(text, 'utf8');

  it.each([
    ['75 ASCII octets stay on one line', 'S'.repeat(75), [75]],
    ['76 ASCII octets fold once', 'S'.repeat(76), [75, 2]],
    // 'SUMMARY:' is 8 octets and each ә is 2: the 34th ә would take octets 75–76, so the first
    // line stops at 74 rather than split it.
    ['a two-octet letter across octet 75', `SUMMARY:${'ә'.repeat(40)}`, [74, 1 + 14]],
    // '₸' is 3 octets: 'X' + 24 × ₸ = 73, the 25th would end at 76.
    ['a three-octet sign across octet 75', `X${'₸'.repeat(30)}`, [73, 1 + 18]],
    ['a four-octet character', `${'x'.repeat(73)}😀`, [73, 5]],
  ])('%s', (_, line, sizes) => {
    const folded = foldICalendarLine(line);
    const physical = folded.split('\r\n');
    expect(physical.map(octets)).toEqual(sizes);
    expect(physical.slice(1).every((piece) => piece.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
