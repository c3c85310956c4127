// The portal's words for requests (the staff's inbox, a request's page, the answer builder, the
// letters, the register form, the applicant's status page) in Kazakh, Russian and English.
import { fillIn } from '../../platform/fill-in.js';
import type { Lang } from './i18n.js';

const M = {
  inbox: { kk: 'Сұрау салулар', ru: 'Запросы', en: 'Requests' },
  inboxNew: { kk: 'Жаңа', ru: 'Новые', en: 'New' },
  inboxDueSoon: { kk: 'Мерзімі жақында', ru: 'Срок скоро', en: 'Due soon' },
  inboxOverdue: { kk: 'Мерзімі өткен', ru: 'Просроченные', en: 'Overdue' },
  inboxAnswered: { kk: 'Жауап берілген', ru: 'Отвеченные', en: 'Answered' },
  inboxEmpty: { kk: 'Сұрау салулар жоқ.', ru: 'Запросов нет.', en: 'No requests.' },
  registerRequest: {
    kk: 'Сұрау салуды тіркеу',
    ru: 'Зарегистрировать запрос',
    en: 'Register a request',
  },
  channel: { kk: 'Келген жолы', ru: 'Как поступил', en: 'Arrived by' },
  applicantKind: { kk: 'Өтініш беруші', ru: 'Заявитель', en: 'Applicant' },
  applicantName: { kk: 'Атауы немесе аты-жөні', ru: 'Наименование или ФИО', en: 'Name' },
  organisation: { kk: 'Ұйым (каталог)', ru: 'Организация (каталог)', en: 'Organisation (catalogue)' },
  address: { kk: 'Жауап мекенжайы', ru: 'Адрес для ответа', en: 'Address for the reply' },
  signatoryRole: { kk: 'Қол қоюшы', ru: 'Подписант', en: 'Signatory' },
  position: { kk: 'Лауазымы', ru: 'Должность', en: 'Position' },
  information: { kk: 'Сұралған ақпарат', ru: 'Запрашиваемая информация', en: 'Information asked' },
  period: { kk: 'Кезең', ru: 'Период', en: 'Period' },
  unit: { kk: 'Есеп бірлігі', ru: 'Единица учета', en: 'Unit of count' },
  language: { kk: 'Жауап тілі', ru: 'Язык ответа', en: 'Language of the reply' },
  none: { kk: '—', ru: '—', en: '—' },
  registered: {
    kk: '№ {number} болып тіркелді. Өтініш берушінің мәртебе коды: {code}',
    ru: 'Зарегистрирован под № {number}. Код статуса для заявителя: {code}',
    en: 'Registered as No. {number}. The applicant’s status code: {code}',
  },
  decision: { kk: 'Шешім', ru: 'Решение', en: 'Decision' },
  ground: { kk: 'Негіз', ru: 'Основание', en: 'Ground' },
  checks: { kk: 'Тексерулер', ru: 'Проверки', en: 'Checks' },
  check: { kk: 'Тексеру', ru: 'Проверка', en: 'Check' },
  met: { kk: 'Орындалды', ru: 'Выполнено', en: 'Met' },
  notMet: { kk: 'Орындалмады', ru: 'Не выполнено', en: 'Not met' },
  notRun: { kk: 'Жүргізілмеді', ru: 'Не проводилась', en: 'Not run' },
  rule: { kk: 'Ереже', ru: 'Правило', en: 'Rule' },
  check_channel: { kk: 'Келген жолы', ru: 'Канал поступления', en: 'Channel' },
  check_signatory: { kk: 'Қол қоюшы', ru: 'Подписант', en: 'Signatory' },
  check_content: { kk: 'Мазмұны (8-т.)', ru: 'Содержание (п. 8)', en: 'Content (para 8)' },
  'check_copies-of-documents': {
    kk: 'Құжаттардың көшірмелері',
    ru: 'Копии документов',
    en: 'Copies of documents',
  },
  'check_publicly-available': { kk: 'Жалпыға қолжетімді', ru: 'Общедоступно', en: 'Publicly available' },
  indicators: { kk: 'Көрсеткіштер', ru: 'Показатели', en: 'Indicators' },
  status: { kk: 'Мәртебесі', ru: 'Статус', en: 'Status' },
  withheld: { kk: 'Берілмейді', ru: 'Не предоставляется', en: 'Withheld' },
  notAvailable: { kk: 'Қолжетімсіз', ru: 'Нет данных', en: 'Not available' },
  answerBuilder: { kk: 'Жауап құрастырушы', ru: 'Конструктор ответа', en: 'Answer builder' },
  builderHelp: {
    kk: 'Көрсеткіштерді таңдаңыз немесе түзетіңіз: нысан, бөлім, жолдар, бағандар, өңірлер (үтір арқылы).',
    ru: 'Выберите или исправьте показатели: форма, раздел, строки, графы, регионы (через запятую).',
    en: 'Pick or correct the indicators: form, section, rows, graphs, regions (comma-separated).',
  },
  form: { kk: 'Нысан', ru: 'Форма', en: 'Form' },
  section: { kk: 'Бөлім', ru: 'Раздел', en: 'Section' },
  rows: { kk: 'Жолдар', ru: 'Строки', en: 'Rows' },
  graphs: { kk: 'Бағандар', ru: 'Графы', en: 'Graphs' },
  regions: { kk: 'Өңірлер', ru: 'Регионы', en: 'Regions' },
  reason: { kk: 'Себебі', ru: 'Причина', en: 'Reason' },
  correct: { kk: 'Түзету', ru: 'Исправить', en: 'Correct' },
  letters: { kk: 'Жауап хаттары', ru: 'Письма-ответы', en: 'Reply letters' },
  noLetters: { kk: 'Хат әлі жоқ.', ru: 'Писем пока нет.', en: 'No letter yet.' },
  draftLetter: { kk: 'Хат дайындау', ru: 'Подготовить письмо', en: 'Draft the letter' },
  preview: { kk: 'Хаттың алдын ала көрінісі', ru: 'Предпросмотр письма', en: 'Letter preview' },
  version: { kk: 'Нұсқа', ru: 'Версия', en: 'Version' },
  approveAndSend: { kk: 'Бекіту және жіберу', ru: 'Утвердить и отправить', en: 'Approve and send' },
  delivery: { kk: 'Жеткізу', ru: 'Доставка', en: 'Delivery' },
  noDelivery: {
    kk: 'Жүйе арқылы жіберілмейді (арна каталогта жоқ)',
    ru: 'Не отправляется через систему (канал вне каталога)',
    en: 'Not sent through a system (a channel outside the catalogue)',
  },
  letter_draft: { kk: 'жоба', ru: 'проект', en: 'draft' },
  letter_superseded: { kk: 'ауыстырылды', ru: 'заменено', en: 'superseded' },
  letter_approved: { kk: 'бекітілді', ru: 'утверждено', en: 'approved' },
  delivery_pending: { kk: 'кезекте', ru: 'в очереди', en: 'pending' },
  delivery_delivered: { kk: 'жеткізілді', ru: 'доставлено', en: 'delivered' },
  delivery_acknowledged: { kk: 'алынғаны расталды', ru: 'получение подтверждено', en: 'acknowledged' },
  delivery_dead: { kk: 'жеткізілмеді', ru: 'не доставлено', en: 'failed' },
  delivery_undeliverable: { kk: 'жол жоқ', ru: 'нет маршрута', en: 'undeliverable' },
  statusTitle: { kk: 'Сұрау салудың мәртебесі', ru: 'Статус запроса', en: 'Status of a request' },
  statusHelp: {
    kk: 'Сұрау салудың нөмірін және тіркеу кезінде берілген кодты енгізіңіз.',
    ru: 'Введите номер запроса и код, выданный при регистрации.',
    en: 'Enter the request’s number and the code given at registration.',
  },
  requestNumber: { kk: 'Сұрау салудың нөмірі', ru: 'Номер запроса', en: 'Request number' },
  statusCode: { kk: 'Код', ru: 'Код', en: 'Code' },
  showStatus: { kk: 'Көрсету', ru: 'Показать', en: 'Show' },
  statusNotFound: {
    kk: 'Мұндай нөмір мен коды бар сұрау салу табылмады.',
    ru: 'Запрос с таким номером и кодом не найден.',
    en: 'No request has this number and code.',
  },
  'status_under-consideration': { kk: 'Қаралуда', ru: 'На рассмотрении', en: 'Under consideration' },
  status_answered: { kk: 'Жауап жіберілді', ru: 'Ответ направлен', en: 'Answered' },
  status_closed: { kk: 'Жабылды', ru: 'Закрыт', en: 'Closed' },
  'kind_state-body': { kk: 'Мемлекеттік орган', ru: 'Государственный орган', en: 'State body' },
  'kind_prosecution-body': { kk: 'Прокуратура органы', ru: 'Орган прокуратуры', en: 'Prosecution body' },
  kind_individual: { kk: 'Жеке тұлға', ru: 'Физическое лицо', en: 'Individual' },
  'kind_legal-entity': { kk: 'Заңды тұлға', ru: 'Юридическое лицо', en: 'Legal entity' },
  channel_oral: { kk: 'Ауызша', ru: 'Устно', en: 'Oral' },
  channel_telephone: { kk: 'Телефон арқылы', ru: 'По телефону', en: 'By telephone' },
  channel_email: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
  channel_messenger: { kk: 'Мессенджер', ru: 'Мессенджер', en: 'Messenger' },
  'channel_social-network': { kk: 'Әлеуметтік желі', ru: 'Социальная сеть', en: 'Social network' },
  channel_other: { kk: 'Басқа жолмен', ru: 'Иным способом', en: 'Other' },
  unit_crime: { kk: 'қылмыс', ru: 'преступление', en: 'crime' },
  unit_offence: { kk: 'құқық бұзушылық', ru: 'правонарушение', en: 'offence' },
  'unit_criminal-case': { kk: 'қылмыстық іс', ru: 'уголовное дело', en: 'criminal case' },
  unit_person: { kk: 'тұлға', ru: 'лицо', en: 'person' },
  role_head: { kk: 'басшы', ru: 'руководитель', en: 'head' },
  'role_acting-head': { kk: 'басшының м.а.', ru: 'и.о. руководителя', en: 'acting head' },
  'role_authorised-official': {
    kk: 'уәкілетті лауазымды тұлға',
    ru: 'уполномоченное лицо',
    en: 'authorised official',
  },
  role_other: { kk: 'басқа', ru: 'иное', en: 'other' },
  outcome_accepted: { kk: 'Қабылданды', ru: 'Принят', en: 'Accepted' },
  'outcome_left-without-consideration': {
    kk: 'Қараусыз қалдырылды',
    ru: 'Оставлен без рассмотрения',
    en: 'Left without consideration',
  },
  'outcome_not-accepted': { kk: 'Қабылданбады', ru: 'Не принят', en: 'Not accepted' },
  outcome_incomplete: { kk: 'Толық емес', ru: 'Неполный', en: 'Incomplete' },
  termEnds: { kk: 'Мерзімі', ru: 'Срок', en: 'Term ends' },
  open: { kk: 'Ашу', ru: 'Открыть', en: 'Open' },
  done: { kk: 'Дайын.', ru: 'Готово.', en: 'Done.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type RequestWord = keyof typeof M;
export const REQUEST_MESSAGES = M;

/** A word of the requests' pages in the language, with {vars} filled in. */
export function rw(lang: Lang, key: RequestWord, vars: Record<string, string | number> = {}): string {
  return fillIn(M[key][lang], vars);
}

/** A word chosen by a value (`kind_individual`), or the value itself where there is none. */
export function rwOf(lang: Lang, prefix: string, value: string): string {
  const key = `${prefix}_${value}` as RequestWord;
  return key in M ? rw(lang, key) : value;
}
