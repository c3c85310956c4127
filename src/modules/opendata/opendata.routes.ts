// The deadline watch on the API (`/api/v1/datasets/deadlines`) and in /metrics: each open dataset's
// next due date, last update and whether it is late (Order 84: by the 20th of the month after the
// period; the lists "as the information arrives" have no due date).
import { Type } from '@sinclair/typebox';
import client from 'prom-client';
import type { Config } from '../../platform/config.js';
import { schemas, type HttpApp } from '../../platform/http/index.js';
import { everyone, query, type Deps } from '../../platform/usecase.js';
import { catalogView } from './ckan/catalog-view.js';
import type { DatasetDeadline } from './opendata.deadlines.js';

const { problems } = schemas;

export const DeadlineSchema = Type.Object(
  {
    dataset: Type.String({ description: "the dataset's id (its CKAN name)" }),
    rule: Type.Union([Type.Literal('by-period'), Type.Literal('on-arrival'), Type.Literal('permanent')], {
      description: 'by-period: due by a day after each period; on-arrival and permanent: no due date',
    }),
    nextDue: Type.Union([
      Type.Object({
        period: Type.String(),
        due: Type.String({ format: 'date', description: 'on the working-day calendar' }),
        provisional: Type.Boolean({ description: "the year's calendar has no decree loaded yet" }),
      }),
      Type.Null(),
    ]),
    lastUpdate: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    late: Type.Boolean(),
    overdue: Type.Array(Type.Object({ period: Type.String(), due: Type.String({ format: 'date' }) })),
  },
  { additionalProperties: false },
);

export const presentDeadline = (d: DatasetDeadline) => ({
  ...d,
  lastUpdate: d.lastUpdate ? d.lastUpdate.toISOString() : null,
});

/** The deadline watch of every dataset in use today. */
export const readDeadlines = query({
  name: 'read the deadline watch of the open datasets',
  policy: everyone,
  run: async ({ deps }, input: { baseUrl: string; lateFromPeriod: string | null }) => {
    const view = await catalogView(deps, input.baseUrl, input.lateFromPeriod);
    return view.datasets.map((d) => view.deadlines!.get(d.id)!);
  },
});

export function registerOpenDataRoutes(app: HttpApp, deps: Deps, config: Config, metrics: client.Registry) {
  const input = { baseUrl: config.publicBaseUrl.replace(/\/$/, ''), lateFromPeriod: config.lateFromPeriod };
  app.get(
    '/api/v1/datasets/deadlines',
    {
      schema: {
        tags: ['open data'],
        summary: "Each open dataset's next due date, last update and whether it is late (Order 84)",
        response: {
          200: Type.Object({ on: Type.String({ format: 'date' }), datasets: Type.Array(DeadlineSchema) }),
          ...problems(400),
        },
      },
    },
    async (req) => {
      const list = await readDeadlines(deps, req.actor, input);
      const view = await catalogView(deps, input.baseUrl, input.lateFromPeriod);
      return { on: view.on, datasets: list.map(presentDeadline) };
    },
  );

  // The datasets late today, for the operators' alerts (read when scraped).
  new client.Gauge({
    name: 'zanstat_open_datasets_late',
    help: 'Open datasets of Order 84 with a period past its due date and not yet published',
    registers: [metrics],
    async collect() {
      const view = await catalogView(deps, input.baseUrl, input.lateFromPeriod);
      this.set([...(view.deadlines?.values() ?? [])].filter((d) => d.late).length);
    },
  });
}
