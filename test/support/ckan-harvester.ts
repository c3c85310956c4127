// A harvester written from CKAN's documented responses (Action API v3, CKAN 2.10): it pages the
// whole catalogue with package_search, reads every package_show, follows every resource URL and
// checks the bytes against the resource's size and hash, as ckanext-harvest and ckanapi do.
// It speaks to the service through a `fetch`-like function, so a test runs it in process.
import { createHash } from 'node:crypto';

export interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
export type Fetch = (url: string, init?: { method?: string; json?: unknown }) => Promise<Fetched>;

interface Envelope<T> {
  help: string;
  success: boolean;
  result: T;
  error?: { __type: string; message: string };
}

export interface HarvestedResource {
  id: string;
  url: string;
  format: string;
  mimetype: string;
  size: number;
  hash: string;
  datastore_active: boolean;
  last_modified: string;
}
export interface HarvestedPackage {
  id: string;
  name: string;
  title: string;
  metadata_modified: string;
  resources: HarvestedResource[];
  extras: { key: string; value: string }[];
}

export interface Harvest {
  count: number;
  packages: HarvestedPackage[];
  files: Map<string, Buffer>;
  problems: string[];
}

export async function action<T>(
  fetch: Fetch,
  name: string,
  args: Record<string, unknown> = {},
): Promise<Envelope<T>> {
  const res = await fetch(`/api/3/action/${name}`, { method: 'POST', json: args });
  const envelope = JSON.parse(res.body.toString('utf8')) as Envelope<T>;
  if (!('success' in envelope) || !('help' in envelope)) throw new Error(`${name}: not a CKAN envelope`);
  return envelope;
}

export async function harvest(fetch: Fetch, pageSize = 10): Promise<Harvest> {
  const problems: string[] = [];
  const names: string[] = [];
  let count = Infinity;
  for (let start = 0; start < count; start += pageSize) {
    const page = await action<{ count: number; results: { name: string }[] }>(fetch, 'package_search', {
      q: '*:*',
      rows: pageSize,
      start,
      sort: 'name asc',
    });
    if (!page.success) throw new Error(`package_search failed: ${page.error?.message}`);
    count = page.result.count;
    names.push(...page.result.results.map((r) => r.name));
    if (page.result.results.length === 0) break;
  }
  if (new Set(names).size !== names.length) problems.push('package_search paged a dataset twice');
  const packages: HarvestedPackage[] = [];
  const files = new Map<string, Buffer>();
  for (const name of names) {
    const shown = await action<HarvestedPackage>(fetch, 'package_show', { id: name });
    if (!shown.success) {
      problems.push(`package_show ${name}: ${shown.error?.message}`);
      continue;
    }
    packages.push(shown.result);
    for (const r of shown.result.resources) {
      const res = await fetch(new URL(r.url).pathname);
      if (res.status !== 200) {
        problems.push(`${name} ${r.id}: ${r.url} answered ${res.status}`);
        continue;
      }
      files.set(r.id, res.body);
      if (res.body.length !== r.size)
        problems.push(`${name} ${r.id}: ${res.body.length} bytes, size says ${r.size}`);
      const sha = createHash('sha256').update(res.body).digest('hex');
      if (sha !== r.hash) problems.push(`${name} ${r.id}: sha256 ${sha}, hash says ${r.hash}`);
      const type = String(res.headers['content-type'] ?? '');
      if (!type.startsWith(r.mimetype))
        problems.push(`${name} ${r.id}: served as ${type}, mimetype ${r.mimetype}`);
    }
  }
  return { count, packages, files, problems };
}
