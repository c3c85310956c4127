// The decisions of Order 25, paras 4-9, table by table, with the rules of the built-in catalogue
// in use on each date (before and after 01.07.2021, when the Code replaced Law 221).
import { describe, expect, it } from 'vitest';
import { builtInCatalogDir, loadCatalogDirs, type ApplicantKind } from '../catalog/index.js';
import { decide, type DecisionInput, type IndicatorFinding } from './request.decide.js';
import { requestRulesOn } from './request.rules.js';

const { catalog, problems } = loadCatalogDirs([builtInCatalogDir]);
const BEFORE = '2020-03-10';
const AFTER = '2023-03-10';

const finding = (status: IndicatorFinding['status'], index = 0): IndicatorFinding => ({
  index,
  form: '1-М',
  section: 'R1',
  rows: ['1'],
  graphs: [1],
  regions: ['00'],
  periods: [{ period: '2022-12' }],
  status,
  links: status === 'published' ? ['http://localhost:8080/api/v1/forms/1-m/tables/2022-12?section=R1'] : [],
  withheld: [],
  notAvailable: [],
  demonstration: false,
});

const body = (kind: ApplicantKind, over: Partial<DecisionInput> = {}): DecisionInput => ({
  channel: kind === 'individual' || kind === 'legal-entity' ? 'written-appeal' : 'unified-edms',
  applicant: { kind },
  ...(kind === 'state-body' || kind === 'prosecution-body' ? { signatory: { role: 'head' } } : {}),
  unit: 'crime',
  information: 'Количество зарегистрированных уголовных правонарушений по статье 188 УК РК',
  period: '2022',
  ...over,
});

const run = (
  on: string,
  input: DecisionInput,
  findings: IndicatorFinding[] = [finding('available')],
  right = false,
) => decide(requestRulesOn(catalog, on), input, findings, right);

it('reads the built-in catalogue with no problem', () => expect(problems).toEqual([]));

describe('para 7: the channel decides first', () => {
  const kinds: ApplicantKind[] = ['state-body', 'prosecution-body', 'individual', 'legal-entity'];
  // channel × applicant kind → outcome and ground
  const table: [string, ApplicantKind, string, string][] = [];
  for (const kind of kinds) {
    const body_ = kind === 'individual' || kind === 'legal-entity';
    table.push([
      'unified-edms',
      kind,
      body_ ? 'not-accepted' : 'accepted',
      body_ ? 'wrong-channel-for-applicant' : 'within-available-indicators',
    ]);
    table.push([
      'kadagalau',
      kind,
      body_ ? 'not-accepted' : 'accepted',
      body_ ? 'wrong-channel-for-applicant' : 'within-available-indicators',
    ]);
    table.push([
      'written-appeal',
      kind,
      body_ ? 'accepted' : 'not-accepted',
      body_ ? 'within-available-indicators' : 'wrong-channel-for-applicant',
    ]);
    table.push(['oral', kind, 'left-without-consideration', 'oral']);
    table.push(['telephone', kind, 'left-without-consideration', 'oral']);
    for (const other of ['email', 'messenger', 'social-network', 'other', 'fax'])
      table.push([other, kind, 'left-without-consideration', 'other-channel']);
  }
  for (const on of [BEFORE, AFTER]) {
    it.each(table)(`on ${on}: %s from a %s → %s (%s)`, (channel, kind, outcome, ground) => {
      const d = run(on, body(kind, { channel }));
      expect(d.outcome).toBe(outcome);
      expect(d.ground.id).toBe(ground);
      expect(d.ground.clause).toMatch(/^o25\.i\.p/);
      if (outcome !== 'accepted') expect(d.checks.at(-1)).toEqual({ check: 'channel', met: false });
    });
  }

  it('tells an applicant on the wrong channel which channels are theirs', () => {
    const d = run(AFTER, body('individual', { channel: 'unified-edms' }));
    expect(d.channelsForApplicant).toEqual(['written-appeal']);
    expect(d.ground.basis).toBe('inferred');
  });

  it('cites Law 510, art. 9 for the grounds of para 7', () => {
    const d = run(AFTER, body('state-body', { channel: 'messenger' }));
    expect(d.ground).toMatchObject({
      clause: 'o25.i.p7.3',
      legalBasis: { act: 'law-510-2003', article: '9' },
    });
  });
});

describe("para 6: who signs a body's request", () => {
  const table: [ApplicantKind, string | undefined, string][] = [
    ['state-body', 'head', 'accepted'],
    ['state-body', 'acting-head', 'accepted'],
    ['state-body', 'authorised-official', 'accepted'],
    ['state-body', 'other', 'not-accepted'],
    ['state-body', undefined, 'not-accepted'],
    ['prosecution-body', 'head', 'accepted'],
    ['prosecution-body', 'other', 'not-accepted'],
    ['individual', undefined, 'accepted'],
    ['legal-entity', undefined, 'accepted'],
    ['legal-entity', 'other', 'accepted'],
  ];
  it.each(table)('a %s signed by %s → %s', (kind, role, outcome) => {
    const d = run(AFTER, body(kind, { signatory: role ? { role } : undefined }));
    expect(d.outcome).toBe(outcome);
    if (outcome === 'not-accepted') {
      expect(d.ground).toMatchObject({
        id: 'signatory-without-authority',
        clause: 'o25.i.p6',
        basis: 'inferred',
      });
      expect(d.checks.map((c) => c.check)).toEqual(['channel', 'signatory']);
    }
  });

  it('checks the channel before the signatory', () => {
    const d = run(AFTER, body('state-body', { channel: 'oral', signatory: { role: 'other' } }));
    expect(d.ground.id).toBe('oral');
  });
});

describe('para 8: the unit, the information and the period', () => {
  const table: [Partial<DecisionInput>, string[]][] = [
    [{ unit: undefined }, ['unit']],
    [{ unit: 'victim' }, ['unit']],
    [{ information: '   ' }, ['information']],
    [{ period: undefined }, ['period']],
    [{ unit: undefined, period: undefined }, ['unit', 'period']],
    [{ unit: undefined, information: undefined, period: undefined }, ['unit', 'information', 'period']],
  ];
  for (const kind of ['state-body', 'individual'] as ApplicantKind[])
    it.each(table)(`a ${kind}'s request %j is incomplete for %j`, (over, missing) => {
      const d = run(BEFORE, body(kind, over));
      expect(d.outcome).toBe('incomplete');
      expect(d.ground).toMatchObject({ id: 'content-missing', clause: 'o25.i.p8', basis: 'inferred' });
      expect(d.missing).toEqual(missing);
    });

  it('takes indicators named in structured form for the information stated', () => {
    expect(run(AFTER, body('state-body', { information: undefined, indicatorsNamed: true })).outcome).toBe(
      'accepted',
    );
  });

  it.each(['crime', 'offence', 'criminal-case', 'person'])('accepts the unit %s', (unit) => {
    expect(run(AFTER, body('state-body', { unit })).outcome).toBe('accepted');
  });

  it('checks the signatory before the content', () => {
    const d = run(AFTER, body('state-body', { signatory: { role: 'other' }, unit: undefined }));
    expect(d.ground.id).toBe('signatory-without-authority');
  });
});

describe('paras 7 and 9: copies (screenshots) of documents', () => {
  const copies: string[] = [
    'Прошу предоставить копии карточек формы 1.0 по уголовному делу № 123',
    'Прошу выдать копию постановления о возбуждении уголовного дела',
    'Направьте скриншот записи ЕРДР',
    'Прошу предоставить ксерокопии документов первичного учета',
    'Қылмыстық істің құжаттарының көшірмелерін беруіңізді сұраймын',
    'бастапқы есепке алу нысанының көшірмесін жіберіңіз',
    'ЕРДР жазбасының скриншотын жіберіңіз',
    'Please send copies of the primary accounting documents for case 42',
    'Please provide a screenshot of the register entry',
  ];
  it.each(copies)('recognises «%s»', (information) => {
    const d = run(AFTER, body('state-body', { information }));
    expect(d.outcome).toBe('left-without-consideration');
    expect(d.ground).toMatchObject({ id: 'copies-of-documents', clause: 'o25.i.p7.3' });
    expect(d.copies?.by).toBe('text');
  });

  const notCopies: string[] = [
    'Количество зарегистрированных уголовных правонарушений нарастающим итогом за 2022 год',
    'Сведения о количестве уголовных дел, направленных в суд, по материалам проверок',
    'Число лиц, осужденных по статье 190 УК',
    '2022 жылы тіркелген қылмыстық құқық бұзушылықтар саны',
    'The number of crimes registered in 2022 by region',
    'Копилка сведений не нужна: только число преступлений',
  ];
  it.each(notCopies)('does not take «%s» for a request for copies', (information) => {
    expect(run(AFTER, body('state-body', { information })).outcome).toBe('accepted');
  });

  it.each(['information-accounting-document', 'document', 'primary-accounting-form', 'screenshot'])(
    'recognises the structured copiesOf %s',
    (kind) => {
      const d = run(AFTER, body('individual', { copiesOf: [kind] }));
      expect(d.ground.id).toBe('copies-of-documents');
      expect(d.copies).toEqual({ by: 'field', words: [kind] });
    },
  );

  it('checks the content before the copies', () => {
    const d = run(AFTER, body('state-body', { information: 'скриншот', period: undefined }));
    expect(d.outcome).toBe('incomplete');
  });
});

describe('para 7: what is already published is answered with its link', () => {
  it('leaves a request whose every indicator is published without consideration, with the links', () => {
    const d = run(AFTER, body('legal-entity'), [finding('published'), finding('published', 1)]);
    expect(d.outcome).toBe('left-without-consideration');
    expect(d.ground).toMatchObject({ id: 'publicly-available', clause: 'o25.i.p7.3' });
    expect(d.links).toEqual(['http://localhost:8080/api/v1/forms/1-m/tables/2022-12?section=R1']);
  });

  it('checks the copies before what is published', () => {
    const d = run(AFTER, body('legal-entity', { copiesOf: ['document'] }), [finding('published')]);
    expect(d.ground.id).toBe('copies-of-documents');
  });

  // findings → answer (para 5)
  const table: [IndicatorFinding['status'][], string, string][] = [
    [['published', 'available'], 'accepted', 'table-from-indicators'],
    [['available'], 'accepted', 'table-from-indicators'],
    [['published', 'partial'], 'accepted', 'partial'],
    [['published', 'not-available'], 'accepted', 'partial'],
    [['not-available'], 'accepted', 'indicator-not-available'],
    [[], 'accepted', 'indicator-not-available'],
  ];
  it.each(table)('indicators %j → %s, answered %s, free of charge', (statuses, outcome, answer) => {
    const d = run(
      BEFORE,
      body('state-body'),
      statuses.map((s, i) => finding(s, i)),
    );
    expect(d.outcome).toBe(outcome);
    expect(d.fee).toBe(0);
    expect(d.answer?.kind).toBe(answer);
    expect(d.ground).toMatchObject({ id: 'within-available-indicators', clause: 'o25.i.p5' });
    expect(d.checks.every((c) => c.met)).toBe(true);
  });
});
