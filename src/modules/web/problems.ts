// What a refused submission's problem codes mean, in the reader's language: the validation report
// shows this headline on each cell, with the validator's own detail (figures, relation) beside it.
import type { Lang } from './i18n.js';

type Text = Record<Lang, string>;

const PROBLEMS: Record<string, Text> = {
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
  breakdown_required: { kk: 'Өңірді көрсетіңіз', ru: 'Укажите регион', en: 'Name the region' },
  reason_required: {
    kk: 'Түзету себебін көрсетіңіз',
    ru: 'Укажите причину исправления',
    en: 'Give the reason for the revision',
  },
  too_long: { kk: 'Тым ұзын', ru: 'Слишком длинно', en: 'Too long' },
  invalid_period: { kk: 'Кезең қате', ru: 'Неверный период', en: 'Invalid period' },
  file_required: { kk: 'Файлды таңдаңыз', ru: 'Выберите файл', en: 'Choose a file' },
};

/** The headline of a problem code in `lang`, or null for a code without one (its detail is shown). */
export function problemHeadline(code: string, lang: Lang): string | null {
  return PROBLEMS[code]?.[lang] ?? null;
}
