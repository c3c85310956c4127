// The words of the staff's page of the register of persons (docs/decisions/0011) in Kazakh (the
// default), Russian and English: the same keys in each.
import type { Lang } from './i18n.js';

const en = {
  title: 'Register of persons: entries',
  intro:
    'Add an entry on a judgment that has entered into force for an offence under articles 120–124 of the Criminal Code against a minor, or remove one whose ground has fallen away (the judgment quashed, acquittal, rehabilitation, expunction, death). Each change names the decision that grounds it and is journaled. The register is never listed: find an entry by its full name to remove it.',
  add: 'Add an entry',
  fullName: 'Full name (surname, first name, patronymic) as in the judgment',
  birthYear: 'Year of birth',
  articles: 'Articles of the Criminal Code (e.g. 120, 122)',
  judgmentInForceOn: 'The judgment entered into force on',
  court: 'Court',
  shownUntil: 'Shown until (the day before the conviction is expunged)',
  decision: 'The decision that grounds it',
  decisionKind: 'Kind of decision',
  decisionReference: 'Number or reference',
  decisionDate: 'Date of the decision',
  find: 'Find an entry to remove',
  findButton: 'Find',
  noMatch: 'No entry in the register under this full name.',
  found: 'Entries under this full name',
  entry: 'Entry',
  remove: 'Remove the entry',
  added: 'The entry was added: number',
  removed: 'The entry was removed: number',
  editorsOnly: 'Only editors and the administrator keep this register.',
} as const;

export type StaffPersonsKey = keyof typeof en;
type Words = Record<StaffPersonsKey, string>;

const ru: Words = {
  title: 'Перечень лиц: записи',
  intro:
    'Добавьте запись на основании вступившего в законную силу приговора по статьям 120–124 Уголовного кодекса в отношении несовершеннолетнего или удалите запись, основание которой отпало (приговор отменён, оправдание, реабилитация, погашение судимости, смерть). Каждое изменение называет решение, на котором оно основано, и записывается в журнал. Перечень никогда не выводится списком: чтобы удалить запись, найдите её по полному имени.',
  add: 'Добавить запись',
  fullName: 'Полное имя (фамилия, имя, отчество) как в приговоре',
  birthYear: 'Год рождения',
  articles: 'Статьи Уголовного кодекса (например, 120, 122)',
  judgmentInForceOn: 'Приговор вступил в законную силу',
  court: 'Суд',
  shownUntil: 'Показывать до (день перед погашением судимости)',
  decision: 'Решение, на котором основано изменение',
  decisionKind: 'Вид решения',
  decisionReference: 'Номер или реквизиты',
  decisionDate: 'Дата решения',
  find: 'Найти запись для удаления',
  findButton: 'Найти',
  noMatch: 'Записи с таким полным именем в перечне нет.',
  found: 'Записи под этим полным именем',
  entry: 'Запись',
  remove: 'Удалить запись',
  added: 'Запись добавлена: номер',
  removed: 'Запись удалена: номер',
  editorsOnly: 'Перечень ведут только редакторы и администратор.',
};

const kk: Words = {
  title: 'Адамдар тізбесі: жазбалар',
  intro:
    'Кәмелетке толмағанға қатысты Қылмыстық кодекстің 120–124-баптары бойынша заңды күшіне енген үкім негізінде жазба қосыңыз немесе негізі жойылған жазбаны алып тастаңыз (үкімнің күші жойылды, ақтау, ақтап шығару, соттылықтың өтелуі, қайтыс болу). Әр өзгеріс өзі негізделген шешімді атайды және журналға жазылады. Тізбе ешқашан тізім ретінде көрсетілмейді: жазбаны алып тастау үшін оны толық аты-жөні бойынша табыңыз.',
  add: 'Жазба қосу',
  fullName: 'Толық аты-жөні (тегі, аты, әкесінің аты) үкімдегідей',
  birthYear: 'Туған жылы',
  articles: 'Қылмыстық кодекстің баптары (мысалы, 120, 122)',
  judgmentInForceOn: 'Үкім заңды күшіне енген күн',
  court: 'Сот',
  shownUntil: 'Көрсетілетін соңғы күн (соттылық өтелердің алдындағы күн)',
  decision: 'Өзгеріс негізделген шешім',
  decisionKind: 'Шешімнің түрі',
  decisionReference: 'Нөмірі немесе деректемелері',
  decisionDate: 'Шешімнің күні',
  find: 'Алып тастау үшін жазбаны табу',
  findButton: 'Табу',
  noMatch: 'Тізбеде бұл толық аты-жөні бойынша жазба жоқ.',
  found: 'Осы толық аты-жөні бойынша жазбалар',
  entry: 'Жазба',
  remove: 'Жазбаны алып тастау',
  added: 'Жазба қосылды: нөмірі',
  removed: 'Жазба алынып тасталды: нөмірі',
  editorsOnly: 'Тізбені тек редакторлар мен әкімші жүргізеді.',
};

const WORDS: Record<Lang, Words> = { kk, ru, en };

export function staffPersonsWords(lang: Lang) {
  const words = WORDS[lang];
  return (key: StaffPersonsKey) => words[key];
}
