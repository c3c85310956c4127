// A small table for the export tests, built by hand: Kazakh and Russian labels (one row with
// Russian only, to show the fallback), two regions and the republic derived from them, three
// rows, graphs with a two-level header, an amount in thousand tenge with decimals, and a null.
import type { Table, TableColumn } from '../statistics.table.js';
import type { Graph, Row } from '../structure.schema.js';

export const KAZAKH_FORM_TITLE = 'Тіркелген қылмыстық құқық бұзушылықтар туралы есеп';

export const graphs: Graph[] = [
  { n: 1, label: { ru: 'Зарегистрировано', kk: 'Тіркелгені' }, unit: 'count', valueType: 'integer' },
  {
    n: 2,
    label: { ru: 'в отношении женщин', kk: 'әйелдерге қатысты' },
    header: ['из графы 1'],
    unit: 'count',
    valueType: 'integer',
  },
  {
    n: 3,
    label: { ru: 'через сеть Интернет', kk: 'Ғаламтор желісі арқылы' },
    header: ['из графы 1'],
    unit: 'count',
    valueType: 'integer',
  },
  {
    n: 4,
    label: { ru: 'Сумма ущерба', kk: 'Келтірілген залал сомасы' },
    unit: 'thousand-tenge',
    valueType: 'decimal',
  },
];

export const rows: Row[] = [
  { code: '1', label: { ru: 'Всего правонарушений', kk: 'Барлық құқық бұзушылықтар' }, kind: 'total' },
  {
    code: '2',
    label: { ru: 'небольшой тяжести', kk: 'онша ауыр емес (үй, жиһаз ұрлығы, өңірлер)' },
    parent: '1',
    kind: 'gravity',
  },
  { code: '3', label: { ru: 'тяжкие' }, parent: '1', kind: 'gravity' },
];

const regionValues: Record<string, Record<string, (number | null)[]>> = {
  '10': { '1': [120, 15, 4, 1234.5], '2': [70, 9, null, 234.25], '3': [50, 6, 4, 1000.25] },
  '11': { '1': [80, 10, 2, 56.7], '2': [30, 4, 1, 6.7], '3': [50, 6, 1, 50] },
};

function submitted(breakdown: string, label: TableColumn['label']): TableColumn {
  return {
    breakdown,
    label,
    kind: 'submitted',
    revision: 1,
    submittedAt: '2023-01-10T09:00:00.000Z',
    origin: 'api',
    status: 'final',
    values: regionValues[breakdown]!,
  };
}

function sumOf(parts: TableColumn[]): Record<string, (number | null)[]> {
  const values: Record<string, (number | null)[]> = {};
  for (const row of rows) {
    values[row.code] = graphs.map((_, j) => {
      const xs = parts.map((c) => c.values[row.code]?.[j] ?? null).filter((x): x is number => x !== null);
      return xs.length ? xs.reduce((s, x) => s + x, 0) : null;
    });
  }
  return values;
}

/** The fixture table; `overrides` replace top-level fields. */
export function sampleTable(overrides: Partial<Table> = {}): Table {
  const regions = [
    submitted('10', { ru: 'Абайская область', kk: 'Абай облысы', en: 'Abai Region' }),
    submitted('11', { ru: 'Акмолинская область', kk: 'Ақмола облысы', en: 'Akmola Region' }),
  ];
  const republic: TableColumn = {
    breakdown: '00',
    label: { ru: 'Республика Казахстан', kk: 'Қазақстан Республикасы', en: 'Republic of Kazakhstan' },
    kind: 'derived',
    revision: null,
    submittedAt: null,
    origin: null,
    status: 'derived',
    values: sumOf(regions),
  };
  return {
    form: {
      id: '1-m',
      code: '1-М',
      titles: {
        kk: KAZAKH_FORM_TITLE,
        ru: 'Отчет о зарегистрированных уголовных правонарушениях',
        en: 'Report on registered criminal offences',
      },
    },
    section: {
      id: 'R1',
      title: {
        ru: 'Раздел 1. Сведения о зарегистрированных уголовных правонарушениях',
        kk: '1-бөлім. Тіркелген қылмыстық құқық бұзушылықтар туралы мәліметтер',
      },
    },
    period: '2022-12',
    cumulative: true,
    provisionalStructure: false,
    graphs,
    rows,
    columns: [...regions, republic],
    notice: null,
    republic: { stored: false, derivedFrom: ['10', '11'], missingRegions: [] },
    coverage: { regions: 2, of: 2, complete: true, missing: [] },
    ...overrides,
  };
}
