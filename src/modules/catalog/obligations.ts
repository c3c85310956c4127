import {
  addDays,
  dueDate,
  formatPeriod,
  localDate,
  type LocalDate,
  parsePeriod,
  type Period,
  type Periodicity,
  PERIODICITIES,
  periodEnd,
  periodsBetween,
  type WorkingCalendar,
} from '../calendar/index.js';
import type { Catalog } from './catalog.kinds.js';
import type { Form } from './form.schema.js';
import { findFormVersions } from './form-lookup.js';
import { inUseOn, obligationsInUseOn } from './validity.js';

// Every obligation of the catalogue (a form on the information service and on the open-data
// portal, a register dataset on the portal, a collection to the state bodies) for each of its
// periods, with the due date and the legal basis. Pure: the catalogue and the calendar are passed
// in; nothing reads the clock.

export type ObligationItemKind = 'form' | 'dataset' | 'collection';

/** What an obligation is about, in the three languages. */
export type ObligationTitles = Form['titles'];

/** One obligation for one period: what is due, through which channel, by when, and on what basis. */
export interface ObligationDue {
  /**
   * A form's code as the act writes it, normalised (`1-М`, `ЖКО-1`), or its slug where the act
   * gives it no code (`prosecutor-supervision`); a dataset's or a collection's id.
   */
  readonly item: string;
  readonly itemKind: ObligationItemKind;
  /** The catalogue id of the item (a form's id is its ASCII slug): stable, for URLs and UIDs. */
  readonly itemId: string;
  /** `2024-03`, `2024-Q1`, `2024-H1` or `2024`. */
  readonly period: string;
  readonly periodicity: Periodicity;
  /** A channel of provision of Order 25, para 3 (`information-service`, `open-data-portal`, …). */
  readonly channel: string;
  /** The day the act names, before the non-working-day rule. */
  readonly nominal: LocalDate;
  /** The deadline: `nominal`, or the next working day after it (Order 25, para 13). */
  readonly due: LocalDate;
  readonly rolled: boolean;
  /** The due date's year has no government decree loaded: the date may still move. */
  readonly provisional: boolean;
  /** The act and its clause that lay the obligation down. */
  readonly act: string;
  readonly clause: string;
  /** A form's open-data-portal obligation: the dataset of Order 84 made from the report. */
  readonly dataset?: string;
  readonly title: ObligationTitles;
}

/**
 * Stable codes for bad input to the obligation queries. They carry no HTTP status: the platform's
 * one error mapper turns them into `application/problem+json` (a 422 naming `parameter`).
 * Malformed or impossible periods and dates are the calendar's own `CalendarInputError`
 * (`invalid_period`, `invalid_date`).
 */
export type ObligationInputErrorCode =
  'unknown_item' | 'unknown_channel' | 'invalid_range' | 'range_too_long' | 'period_mismatch';

export class ObligationInputError extends Error {
  override readonly name = 'ObligationInputError';

  constructor(
    readonly code: ObligationInputErrorCode,
    /** The query parameter at fault: `item`, `channel`, `from`, `to` or `period`. */
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ListObligationsQuery {
  /** First due date listed, inclusive. */
  readonly from: LocalDate;
  /** Last due date listed, inclusive; at most ten years after `from`. */
  readonly to: LocalDate;
  /** A form's code, slug or alias, a dataset's id or a collection's id. */
  readonly item?: string;
  /** A channel id of para 3. */
  readonly channel?: string;
}

/** The longest range `listObligations` answers, in years. */
export const MAX_OBLIGATION_RANGE_YEARS = 10;

// Order 84 is the list of open data placed on the open-data portal: every obligation of one of its
// datasets goes through that channel.
const OPEN_DATA_PORTAL = 'open-data-portal';

// The acts put the deadline in the month after the period (≤ 31 days after its end), and the
// non-working-day rule moves it by days, not weeks (the calendar gives up after a 60-day run). So
// every period whose deadline can fall on or after `from` ends within this many days before it.
const LOOKBACK_DAYS = 100;
const EARLIEST_DATE = localDate('1900-01-01');

/** An obligation as the catalogue states it, before it is applied to a period. */
interface ObligationRule {
  readonly item: string;
  readonly itemKind: ObligationItemKind;
  readonly itemId: string;
  readonly periodicity: Periodicity;
  readonly dueDay: number;
  readonly channel: string;
  readonly act: string;
  readonly clause: string;
  readonly dataset?: string;
  readonly title: ObligationTitles;
}

/** The item a query names, resolved to its catalogue id. */
interface ItemSelector {
  readonly kind: ObligationItemKind;
  readonly id: string;
}

function isPeriodicity(value: string): value is Periodicity {
  return (PERIODICITIES as readonly string[]).includes(value);
}

/**
 * Every obligation rule in use on `day`. An obligation for a period uses the acts in force on the
 * day after the period ends (issue 3): so a list whose act was repealed with no replacement
 * loaded stays in use, and a replacing act changes the lists from its validFrom (`inUseOn`).
 */
function rulesInUseOn(catalog: Catalog, day: LocalDate): ObligationRule[] {
  const rules: ObligationRule[] = [];
  // Order 25, para 14 and Appendix 2: each report on the information service by its day of the
  // month after the period; and Order 84: the dataset made from the report on the open-data portal
  // by the 20th, with the dataset's own update period (1-ТӨ: monthly, quarterly on the portal).
  for (const form of inUseOn(catalog, catalog.forms, day)) {
    for (const obligation of obligationsInUseOn(catalog, form, day)) {
      rules.push({
        item: form.code ?? form.slug,
        itemKind: 'form',
        itemId: form.id,
        periodicity: obligation.period,
        dueDay: obligation.dueDay,
        channel: obligation.channel,
        act: obligation.act,
        clause: obligation.clause,
        ...(obligation.dataset === undefined ? {} : { dataset: obligation.dataset }),
        title: form.titles,
      });
    }
  }
  // Order 84: the datasets made from a report are already due through that report's
  // open-data-portal obligation above (with the act and clause of Order 84), so listing them here
  // again would count each twice. Only the datasets made from something else (the registers, the
  // structure of the prosecution bodies) are obligations of their own, and only those updated by
  // period with a deadline: "as information arrives" and "permanent" have no due date.
  for (const dataset of inUseOn(catalog, catalog.datasets, day)) {
    if (dataset.madeFrom.kind === 'form') continue;
    if (dataset.dueDay === null || !isPeriodicity(dataset.updatePeriod)) continue;
    rules.push({
      item: dataset.id,
      itemKind: 'dataset',
      itemId: dataset.id,
      periodicity: dataset.updatePeriod,
      dueDay: dataset.dueDay,
      channel: OPEN_DATA_PORTAL,
      act: dataset.act,
      clause: dataset.clause,
      title: dataset.titles,
    });
  }
  // Order 25, paras 11–13 and Appendix 1: each collection to its recipients quarterly, by the
  // 14th of the month after the quarter (the catalogue's obligations say so).
  for (const collection of inUseOn(catalog, catalog.collections, day)) {
    for (const obligation of obligationsInUseOn(catalog, collection, day)) {
      rules.push({
        item: collection.id,
        itemKind: 'collection',
        itemId: collection.id,
        periodicity: obligation.period,
        dueDay: obligation.dueDay,
        channel: obligation.channel,
        act: obligation.act,
        clause: obligation.clause,
        title: collection.titles,
      });
    }
  }
  return rules;
}

/** Resolves a query's `item`: a form by code, slug or alias (any version), a dataset, a collection. */
function resolveItem(catalog: Catalog, query: string): ItemSelector {
  // Any version at any date: a range can span a replacing act, and "not in force then" is an
  // empty answer, not an unknown item.
  const form = findFormVersions(catalog, query)[0];
  if (form) return { kind: 'form', id: form.id };
  const id = query.trim();
  if (catalog.datasets.some((dataset) => dataset.id === id)) return { kind: 'dataset', id };
  if (catalog.collections.some((collection) => collection.id === id)) return { kind: 'collection', id };
  throw new ObligationInputError(
    'unknown_item',
    'item',
    `'${query}' is not a form (code, slug or alias), a dataset or a collection of the catalogue`,
  );
}

function checkChannel(catalog: Catalog, channel: string): void {
  if (!catalog.channels.some((candidate) => candidate.id === channel)) {
    throw new ObligationInputError(
      'unknown_channel',
      'channel',
      `'${channel}' is not a channel of the catalogue: ${[...new Set(catalog.channels.map((c) => c.id))].join(', ')}`,
    );
  }
}

/**
 * Whether a rule belongs to the selected item. A dataset made from a form is due through that
 * form's portal obligation, so selecting the dataset selects that obligation.
 */
function selects(selector: ItemSelector | undefined, rule: ObligationRule): boolean {
  if (selector === undefined) return true;
  if (rule.itemKind === selector.kind && rule.itemId === selector.id) return true;
  return selector.kind === 'dataset' && rule.dataset === selector.id;
}

/** The day after the period ends: the day whose acts govern the obligation for it. */
function governingDay(period: Period): LocalDate {
  return addDays(periodEnd(period), 1);
}

function applyRule(calendar: WorkingCalendar, rule: ObligationRule, period: Period): ObligationDue {
  // Order 25, para 13: a term that ends on a non-working day ends on the next working day
  // (applied to every channel: catalog/channels.yaml, nonWorkingDayRule).
  const deadline = dueDate(calendar, { dueDay: rule.dueDay }, period);
  return {
    item: rule.item,
    itemKind: rule.itemKind,
    itemId: rule.itemId,
    period: formatPeriod(period),
    periodicity: period.periodicity,
    channel: rule.channel,
    nominal: deadline.nominal,
    due: deadline.due,
    rolled: deadline.rolled,
    provisional: deadline.provisional,
    act: rule.act,
    clause: rule.clause,
    ...(rule.dataset === undefined ? {} : { dataset: rule.dataset }),
    title: rule.title,
  };
}

/** By due date, then item, then period and channel, so that the order is total. */
function compareObligations(a: ObligationDue, b: ObligationDue): number {
  for (const key of ['due', 'item', 'period', 'channel'] as const) {
    if (a[key] < b[key]) return -1;
    if (a[key] > b[key]) return 1;
  }
  return 0;
}

/** The same day `years` later (29 February becomes 28 February in a common year). */
function sameDayYearsLater(date: LocalDate, years: number): LocalDate {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return localDate(`${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`);
}

function checkRange(from: LocalDate, to: LocalDate): void {
  if (from > to) {
    throw new ObligationInputError('invalid_range', 'from', `'from' ${from} is after 'to' ${to}`);
  }
  const limit = sameDayYearsLater(from, MAX_OBLIGATION_RANGE_YEARS);
  if (to > limit) {
    throw new ObligationInputError(
      'range_too_long',
      'to',
      `the range ${from}..${to} is longer than ${MAX_OBLIGATION_RANGE_YEARS} years: 'to' can be ${limit} at the latest`,
    );
  }
}

/**
 * Every (obligation, period) whose due date falls in `from`..`to` (inclusive), sorted by due date
 * then item. Throws `ObligationInputError` for an unknown item or channel, `from` after `to`, or a
 * range over ten years.
 */
export function listObligations(
  catalog: Catalog,
  calendar: WorkingCalendar,
  query: ListObligationsQuery,
): ObligationDue[] {
  const { from, to } = query;
  checkRange(from, to);
  const selector = query.item === undefined ? undefined : resolveItem(catalog, query.item);
  if (query.channel !== undefined) checkChannel(catalog, query.channel);

  // Periods of different periodicities end on the same days (March, Q1 and H1 all end on
  // 31 March): the rules in use are computed once per governing day.
  const rulesByDay = new Map<LocalDate, ObligationRule[]>();
  const rulesOn = (day: LocalDate) => {
    let rules = rulesByDay.get(day);
    if (!rules) {
      rules = rulesInUseOn(catalog, day).filter(
        (rule) => selects(selector, rule) && (query.channel === undefined || rule.channel === query.channel),
      );
      rulesByDay.set(day, rules);
    }
    return rules;
  };

  const start = from > addDays(EARLIEST_DATE, LOOKBACK_DAYS) ? addDays(from, -LOOKBACK_DAYS) : EARLIEST_DATE;
  const found: ObligationDue[] = [];
  for (const periodicity of PERIODICITIES) {
    for (const period of periodsBetween(start, to, periodicity)) {
      if (periodEnd(period) >= to) continue; // due after the period ends, so after `to`
      for (const rule of rulesOn(governingDay(period))) {
        if (rule.periodicity !== periodicity) continue;
        const obligation = applyRule(calendar, rule, period);
        if (obligation.due >= from && obligation.due <= to) found.push(obligation);
      }
    }
  }
  return found.sort(compareObligations);
}

/**
 * The obligations of one item for one period (`zanstat due 1-М 2024-03`): every channel, or only
 * `channel`. Empty when nothing of the item was in use for that period (before the acts came into
 * force). Throws `period_mismatch` when the item's obligations then have another periodicity, and
 * the calendar's `invalid_period` for a malformed or impossible period.
 */
export function dueOf(
  catalog: Catalog,
  calendar: WorkingCalendar,
  item: string,
  periodText: string,
  channel?: string,
): ObligationDue[] {
  const selector = resolveItem(catalog, item);
  if (channel !== undefined) checkChannel(catalog, channel);
  const period = parsePeriod(periodText);
  const rules = rulesInUseOn(catalog, governingDay(period)).filter(
    (rule) => selects(selector, rule) && (channel === undefined || rule.channel === channel),
  );
  const matching = rules.filter((rule) => rule.periodicity === period.periodicity);
  if (matching.length === 0 && rules.length > 0) {
    const expected = [...new Set(rules.map((rule) => rule.periodicity))];
    const channels = (periodicity: Periodicity) => [
      ...new Set(rules.filter((rule) => rule.periodicity === periodicity).map((rule) => rule.channel)),
    ];
    const described = expected.map(
      (periodicity) => `${periodicity} on ${channels(periodicity).join(' and ')}`,
    );
    throw new ObligationInputError(
      'period_mismatch',
      'period',
      `'${periodText}' is a ${period.periodicity} period, but ${rules[0]?.item ?? item} is due ` +
        `${described.join(', ')}: write a ${expected.join(' or a ')} period`,
    );
  }
  return matching.map((rule) => applyRule(calendar, rule, period)).sort(compareObligations);
}
