// The release calendar as an iCalendar feed (RFC 5545): one event per release on its announced
// date — at its publication time once approved or published, all day before — so that a user
// subscribes in a calendar application. Pure: the stamp time is passed in.
import { addDays, localDate } from '../calendar/index.js';
import { escapeICalendarText, foldICalendarLine } from '../catalog/index.js';
import type { ReleaseView } from './releases.query.js';

export interface ReleasesICalendarOptions {
  calendarName: string;
  now: Date;
  baseUrl: string;
}

const utc = (instant: Date) =>
  instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
const day = (date: string) => date.replace(/-/g, '');

/** A release whose figures are synthetic says so first, in the feed's three languages. */
const DEMONSTRATION = {
  summary: 'ДЕМО',
  lines: [
    'Демонстрациялық деректер: синтетикалық, ресми статистика емес.',
    'Демонстрационные данные: синтетические, не официальная статистика.',
    'Demonstration data: synthetic figures, not official statistics.',
  ],
};

function description(r: ReleaseView): string {
  const lines = [
    ...(r.demonstration ? [...DEMONSTRATION.lines, ''] : []),
    r.title.kk,
    r.title.ru,
    r.title.en,
    '',
    `Period ${r.period}. Due ${r.dueDate}; announced for ${r.plannedDate}.`,
  ];
  if (r.publishedAt) lines.push(`Published ${r.publishedAt}.`);
  if (r.late) lines.push(`Late: ${r.lateDays} day(s) after the due date.`);
  for (const x of r.reschedules) lines.push(`Rescheduled from ${x.from} to ${x.to}: ${x.reason}`);
  for (const p of r.publications.filter((p) => p.version > 1))
    lines.push(`Revised ${p.publishedAt}: ${p.reason ?? ''}`);
  if (r.act) lines.push(`Legal basis: act ${r.act}, clause ${r.clause ?? ''}.`);
  return lines.join('\n');
}

export function releasesToICalendar(
  releases: readonly ReleaseView[],
  options: ReleasesICalendarOptions,
): string {
  const base = options.baseUrl.replace(/\/+$/, '');
  const domain = new URL(base).hostname;
  const name = escapeICalendarText(options.calendarName);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//zanstat//releases//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
  ];
  for (const r of releases) {
    const at = r.publishedAt ?? r.publishAt;
    const when = at
      ? [`DTSTART:${utc(new Date(at))}`, `DTEND:${utc(new Date(new Date(at).getTime() + 30 * 60_000))}`]
      : [
          `DTSTART;VALUE=DATE:${day(r.plannedDate)}`,
          `DTEND;VALUE=DATE:${day(addDays(localDate(r.plannedDate), 1))}`,
        ];
    const url = `${base}/api/v1/forms/${encodeURIComponent(r.code)}/tables/${r.period}`;
    lines.push(
      'BEGIN:VEVENT',
      // the same UID in every feed: a moved release updates its event instead of adding one
      `UID:release.${r.form}.${r.period}@${domain}`,
      `DTSTAMP:${utc(options.now)}`,
      ...when,
      `SUMMARY:${escapeICalendarText(`${r.demonstration ? `[${DEMONSTRATION.summary}] ` : ''}${r.code} ${r.period}: ${r.title.kk}`)}`,
      `DESCRIPTION:${escapeICalendarText(description(r))}`,
      `STATUS:${r.publishedAt || r.publishAt ? 'CONFIRMED' : 'TENTATIVE'}`,
      `URL:${url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldICalendarLine).join('\r\n') + '\r\n';
}
