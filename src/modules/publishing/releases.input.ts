// A form and period as a user names them (a code, slug or alias; a period in any of its forms):
// resolved to the catalogue's form id and the period's one spelling, or a clear 404 / 422.
import { formatPeriod, periodEnd } from '../calendar/index.js';
import { currentCatalog, findForm, type Form } from '../catalog/index.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors/index.js';
import { parsePeriodAt } from '../statistics/index.js';

export async function resolveFormPeriod(
  db: Queryable,
  code: string,
  periodText: string,
): Promise<{ form: Form; formId: string; period: string }> {
  const period = parsePeriodAt(periodText, '/params/period');
  const { catalog } = await currentCatalog(db);
  const form = findForm(catalog, code, periodEnd(period));
  if (!form) throw notFound(`Form "${code}" in ${periodText}`, 'form_not_found');
  return { form, formId: form.id, period: formatPeriod(period) };
}

export const isLocalDateText = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
