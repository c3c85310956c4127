import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogDir, loadCatalogDirs, parseCatalogFiles, type CatalogProblemCode } from './index.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('a catalogue folder with broken files', () => {
  const { problems } = loadCatalogDir(`${fixtures}broken`);
  const found = problems.map(
    (problem) => `${problem.file.slice(`${fixtures}broken/`.length)} ${problem.pointer} ${problem.code}`,
  );

  // Every problem the fixture holds, each addressed to its file and place: [file, pointer, code].
  const expected: [string, string, CatalogProblemCode][] = [
    ['syntax.yaml', '', 'yaml_syntax'],
    ['extra.yaml', '/widgets', 'unknown_kind'],
    ['acts.yaml', '/acts/1/id', 'duplicate_id'],
    ['acts.yaml', '/acts/1/repeals/0', 'unknown_reference'],
    ['clauses.yaml', '/2/id', 'duplicate_id'],
    ['forms.yaml', '/forms/0/obligations/0/dueDays', 'unknown_key'],
    ['forms.yaml', '/forms/0/obligations/0/dueDay', 'missing_key'],
    ['forms.yaml', '/forms/1/code', 'wrong_type'],
    ['forms.yaml', '/forms/1/periodicity', 'invalid_value'],
    ['forms.yaml', '/forms/3/codePrinted', 'duplicate_code'],
    ['forms.yaml', '/forms/3/aliasesRu/0/alias', 'duplicate_code'],
    ['forms.yaml', '/forms/3/listNo', 'duplicate_number'],
    ['forms.yaml', '/forms/3/clause', 'unknown_reference'],
    ['forms.yaml', '/forms/3/obligations/0/act', 'unknown_reference'],
    ['forms.yaml', '/forms/3/obligations/1/clause', 'inconsistent'],
    ['forms.yaml', '/forms/4/titles', 'missing_key'],
    ['forms.yaml', '/forms/4/validFrom', 'invalid_value'],
    ['forms.yaml', '/forms/5/obligations/0/dueDay', 'invalid_value'],
    ['forms.yaml', '/forms/6/code', 'invalid_value'],
    ['forms.yaml', '/forms/6/validFrom', 'starts_before_act'],
    ['forms.yaml', '/forms/6/obligations/0/channel', 'unknown_reference'],
    ['datasets.yaml', '/datasets/1/validFrom', 'overlapping_validity'],
    ['datasets.yaml', '/datasets/2/madeFrom/kind', 'invalid_value'],
    ['datasets.yaml', '/datasets/3/validUntil', 'invalid_range'],
    ['datasets.yaml', '/datasets/3/dueDay', 'inconsistent'],
    ['datasets.yaml', '/datasets/4/responsibleUnits/0', 'unknown_reference'],
    ['datasets.yaml', '/datasets/4/madeFrom/form', 'unknown_reference'],
    ['organisations.yaml', '/organisations/0/region', 'unknown_reference'],
    ['organisations.yaml', '/organisations/0/submits/0/regions/1', 'unknown_reference'],
    ['organisations.yaml', '/organisations/0/submits/1/form', 'unknown_reference'],
    ['organisations.yaml', '/regions/0/names/1/validFrom', 'invalid_range'],
  ];

  it.each(expected)('reports %s %s as %s', (file, pointer, code) => {
    expect(found).toContain(`${file} ${pointer} ${code}`);
  });

  it('reports nothing else: no cascade from an entry that failed its schema', () => {
    const unexpected = found.filter(
      (line) => !expected.some(([file, pointer, code]) => line === `${file} ${pointer} ${code}`),
    );
    expect(unexpected.filter((line) => !line.startsWith('syntax.yaml '))).toEqual([]);
  });

  it('gives the line and column of each problem', () => {
    const dueDays = problems.find((problem) => problem.pointer === '/forms/0/obligations/0/dueDays')!;
    expect(dueDays).toMatchObject({ line: 17, code: 'unknown_key' });
    expect(dueDays.message).toBe('unknown key "dueDays" (did you mean "dueDay"?)');
    expect(problems.every((problem) => problem.line !== undefined)).toBe(true);
  });

  it('names the other place of a duplicate or an overlap', () => {
    const overlap = problems.find((problem) => problem.code === 'overlapping_validity')!;
    expect(overlap.message).toContain('datasets.yaml#/datasets/0');
  });
});

describe('checks of single files', () => {
  const header = `acts:
  - id: a
    kind: law
    number: '1'
    date: 2020-01-01
    issuer: { kk: k, ru: r, en: e }
    titles: { kk: k, ru: r, en: e }
    registration: null
    validFrom: 2020-01-01
    validUntil: null
    repealedBy: null
    amends: []
    repeals: []
`;

  it.each([
    [
      'a code written as a number',
      `${header}regions:\n  - { id: 10, kind: oblast, validFrom: 2020-01-01, validUntil: null, names: [] }\n`,
      '/regions/0/id',
      "expected a 2-digit KATO code, got number 10; write it in quotes: '10'",
    ],
    [
      'an empty list of names',
      `${header}regions:\n  - { id: '10', kind: oblast, validFrom: 2020-01-01, validUntil: null, names: [] }\n`,
      '/regions/0/names',
      'expected at least 1 item(s)',
    ],
    [
      'a wrong kind of estimate',
      `${header.replace('repeals: []', 'repeals: []\n    estimated: [validTo]')}`,
      '/acts/0/estimated/0',
      'expected one of validFrom, validUntil, got "validTo"',
    ],
    [
      'a null where a list is due',
      `${header.replace('amends: []', 'amends: null')}`,
      '/acts/0/amends',
      'expected a list, got null',
    ],
    ['a kind that is not a list', 'forms: {}\n', '/forms', 'expected a list of forms'],
  ])('explains %s', (_case, text, pointer, message) => {
    const { problems } = parseCatalogFiles([{ path: 'inline.yaml', text }]);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'inline.yaml', pointer, message }));
  });

  it.each([
    ['an empty file', 'empty.yaml', '# nothing\n', 'empty_file'],
    ['a list in a file not named after a kind', 'misc.yaml', '- id: x\n', 'unknown_kind'],
    ['a scalar root', 'scalar.yaml', 'forms\n', 'wrong_type'],
    ['a key given twice', 'twice.yaml', 'forms: []\nforms: []\n', 'yaml_syntax'],
  ])('reports %s', (_case, path, text, code) => {
    const { problems } = parseCatalogFiles([{ path, text }]);
    expect(problems).toContainEqual(expect.objectContaining({ file: path, code }));
  });

  it('reads a root list as the kind its file is named after', () => {
    const { catalog, problems } = parseCatalogFiles([
      { path: 'x/clauses.yaml', text: "- { id: a.p1, gist: 'g' }\n" },
    ]);
    expect(problems).toEqual([]);
    expect(catalog.clauses).toEqual([{ id: 'a.p1', gist: 'g' }]);
  });

  it('reports a folder that cannot be read', () => {
    const { problems } = loadCatalogDirs([`${fixtures}no-such-folder`]);
    expect(problems).toEqual([expect.objectContaining({ code: 'unreadable_file' })]);
  });
});
