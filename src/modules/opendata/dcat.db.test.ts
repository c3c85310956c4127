// The DCAT-AP catalogue: the same graph in JSON-LD, Turtle and RDF/XML — Turtle read by n3 and
// JSON-LD by jsonld, two independent parsers, agree on every triple — and the graph conforms to
// the official DCAT-AP 3.0 SHACL shapes (SEMICeu/DCAT-AP, release 3.0.1, dcat-ap-SHACL.ttl), read
// from the path in DCAT_AP_SHACL or ../shared/reference/dcat-ap/dcat-ap-SHACL.ttl.
import { existsSync, readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { Parser, Writer } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import validatorFactory from 'rdf-validate-shacl/src/defaultEnv.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../test/support/test-app.js';
import { appWithPublishedFixture } from '../../../test/support/fixture-figures.js';
import { rebuildResources } from './index.js';

let t: TestContext;
beforeAll(async () => {
  ({ t } = await appWithPublishedFixture());
  await rebuildResources(t.deps);
});
afterAll(async () => t.close());

const SHAPES = process.env.DCAT_AP_SHACL ?? '../shared/reference/dcat-ap/dcat-ap-SHACL.ttl';

async function canonicalFromTurtle(turtle: string): Promise<string> {
  const quads = new Parser({ format: 'text/turtle' }).parse(turtle);
  const nquads = new Writer({ format: 'N-Quads' }).quadsToString(quads);
  return await (jsonld.canonize as (input: unknown, options: object) => Promise<string>)(nquads, {
    algorithm: 'URDNA2015',
    inputFormat: 'application/n-quads',
  });
}

describe('the DCAT-AP catalogue', () => {
  it('is the same graph in JSON-LD and Turtle, read by two independent parsers', async () => {
    const ttl = await t.app.inject('/catalog.ttl');
    const json = await t.app.inject('/catalog.jsonld');
    const xml = await t.app.inject('/catalog.rdf');
    expect([ttl.statusCode, json.statusCode, xml.statusCode]).toEqual([200, 200, 200]);
    expect(ttl.headers['content-type']).toMatch(/^text\/turtle/);
    expect(json.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(xml.headers['content-type']).toMatch(/^application\/rdf\+xml/);
    const fromTurtle = await canonicalFromTurtle(ttl.body);
    const fromJsonLd = (await jsonld.canonize(json.json(), {
      algorithm: 'URDNA2015',
      format: 'application/n-quads',
    })) as string;
    // The Hydra paging names each format's own pages; every other triple is the same.
    expect(fromJsonLd.replaceAll('catalog.jsonld', 'catalog.ttl')).toBe(fromTurtle);
    const lines = fromTurtle.trim().split('\n');
    expect(lines.filter((l) => l.includes('<http://www.w3.org/ns/dcat#dataset>'))).toHaveLength(29);
    // every distribution of the 1-П dataset: its download URL, IANA media type and checksum
    expect(fromTurtle).toContain('<http://www.iana.org/assignments/media-types/text/csv>');
    expect(fromTurtle).toContain('<http://publications.europa.eu/resource/authority/frequency/QUARTERLY>');
    expect(fromTurtle).toContain('http://data.europa.eu/r5r/applicableLegislation');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rdf:RDF /);
  });

  it('pages with Hydra and keeps the datasets modified since a moment', async () => {
    const all = await canonicalFromTurtle((await t.app.inject('/catalog.ttl?page=1')).body);
    expect(all).toMatch(/hydra\/core#totalItems> "29"/);
    const recent = await canonicalFromTurtle(
      (await t.app.inject('/catalog.ttl?modified_since=2024-01-01')).body,
    );
    // 1-П, published in 2024, and the structure of the bodies, built from the catalogue
    expect(recent).toMatch(/hydra\/core#totalItems> "2"/);
    const bad = await t.app.inject('/catalog.ttl?modified_since=yesterday');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });

  it.runIf(existsSync(SHAPES))('conforms to the DCAT-AP 3.0 SHACL shapes', async () => {
    const shapes = new Parser({ format: 'text/turtle' }).parse(readFileSync(SHAPES, 'utf8'));
    const data = new Parser({ format: 'text/turtle' }).parse((await t.app.inject('/catalog.ttl')).body);
    const validator = new SHACLValidator(validatorFactory.dataset(shapes));
    const report = await validator.validate(validatorFactory.dataset(data));
    const problems = report.results.map(
      (r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join('; ')}`,
    );
    expect(problems).toEqual([]);
    expect(report.conforms).toBe(true);
  });
});
