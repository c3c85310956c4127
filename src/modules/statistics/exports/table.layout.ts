// What every export of a table shares: labels in the chosen language (data labels fall back to
// Russian), the title lines (form, section, period), the header tree of the graphs as cells with
// their spans, the order of the breakdown columns and the numbers as printed. The writers only
// place these; they never add anything the Table does not carry (restricted parts are already
// gone from it).
import { coverageNote, noticeText } from '../statistics.notices.js';
import type { Table, TableColumn } from '../statistics.table.js';
import type { Graph, Label, Row } from '../structure.schema.js';

export type Lang = 'kk' | 'ru' | 'en';

export interface ExportOptions {
  lang: Lang;
}

/** A data label in the language, or its Russian text where that language is missing. */
export function labelText(label: Label | null | undefined, lang: Lang): string {
  if (!label) return '';
  return label[lang] ?? label.ru;
}

/** Interface words of the exports, in the three languages. */
const WORDS = {
  indicator: { kk: 'Көрсеткіштердің атауы', ru: 'Наименование показателя', en: 'Indicator' },
  code: { kk: 'Жол коды', ru: 'Код строки', en: 'Row' },
  form: { kk: 'Нысан', ru: 'Форма', en: 'Form' },
  period: { kk: 'Кезең', ru: 'Период', en: 'Period' },
  derived: {
    kk: 'өңірлер деректерінің сомасы ретінде есептелген',
    ru: 'рассчитано как сумма данных регионов',
    en: 'derived as the sum of the regions',
  },
  missing: { kk: 'деректер жоқ өңірлер', ru: 'нет данных по регионам', en: 'regions without data' },
  provisional: {
    kk: 'Нысан құрылымы жарияланған нысан бойынша модельденген (алдын ала)',
    ru: 'Структура формы смоделирована по опубликованной форме (предварительная)',
    en: 'The form structure is modelled on the published form (provisional)',
  },
  cumulative: {
    kk: 'жыл басынан бері',
    ru: 'нарастающим итогом с начала года',
    en: 'cumulative from January',
  },
  graphs: { kk: 'бағандар', ru: 'графы', en: 'graphs' },
  revised: {
    kk: 'Алдыңғы жариялаудан кейін түзетілген мәндер (өңір немесе орган, жол/баған)',
    ru: 'Значения, исправленные после предыдущей публикации (регион или орган, строка/графа)',
    en: 'Values revised since the previous publication (region or agency, row/graph)',
  },
  page: { kk: 'бет', ru: 'стр.', en: 'page' },
} as const;

export type Word = keyof typeof WORDS;

export function word(key: Word, lang: Lang): string {
  return WORDS[key][lang];
}

const UNITS: Record<Graph['unit'], Record<Lang, string> | null> = {
  count: null,
  persons: { kk: 'адам', ru: 'чел.', en: 'persons' },
  'thousand-tenge': { kk: 'мың ₸', ru: 'тыс. ₸', en: 'thousand ₸' },
  tenge: { kk: '₸', ru: '₸', en: '₸' },
  percent: { kk: '%', ru: '%', en: '%' },
};

/** The unit as printed under a graph's label; '' for plain counts. */
export function unitText(unit: Graph['unit'], lang: Lang): string {
  return UNITS[unit]?.[lang] ?? '';
}

/** How a label already naming its unit says it ("(тыс.тенге)" in the 1-М workbooks). */
const UNIT_MENTIONED: Partial<Record<Graph['unit'], RegExp>> = {
  persons: /чел\.|человек|адам|person/i,
  'thousand-tenge': /тенге|теңге|₸|tenge/i,
  tenge: /тенге|теңге|₸|tenge/i,
  percent: /%|процент|пайыз|percent/i,
};

/** A graph's own label with its unit, "Ущерб (тыс. ₸)", unless the label already names it. */
export function graphLabel(graph: Graph, lang: Lang): string {
  const unit = unitText(graph.unit, lang);
  const text = labelText(graph.label, lang);
  return unit && !UNIT_MENTIONED[graph.unit]?.test(text) ? `${text} (${unit})` : text;
}

const MONTHS: Record<Lang, string[]> = {
  kk: 'қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан'.split(' '),
  ru: 'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};
const YEAR_WORD: Record<Lang, string> = { kk: ' ж.', ru: ' г.', en: '' };

/** The period as read: "январь–декабрь 2022 г." for cumulative months, "2022-Q2" style otherwise. */
export function periodText(period: string, cumulative: boolean, lang: Lang): string {
  const months = MONTHS[lang];
  const monthly = /^(\d{4})-(\d{2})$/.exec(period);
  if (monthly) {
    const [, year, mm] = monthly;
    const month = months[Number(mm) - 1] ?? mm;
    const range = cumulative && mm !== '01' ? `${months[0]}–${month}` : month;
    return `${range} ${year}${YEAR_WORD[lang]}`;
  }
  return cumulative ? `${period} (${word('cumulative', lang)})` : period;
}

/** Title lines: form code and title, section title, period. */
export function titleLines(table: Table, lang: Lang): [string, string, string] {
  return [
    `${word('form', lang)} ${table.form.code}. ${table.form.titles[lang] ?? table.form.titles.ru}`,
    labelText(table.section.title, lang),
    `${word('period', lang)}: ${periodText(table.period, table.cumulative, lang)}`,
  ];
}

/** A sum of part of the regions: the note that says so, naming the missing regions; null otherwise. */
export function partialNote(table: Table, lang: Lang): string | null {
  const derived = table.columns.some((c) => c.kind === 'derived');
  return derived && table.coverage && !table.coverage.complete ? coverageNote(table.coverage, lang) : null;
}

/** Notes that go with the whole table (provisional structure, the data notice, partial coverage). */
export function tableNotes(table: Table, lang: Lang): string[] {
  // The data notice (synthetic demonstration data, imported official figures) and the coverage of
  // a sum of part of the regions go with every export, in the export's language.
  const notice = noticeText(table.notice, lang);
  const partial = partialNote(table, lang);
  return [
    ...(partial ? [partial] : []),
    ...(table.provisionalStructure ? [word('provisional', lang)] : []),
    ...(notice ? [notice] : []),
    ...revisedNote(table, lang),
  ];
}

/** Which values a revision changed (see statistics.changes), at most 20 cells named, with the count. */
function revisedNote(table: Table, lang: Lang): string[] {
  const cells: string[] = [];
  let count = 0;
  for (const c of orderedColumns(table)) {
    if (c.kind !== 'submitted' || !c.revised) continue;
    for (const [row, graphs] of Object.entries(c.revised))
      for (const g of graphs) if (++count <= 20) cells.push(`${c.breakdown} ${row}/${g}`);
  }
  if (!count) return [];
  return [`${word('revised', lang)}, ${count}: ${cells.join('; ')}${count > cells.length ? '; …' : ''}`];
}

/** The breakdown is the regions (2-digit KATO codes, `00` the republic) rather than agencies. */
export function isRegional(table: Table): boolean {
  return table.republic !== null || table.columns.every((c) => /^\d{2}$/.test(c.breakdown));
}

/** The whole (the republic `00`, all agencies `00000`) first, then the table's order. */
export function orderedColumns(table: Table): TableColumn[] {
  const whole = (c: TableColumn): boolean => /^0+$/.test(c.breakdown);
  return [...table.columns.filter(whole), ...table.columns.filter((c) => !whole(c))];
}

/** A breakdown column's title: "10 Абайская область", with the derivation said where it is derived. */
export function columnTitle(column: TableColumn, lang: Lang): string {
  const name = labelText(column.label, lang) || column.breakdown;
  return name.startsWith(column.breakdown) ? name : `${column.breakdown} ${name}`;
}

/** The note under a derived column's title: how it was derived and which regions were missing. */
export function columnNote(table: Table, column: TableColumn, lang: Lang): string {
  if (column.kind !== 'derived') return '';
  // The missing regions by name (Russian where the language has none).
  const missing = (table.coverage?.missing ?? []).map((m) => labelText(m.label, lang) || m.id);
  const more = missing.length ? `; ${word('missing', lang)}: ${missing.join(', ')}` : '';
  return `${word('derived', lang)}${more}`;
}

/** A header cell of the graph tree: level 0 is the outermost; `col` indexes the graphs given. */
export interface HeaderCell {
  level: number;
  col: number;
  colSpan: number;
  rowSpan: number;
  text: string;
}

/** How many header levels the graphs need: the longest header path plus the graph's own label. */
export function headerDepth(graphs: Graph[]): number {
  return Math.max(1, ...graphs.map((g) => (g.header?.length ?? 0) + 1));
}

/**
 * The header tree as cells: graphs sharing the same outer header path are merged across, and a
 * graph's own label spans down to the last header level when its path is shorter than others'.
 */
export function headerCells(graphs: Graph[], lang: Lang): HeaderCell[] {
  const depth = headerDepth(graphs);
  const cells: HeaderCell[] = [];
  const pathKey = (g: Graph, level: number): string | undefined =>
    g.header && g.header.length > level ? JSON.stringify(g.header.slice(0, level + 1)) : undefined;
  for (let level = 0; level < depth; level += 1) {
    for (let col = 0; col < graphs.length; col += 1) {
      const graph = graphs[col]!;
      const path = graph.header ?? [];
      if (level < path.length) {
        const key = pathKey(graph, level);
        if (col > 0 && pathKey(graphs[col - 1]!, level) === key) continue;
        let span = 1;
        while (col + span < graphs.length && pathKey(graphs[col + span]!, level) === key) span += 1;
        cells.push({ level, col, colSpan: span, rowSpan: 1, text: path[level]! });
      } else if (level === path.length) {
        cells.push({ level, col, colSpan: 1, rowSpan: depth - level, text: graphLabel(graph, lang) });
      }
    }
  }
  return cells;
}

/** Each row's nesting depth by its parent chain ("из них" rows indented under their total). */
export function rowDepths(rows: Row[]): Map<string, number> {
  const parents = new Map(rows.map((r) => [r.code, r.parent]));
  const depths = new Map<string, number>();
  for (const row of rows) {
    let depth = 0;
    const seen = new Set<string>([row.code]);
    for (let p = row.parent; p !== undefined && parents.has(p) && !seen.has(p); p = parents.get(p)) {
      seen.add(p);
      depth += 1;
    }
    depths.set(row.code, depth);
  }
  return depths;
}

const LOCALES: Record<Lang, string> = { kk: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();

/** A value as printed in the language: "1 234", "5 678,9"; '' where there is no value. */
export function formatNumber(value: number | null | undefined, graph: Graph, lang: Lang): string {
  if (value === null || value === undefined) return '';
  const decimal = graph.valueType === 'decimal';
  const key = `${lang}:${decimal}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: decimal ? 1 : 0,
      maximumFractionDigits: decimal ? 3 : 0,
    });
    formatters.set(key, format);
  }
  return format.format(value);
}

/** Runs of graphs sharing their header path down to `level`; a graph without one stands alone. */
function runsAt(graphs: Graph[], level: number): Graph[][] {
  const key = (g: Graph): string | undefined =>
    g.header && g.header.length > level ? JSON.stringify(g.header.slice(0, level + 1)) : undefined;
  const runs: Graph[][] = [];
  for (const g of graphs) {
    const last = runs.at(-1);
    const k = key(g);
    if (last && k !== undefined && key(last[0]!) === k) last.push(g);
    else runs.push([g]);
  }
  return runs;
}

/**
 * Graphs cut into page-wide groups of at most `capacity` (a count of graphs, or with `weight` the
 * sum of their weights: the widths they need), cutting between header groups: a group that fits
 * is never split; one wider than a page is cut between its inner header groups, and only where it
 * has none, between graphs.
 */
export function graphGroups(
  graphs: Graph[],
  capacity: number,
  weight: (graph: Graph) => number = () => 1,
): Graph[][] {
  const groups: Graph[][] = [];
  let current: Graph[] = [];
  let used = 0;
  const sum = (gs: Graph[]): number => gs.reduce((s, g) => s + weight(g), 0);
  const flush = (): void => {
    if (current.length) groups.push(current);
    current = [];
    used = 0;
  };
  const add = (gs: Graph[]): void => {
    current.push(...gs);
    used += sum(gs);
  };
  const pack = (part: Graph[], level: number): void => {
    for (const run of runsAt(part, level)) {
      if (sum(run) > capacity) {
        if (runsAt(run, level + 1).length > 1) {
          pack(run, level + 1);
          continue;
        }
        for (const g of run) {
          if (current.length && used + weight(g) > capacity) flush();
          add([g]);
        }
      } else {
        if (used + sum(run) > capacity) flush();
        add(run);
      }
    }
  };
  pack(graphs, 0);
  flush();
  return groups;
}
