import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { methodsAt, nulCharacterAt, trustProxyOf } from './hardening.js';

describe('TRUST_PROXY', () => {
  const clientAddress = async (setting: string, forwarded: string, remoteAddress = '10.0.0.5') => {
    const app = Fastify({ trustProxy: trustProxyOf(setting) });
    app.get('/', async (req) => req.ip);
    const res = await app.inject({ url: '/', remoteAddress, headers: { 'x-forwarded-for': forwarded } });
    await app.close();
    return res.body;
  };

  it.each([
    ['', '203.0.113.7', '10.0.0.5'],
    ['1', '203.0.113.7', '203.0.113.7'],
    ['1', '198.51.100.1, 203.0.113.7', '203.0.113.7'],
    ['2', '198.51.100.1, 203.0.113.7', '198.51.100.1'],
    ['10.0.0.0/8', '203.0.113.7', '203.0.113.7'],
    ['192.168.0.1', '203.0.113.7', '10.0.0.5'],
    ['true', '198.51.100.1, 203.0.113.7', '198.51.100.1'],
  ])('%j with X-Forwarded-For %j sees the client at %s', async (setting, forwarded, seen) => {
    expect(await clientAddress(setting, forwarded)).toBe(seen);
  });
});

describe('the methods a path has', () => {
  const routes = [
    { method: 'GET', url: '/api/v1/forms/:code' },
    { method: 'POST', url: '/api/v1/staff/requests/:number/close' },
    { method: 'GET', url: '/api/v1/staff/requests/:number' },
  ];
  it.each([
    ['/api/v1/forms/1-P', ['GET']],
    ['/api/v1/forms/1-P/', ['GET']],
    ['/api/v1/staff/requests/12/close', ['POST']],
    ['/api/v1/forms', []],
    ['/api/v1/forms/1-P/extra', []],
  ])('%s → %j', (path, methods) => {
    expect(methodsAt(routes, path)).toEqual(methods);
  });
});

describe('U+0000 in a JSON body', () => {
  it.each([
    [{ login: 'a\u0000b', password: 'x' }, '/body/login'],
    [{ applicant: { name: ['ok', 'bad\u0000'] } }, '/body/applicant/name/1'],
    [{ 'key with\u0000': 1 }, '/body'],
    [{ 'not a plain key': { inner: '\u0000' } }, '/body/inner'],
    [['\u0000'], '/body/0'],
    ['\u0000', '/body'],
    [{ login: 'ab', list: [1, null, true, 'c'] }, null],
    [null, null],
  ] as const)('%j → %s', (body, pointer) => {
    expect(nulCharacterAt(body)).toBe(pointer);
  });
});
