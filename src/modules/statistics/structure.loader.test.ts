import { describe, expect, it } from 'vitest';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { checkStructure, fingerprintStructuresDir, loadStructuresDir } from './structure.loader.js';
import type { FormStructure } from './structure.schema.js';

const base = (): FormStructure => ({
  form: 't',
  validFromPeriod: '2019-01',
  provisional: true,
  source: 'test',
  cumulative: false,
  breakdown: { dimension: 'region', total: '00' },
  sections: [
    {
      id: 'R1',
      title: { ru: 'Раздел' },
      graphs: [
        { n: 1, label: { ru: 'a' }, unit: 'count', valueType: 'integer' },
        { n: 2, label: { ru: 'b' }, unit: 'count', valueType: 'integer' },
      ],
      rows: [
        { code: '1', label: { ru: 'Всего' }, kind: 'total' },
        { code: '2', label: { ru: 'из них' }, parent: '1', kind: 'part' },
      ],
      relations: [{ id: 'r', kind: 'not-greater', left: { graph: 2 }, right: { graph: 1 } }],
    },
  ],
});

describe('checkStructure', () => {
  it('accepts a consistent structure', () => expect(checkStructure(base())).toEqual([]));
  it.each<[string, (s: FormStructure) => void, string]>([
    ['a bad period', (s) => (s.validFromPeriod = '2019-13'), '/validFromPeriod'],
    [
      'a duplicate row',
      (s) => s.sections[0]!.rows.push({ code: '2', label: { ru: 'x' }, kind: 'part' }),
      '/sections/0/rows/2/code',
    ],
    [
      'a duplicate graph',
      (s) => s.sections[0]!.graphs.push({ n: 2, label: { ru: 'x' }, unit: 'count', valueType: 'integer' }),
      '/sections/0/graphs/2/n',
    ],
    ['an unknown parent', (s) => (s.sections[0]!.rows[1]!.parent = '7'), '/sections/0/rows/1/parent'],
    [
      'a relation naming an unknown row',
      (s) => s.sections[0]!.relations.push({ id: 'x', kind: 'sum-of-rows', total: '1', parts: ['2', '9'] }),
      '/sections/0/relations/1/parts/1',
    ],
    [
      'a relation naming an unknown graph',
      (s) => s.sections[0]!.relations.push({ id: 'x', kind: 'sum-of-graphs', total: 1, parts: [2, 3] }),
      '/sections/0/relations/1/parts/1',
    ],
    [
      'a relation comparing a row with a graph',
      (s) =>
        s.sections[0]!.relations.push({
          id: 'x',
          kind: 'not-greater',
          left: { row: '2' },
          right: { graph: 1 },
        }),
      '/sections/0/relations/1',
    ],
    [
      'a duplicate relation id',
      (s) =>
        s.sections[0]!.relations.push({
          id: 'r',
          kind: 'not-greater',
          left: { row: '2' },
          right: { row: '1' },
        }),
      '/sections/0/relations/1/id',
    ],
  ])('finds %s', (_n, change, pointer) => {
    const s = base();
    change(s);
    expect(checkStructure(s).map((p) => p.pointer)).toEqual([pointer]);
  });
});

describe('the structures that ship with zanstat', () => {
  // The real 1-М structure is a large file: loading it takes seconds.
  it('load with no problem', { timeout: 60_000 }, () => {
    const { structures, problems } = loadStructuresDir(path.resolve('catalog/structures'));
    expect(problems).toEqual([]);
    expect(structures.map((s) => `${s.structure.form}/${s.structure.validFromPeriod}`)).toEqual(
      expect.arrayContaining(['1-m/2019-01', '3-k/2019-01', '3-k/2023-12', '3-k/2024-10', 'tmd-1/2019-Q1']),
    );
  });
});

describe('fingerprintStructuresDir', () => {
  it('is the same for the same files and changes with a byte', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanstat-fp-'));
    try {
      fs.mkdirSync(path.join(dir, 'f'));
      fs.writeFileSync(path.join(dir, 'f', '2019-01.yaml'), 'form: f\n');
      const first = fingerprintStructuresDir(dir);
      expect(fingerprintStructuresDir(dir)).toBe(first);
      fs.writeFileSync(path.join(dir, 'f', '2019-01.yaml'), 'form: g\n');
      expect(fingerprintStructuresDir(dir)).not.toBe(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
