// The words of a reply letter in Kazakh, Russian and English (the applicant's language; kk by
// default). The grounds' and requirements' own titles come from the catalogue.
import { fillIn } from '../../platform/fill-in.js';
import type { Shortfall } from './request.decide.js';

export type LetterLang = 'kk' | 'ru' | 'en';
export const LETTER_LANGS: readonly LetterLang[] = ['kk', 'ru', 'en'];

const WORDS = {
  title: {
    kk: 'Сұрау салуға жауап',
    ru: 'Ответ на запрос',
    en: 'Reply to a request',
  },
  to: { kk: 'Кімге', ru: 'Кому', en: 'To' },
  regarding: {
    kk: '{date} № {number} сұрау салуыңызға',
    ru: 'На ваш запрос № {number} от {date}',
    en: 'Your request No. {number} of {date}',
  },
  version: { kk: 'Хаттың нұсқасы', ru: 'Версия письма', en: 'Letter version' },
  answerLead: {
    kk: 'Сұрау салынған құқықтық статистикалық ақпарат жарияланған ресми деректерден төменде беріледі. Ақпарат тегін беріледі (Нұсқаулықтың 4-тармағы).',
    ru: 'Запрошенная правовая статистическая информация приводится ниже по опубликованным официальным данным. Информация предоставляется бесплатно (пункт 4 Инструкции).',
    en: 'The legal statistical information asked for is given below from the published official figures. It is provided free of charge (Instruction, para 4).',
  },
  withinIndicators: {
    kk: 'Ақпарат есептердің қолда бар көрсеткіштері шегінде беріледі (Нұсқаулықтың 5-тармағы).',
    ru: 'Информация предоставляется в пределах имеющихся показателей отчетов (пункт 5 Инструкции).',
    en: 'The information is given within the indicators the reports have (Instruction, para 5).',
  },
  notAvailable: {
    kk: 'Берілмейтін ақпарат және оның себебі (Нұсқаулықтың 5-тармағы)',
    ru: 'Информация, которая не может быть предоставлена, и почему (пункт 5 Инструкции)',
    en: 'What is not available, and why (Instruction, para 5)',
  },
  withheld: {
    kk: 'Берілмеген ақпарат және оның себебі',
    ru: 'Не предоставленная информация и почему',
    en: 'What was withheld, and why',
  },
  nothingToGive: {
    kk: 'Сұралған көрсеткіштер бойынша берілетін деректер жоқ.',
    ru: 'По запрошенным показателям нет данных, которые могут быть предоставлены.',
    en: 'There are no figures that can be given for the indicators asked.',
  },
  difference: {
    kk: '{period} кезеңінің деректері — осы кестенің {minus} кестесінен айырмасы.',
    ru: 'Данные за период {period} — разность этой таблицы и таблицы за {minus}.',
    en: 'The figures for {period} are this table minus the table for {minus}.',
  },
  publishedAt: { kk: 'Жарияланған кесте', ru: 'Опубликованная таблица', en: 'Published table' },
  leftWithoutConsideration: {
    kk: 'Сұрау салуыңыз қараусыз қалдырылды.',
    ru: 'Ваш запрос оставлен без рассмотрения.',
    en: 'Your request is left without consideration.',
  },
  notAccepted: {
    kk: 'Сұрау салуыңыз қабылданбады.',
    ru: 'Ваш запрос не принят.',
    en: 'Your request is not accepted.',
  },
  incomplete: {
    kk: 'Сұрау салуда Нұсқаулықтың 8-тармағында көзделген мәліметтер жоқ. Сұрау салуды мыналарды көрсетіп қайта жіберіңіз:',
    ru: 'В запросе нет сведений, предусмотренных пунктом 8 Инструкции. Направьте запрос повторно, указав:',
    en: 'The request lacks what para 8 of the Instruction requires. Send it again stating:',
  },
  ground: { kk: 'Негіз', ru: 'Основание', en: 'Ground' },
  links: {
    kk: 'Ақпарат мына жерде жарияланған:',
    ru: 'Информация опубликована:',
    en: 'The information is published at:',
  },
  reason_official_use: {
    kk: '{what}: қызметтік пайдалануға арналған ақпарат (Нұсқаулықтың 2-тармағының 10) тармақшасы); өтініш берушінің ұйымында оған құқық жоқ',
    ru: '{what}: информация для служебного пользования (подпункт 10) пункта 2 Инструкции); у организации заявителя нет права на нее',
    en: "{what}: for official use (Instruction, para 2, item 10); the applicant's organisation holds no right to it",
  },
  reason_secret: {
    kk: '{what}: қолжетімділігі шектелген ақпарат (Нұсқаулықтың 2-тармағының 10) тармақшасы), ешкімге берілмейді',
    ru: '{what}: информация ограниченного доступа (подпункт 10) пункта 2 Инструкции), никому не предоставляется',
    en: '{what}: restricted-access information (Instruction, para 2, item 10), given to no applicant',
  },
  reason_not_published: {
    kk: '{what}: есеп әлі жарияланбаған',
    ru: '{what}: отчет еще не опубликован',
    en: '{what}: the report is not yet published',
  },
  reason_not_in_form: {
    kk: '{what}: есепте мұндай көрсеткіш жоқ',
    ru: '{what}: в отчете нет такого показателя',
    en: '{what}: the report has no such indicator',
  },
  reason_finer_than_form: {
    kk: '{what}: есеп мұндай кезең үшін жасалмайды',
    ru: '{what}: отчет не составляется за такой период',
    en: '{what}: the report is not made for such a period',
  },
  reason_region_not_published: {
    kk: '{what}: өңір бойынша деректер жарияланбаған',
    ru: '{what}: данные по региону не опубликованы',
    en: '{what}: no figures are published for the region',
  },
  reason_partial_coverage: {
    kk: '{what}: жиынтық өңірлердің бір бөлігінен ғана құралар еді',
    ru: '{what}: итог сложился бы лишь из части регионов',
    en: '{what}: the total would be summed from part of the regions only',
  },
  indicator: { kk: 'Көрсеткіш', ru: 'Показатель', en: 'Indicator' },
  row: { kk: 'жол', ru: 'строка', en: 'row' },
  graph: { kk: 'баған', ru: 'графа', en: 'graph' },
  order25: {
    kk: '№ 25 бұйрықпен бекітілген Нұсқаулық',
    ru: 'Инструкция, утвержденная приказом № 25',
    en: 'Instruction approved by Order 25',
  },
  para: { kk: '{n}-тармақ', ru: 'пункт {n}', en: 'para {n}' },
  demonstration: {
    kk: 'Назар аударыңыз: кестелерде синтетикалық демонстрациялық деректер бар.',
    ru: 'Внимание: в таблицах синтетические демонстрационные данные.',
    en: 'Note: the tables hold synthetic demonstration data.',
  },
} as const satisfies Record<string, Record<LetterLang, string>>;

export type LetterWord = keyof typeof WORDS;

export function lw(key: LetterWord, lang: LetterLang, vars: Record<string, string | number> = {}): string {
  return fillIn(WORDS[key][lang], vars);
}

/** A shortfall worded in the letter's language by its reason (the decision's detail is English). */
export function shortfallText(s: Shortfall, lang: LetterLang): string {
  const key = `reason_${s.reason.replace(/-/g, '_')}` as LetterWord;
  return lw(key, lang, {
    what: s.what.replace(/^row /, `${lw('row', lang)} `).replace(/^graph /, `${lw('graph', lang)} `),
  });
}

/** A clause id (o25.i.p7.3) as a reader cites it: "Instruction approved by Order 25, para 7 (o25.i.p7.3)". */
export function clauseText(clause: string, lang: LetterLang): string {
  const m = /^o25\.i\.p(\d+)/.exec(clause);
  return m ? `${lw('order25', lang)}, ${lw('para', lang, { n: m[1]! })} (${clause})` : clause;
}
