// The portal as people read it: the home page and the report page of the published 1-М R1 of
// December 2022 in each language, as HTML with compression (a browser's Accept-Encoding) and
// without.
import type { HttpRoute, Scenario } from './http/scenario.js';

const BROWSER = 'gzip, deflate, br';

export const portal: Scenario = {
  name: 'portal',
  routes: () => {
    const routes: HttpRoute[] = [];
    for (const lang of ['kk', 'ru', 'en'] as const) {
      for (const [encoding, how] of [
        [BROWSER, 'compressed'],
        [null, 'uncompressed'],
      ] as const) {
        const headers = encoding ? { 'accept-encoding': encoding } : undefined;
        routes.push({ title: `home page /${lang}/, ${how}`, path: `/${lang}/`, headers });
        routes.push({
          title: `report page 1-М R1 /${lang}/, ${how}`,
          path: `/${lang}/forms/1-m?period=2022-12&section=R1`,
          headers,
          // the report page against plain Node serving the same bytes (issue: ≥ 0.5, p99 ≤ 2×)
          goal: { ratio: 0.5, p99Factor: 2 },
        });
      }
    }
    return routes;
  },
};
