import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findForm, findFormVersions, loadCatalogDir, matchForm, normaliseFormCode } from './index.js';

const { catalog } = loadCatalogDir(fileURLToPath(new URL('../../../catalog', import.meta.url)));
const on = '2019-09-01';

describe('normaliseFormCode', () => {
  it.each([
    ['1-М', '1-М'],
    ['1‐М', '1-М'],
    ['1‑М', '1-М'],
    ['1–М', '1-М'],
    ['1—М', '1-М'],
    ['1−М', '1-М'],
    ['№ 1-М', '1-М'],
    ['1 –ЭТ', '1-ЭТ'],
    ['  ТМД - 3 ', 'ТМД-3'],
    ['И\u0306-1', 'Й-1'],
  ])('%j -> %j', (text, normalised) => {
    expect(normaliseFormCode(text)).toBe(normalised);
  });
});

describe('findForm', () => {
  it.each([
    // [query, the form's id or undefined, how it matched]
    ['1-М', '1-m', 'code'],
    ['1-м', '1-m', 'code'],
    ['1–М', '1-m', 'code'],
    ['№ 1-М', '1-m', 'code'],
    ['1-m', '1-m', 'slug'],
    ['1-M', '1-m', 'slug'], // Latin M: matches only because the slug 1-m is matched in any case
    ['1-Н', '1-n', 'code'],
    ['1-H', undefined, undefined], // Latin H is not the Cyrillic En, and the slug is 1-n
    ['1-П', '1-p', 'code'],
    ['1-P', '1-p', 'slug'], // Latin P: the slug of 1-П, never 1-І through its alias 1-Р
    ['1-Р', '1-i', 'alias'], // Cyrillic Er: the Russian alias of 1-І
    ['1-І', '1-i', 'code'],
    ['1-I', '1-i', 'slug'],
    ['1-ı', undefined, undefined], // dotless i is not folded into I
    ['3-K', '3-k', 'slug'],
    ['3-\u212A', '3-k', 'slug'], // the Kelvin sign is canonically K: NFC makes it K
    ['3-\uFF2B', undefined, undefined], // a full-width K is only compatibly K: not folded
    ['ЖКО-1', 'zhko-1', 'code'],
    ['ЖKO-1', undefined, undefined], // Latin K and O among Cyrillic letters
    ['ZHKO-1', 'zhko-1', 'slug'],
    ['ДТП-1', 'zhko-1', 'alias'],
    ['1-ОЛ', '1-to', 'alias'],
    ['1-ТӨ', '1-to', 'code'],
    ['1-ӘІ', '1-ai', 'code'],
    ['1-ӨІ', '1-ai', 'printed-code'],
    ['1-АП', '1-ai', 'alias'],
    ['СНГ-3', 'tmd-3', 'alias'],
    ['6а', '6a', 'code'],
    ['6a', '6a', 'slug'],
    ['6A', '6a', 'slug'],
    ['ба', '6a', 'printed-code'],
    ['6Қа', '6qa', 'code'],
    ['1 –ЭТ', '1-et', 'code'],
    ['1', '1', 'code'],
    ['Іесеп', '1', 'printed-code'],
    ['prosecutor-supervision', 'prosecutor-supervision', 'slug'],
    ['Prosecutor-Supervision', 'prosecutor-supervision', 'slug'],
    ['', undefined, undefined],
    ['9-Х', undefined, undefined],
  ])('%j finds %j by %j', (query, id, matchedBy) => {
    const match = matchForm(catalog, query, on);
    expect(match?.form.id).toBe(id);
    expect(match?.matchedBy).toBe(matchedBy);
  });

  it('finds nothing before the act came into force', () => {
    expect(findForm(catalog, '1-М', '2018-01-01')).toBeUndefined();
    expect(findFormVersions(catalog, '1-М').map((form) => form.validFrom)).toEqual(['2019-04-29']);
  });

  it('marks the Russian aliases as unverified', () => {
    expect(findForm(catalog, '1-ОЛ', on)?.aliasesRu).toEqual([{ alias: '1-ОЛ', verified: false }]);
  });
});
