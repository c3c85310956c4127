// A published revision never changes: each (publication, view, format, language) is rendered once
// and kept as bytes, with a strong ETag of its content and its gzip and brotli forms, all made
// once when it is rendered, so that serving it is choosing bytes, never computing them.
// Invalidation is by publishing a new revision (a new key), never by time; the least recently used
// entries leave when the memory budget is spent.
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

// Clients send few distinct Accept-Encoding values: each is parsed once.
const negotiated = new Map<string, Encoding>();

/** The encoding to send: brotli, then gzip, when the client accepts it (RFC 9110, 12.5.3). */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let encoding = negotiated.get(acceptEncoding);
  if (encoding === undefined) {
    encoding = parseAcceptEncoding(acceptEncoding);
    if (negotiated.size >= 256) negotiated.clear();
    negotiated.set(acceptEncoding, encoding);
  }
  return encoding;
}

function parseAcceptEncoding(acceptEncoding: string): Encoding {
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
        .then(async (r) => {
          const etag = `"${createHash('sha256').update(r.body).digest('base64url').slice(0, 32)}"`;
          const entry: CachedBody = { ...r, etag, ...(await compressedForms(r.body)) };
          this.put(key, entry);
          return entry;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  /** The body in the encoding asked (its forms were made when it was rendered). */
  encoded(entry: CachedBody, encoding: Encoding): Buffer {
    if (encoding === 'identity') return entry.body;
    return (encoding === 'gzip' ? entry.gzip : entry.br) ?? entry.body;
  }

  private put(key: string, entry: CachedBody): void {
    if (entry.body.length > this.budgetBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.body.length + (entry.gzip?.length ?? 0) + (entry.br?.length ?? 0);
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length + (e.gzip?.length ?? 0) + (e.br?.length ?? 0);
    }
  }
}

/** The gzip and brotli forms of a body of 1 KiB or more (a smaller one is sent as it is). */
async function compressedForms(body: Buffer): Promise<Pick<CachedBody, 'gzip' | 'br'>> {
  if (body.length < 1024) return {};
  const [gz, br] = await Promise.all([
    gzipAsync(body, { level: 6 }),
    brotliAsync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  ]);
  return { gzip: gz, br };
}
