import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/test-app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('service routes', () => {
  it('healthz, readyz and metrics answer', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
    await t.app.inject('/healthz');
    const metrics = await t.app.inject('/metrics');
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toMatch(
      /zanstat_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
  });

  it('sets security headers and a request id on every answer', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('compresses large answers', async () => {
    const res = await t.app.inject({ url: '/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('serves the docs page', async () => {
    const res = await t.app.inject('/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('OpenAPI', () => {
  it('is 3.1, has its security schemes, covers every route, and passes redocly lint', async () => {
    const doc = (await t.app.inject('/openapi.json')).json() as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    // Every route the app serves (but the docs' own assets) is in the document.
    const served = t.app.servedRoutes.filter((r) => !r.hidden);
    expect(served.length).toBeGreaterThan(8);
    for (const r of served) {
      const p = r.url.replace(/:(\w+)/g, '{$1}');
      expect(
        doc.paths[p]?.[r.method.toLowerCase()],
        `${r.method} ${r.url} is not in the OpenAPI`,
      ).toBeDefined();
    }
    // Every actor route declares its security.
    for (const [p, ops] of Object.entries(doc.paths)) {
      if (!/^\/api\/v1\/(staff|admin|submissions)/.test(p)) continue;
      for (const [m, op] of Object.entries(ops))
        expect(op.security, `${m} ${p} has no security`).toBeDefined();
    }
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-openapi-'));
    const file = path.join(dir, 'openapi.json');
    await fs.writeFile(file, JSON.stringify(doc));
    const bin = path.resolve('node_modules/.bin/redocly');
    const { stdout, stderr } = await promisify(execFile)(bin, [
      'lint',
      '--format=stylish',
      '--config',
      path.resolve('redocly.yaml'),
      file,
    ]).catch((err: { stdout: string; stderr: string }) => {
      throw new Error(`redocly lint failed:\n${err.stdout}\n${err.stderr}`);
    });
    expect(`${stdout}${stderr}`).toMatch(/valid/i);
  }, 60_000);
});
