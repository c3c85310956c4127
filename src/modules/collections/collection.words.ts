// The words of a collection's documents in Kazakh and Russian (the languages of the collections;
// data labels fall back to Russian where a structure has no Kazakh label).
import type { Lang } from '../statistics/index.js';

export type DocLang = Extract<Lang, 'kk' | 'ru'>;
export const DOC_LANGS: readonly DocLang[] = ['kk', 'ru'];

const WORDS = {
  contents: { kk: 'Мазмұны', ru: 'Содержание' },
  notes: { kk: 'Ескертпелер және құқықтық негіз', ru: 'Примечания и правовое основание' },
  officialUse: { kk: 'Қызмет бабында пайдалану үшін', ru: 'Для служебного пользования' },
  version: { kk: 'Нұсқа', ru: 'Версия' },
  reason: { kk: 'Қайта жасау себебі', ru: 'Причина переиздания' },
  number: { kk: '№', ru: '№' },
  form: { kk: 'Нысан', ru: 'Форма' },
  section: { kk: 'Бөлім', ru: 'Раздел' },
  period: { kk: 'Кезең', ru: 'Период' },
  sheet: { kk: 'Парақ', ru: 'Лист' },
  basis: { kk: 'Негіз', ru: 'Основание' },
  inferred: {
    kk: 'актіде аталмаған, жинақтың тақырыбынан тұжырымдалған',
    ru: 'в акте не названо, выведено из предмета сборника',
  },
  act: {
    kk: 'ҚР Бас прокурорының 2019 жылғы 15 сәуірдегі № 25 бұйрығымен бекітілген Нұсқаулықтың 11–13-тармақтары, 1-қосымшаның {row}-жолы',
    ru: 'Инструкция, утвержденная приказом Генерального прокурора РК от 15 апреля 2019 года № 25, пункты 11–13, приложение 1, строка {row}',
  },
  due: {
    kk: 'Тоқсаннан кейінгі айдың 14-күнінен кешіктірмей жіберіледі (13-тармақ)',
    ru: 'Направляется не позднее 14 числа месяца, следующего за кварталом (пункт 13)',
  },
  periodRule: {
    kk: 'Жыл басынан бері жинақталатын нысандар қаңтардан тоқсанның соңына дейін, тоқсандық нысандар тоқсан үшін беріледі',
    ru: 'Формы с нарастающим итогом даны с января по конец квартала, квартальные формы — за квартал',
  },
  builtFrom: {
    kk: 'Жарияланған деректерден жасалды',
    ru: 'Составлено по опубликованным данным',
  },
} as const;

export function cw(
  key: keyof typeof WORDS,
  lang: DocLang,
  params: Record<string, string | number> = {},
): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** "2024 ж. 1-тоқсан", "1 квартал 2024 г." */
export function quarterText(quarter: string, lang: DocLang): string {
  const [year, q] = quarter.split('-Q');
  return lang === 'kk' ? `${year} ж. ${q}-тоқсан` : `${q} квартал ${year} г.`;
}
