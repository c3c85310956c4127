// The report page's words for its line over time and its table's narrowing, in the three
// languages.
const enReport = {
  seriesNotPublished: 'not published',
  seriesNoData: 'published without this figure',
  seriesGaps: 'Gaps in the line (marked): {periods}.',
} as const;

export type ReportKey = keyof typeof enReport;
type ReportMessages = Record<ReportKey, string>;

const ruReport: ReportMessages = {
  seriesNotPublished: 'не опубликовано',
  seriesNoData: 'опубликовано без этого показателя',
  seriesGaps: 'Разрывы линии (отмечены): {periods}.',
};

const kkReport: ReportMessages = {
  seriesNotPublished: 'жарияланбаған',
  seriesNoData: 'бұл көрсеткішсіз жарияланған',
  seriesGaps: 'Сызықтағы үзілістер (белгіленген): {periods}.',
};

export const reportMessages = { kk: kkReport, ru: ruReport, en: enReport as ReportMessages };
