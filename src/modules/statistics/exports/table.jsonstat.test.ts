import JSONstat from 'jsonstat-toolkit';
import { describe, expect, it } from 'vitest';
import { sampleTable } from './table.fixture.js';
import { STATUS, tableToJsonStat } from './table.jsonstat.js';

describe('tableToJsonStat', () => {
  const table = sampleTable();
  const dataset = tableToJsonStat(table, { lang: 'kk' });

  it('is a JSON-stat 2.0 dataset over [region, row, graph] that jsonstat-toolkit reads', () => {
    expect(dataset.version).toBe('2.0');
    expect(dataset.class).toBe('dataset');
    expect(dataset.id).toEqual(['region', 'row', 'graph']);
    expect(dataset.size).toEqual([3, 3, 4]);
    expect(dataset.value).toHaveLength(36);
    const ds = JSONstat(dataset).Dataset(0);
    expect(ds).not.toBeNull();
    expect(ds!.id).toEqual(['region', 'row', 'graph']);
    expect(ds!.size).toEqual([3, 3, 4]);
    expect(ds!.n).toBe(36);
    expect(ds!.Dimension('region')!.length).toBe(3);
    expect(ds!.Dimension('row')!.length).toBe(3);
    expect(ds!.Dimension('graph')!.length).toBe(4);
    expect(ds!.role?.geo).toEqual(['region']);
  });

  it('gives every cell the table has, at its place', () => {
    const ds = JSONstat(dataset).Dataset(0)!;
    for (const column of table.columns) {
      for (const row of table.rows) {
        table.graphs.forEach((graph, j) => {
          const cell = ds.Data({ region: column.breakdown, row: row.code, graph: String(graph.n) });
          expect(cell?.value, `${column.breakdown}/${row.code}/${graph.n}`).toEqual(
            column.values[row.code]![j] ?? null,
          );
        });
      }
    }
    expect(ds.Data({ region: '10', row: '1', graph: '2' })!.value).toBe(15);
    expect(ds.Data({ region: '10', row: '1', graph: '4' })!.value).toBe(1234.5);
    expect(ds.Data({ region: '10', row: '2', graph: '3' })!.value).toBeNull();
  });

  it('marks the values a revision changed as revised', () => {
    const revisedTable = sampleTable();
    revisedTable.columns[0]!.revised = { '1': [1] };
    const ds = JSONstat(tableToJsonStat(revisedTable, { lang: 'en' })).Dataset(0)!;
    expect(ds.Data({ region: '10', row: '1', graph: '1' })!.status).toBe(STATUS.revised);
    expect(ds.Data({ region: '10', row: '1', graph: '2' })!.status).toBeNull();
    expect(ds.Data({ region: '11', row: '1', graph: '1' })!.status).toBeNull();
  });

  it('marks derived values and missing ones in status, with a legend', () => {
    const ds = JSONstat(dataset).Dataset(0)!;
    expect(ds.Data({ region: '00', row: '1', graph: '1' })).toEqual({ value: 200, status: STATUS.derived });
    expect(ds.Data({ region: '10', row: '2', graph: '3' })!.status).toBe(STATUS.missing);
    expect(ds.Data({ region: '10', row: '1', graph: '1' })!.status).toBeNull();
    expect(Object.keys(dataset.extension.status as object)).toEqual([
      STATUS.derived,
      STATUS.partial,
      STATUS.missing,
      STATUS.revised,
    ]);
  });

  it('marks a sum of part of the regions as partial, with a note naming the missing regions', () => {
    const partial = sampleTable({
      coverage: {
        regions: 2,
        of: 3,
        complete: false,
        missing: [
          { id: '15', label: { ru: 'Актюбинская область', kk: 'Ақтөбе облысы', en: 'Aktobe Region' } },
        ],
      },
    });
    const ds = tableToJsonStat(partial, { lang: 'kk' });
    const parsed = JSONstat(ds).Dataset(0)!;
    expect(parsed.Data({ region: '00', row: '1', graph: '1' })!.status).toBe(STATUS.partial);
    expect(ds.note![0]).toBe(
      'Республика бойынша жиынтық көрсетілмейді: өңірлер сомасы толық емес (3 өңірдің 2). Деректер жоқ өңірлер: Ақтөбе облысы.',
    );
    expect(ds.dimension.region!.category.note!['00']![0]).toContain('Ақтөбе облысы');
  });

  it('says the data notice in the language of the export', () => {
    const synthetic = sampleTable({ notice: 'synthetic' });
    expect(tableToJsonStat(synthetic, { lang: 'ru' }).note).toContain(
      'Синтетические демонстрационные данные: сгенерированы с соблюдением контрольных соотношений формы, это не реальные показатели.',
    );
    expect(tableToJsonStat(synthetic, { lang: 'kk' }).note!.join(' ')).not.toMatch(/Synthetic|Official/);
  });

  it('labels in the chosen language, falling back to Russian, with the row tree and units', () => {
    const ds = JSONstat(dataset).Dataset(0)!;
    expect(ds.Dimension('region')!.Category('10')!.label).toBe('10 Абай облысы');
    expect(ds.Dimension('row')!.Category('2')!.label).toContain('онша ауыр емес');
    expect(ds.Dimension('row')!.Category('3')!.label).toBe('тяжкие');
    expect(ds.Dimension('graph')!.Category('2')!.label).toBe('из графы 1 / әйелдерге қатысты');
    expect(dataset.dimension.row!.category.child).toEqual({ '1': ['2', '3'] });
    expect(dataset.dimension.graph!.category.unit!['4']).toEqual({ label: 'мың ₸', decimals: 1 });
    expect(dataset.label).toContain('Тіркелген қылмыстық құқық бұзушылықтар туралы');
    const en = tableToJsonStat(table, { lang: 'en' });
    expect(en.dimension.region!.category.label['11']).toBe('11 Akmola Region');
    expect(en.dimension.row!.category.label['2']).toBe('небольшой тяжести');
  });

  it('carries form, section and period in the extension and a note for a provisional structure', () => {
    expect(dataset.extension).toMatchObject({
      form: { id: '1-m', code: '1-М' },
      section: { id: 'R1' },
      period: '2022-12',
      cumulative: true,
    });
    expect(dataset.note).toBeUndefined();
    const provisional = tableToJsonStat(sampleTable({ provisionalStructure: true }), { lang: 'ru' });
    expect(provisional.note?.[0]).toMatch(/предварительная/);
    expect(JSONstat(provisional).Dataset(0)!.note).toEqual(provisional.note);
  });

  it('keeps a submitted and a derived republic apart, and adds nothing the table lacks', () => {
    const base = sampleTable();
    const stored = {
      ...base.columns[2]!,
      kind: 'submitted' as const,
      revision: 1,
      values: base.columns[0]!.values,
    };
    const both = tableToJsonStat(
      sampleTable({
        columns: [...base.columns, stored],
        graphs: base.graphs.slice(0, 2),
        rows: base.rows.slice(0, 2),
      }),
      { lang: 'ru' },
    );
    expect(both.dimension.region!.category.index).toEqual(['00-derived', '00', '10', '11']);
    expect(both.size).toEqual([4, 2, 2]);
    const ds = JSONstat(both).Dataset(0)!;
    expect(ds.Data({ region: '00-derived', row: '1', graph: '1' })!.value).toBe(200);
    expect(ds.Data({ region: '00', row: '1', graph: '1' })!.value).toBe(120);
    expect(JSON.stringify(both)).not.toContain('тяжкие');
    expect(JSON.stringify(both)).not.toContain('Сумма ущерба');
  });

  it('names the breakdown "agency" with no geo role when it is not the regions', () => {
    const base = sampleTable();
    const agencies = base.columns
      .slice(0, 2)
      .map((c, i) => ({ ...c, breakdown: ['00100', '00300'][i]!, label: { ru: `Орган ${i}` } }));
    const ds = tableToJsonStat(sampleTable({ columns: agencies, republic: null }), { lang: 'ru' });
    expect(ds.id).toEqual(['agency', 'row', 'graph']);
    expect(ds.role.geo).toBeUndefined();
  });
});
