import fs from 'node:fs';
import { anonymousActor, systemActor } from '../platform/usecase.js';
import { publicationsOf, resolveFormPeriod } from '../modules/publishing/index.js';
import {
  noticeText,
  readTable,
  tableJson,
  tableToCsv,
  tableToJsonStat,
  writeTablePdf,
  writeTableXlsx,
} from '../modules/statistics/index.js';
import { UsageError } from './usage-error.js';
import { withRuntime } from './runtime.js';

const FORMATS = ['json', 'csv', 'xlsx', 'pdf', 'json-stat'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `zanstat export <form> <section> <period> [--region r] [--format f] [--lang l] [--out file]
 * [--unpublished]`: the published table, as anyone may download it; with `--unpublished`, the
 * current revisions as the operator sees them before publication. Restricted parts never leave
 * through here.
 */
export async function exportTable(
  args: string[],
  o: { region?: string; format?: string; lang?: string; out?: string; unpublished?: boolean },
): Promise<number> {
  const [form, section, period] = args;
  if (!form || !section || !period)
    throw new UsageError(
      'zanstat export <form> <section> <period> [--region r] [--format json|csv|xlsx|pdf|json-stat] [--lang kk|ru|en] [--out file]',
    );
  const format = (o.format ?? 'csv') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const lang = (o.lang ?? 'kk') as 'kk' | 'ru' | 'en';
  if (!['kk', 'ru', 'en'].includes(lang)) throw new UsageError('--lang must be kk, ru or en');
  if ((format === 'xlsx' || format === 'pdf') && !o.out)
    throw new UsageError(`--out is required for ${format}`);
  const table = await withRuntime(
    async (rt) => {
      if (o.unpublished)
        return readTable(rt.deps, systemActor('cli.export'), { form, section, period, breakdown: o.region });
      const resolved = await resolveFormPeriod(rt.deps.db, form, period);
      const publications = await publicationsOf(
        rt.deps.db,
        resolved.formId,
        resolved.period,
        rt.deps.clock.now(),
      );
      const ids = publications.at(-1)?.revisionIds;
      if (!ids)
        throw new UsageError(
          `${form} ${resolved.period} is not published yet; --unpublished exports the figures received`,
        );
      return readTable(rt.deps, anonymousActor, {
        form,
        section,
        period,
        breakdown: o.region,
        revisions: async (p) => (p === resolved.period ? ids : null),
        earlierRevisions: publications.at(-2)?.revisionIds ?? [],
      });
    },
    { readOnly: true },
  );
  if (format === 'pdf' && table.columns.length > 1)
    throw new UsageError('a PDF is made of one region at a time: give --region');
  const write = (data: string | Buffer) =>
    o.out ? fs.writeFileSync(o.out, data) : process.stdout.write(data);
  switch (format) {
    case 'json':
      write(`${JSON.stringify(tableJson(table, lang), null, 2)}\n`);
      break;
    case 'json-stat':
      write(`${JSON.stringify(tableToJsonStat(table, { lang }), null, 2)}\n`);
      break;
    case 'csv':
      write(tableToCsv(table));
      break;
    case 'xlsx':
      await writeTableXlsx(table, { lang }, fs.createWriteStream(o.out!));
      break;
    case 'pdf':
      write(await writeTablePdf(table, { lang }));
      break;
  }
  if (table.notice) process.stderr.write(`note: ${noticeText(table.notice, lang)}\n`);
  if (o.out) process.stderr.write(`written to ${o.out}\n`);
  return 0;
}
