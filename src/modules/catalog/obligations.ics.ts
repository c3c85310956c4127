import { addDays, type LocalDate } from '../calendar/index.js';
import type { ObligationDue } from './obligations.js';

// The obligations as an iCalendar feed (RFC 5545): one all-day event per obligation on its due
// date, so that a calendar application shows what is due when. Pure: the stamp time is passed in.

export interface ObligationsICalendarOptions {
  /** Shown by calendar applications as the feed's name. */
  readonly calendarName: string;
  /** DTSTAMP of every event: when the feed was made (from the injected clock). */
  readonly now: Date;
  /** The service's public base URL (`https://stat.example.kz`): the events' links and UID domain. */
  readonly baseUrl: string;
}

const CRLF = '\r\n';
/** RFC 5545, 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
const MAX_LINE_OCTETS = 75;

/** RFC 5545, 3.3.11: a TEXT value escapes backslash, semicolon and comma, and writes newlines as `\n`. */
export function escapeICalendarText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545, 3.1: a content line longer than 75 octets is folded by a line break followed by one
 * space, which counts towards the next line's 75 octets. Octets are of UTF-8, and a fold never
 * splits a character's bytes (the Kazakh letters ә ғ қ ң ө ұ ү һ і take two, ₸ and — three).
 */
export function foldICalendarLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space of a continuation line
    }
    piece += character;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join(`${CRLF} `);
}

/** `20240405` for a DATE value. */
function icsDate(date: LocalDate): string {
  return date.replace(/-/g, '');
}

/** `20240401T103000Z` for a UTC DATE-TIME value. */
function icsUtcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** `open-data-portal` → `open-data portal` for a summary a person reads. */
function channelLabel(channel: string): string {
  return channel.replace(/-/g, ' ').replace(/^open data /, 'open-data ');
}

/**
 * The UID stays the same for the same (item, period, channel) in every feed, so that a calendar
 * application updates an event whose due date moved (a decree loaded, a replacing act) instead of
 * adding a second one. Built from catalogue ids, which are ASCII.
 */
function eventUid(obligation: ObligationDue, domain: string): string {
  return `${obligation.itemKind}.${obligation.itemId}.${obligation.period}.${obligation.channel}@${domain}`;
}

function eventDescription(obligation: ObligationDue): string {
  const lines = [
    obligation.title.kk,
    obligation.title.ru,
    obligation.title.en,
    '',
    `Period ${obligation.period}, due ${obligation.due} (${channelLabel(obligation.channel)}).`,
  ];
  if (obligation.rolled) {
    lines.push(
      `The act's day ${obligation.nominal} is not a working day: the term ends on the next working day (Order 25, para 13).`,
    );
  }
  if (obligation.provisional) {
    lines.push(
      `Provisional: no government decree on days off is loaded for that year yet; the date may move.`,
    );
  }
  const dataset = obligation.dataset === undefined ? '' : `; open dataset ${obligation.dataset}`;
  lines.push(`Legal basis: act ${obligation.act}, clause ${obligation.clause}${dataset}.`);
  return lines.join('\n');
}

function eventUrl(obligation: ObligationDue, base: string): string {
  const query = new URLSearchParams({
    item: obligation.itemId,
    channel: obligation.channel,
    from: obligation.due,
    to: obligation.due,
  });
  return `${base}/api/v1/obligations?${query.toString()}`;
}

/** A VCALENDAR with one all-day VEVENT per obligation, CRLF line endings, folded and escaped. */
export function obligationsToICalendar(
  obligations: readonly ObligationDue[],
  options: ObligationsICalendarOptions,
): string {
  const base = options.baseUrl.replace(/\/+$/, '');
  const domain = new URL(base).hostname;
  const stamp = icsUtcDateTime(options.now);
  const name = escapeICalendarText(options.calendarName);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//zanstat//obligations//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
  ];
  for (const obligation of obligations) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${eventUid(obligation, domain)}`,
      `DTSTAMP:${stamp}`,
      // An all-day event: DTEND is the next day, exclusive (RFC 5545, 3.6.1).
      `DTSTART;VALUE=DATE:${icsDate(obligation.due)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(obligation.due, 1))}`,
      `SUMMARY:${escapeICalendarText(
        `${obligation.item} ${obligation.period} — ${channelLabel(obligation.channel)}`,
      )}`,
      `DESCRIPTION:${escapeICalendarText(eventDescription(obligation))}`,
      `URL:${eventUrl(obligation, base)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldICalendarLine).join(CRLF) + CRLF;
}
