// A table as a JSON-stat 2.0 dataset (https://json-stat.org/format/): three dimensions, the
// breakdown ("region" for regions, with role geo; "agency" otherwise), the row and the graph (role
// metric: each graph carries its unit), values flat in row-major order over [breakdown, row,
// graph], and a status per value where it is not a plain submitted figure:
//   "d"  derived: the republic computed as the sum of the regions (not submitted as such)
//   "p"  partial: a sum of part of the regions, not the republic (the note names the missing ones;
//        `extension.coverage` counts them)
//   "m"  missing: no value
//   "r"  revised: differs from the revision of the publication before (see statistics.changes)
// The legend of these codes is in `extension.status`. Where both a submitted and a derived
// republic exist, the derived one has the category id "00-derived" so that both can be read.
import type { Table, TableColumn } from '../statistics.table.js';
import {
  columnNote,
  columnTitle,
  graphLabel,
  isRegional,
  labelText,
  orderedColumns,
  periodText,
  tableNotes,
  titleLines,
  unitText,
  type ExportOptions,
  type Lang,
} from './table.layout.js';

export const STATUS = { derived: 'd', partial: 'p', missing: 'm', revised: 'r' } as const;

const STATUS_LEGEND: Record<string, Record<Lang, string>> = {
  [STATUS.derived]: {
    kk: 'өңірлер деректерінің сомасы ретінде есептелген',
    ru: 'рассчитано как сумма данных регионов',
    en: 'derived as the sum of the regions',
  },
  [STATUS.partial]: {
    kk: 'өңірлердің бір бөлігінің сомасы, республика емес',
    ru: 'сумма части регионов, не республика',
    en: 'sum of part of the regions, not the republic',
  },
  [STATUS.missing]: { kk: 'деректер жоқ', ru: 'нет данных', en: 'no data' },
  [STATUS.revised]: {
    kk: 'алдыңғы жариялаудан кейін түзетілген',
    ru: 'исправлено после предыдущей публикации',
    en: 'revised since the previous publication',
  },
};

interface Category {
  index: string[];
  label: Record<string, string>;
  child?: Record<string, string[]>;
  unit?: Record<string, { label?: string; decimals: number }>;
  note?: Record<string, string[]>;
}

export interface JsonStatDataset {
  version: '2.0';
  class: 'dataset';
  label: string;
  source: string;
  updated?: string;
  id: string[];
  size: number[];
  role: { geo?: string[]; metric?: string[] };
  dimension: Record<string, { label: string; category: Category }>;
  value: (number | null)[];
  status?: Record<string, string>;
  note?: string[];
  extension: Record<string, unknown>;
}

const DIMENSION_LABELS: Record<string, Record<Lang, string>> = {
  region: { kk: 'Өңір', ru: 'Регион', en: 'Region' },
  agency: { kk: 'Орган', ru: 'Орган', en: 'Agency' },
  row: { kk: 'Көрсеткіш', ru: 'Показатель', en: 'Indicator' },
  graph: { kk: 'Баған', ru: 'Графа', en: 'Graph' },
};

/** The authority (catalog/organisations/committee.yaml, "committee"). */
const SOURCE: Record<Lang, string> = {
  kk: 'Қазақстан Республикасы Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитеті',
  ru: 'Комитет по правовой статистике и специальным учетам Генеральной прокуратуры Республики Казахстан',
  en: "Committee on Legal Statistics and Special Accounts of the General Prosecutor's Office of the Republic of Kazakhstan",
};

/** Category ids of the breakdown columns: the code, or "<code>-derived" beside a submitted one. */
function columnIds(columns: TableColumn[]): string[] {
  return columns.map((c) =>
    c.kind === 'derived' && columns.some((o) => o !== c && o.breakdown === c.breakdown)
      ? `${c.breakdown}-derived`
      : c.breakdown,
  );
}

/** The table as a JSON-stat 2.0 dataset, labels in the chosen language (data labels fall back to ru). */
export function tableToJsonStat(table: Table, opts: ExportOptions): JsonStatDataset {
  const { lang } = opts;
  const columns = orderedColumns(table);
  const ids = columnIds(columns);
  const regional = isRegional(table);
  const breakdownId = regional ? 'region' : 'agency';
  const rowCodes = table.rows.map((r) => r.code);
  const graphIds = table.graphs.map((g) => String(g.n));

  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  const partial = table.coverage !== null && !table.coverage.complete;
  columns.forEach((column) => {
    for (const code of rowCodes) {
      const values = column.values[code] ?? [];
      const revised = new Set(column.revised?.[code] ?? []);
      table.graphs.forEach((g, j) => {
        const v = values[j] ?? null;
        if (v === null) status[value.length] = STATUS.missing;
        else if (column.kind === 'derived') status[value.length] = partial ? STATUS.partial : STATUS.derived;
        else if (revised.has(g.n)) status[value.length] = STATUS.revised;
        value.push(v);
      });
    }
  });

  const breakdownNotes: Record<string, string[]> = {};
  columns.forEach((column, i) => {
    const note = columnNote(table, column, lang);
    if (note) breakdownNotes[ids[i]!] = [note];
  });
  const children: Record<string, string[]> = {};
  for (const row of table.rows) {
    if (row.parent !== undefined && rowCodes.includes(row.parent)) {
      (children[row.parent] ??= []).push(row.code);
    }
  }
  const units: Record<string, { label?: string; decimals: number }> = {};
  table.graphs.forEach((g, j) => {
    const label = unitText(g.unit, lang);
    units[graphIds[j]!] = { ...(label ? { label } : {}), decimals: g.valueType === 'decimal' ? 1 : 0 };
  });

  const updated = columns
    .map((c) => c.submittedAt)
    .filter((t): t is string => t !== null)
    .sort()
    .at(-1);
  const notes = tableNotes(table, lang);
  const [formLine, sectionLine] = titleLines(table, lang);

  const dataset: JsonStatDataset = {
    version: '2.0',
    class: 'dataset',
    label: `${formLine}. ${sectionLine}. ${periodText(table.period, table.cumulative, lang)}`,
    source: SOURCE[lang],
    ...(updated ? { updated } : {}),
    id: [breakdownId, 'row', 'graph'],
    size: [columns.length, rowCodes.length, graphIds.length],
    role: regional ? { geo: ['region'], metric: ['graph'] } : { metric: ['graph'] },
    dimension: {
      [breakdownId]: {
        label: DIMENSION_LABELS[breakdownId]![lang],
        category: {
          index: ids,
          label: Object.fromEntries(columns.map((c, i) => [ids[i]!, columnTitle(c, lang)])),
          ...(Object.keys(breakdownNotes).length ? { note: breakdownNotes } : {}),
        },
      },
      row: {
        label: DIMENSION_LABELS.row![lang],
        category: {
          index: rowCodes,
          label: Object.fromEntries(table.rows.map((r) => [r.code, labelText(r.label, lang)])),
          ...(Object.keys(children).length ? { child: children } : {}),
        },
      },
      graph: {
        label: DIMENSION_LABELS.graph![lang],
        category: {
          index: graphIds,
          label: Object.fromEntries(
            table.graphs.map((g, j) => [
              graphIds[j]!,
              [...(g.header ?? []), graphLabel(g, lang)].join(' / '),
            ]),
          ),
          unit: units,
        },
      },
    },
    value,
    ...(Object.keys(status).length ? { status } : {}),
    ...(notes.length ? { note: notes } : {}),
    extension: {
      form: { id: table.form.id, code: table.form.code, title: table.form.titles[lang] },
      section: { id: table.section.id, title: labelText(table.section.title, lang) },
      period: table.period,
      cumulative: table.cumulative,
      provisionalStructure: table.provisionalStructure,
      lang,
      republic: table.republic,
      coverage: table.coverage,
      columns: columns.map((c, i) => ({
        id: ids[i],
        breakdown: c.breakdown,
        kind: c.kind,
        revision: c.revision,
        submittedAt: c.submittedAt,
        valueStatus: c.status,
      })),
      ...(table.publication ? { publication: table.publication } : {}),
      status: Object.fromEntries(Object.entries(STATUS_LEGEND).map(([code, text]) => [code, text[lang]])),
    },
  };
  return dataset;
}
