import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRelations, cellKey } from './relations.js';
import { loadStructuresDir } from './structure.loader.js';
import { validateSubmission } from './submission.validate.js';
import { generateSynthetic } from './synthetic.js';

const fixtures = loadStructuresDir(path.resolve('src/modules/statistics/fixtures/structures')).structures.map(
  (s) => s.structure,
);
// The real forms have real figures; the generator serves the provisional ones, whose relations are kept simple.
const shipped = loadStructuresDir(path.resolve('catalog/structures'))
  .structures.map((s) => s.structure)
  .filter((s) => s.provisional);

describe('generateSynthetic', () => {
  it.each([...fixtures, ...shipped].map((s) => [`${s.form}/${s.validFromPeriod}`, s] as const))(
    'fills %s satisfying its control relations',
    (_name, structure) => {
      const values = generateSynthetic(structure, 'seed-1');
      const cells = new Map(values.map((v) => [cellKey(v.section, v.row, v.graph), v.value as number]));
      expect(checkRelations(structure, cells)).toEqual([]);
      expect(validateSubmission(structure, values).ok).toBe(true);
    },
  );

  it('is reproducible from its seed, and differs with another', () => {
    const s = fixtures[0]!;
    expect(generateSynthetic(s, 'a')).toEqual(generateSynthetic(s, 'a'));
    expect(generateSynthetic(s, 'a')).not.toEqual(generateSynthetic(s, 'b'));
  });
});
