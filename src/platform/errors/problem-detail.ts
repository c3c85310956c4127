// The detail of a problem in the reader's language: a template per problem code, filled with the
// problem's parameters (the cell, the figures, the relation). The English text is the one the API
// writes in `message` by default, so every language is made from the same parameters.

export type ProblemLang = 'kk' | 'ru' | 'en';
export type ProblemParams = Readonly<Record<string, string | number>>;
type Template = (p: ProblemParams) => string;

const s = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/** A cell of a form: its section, row and graph, as each language names them. */
const CELL: Record<ProblemLang, Template> = {
  en: (p) => `${s(p.section)} row ${s(p.row)} graph ${s(p.graph)}`,
  ru: (p) => `${s(p.section)}, строка ${s(p.row)}, графа ${s(p.graph)}`,
  kk: (p) => `${s(p.section)}, ${s(p.row)}-жол, ${s(p.graph)}-баған`,
};

/** The control relations, by kind (catalog/structures: sum-of-rows, sum-of-graphs, not-greater). */
const RELATION: Record<string, Record<ProblemLang, Template>> = {
  'sum-of-rows': {
    en: (p) =>
      `row ${s(p.row)} must equal rows ${s(p.parts)} (${s(p.expected)}) in graph ${s(p.graph)}, but is ${s(p.actual)}`,
    ru: (p) =>
      `строка ${s(p.row)} должна равняться сумме строк ${s(p.parts)} (${s(p.expected)}) в графе ${s(p.graph)}, а равна ${s(p.actual)}`,
    kk: (p) =>
      `${s(p.graph)}-бағанда ${s(p.row)}-жол ${s(p.parts)} жолдарының қосындысына (${s(p.expected)}) тең болуы керек, ал іс жүзінде: ${s(p.actual)}`,
  },
  'sum-of-graphs': {
    en: (p) =>
      `graph ${s(p.graph)} must equal graphs ${s(p.parts)} (${s(p.expected)}) in row ${s(p.row)}, but is ${s(p.actual)}`,
    ru: (p) =>
      `графа ${s(p.graph)} должна равняться сумме граф ${s(p.parts)} (${s(p.expected)}) в строке ${s(p.row)}, а равна ${s(p.actual)}`,
    kk: (p) =>
      `${s(p.row)}-жолда ${s(p.graph)}-баған ${s(p.parts)} бағандарының қосындысына (${s(p.expected)}) тең болуы керек, ал іс жүзінде: ${s(p.actual)}`,
  },
  'not-greater': {
    en: (p) =>
      `row ${s(p.row)} graph ${s(p.graph)} (${s(p.actual)}) must not exceed row ${s(p.limitRow)} graph ${s(p.limitGraph)} (${s(p.expected)})`,
    ru: (p) =>
      `строка ${s(p.row)}, графа ${s(p.graph)} (${s(p.actual)}) не может превышать строку ${s(p.limitRow)}, графу ${s(p.limitGraph)} (${s(p.expected)})`,
    kk: (p) =>
      `${s(p.row)}-жол, ${s(p.graph)}-баған (${s(p.actual)}) ${s(p.limitRow)}-жол, ${s(p.limitGraph)}-бағаннан (${s(p.expected)}) аспауы керек`,
  },
};

/** A periodicity as each language asks for it, with the period's written form. */
const PERIODICITY: Record<string, Record<ProblemLang, string>> = {
  monthly: { en: 'a month (2024-03)', ru: 'месяц (2024-03)', kk: 'ай (2024-03)' },
  quarterly: { en: 'a quarter (2024-Q1)', ru: 'квартал (2024-Q1)', kk: 'тоқсан (2024-Q1)' },
  'half-yearly': { en: 'a half-year (2024-H1)', ru: 'полугодие (2024-H1)', kk: 'жарты жыл (2024-H1)' },
  yearly: { en: 'a year (2024)', ru: 'год (2024)', kk: 'жыл (2024)' },
};
const periodicity = (p: ProblemParams, lang: ProblemLang) =>
  PERIODICITY[s(p.periodicity)]?.[lang] ?? s(p.periodicity);

const DETAILS: Record<string, Record<ProblemLang, Template>> = {
  row_not_found: {
    en: (p) => `No row ${s(p.rows)} in section ${s(p.section)} of ${s(p.form)}.`,
    ru: (p) => `В разделе ${s(p.section)} формы ${s(p.form)} нет строки ${s(p.rows)}.`,
    kk: (p) => `${s(p.form)} нысанының ${s(p.section)} бөлімінде ${s(p.rows)} жолы жоқ.`,
  },
  file_required: {
    en: () => 'Choose a file.',
    ru: () => 'Выберите файл.',
    kk: () => 'Файлды таңдаңыз.',
  },
  form_required: {
    en: () => 'the file does not say its form',
    ru: () => 'в файле не указана форма',
    kk: () => 'файлда нысан көрсетілмеген',
  },
  period_required: {
    en: () => 'the file does not print its period',
    ru: () => 'в файле не указан период',
    kk: () => 'файлда кезең көрсетілмеген',
  },
  breakdown_required: {
    en: (p) => `the file does not name its region or agency${p.title ? ` (its title: «${s(p.title)}»)` : ''}`,
    ru: (p) => `в файле не указан регион или орган${p.title ? ` (заголовок файла: «${s(p.title)}»)` : ''}`,
    kk: (p) => `файлда өңір немесе орган көрсетілмеген${p.title ? ` (файл тақырыбы: «${s(p.title)}»)` : ''}`,
  },
  unknown_form: {
    en: (p) => `no form "${s(p.form)}" in use then`,
    ru: (p) => `формы «${s(p.form)}» в этом периоде нет`,
    kk: (p) => `бұл кезеңде «${s(p.form)}» нысаны жоқ`,
  },
  no_structure: {
    en: () => 'no structure for this period',
    ru: () => 'для этого периода нет макета формы',
    kk: () => 'бұл кезеңге нысан макеті жоқ',
  },
  period_mismatch: {
    en: (p) => `write ${periodicity(p, 'en')}`,
    ru: (p) => `укажите ${periodicity(p, 'ru')}`,
    kk: (p) => `кезеңді ${periodicity(p, 'kk')} түрінде көрсетіңіз`,
  },
  too_long: {
    en: (p) => `at most ${s(p.max)} characters`,
    ru: (p) => `не более ${s(p.max)} символов`,
    kk: (p) => `${s(p.max)} таңбадан аспауы керек`,
  },
  reason_required: {
    en: (p) => `revision ${s(p.revision)} of ${s(p.breakdown)} exists; say why it is revised`,
    ru: (p) => `версия ${s(p.revision)} по «${s(p.breakdown)}» уже есть; укажите причину исправления`,
    kk: (p) => `«${s(p.breakdown)}» бойынша ${s(p.revision)}-нұсқа бар; түзету себебін көрсетіңіз`,
  },
  submission_rejected: {
    en: (p) =>
      `The submission is refused: ${s(p.count)} problem(s)${p.listed ? `, the first ${s(p.listed)} listed` : ''}. Nothing was stored.`,
    ru: (p) =>
      `Отчёт отклонён: ошибок — ${s(p.count)}${p.listed ? ` (показаны первые ${s(p.listed)})` : ''}. Ничего не сохранено.`,
    kk: (p) =>
      `Есеп қабылданбады: ${s(p.count)} қате${p.listed ? `, алғашқы ${s(p.listed)} көрсетілген` : ''}. Ештеңе сақталмады.`,
  },
  control_relation: {
    en: (p) => `${s(p.relation)}: ${RELATION[s(p.kind)]?.en(p) ?? ''}`,
    ru: (p) => `${s(p.relation)}: ${RELATION[s(p.kind)]?.ru(p) ?? ''}`,
    kk: (p) => `${s(p.relation)}: ${RELATION[s(p.kind)]?.kk(p) ?? ''}`,
  },
  unknown_section: {
    en: (p) => `${s(p.form)} has no section "${s(p.section)}"`,
    ru: (p) => `в форме ${s(p.form)} нет раздела «${s(p.section)}»`,
    kk: (p) => `${s(p.form)} нысанында «${s(p.section)}» бөлімі жоқ`,
  },
  unknown_row: {
    en: (p) => `section ${s(p.section)} has no row "${s(p.row)}"`,
    ru: (p) => `в разделе ${s(p.section)} нет строки «${s(p.row)}»`,
    kk: (p) => `${s(p.section)} бөлімінде «${s(p.row)}» жолы жоқ`,
  },
  unknown_graph: {
    en: (p) => `section ${s(p.section)} has no graph ${s(p.graph)}`,
    ru: (p) => `в разделе ${s(p.section)} нет графы ${s(p.graph)}`,
    kk: (p) => `${s(p.section)} бөлімінде ${s(p.graph)}-баған жоқ`,
  },
  duplicate_cell: {
    en: (p) => `${CELL.en(p)} is given twice (also at ${s(p.earlier)})`,
    ru: (p) => `${CELL.ru(p)} указана дважды (ещё раз: ${s(p.earlier)})`,
    kk: (p) => `${CELL.kk(p)} екі рет берілген (тағы: ${s(p.earlier)})`,
  },
  not_a_number: {
    en: (p) => `${CELL.en(p)}: "${s(p.value)}" is not a number`,
    ru: (p) => `${CELL.ru(p)}: «${s(p.value)}» — не число`,
    kk: (p) => `${CELL.kk(p)}: «${s(p.value)}» сан емес`,
  },
  negative: {
    en: (p) => `${CELL.en(p)}: ${s(p.value)} is negative`,
    ru: (p) => `${CELL.ru(p)}: ${s(p.value)} — отрицательное значение`,
    kk: (p) => `${CELL.kk(p)}: ${s(p.value)} — теріс мән`,
  },
  not_a_whole_number: {
    en: (p) => `${CELL.en(p)}: ${s(p.value)} is not a whole number (a count)`,
    ru: (p) => `${CELL.ru(p)}: ${s(p.value)} — не целое число (здесь количество)`,
    kk: (p) => `${CELL.kk(p)}: ${s(p.value)} бүтін сан емес (мұнда саны жазылады)`,
  },
  empty_submission: {
    en: () => 'the submission holds no value',
    ru: () => 'в отчёте нет ни одного значения',
    kk: () => 'есепте бірде-бір мән жоқ',
  },
  duplicate_breakdown: {
    en: (p) => `"${s(p.breakdown)}" is given twice`,
    ru: (p) => `«${s(p.breakdown)}» указан дважды`,
    kk: (p) => `«${s(p.breakdown)}» екі рет берілген`,
  },
  unknown_breakdown: {
    en: (p) => `"${s(p.breakdown)}" is not a ${s(p.dimension)} of ${s(p.form)} in ${s(p.period)}`,
    ru: (p) =>
      `«${s(p.breakdown)}» — не ${p.dimension === 'region' ? 'регион' : 'орган'} формы ${s(p.form)} в ${s(p.period)}`,
    kk: (p) =>
      `«${s(p.breakdown)}» ${s(p.period)} кезеңінде ${s(p.form)} нысанының ${p.dimension === 'region' ? 'өңірі' : 'органы'} емес`,
  },
  unknown_sheet: {
    en: (p) => `Sheet ${s(p.sheet)} is not a section of form ${s(p.form)}`,
    ru: (p) => `лист ${s(p.sheet)} — не раздел формы ${s(p.form)}`,
    kk: (p) => `${s(p.sheet)} парағы ${s(p.form)} нысанының бөлімі емес`,
  },
  missing_section: {
    en: (p) => `The workbook has no sheet ${s(p.section)}`,
    ru: (p) => `в книге нет листа ${s(p.section)}`,
    kk: (p) => `кітапта ${s(p.section)} парағы жоқ`,
  },
  no_header: {
    en: (p) => `No row of graph numbers (Б, 1, 2, …) in sheet ${s(p.sheet)}`,
    ru: (p) => `на листе ${s(p.sheet)} нет строки с номерами граф (Б, 1, 2, …)`,
    kk: (p) => `${s(p.sheet)} парағында баған нөмірлерінің жолы (Б, 1, 2, …) жоқ`,
  },
  missing_graph: {
    en: (p) => `Graphs missing from the sheet: ${s(p.graphs)}`,
    ru: (p) => `на листе нет граф: ${s(p.graphs)}`,
    kk: (p) => `парақта мына бағандар жоқ: ${s(p.graphs)}`,
  },
  missing_row: {
    en: (p) => `Rows missing from the sheet: ${s(p.rows)}${p.more ? ` and ${s(p.more)} more` : ''}`,
    ru: (p) => `на листе нет строк: ${s(p.rows)}${p.more ? ` и ещё ${s(p.more)}` : ''}`,
    kk: (p) => `парақта мына жолдар жоқ: ${s(p.rows)}${p.more ? ` және тағы ${s(p.more)}` : ''}`,
  },
  duplicate_row: {
    en: (p) => `Row ${s(p.row)} appears more than once`,
    ru: (p) => `строка ${s(p.row)} встречается более одного раза`,
    kk: (p) => `${s(p.row)}-жол бірнеше рет кездеседі`,
  },
  not_xlsx: {
    en: (p) =>
      p.reason ? `Not a readable XLSX file: ${s(p.reason)}` : 'Not an XLSX workbook: it has no worksheets',
    ru: (p) =>
      p.reason ? `файл не читается как XLSX: ${s(p.reason)}` : 'не книга XLSX: в ней нет ни одного листа',
    kk: (p) =>
      p.reason ? `файл XLSX ретінде оқылмайды: ${s(p.reason)}` : 'XLSX кітабы емес: онда бірде-бір парақ жоқ',
  },
  malformed_csv: {
    en: (p) => `not readable as CSV: ${s(p.reason)}`,
    ru: (p) => `не читается как CSV: ${s(p.reason)}`,
    kk: (p) => `CSV ретінде оқылмайды: ${s(p.reason)}`,
  },
  missing_columns: {
    en: (p) => `the header must name ${s(p.required)}; missing: ${s(p.missing)}`,
    ru: (p) => `в заголовке должны быть ${s(p.required)}; нет: ${s(p.missing)}`,
    kk: (p) => `тақырып жолында ${s(p.required)} болуы керек; жоқ: ${s(p.missing)}`,
  },
  invalid_graph: {
    en: (p) => `graph "${s(p.value)}" is not a graph number`,
    ru: (p) => `«${s(p.value)}» — не номер графы`,
    kk: (p) => `«${s(p.value)}» баған нөмірі емес`,
  },
};

/** The detail of a problem code with its parameters in `lang`, or null for a code without a template. */
export function problemDetail(
  code: string,
  params: ProblemParams | undefined,
  lang: ProblemLang,
): string | null {
  if (!params) return null;
  const template = DETAILS[code]?.[lang];
  return template ? template(params) : null;
}

/** A field problem whose message is its English detail, kept with its parameters for the other languages. */
export function describedProblem(
  pointer: string,
  code: string,
  params: ProblemParams,
): { pointer: string; code: string; message: string; params: ProblemParams } {
  return { pointer, code, message: problemDetail(code, params, 'en') ?? code, params };
}

/** The codes that have a detail template (for tests). */
export const DETAIL_CODES: readonly string[] = Object.keys(DETAILS);
