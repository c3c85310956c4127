// The working-day calendar in the reader's language: a day's reason and a year's notes worded
// from the calendar's data (holiday names in kk, ru and en from catalog/calendar).
import type { CalendarNote, CalendarYearDay, Decree } from '../../calendar/index.js';
import type { Translator } from '../i18n.js';

const decreeText = (d: Decree, t: Translator): string =>
  `${d.number} (${d.date ? t.date(d.date) : String(d.year)})`;

/** Why a day is off, or working though it would not be. */
export function dayReasonText(day: CalendarYearDay, t: Translator): string {
  const r = day.reason;
  switch (r.kind) {
    case 'working-day':
    case 'weekend':
      return '';
    case 'holiday':
      return r.holidays.map((h) => h.name[t.lang]).join(', ');
    case 'observed-day-off':
      return t.t('dayObservedOff', { holiday: r.holiday.name[t.lang], date: t.date(r.holidayDate) });
    case 'transferred-day-off':
      return t.t('dayTransferredOff', { date: t.date(r.workingDay), decree: decreeText(r.decree, t) });
    case 'working-by-transfer':
      return r.replaces.kind === 'weekend'
        ? t.t('dayWorkingWeekend', { decree: decreeText(r.decree, t), date: t.date(r.dayOff) })
        : t.t('dayWorkingObserved', {
            decree: decreeText(r.decree, t),
            holiday: r.replaces.holiday.name[t.lang],
            date: t.date(r.dayOff),
          });
  }
}

/** Why a year's working days may still change. */
export function calendarNoteText(note: CalendarNote, t: Translator): string {
  switch (note.kind) {
    case 'no-transfers-loaded':
      return t.t('noteNoTransfersLoaded', { year: note.year });
    case 'no-transfers-known':
      return t.t('noteNoTransfersKnown', { year: note.year });
    case 'movable-date-missing':
      return t.t('noteMovableMissing', { holiday: note.holiday.name[t.lang], year: note.year });
    case 'movable-date-estimated':
      return t.t('noteMovableEstimated', { holiday: note.holiday.name[t.lang], date: t.date(note.date) });
  }
}
