// What problems mean in the reader's language (Kazakh, Russian, English): a title per status, a
// headline per problem code, and the detail worded from the problem's parameters
// (problem-detail.ts). The API uses them when the client asks for a language (Accept-Language); the
// portal's validation report shows the headline and the detail on each cell.
import { problemDetail, type ProblemLang } from '../errors/index.js';
import type { Problem } from './problem.js';
import { SIGN_IN_PROBLEMS } from './problem-text.sign-in.js';

export type { ProblemLang };
type Text = Record<ProblemLang, string>;

const TITLES: Record<number, Text> = {
  400: { kk: 'Сұрау түсініксіз', ru: 'Неверный запрос', en: 'Bad request' },
  401: { kk: 'Кіру қажет', ru: 'Требуется вход', en: 'Authentication required' },
  403: { kk: 'Рұқсат жоқ', ru: 'Доступ запрещён', en: 'Forbidden' },
  404: { kk: 'Табылмады', ru: 'Не найдено', en: 'Not found' },
  409: { kk: 'Қайшылық', ru: 'Конфликт', en: 'Conflict' },
  413: { kk: 'Тым үлкен', ru: 'Слишком большой объём', en: 'Payload too large' },
  415: { kk: 'Қолдау көрсетілмейтін түр', ru: 'Неподдерживаемый тип', en: 'Unsupported media type' },
  422: { kk: 'Деректер қате', ru: 'Неверные данные', en: 'Invalid input' },
  429: { kk: 'Сұраулар тым көп', ru: 'Слишком много запросов', en: 'Too many requests' },
  500: { kk: 'Ішкі қате', ru: 'Внутренняя ошибка', en: 'Internal server error' },
  503: { kk: 'Сервис қолжетімсіз', ru: 'Сервис недоступен', en: 'Service unavailable' },
};

const PROBLEMS: Record<string, Text> = {
  derived_series: {
    kk: 'Республика өңірлерден есептеледі, сақталмайды',
    ru: 'Республика суммируется по регионам и не хранится',
    en: 'The republic is summed from the regions, not stored',
  },
  unencoded_url: {
    kk: 'Мекенжайдағы таңба кодталмаған',
    ru: 'Символ в адресе не закодирован',
    en: 'A character of the address is not encoded',
  },
  malformed_url: {
    kk: 'Мекенжай UTF-8 бойынша кодталмаған',
    ru: 'Адрес закодирован не в UTF-8',
    en: 'The address is not encoded as UTF-8',
  },
  submission_rejected: { kk: 'Есеп қабылданбады', ru: 'Отчёт отклонён', en: 'The submission is refused' },
  control_relation: {
    kk: 'Бақылау арақатынасы сақталмаған',
    ru: 'Нарушено контрольное соотношение',
    en: 'A control relation does not hold',
  },
  not_a_number: { kk: 'Сан емес', ru: 'Не число', en: 'Not a number' },
  not_a_whole_number: { kk: 'Бүтін сан емес', ru: 'Не целое число', en: 'Not a whole number' },
  negative: { kk: 'Теріс мән', ru: 'Отрицательное значение', en: 'A negative value' },
  unknown_form: { kk: 'Белгісіз нысан', ru: 'Неизвестная форма', en: 'Unknown form' },
  unknown_section: { kk: 'Белгісіз бөлім', ru: 'Неизвестный раздел', en: 'Unknown section' },
  unknown_sheet: { kk: 'Белгісіз парақ', ru: 'Неизвестный лист', en: 'Unknown sheet' },
  unknown_row: { kk: 'Белгісіз жол', ru: 'Неизвестная строка', en: 'Unknown row' },
  row_not_found: { kk: 'Мұндай жол жоқ', ru: 'Нет такой строки', en: 'No such row' },
  unknown_graph: { kk: 'Белгісіз баған', ru: 'Неизвестная графа', en: 'Unknown column' },
  invalid_graph: { kk: 'Баған нөмірі қате', ru: 'Неверный номер графы', en: 'Invalid column number' },
  unknown_breakdown: {
    kk: 'Белгісіз өңір немесе орган',
    ru: 'Неизвестный регион или орган',
    en: 'Unknown region or agency',
  },
  duplicate_cell: { kk: 'Ұяшық екі рет берілген', ru: 'Ячейка указана дважды', en: 'A cell is given twice' },
  duplicate_row: { kk: 'Жол екі рет берілген', ru: 'Строка указана дважды', en: 'A row is given twice' },
  duplicate_breakdown: {
    kk: 'Өңір екі рет берілген',
    ru: 'Регион указан дважды',
    en: 'A region is given twice',
  },
  missing_section: { kk: 'Бөлім жоқ', ru: 'Нет раздела', en: 'A section is missing' },
  missing_row: { kk: 'Жол жоқ', ru: 'Нет строки', en: 'A row is missing' },
  missing_graph: { kk: 'Баған жоқ', ru: 'Нет графы', en: 'A column is missing' },
  missing_columns: {
    kk: 'CSV бағандары жетіспейді',
    ru: 'В CSV не хватает столбцов',
    en: 'The CSV lacks columns',
  },
  malformed_csv: { kk: 'CSV оқылмайды', ru: 'CSV не читается', en: 'The CSV cannot be read' },
  no_header: { kk: 'Тақырып жолы жоқ', ru: 'Нет строки заголовка', en: 'No header line' },
  not_xlsx: { kk: 'XLSX файлы емес', ru: 'Не файл XLSX', en: 'Not an XLSX file' },
  empty_submission: { kk: 'Бірде-бір мән жоқ', ru: 'Нет ни одного значения', en: 'No value at all' },
  no_structure: {
    kk: 'Бұл кезеңге макет жоқ',
    ru: 'Нет макета на этот период',
    en: 'No layout for this period',
  },
  period_required: { kk: 'Кезеңді көрсетіңіз', ru: 'Укажите период', en: 'Name the period' },
  period_mismatch: {
    kk: 'Кезең нысанға сай емес',
    ru: 'Период не подходит форме',
    en: 'The period does not fit the form',
  },
  form_required: { kk: 'Нысанды көрсетіңіз', ru: 'Укажите форму', en: 'Name the form' },
  breakdown_required: {
    kk: 'Өңірді немесе органды көрсетіңіз',
    ru: 'Укажите регион или орган',
    en: 'Name the region or agency',
  },
  reason_required: {
    kk: 'Түзету себебін көрсетіңіз',
    ru: 'Укажите причину исправления',
    en: 'Give the reason for the revision',
  },
  too_long: { kk: 'Тым ұзын', ru: 'Слишком длинно', en: 'Too long' },
  invalid_period: { kk: 'Кезең қате', ru: 'Неверный период', en: 'Invalid period' },
  file_required: { kk: 'Файлды таңдаңыз', ru: 'Выберите файл', en: 'Choose a file' },
  ...SIGN_IN_PROBLEMS,
};

/** The headline of a problem code in `lang`, or null for a code without one (its detail is shown). */
export function problemHeadline(code: string, lang: ProblemLang): string | null {
  return PROBLEMS[code]?.[lang] ?? null;
}

/** The first of kk, ru, en that an Accept-Language header names (by its order of preference), or null. */
export function problemLangOf(acceptLanguage: string | undefined): ProblemLang | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean) ?? 1);
      return { lang: tag!.split('-')[0]!, q, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const hit = ranked.find((x) => x.lang === 'kk' || x.lang === 'ru' || x.lang === 'en');
  return (hit?.lang as ProblemLang | undefined) ?? null;
}

/** The problem with its title, and a headline for it and for each of its errors, in `lang`. */
export function localiseProblem(problem: Problem, lang: ProblemLang): Problem & { headline?: string } {
  const headline = problemHeadline(problem.code, lang);
  return {
    ...problem,
    title: TITLES[problem.status]?.[lang] ?? problem.title,
    detail: problemDetail(problem.code, problem.params, lang) ?? problem.detail,
    ...(headline ? { headline } : {}),
    ...(problem.errors
      ? {
          errors: problem.errors.map((e) => {
            const h = problemHeadline(e.code, lang);
            const message = problemDetail(e.code, e.params, lang) ?? e.message;
            return { ...e, message, ...(h ? { headline: h } : {}) };
          }),
        }
      : {}),
  };
}
