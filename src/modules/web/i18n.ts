// The interface text of the portal in Kazakh (the default), Russian and English, and the
// locale's formats of numbers and dates. Data labels are the statistics store's own, not here.
import { fillIn } from '../../platform/fill-in.js';
import { notFound } from '../../platform/errors/index.js';
import { calendarMessages, type CalendarKey } from './messages.calendar.js';
import { en, type MessageKey as PortalKey } from './messages.en.js';
import { kk } from './messages.kk.js';
import { readerMessages, type ReaderKey } from './messages.reader.js';
import { reportMessages, type ReportKey } from './messages.report.js';
import { ru } from './messages.ru.js';

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (s: string): s is Lang => (LANGS as readonly string[]).includes(s);

/** The language a page's path starts with; any other first segment is a page that does not exist. */
export function pageLang(segment: string): Lang {
  if (!isLang(segment)) throw notFound('The page', 'page_not_found');
  return segment;
}

export const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
export const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export type MessageKey = PortalKey | ReaderKey | ReportKey | CalendarKey;
type Messages = Record<MessageKey, string>;

const MESSAGES: Record<Lang, Messages> = {
  kk: { ...kk, ...readerMessages.kk, ...reportMessages.kk, ...calendarMessages.kk },
  ru: { ...ru, ...readerMessages.ru, ...reportMessages.ru, ...calendarMessages.ru },
  en: { ...en, ...readerMessages.en, ...reportMessages.en, ...calendarMessages.en },
};

/** Every interface text of the portal's own catalogues, by language (tests read the English). */
export const PORTAL_MESSAGES: Readonly<Record<Lang, Readonly<Messages>>> = MESSAGES;

/** A graph's unit (count, persons, thousand-tenge, tenge, percent) in the reader's language. */
export const unitKey = (unit: string): MessageKey =>
  `unit${unit[0]!.toUpperCase()}${unit.slice(1)}` as MessageKey;

export interface Translator {
  lang: Lang;
  locale: string;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  number(n: number | null): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

export function translator(lang: Lang): Translator {
  const locale = LOCALES[lang];
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const df = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dtf = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Almaty',
  });
  return {
    lang,
    locale,
    t: (key, vars) => fillIn(MESSAGES[lang][key], vars),
    number: (n) => (n === null ? '—' : nf.format(n)),
    date: (iso) => df.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    dateTime: (iso) => dtf.format(new Date(iso)),
  };
}
