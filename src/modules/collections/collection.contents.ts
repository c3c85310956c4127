// What a collection holds for a quarter: each form of its catalogue contents with the period the
// form gives (Order 25, para 12: the collections are quarterly). Pure: the catalogue is passed in.
import { formatPeriod, parsePeriod, periodEnd, type Period } from '../calendar/index.js';
import {
  findForm,
  inUseOn,
  type Catalog,
  type Collection,
  type CollectionContent,
  type Form,
} from '../catalog/index.js';

export interface PlannedInput {
  content: CollectionContent;
  form: Form;
  /** the period read from the form: the quarter, or January to the quarter's end */
  period: string;
}

export interface CollectionPlan {
  collection: Collection;
  quarter: string;
  inputs: PlannedInput[];
  /** why a content cannot be read for the quarter (a form not in force, a monthly form not cumulative) */
  problems: string[];
}

/** Parses a quarter `YYYY-Qn`; anything else is `null`. */
export function parseQuarter(text: string): Period | null {
  try {
    const period = parsePeriod(text);
    return period.periodicity === 'quarterly' ? period : null;
  } catch {
    return null;
  }
}

/**
 * The period a form gives for the quarter. A quarterly form: the quarter itself (for a form
 * cumulative from January, `YYYY-Qn` already means January to the quarter's end). A monthly form
 * cumulative from January: the quarter's last month, which covers January to the quarter's end.
 * A monthly form that is not cumulative has no one period for the quarter: `null`.
 */
export function periodForQuarter(
  form: Pick<Form, 'periodicity' | 'cumulative'>,
  quarter: Period,
): string | null {
  if (quarter.periodicity !== 'quarterly') return null;
  if (form.periodicity === 'quarterly') return formatPeriod(quarter);
  if (form.periodicity === 'monthly' && form.cumulative)
    return formatPeriod({ periodicity: 'monthly', year: quarter.year, month: quarter.quarter * 3 });
  return null;
}

export function planCollection(
  catalog: Catalog,
  collection: Collection,
  quarterText: string,
): CollectionPlan {
  const quarter = parseQuarter(quarterText);
  if (!quarter) throw new Error(`'${quarterText}' is not a quarter (YYYY-Qn)`);
  const on = periodEnd(quarter);
  const inputs: PlannedInput[] = [];
  const problems: string[] = [];
  for (const content of collection.contents ?? []) {
    const form = findForm(catalog, content.form, on);
    if (!form) {
      problems.push(`form ${content.form} is not in use on ${on}`);
      continue;
    }
    const period = periodForQuarter(form, quarter);
    if (!period) {
      problems.push(
        `form ${form.code ?? form.id} is ${form.periodicity} and not cumulative: no one period covers ${quarterText}`,
      );
      continue;
    }
    inputs.push({ content, form, period });
  }
  if (!collection.contents?.length) problems.push(`the catalogue does not say what ${collection.id} holds`);
  return { collection, quarter: quarterText, inputs, problems };
}

/**
 * The collections in use on the quarter's last day (Order 25, para 11, Appendix 1; an act repealed
 * with no replacement loaded stays in use, catalog `inUseOn`).
 */
export function collectionsForQuarter(catalog: Catalog, quarterText: string): Collection[] {
  const quarter = parseQuarter(quarterText);
  if (!quarter) return [];
  const on = periodEnd(quarter);
  return inUseOn(catalog, catalog.collections, on).sort((a, b) => a.row - b.row);
}
