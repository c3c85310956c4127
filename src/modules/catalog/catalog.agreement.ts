import type { CheckContext } from './catalog.problem.js';
import { formLookupKey, formLookupNames, normaliseFormCode } from './form-lookup.js';

// The agreement of the lists with each other and with the acts' rules, beyond references: one
// name per form, a portal obligation that is its dataset, names of a region without gaps.

export function checkForms({ catalog, report, placeOf }: CheckContext): void {
  // Order 25, Appendix 2 (with forms.csv): a code, slug, printed code or alias names one form only.
  const owners = new Map<string, { id: string; entry: object }>();
  for (const form of catalog.forms) {
    if (form.code !== null && form.code !== normaliseFormCode(form.code)) {
      report(
        'forms',
        form,
        '/code',
        'invalid_value',
        `code "${form.code}" is not normalised; write "${normaliseFormCode(form.code)}"`,
      );
    }
    for (const { kind, name } of formLookupNames(form)) {
      const key = formLookupKey(name);
      const owner = owners.get(key);
      if (owner && owner.id !== form.id) {
        const where =
          kind === 'alias'
            ? `/aliasesRu/${form.aliasesRu.findIndex((alias) => alias.alias === name)}/alias`
            : `/${kind === 'printed-code' ? 'codePrinted' : kind}`;
        report(
          'forms',
          form,
          where,
          'duplicate_code',
          `"${name}" already names form "${owner.id}" at ${placeOf('forms', owner.entry)}`,
        );
      } else if (!owner) {
        owners.set(key, { id: form.id, entry: form });
      }
    }
    form.obligations.forEach((obligation, index) => {
      const at = `/obligations/${index}`;
      if (obligation.channel === 'information-service' && obligation.period !== form.periodicity) {
        report(
          'forms',
          form,
          `${at}/period`,
          'inconsistent',
          `the information-service period ${obligation.period} differs from the form's periodicity ${form.periodicity}`,
        );
      }
      if (obligation.channel !== 'open-data-portal') return;
      // Order 84: the portal obligation is the dataset made from this report, with its own period.
      if (obligation.dataset === undefined) {
        report('forms', form, at, 'missing_key', 'an open-data-portal obligation names its dataset');
        return;
      }
      const versions = catalog.datasets.filter((dataset) => dataset.id === obligation.dataset);
      if (versions.length === 0) return;
      if (
        !versions.some((dataset) => dataset.madeFrom.kind === 'form' && dataset.madeFrom.form === form.id)
      ) {
        report(
          'forms',
          form,
          `${at}/dataset`,
          'inconsistent',
          `dataset "${obligation.dataset}" is not made from form "${form.id}"`,
        );
      } else if (!versions.some((dataset) => dataset.updatePeriod === obligation.period)) {
        report(
          'forms',
          form,
          `${at}/period`,
          'inconsistent',
          `dataset "${obligation.dataset}" is updated ${versions[0]!.updatePeriod}, not ${obligation.period}`,
        );
      } else if (!versions.some((dataset) => dataset.dueDay === obligation.dueDay)) {
        report(
          'forms',
          form,
          `${at}/dueDay`,
          'inconsistent',
          `dataset "${obligation.dataset}" is due on day ${String(versions[0]!.dueDay)}, not ${obligation.dueDay}`,
        );
      }
    });
  }
}

export function checkDatasets({ catalog, report }: CheckContext): void {
  for (const dataset of catalog.datasets) {
    const periodic = dataset.updatePeriod !== 'on-arrival' && dataset.updatePeriod !== 'permanent';
    if (periodic !== (dataset.dueDay !== null)) {
      report(
        'datasets',
        dataset,
        '/dueDay',
        'inconsistent',
        periodic
          ? `a ${dataset.updatePeriod} dataset needs a dueDay`
          : `a dataset updated ${dataset.updatePeriod} has dueDay null`,
      );
    }
    const madeFrom = dataset.madeFrom;
    if (madeFrom.kind !== 'form') continue;
    const forms = catalog.forms.filter((form) => form.id === madeFrom.form);
    if (
      forms.length > 0 &&
      !forms.some((form) => form.obligations.some((obligation) => obligation.dataset === dataset.id))
    ) {
      report(
        'datasets',
        dataset,
        '/madeFrom/form',
        'inconsistent',
        `form "${madeFrom.form}" has no open-data-portal obligation naming dataset "${dataset.id}"`,
      );
    }
  }
}

export function checkCollections({ catalog, report }: CheckContext): void {
  for (const collection of catalog.collections) {
    collection.recipients.forEach((recipient, index) => {
      const organisations = catalog.organisations.filter(
        (organisation) => organisation.id === recipient.recipient,
      );
      if (
        organisations.length > 0 &&
        !organisations.some((organisation) => organisation.status === recipient.status)
      ) {
        report(
          'collections',
          collection,
          `/recipients/${index}/status`,
          'inconsistent',
          `recipient "${recipient.recipient}" is ${organisations[0]!.status} in organisations`,
        );
      }
    });
  }
}

// The names of a region cover its whole life, one after another, without gaps or overlaps.
export function checkRegions({ catalog, report }: CheckContext): void {
  for (const region of catalog.regions) {
    const names = region.names;
    const first = names[0];
    if (first && first.validFrom !== region.validFrom) {
      report(
        'regions',
        region,
        '/names/0/validFrom',
        'invalid_range',
        `the first name starts ${first.validFrom}, the region ${region.validFrom}`,
      );
    }
    for (let index = 1; index < names.length; index++) {
      const [previous, next] = [names[index - 1]!, names[index]!];
      const expected = previous.validUntil === null ? undefined : nextDay(previous.validUntil);
      if (expected !== next.validFrom) {
        const code =
          expected === undefined || next.validFrom < expected ? 'overlapping_validity' : 'invalid_range';
        report(
          'regions',
          region,
          `/names/${index}/validFrom`,
          code,
          `a name must start the day after the previous one ends (${previous.validUntil ?? 'open-ended'})`,
        );
      }
    }
    const last = names[names.length - 1];
    if (last && last.validUntil !== region.validUntil) {
      report(
        'regions',
        region,
        `/names/${names.length - 1}/validUntil`,
        'invalid_range',
        `the last name ends ${last.validUntil ?? 'open-ended'}, the region ${region.validUntil ?? 'open-ended'}`,
      );
    }
  }
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
