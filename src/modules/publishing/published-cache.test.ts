import { describe, expect, it } from 'vitest';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { negotiateEncoding, PublishedCache } from './published-cache.js';

describe('the encoding of a cached body', () => {
  it.each([
    [undefined, 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    ['*', 'br'],
  ] as const)('%s → %s', (header, encoding) => {
    expect(negotiateEncoding(header)).toBe(encoding);
  });
});

describe('the published cache', () => {
  const body = (n: number) => ({ body: Buffer.alloc(n, 'a'), type: 'text/plain', fileName: null });

  it('renders a key once, however many ask at once, with an ETag of its bytes', async () => {
    const cache = new PublishedCache(1 << 20);
    let renders = 0;
    const render = async () => {
      renders++;
      return body(2000);
    };
    const [a, b] = await Promise.all([cache.getOrRender('k', render), cache.getOrRender('k', render)]);
    expect(renders).toBe(1);
    expect(a).toBe(b);
    expect(a.etag).toMatch(/^"[\w-]{32}"$/);
    expect(gunzipSync(await cache.encoded(a, 'gzip')).equals(a.body)).toBe(true);
    expect(brotliDecompressSync(await cache.encoded(a, 'br')).equals(a.body)).toBe(true);
    expect(await cache.encoded(a, 'gzip')).toBe(a.gzip); // compressed once
  });

  it('lets the least recently used entries go when the budget is spent', async () => {
    const cache = new PublishedCache(5000);
    await cache.getOrRender('a', async () => body(2000));
    await cache.getOrRender('b', async () => body(2000));
    cache.get('a'); // a is used again: b is now the oldest
    await cache.getOrRender('c', async () => body(2000));
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });
});
