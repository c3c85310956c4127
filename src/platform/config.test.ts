import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configDeclaration, loadConfig, renderConfigDocs } from './config.js';

describe('configuration', () => {
  it('has a default for every key and starts with an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: null,
      role: 'all',
      rateLimitPublic: 600,
      jobsEnabled: true,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: "eighty" is not a whole number'],
    [{ PORT: '70000' }, 'PORT: 70000 is above 65535'],
    [{ ROLE: 'cron' }, 'ROLE: "cron" is not one of all, web, worker'],
    [{ COOKIE_SECURE: 'maybe' }, 'COOKIE_SECURE: "maybe" is not true or false'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: "***" is not a valid URL'],
  ])('refuses %j naming the key', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([message]);
    }
  });

  it('marks the session cookie Secure when the public address is https, unless told otherwise', () => {
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://stat.example.kz' }).cookieSecure).toBe(true);
    expect(
      loadConfig({ PUBLIC_BASE_URL: 'https://stat.example.kz', COOKIE_SECURE: 'false' }).cookieSecure,
    ).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });

  it('lists every wrong key at once', () => {
    expect(() => loadConfig({ PORT: 'x', ROLE: 'y' })).toThrow(/PORT[\s\S]*ROLE/);
  });

  it('documents every key in docs/config.md, which is current', () => {
    const doc = fs.readFileSync('docs/config.md', 'utf8');
    for (const key of Object.keys(configDeclaration)) expect(doc).toContain(`\`${key}\``);
    expect(doc, 'run npm run docs:config').toBe(renderConfigDocs());
  });
});
