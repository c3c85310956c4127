// The public statistics API as users hit it: the published 1-М R1 of December 2022 (the real
// figures, 20 regions and the republic) in each format, all regions and one (Almaty city), a
// series, the release calendar (all, and a range of two years); and the staff's request check (the
// requests module has no public check: an editor's token the bench server makes).
import type { HttpRoute, Scenario } from './http/scenario.js';
import { stateBodyRequest } from '../test/support/request-bodies.js';

const TABLE = '/api/v1/forms/1-m/tables/2022-12?section=R1';
// Order 25's published table against plain Node serving the same bytes (issue: ≥ 0.7, p99 ≤ 2×).
const tableGoal = { ratio: 0.7, p99Factor: 2 };

export const published: Scenario = {
  name: 'published',
  routes: ({ tokens }) => {
    const routes: HttpRoute[] = [];
    for (const [format, label] of [
      ['json', 'JSON'],
      ['csv', 'CSV'],
      ['json-stat', 'JSON-stat'],
      ['xlsx', 'XLSX'],
    ] as const) {
      routes.push({
        title: `table 1-М R1, all regions, ${label}`,
        path: `${TABLE}&format=${format}`,
        goal: format === 'json' ? tableGoal : undefined,
      });
      routes.push({
        title: `table 1-М R1, Almaty city, ${label}`,
        path: `${TABLE}&region=75&format=${format}`,
        // the body the goal was set on (131 KB); the all-regions table is client-bound on two cores
        goal: format === 'json' ? tableGoal : undefined,
      });
    }
    routes.push({
      title: 'series: 1-М R1 row 1, Almaty city, 2022',
      path: '/api/v1/forms/1-m/series?section=R1&row=1&graph=1&region=75&from=2022-01&to=2022-12',
    });
    routes.push({ title: 'release calendar', path: '/api/v1/releases' });
    routes.push({
      title: 'release calendar, 2022-01-01 to 2023-12-31',
      path: '/api/v1/releases?from=2022-01-01&to=2023-12-31',
    });
    routes.push({
      title: 'request check (editor token)',
      path: '/api/v1/staff/requests/check',
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.editor}` },
      body: stateBodyRequest({
        information: 'Количество зарегистрированных правонарушений по г. Алматы за 2022 год',
        period: '2022-12',
        indicators: [{ form: '1-m', section: 'R1', rows: ['1'], regions: ['75'] }],
        registeredOn: '2023-03-15',
      }),
    });
    return routes;
  },
};
