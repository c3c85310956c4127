// A published revision never changes: each (publication, view, format, language) is rendered once
// and kept as bytes, with a strong ETag of its content and its gzip and brotli forms made on first
// demand. Invalidation is by publishing a new revision (a new key), never by time; the least
// recently used entries leave when the memory budget is spent.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface CachedBody {
  body: Buffer;
  type: string;
  fileName: string | null;
  etag: string;
  gzip?: Buffer;
  br?: Buffer;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** The encoding to send: brotli, then gzip, when the client accepts it (RFC 9110, 12.5.3). */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name!.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (e: string) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

export class PublishedCache {
  private readonly entries = new Map<string, CachedBody>();
  private bytes = 0;
  private readonly pending = new Map<string, Promise<CachedBody>>();

  constructor(private readonly budgetBytes: number) {}

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get(key: string): CachedBody | undefined {
    const e = this.entries.get(key);
    if (e) {
      // most recently used last
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  /** The entry of `key`, rendering it once however many ask at the same time. */
  async getOrRender(key: string, render: () => Promise<Omit<CachedBody, 'etag'>>): Promise<CachedBody> {
    const hit = this.get(key);
    if (hit) return hit;
    let p = this.pending.get(key);
    if (!p) {
      p = render()
        .then((r) => {
          const etag = `"${createHash('sha256').update(r.body).digest('base64url').slice(0, 32)}"`;
          const entry: CachedBody = { ...r, etag };
          this.put(key, entry);
          return entry;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  /** The body in the encoding asked, compressed once. */
  async encoded(entry: CachedBody, encoding: Encoding): Promise<Buffer> {
    if (encoding === 'identity' || entry.body.length < 1024) return entry.body;
    if (encoding === 'gzip') {
      if (!entry.gzip) {
        entry.gzip = await gzipAsync(entry.body, { level: 6 });
        this.bytes += entry.gzip.length;
      }
      return entry.gzip;
    }
    if (!entry.br) {
      entry.br = await brotliAsync(entry.body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
        },
      });
      this.bytes += entry.br.length;
    }
    return entry.br;
  }

  private put(key: string, entry: CachedBody): void {
    if (entry.body.length > this.budgetBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length + (e.gzip?.length ?? 0) + (e.br?.length ?? 0);
    }
  }
}
