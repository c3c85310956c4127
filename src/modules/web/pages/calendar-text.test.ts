import { describe, expect, it } from 'vitest';
import { calendarYear, loadCalendarDirectory } from '../../calendar/index.js';
import { translator, type Lang } from '../i18n.js';
import { calendarNoteText, dayReasonText } from './calendar-text.js';

const calendar = await loadCalendarDirectory('catalog/calendar', 'catalog/calendar');
const dayOf = (date: string) =>
  calendarYear(calendar, Number(date.slice(0, 4))).days.find((d) => d.date === date)!;

describe('the working-day calendar in the reader’s language', () => {
  it.each<[Lang, string, string]>([
    ['kk', '2024-03-21', 'Наурыз мейрамы'],
    ['ru', '2024-03-21', 'Наурыз мейрамы'],
    ['en', '2024-01-01', 'New Year'],
    ['ru', '2024-01-01', 'Новый год'],
    ['kk', '2024-01-01', 'Жаңа жыл'],
    ['ru', '2024-05-08', 'выходной день, перенесённый с 4 мая 2024 г. постановлением № 109 (2024)'],
    [
      'kk',
      '2024-05-04',
      '№ 109 (2024) қаулы бойынша жұмыс күні (демалыс 2024 ж. 8 мамыр күніне ауыстырылды)',
    ],
    ['en', '2024-05-04', 'working day by decree No. 109 (2024) (the day off moved to 8 May 2024)'],
  ])('in %s says why %s is what it is: %s', (lang, date, text) => {
    expect(dayReasonText(dayOf(date), translator(lang))).toBe(text);
  });

  it.each<[Lang, string]>([
    ['kk', '2026 жылға демалыс күндерін ауыстыру туралы қаулы белгісіз'],
    ['ru', 'Постановление о переносе выходных дней на 2026 год неизвестно'],
    ['en', 'No decree transferring days off is known for 2026'],
  ])('in %s says why a year may still change', (lang, text) => {
    const notes = calendarYear(calendar, 2026).noteItems.map((n) => calendarNoteText(n, translator(lang)));
    expect(notes.join(' ')).toContain(text);
  });
});
