// The national table of 1-М section R1 (422 rows, 31 graphs) for January–December 2022, as the
// portal serves it: the structure of catalog/structures, the official figures of the 20 regions
// that ship in seed/official, and the republic derived as their sum. Built here without a
// database, for the tests of the printed table.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { shippedFiguresDir } from '../official-figures.js';
import type { Table } from '../statistics.table.js';
import { loadStructuresDir } from '../structure.loader.js';

const structuresDir = new URL('../../../../catalog/structures', import.meta.url).pathname;

export function nationalTable(section = 'R1'): Table {
  const { structures } = loadStructuresDir(structuresDir);
  const structure = structures.find(
    (s) => s.structure.form === '1-m' && s.structure.sections.length,
  )!.structure;
  const part = structure.sections.find((s) => s.id === section)!;
  const records = parse(gunzipSync(readFileSync(`${shippedFiguresDir}/1-m.csv.gz`)), {
    columns: true,
  }) as Record<string, string>[];
  const values: Record<string, (number | null)[]> = Object.fromEntries(
    part.rows.map((r) => [r.code, part.graphs.map((): number | null => null)]),
  );
  const regions = new Set<string>();
  for (const r of records) {
    if (r.period !== '2022-12' || r.section !== section || !values[r.row!]) continue;
    regions.add(r.breakdown!);
    (r.values ?? '').split(';').forEach((v, g) => {
      if (v !== '') values[r.row!]![g] = (values[r.row!]![g] ?? 0) + Number(v);
    });
  }
  return {
    form: {
      id: '1-m',
      code: '1-М',
      titles: {
        kk: 'Тіркелген қылмыстық құқық бұзушылықтар туралы есеп',
        ru: 'Отчет о зарегистрированных уголовных правонарушениях',
        en: 'Report on registered criminal offences',
      },
    },
    section: { id: part.id, title: part.title },
    period: '2022-12',
    cumulative: structure.cumulative,
    provisionalStructure: structure.provisional,
    graphs: part.graphs,
    rows: part.rows,
    columns: [
      {
        breakdown: '00',
        label: { kk: 'Қазақстан Республикасы', ru: 'Республика Казахстан', en: 'Republic of Kazakhstan' },
        kind: 'derived',
        revision: null,
        submittedAt: null,
        origin: null,
        status: 'derived',
        values,
      },
    ],
    notice: 'imported-official',
    republic: { stored: false, derivedFrom: [...regions].sort(), missingRegions: [] },
    coverage: { regions: regions.size, of: 20, complete: regions.size === 20, missing: [] },
  };
}
