// The demonstration entries of the persons register: invented names, marked fictional wherever they
// show, so that the search can be tried without any real personal data shipping. They are held
// here, never stored, and are off when PERSONS_REGISTER_DEMONSTRATION is false.
export interface DemonstrationPerson {
  fullName: string;
  birthYear: number;
  criminalCodeArticles: string;
  judgmentInForceOn: string;
  court: string;
}

export const DEMONSTRATION_PERSONS: readonly DemonstrationPerson[] = [
  {
    fullName: 'Демонстрационов Вымысел Тестович',
    birthYear: 1980,
    criminalCodeArticles: '122',
    judgmentInForceOn: '2023-05-15',
    court: 'Демонстрационный суд (вымышленный)',
  },
  {
    fullName: 'Сынақбаев Үлгі Жалғанұлы',
    birthYear: 1975,
    criminalCodeArticles: '124',
    judgmentInForceOn: '2022-11-01',
    court: 'Демонстрациялық сот (ойдан шығарылған)',
  },
];
