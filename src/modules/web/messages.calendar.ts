// The working-day calendar's words in the three languages: why a day is off or working, and why
// a year may still change. Holiday names come from catalog/calendar in each language.
const enCalendar = {
  dayObservedOff: 'day off for {holiday} ({date})',
  dayTransferredOff: 'day off transferred from {date} by decree No. {decree}',
  dayWorkingWeekend: 'working day by decree No. {decree} (the day off moved to {date})',
  dayWorkingObserved: 'working day by decree No. {decree}: the day off for {holiday} moved to {date}',
  noteNoTransfersLoaded:
    'No decree transferring days off is loaded for {year}: the year is computed from the holidays alone and may change.',
  noteNoTransfersKnown:
    'No decree transferring days off is known for {year}: the year is computed from the holidays alone and may change.',
  noteMovableMissing: '{holiday}: no date is loaded for {year}, so it is counted as an ordinary day.',
  noteMovableEstimated: '{holiday}: {date} is an estimate, not yet announced.',
} as const;

export type CalendarKey = keyof typeof enCalendar;
type CalendarMessages = Record<CalendarKey, string>;

const ruCalendar: CalendarMessages = {
  dayObservedOff: 'выходной день за праздник «{holiday}» ({date})',
  dayTransferredOff: 'выходной день, перенесённый с {date} постановлением № {decree}',
  dayWorkingWeekend: 'рабочий день по постановлению № {decree} (выходной перенесён на {date})',
  dayWorkingObserved:
    'рабочий день по постановлению № {decree}: выходной за праздник «{holiday}» перенесён на {date}',
  noteNoTransfersLoaded:
    'Постановление о переносе выходных дней на {year} год не загружено: год рассчитан только по праздникам и может измениться.',
  noteNoTransfersKnown:
    'Постановление о переносе выходных дней на {year} год неизвестно: год рассчитан только по праздникам и может измениться.',
  noteMovableMissing: '{holiday}: дата на {year} год не загружена, поэтому день считается обычным.',
  noteMovableEstimated: '{holiday}: {date} — предварительная дата, ещё не объявлена.',
};

const kkCalendar: CalendarMessages = {
  dayObservedOff: '«{holiday}» мерекесі үшін демалыс күні ({date})',
  dayTransferredOff: '№ {decree} қаулымен {date} күнінен ауыстырылған демалыс күні',
  dayWorkingWeekend: '№ {decree} қаулы бойынша жұмыс күні (демалыс {date} күніне ауыстырылды)',
  dayWorkingObserved:
    '№ {decree} қаулы бойынша жұмыс күні: «{holiday}» мерекесі үшін демалыс {date} күніне ауыстырылды',
  noteNoTransfersLoaded:
    '{year} жылға демалыс күндерін ауыстыру туралы қаулы жүктелмеген: жыл тек мерекелер бойынша есептелген және өзгеруі мүмкін.',
  noteNoTransfersKnown:
    '{year} жылға демалыс күндерін ауыстыру туралы қаулы белгісіз: жыл тек мерекелер бойынша есептелген және өзгеруі мүмкін.',
  noteMovableMissing: '{holiday}: {year} жылғы күні жүктелмеген, сондықтан әдеттегі күн ретінде есептеледі.',
  noteMovableEstimated: '{holiday}: {date} — болжамды күн, әлі жарияланбаған.',
};

export const calendarMessages = { kk: kkCalendar, ru: ruCalendar, en: enCalendar as CalendarMessages };
