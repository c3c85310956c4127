// What a table says about itself, in the reader's language: where its figures come from
// (synthetic demonstration data, imported official figures) and how many regions a sum of the
// regions is made of. A sum of part of the regions is never titled as the republic: its label
// says "sum of N of M regions", and the regions it lacks are named.
import type { Label } from './structure.schema.js';

export type Lang = 'kk' | 'ru' | 'en';

/** Where a table's figures come from, when it is not a plain submission. */
export type TableNotice = 'synthetic' | 'imported-official';

/** How many of the regions in force a table's columns hold (tables broken down by region). */
export interface RegionCoverage {
  /** the regions with a revision */
  regions: number;
  /** the regions in force at the period's end (the republic not counted) */
  of: number;
  complete: boolean;
  /** the regions without a revision, named */
  missing: { id: string; label: Label | null }[];
}

const NOTICES: Record<TableNotice, Record<Lang, string>> = {
  synthetic: {
    kk: 'Синтетикалық демонстрациялық деректер: нысанның бақылау қатынастарын қанағаттандыру үшін жасалған, нақты көрсеткіштер емес.',
    ru: 'Синтетические демонстрационные данные: сгенерированы с соблюдением контрольных соотношений формы, это не реальные показатели.',
    en: "Synthetic demonstration data: generated to satisfy the form's control relations, not real figures.",
  },
  'imported-official': {
    kk: 'Құқықтық статистика және арнайы есепке алу жөніндегі комитет жариялаған ресми көрсеткіштер, импортталған.',
    ru: 'Официальные показатели в том виде, в каком их опубликовал Комитет по правовой статистике и специальным учетам, импортированы.',
    en: 'Official figures as published by the Committee on Legal Statistics and Special Accounts, imported.',
  },
};

/** The notice of a table's figures in the language, or null. */
export function noticeText(notice: TableNotice | null, lang: Lang): string | null {
  return notice ? NOTICES[notice][lang] : null;
}

/** "регионов"/"региона"/"регион" after a number, as Russian agrees a noun with its number. */
function ruRegions(n: number): string {
  const ten = n % 10;
  const hundred = n % 100;
  if (ten === 1 && hundred !== 11) return 'региона';
  return 'регионов';
}

/** "N of M regions", the coverage as said in a title. */
export function coverageText(c: Pick<RegionCoverage, 'regions' | 'of'>, lang: Lang): string {
  switch (lang) {
    case 'kk':
      return `${c.of} өңірдің ${c.regions}`;
    case 'ru':
      return `${c.regions} из ${c.of} ${ruRegions(c.of)}`;
    case 'en':
      return `${c.regions} of ${c.of} regions`;
  }
}

/** The label of a sum of part of the regions: "Сумма 1 из 20 регионов" instead of the republic's name. */
export function partialSumLabel(c: Pick<RegionCoverage, 'regions' | 'of'>): Label {
  return {
    kk: `Өңірлер сомасы: ${coverageText(c, 'kk')} (республика емес)`,
    ru: `Сумма ${coverageText(c, 'ru')} (не республика)`,
    en: `Sum of ${coverageText(c, 'en')} (not the republic)`,
  };
}

const MISSING: Record<Lang, string> = {
  kk: 'Деректер жоқ өңірлер',
  ru: 'Нет данных по регионам',
  en: 'No data from',
};

const PARTIAL: Record<Lang, string> = {
  kk: 'Республика бойынша жиынтық көрсетілмейді: өңірлер сомасы толық емес',
  ru: 'Итог по республике не показан: сумма регионов неполная',
  en: 'No total for the republic: the sum of the regions is incomplete',
};

/** The regions a coverage lacks, by name in the language (Russian where there is no other). */
export function missingText(c: RegionCoverage, lang: Lang): string {
  const names = c.missing.map((m) => (m.label ? (m.label[lang] ?? m.label.ru) : m.id));
  return `${MISSING[lang]}: ${names.join(', ')}`;
}

/** The note of an incomplete coverage: no republic, N of M regions, the missing ones named. */
export function coverageNote(c: RegionCoverage, lang: Lang): string {
  return `${PARTIAL[lang]} (${coverageText(c, lang)}). ${missingText(c, lang)}.`;
}
