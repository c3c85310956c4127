// A small RDF model and its three serialisations — Turtle, JSON-LD (expanded) and RDF/XML — for the
// DCAT-AP catalogue. The graph is built once and written three ways, so the formats cannot
// disagree; a test parses two of them with independent parsers and compares the triples.

export type Node = { iri: string } | { blank: string };
export type Term = Node | { value: string; lang?: string; datatype?: string };
export type Triple = readonly [Node, string, Term];

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  eli: 'http://data.europa.eu/eli/ontology#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  adms: 'http://www.w3.org/ns/adms#',
} as const;
export type Prefix = keyof typeof NS;

/** `dct:title` → the full IRI. */
export const iri = (curie: `${Prefix}:${string}`): string => {
  const [prefix, local] = curie.split(':') as [Prefix, string];
  return NS[prefix] + local;
};

export const lit = (value: string, lang?: string): Term => (lang ? { value, lang } : { value });
export const typed = (value: string, datatype: `${Prefix}:${string}`): Term => ({
  value,
  datatype: iri(datatype),
});

const isNode = (t: Term): t is Node => 'iri' in t || 'blank' in t;

function escapeTurtle(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

function turtleIri(value: string): string {
  for (const [prefix, ns] of Object.entries(NS))
    if (value.startsWith(ns) && /^[A-Za-z][\w-]*$/.test(value.slice(ns.length)))
      return `${prefix}:${value.slice(ns.length)}`;
  return `<${value.replace(/[<>"{}|^`\\\s]/g, (c) => encodeURIComponent(c))}>`;
}

function turtleTerm(t: Term): string {
  if ('iri' in t) return turtleIri(t.iri);
  if ('blank' in t) return `_:${t.blank}`;
  const v = `"${escapeTurtle(t.value)}"`;
  if (t.lang) return `${v}@${t.lang}`;
  if (t.datatype) return `${v}^^${turtleIri(t.datatype)}`;
  return v;
}

function bySubject(triples: readonly Triple[]): Map<string, { node: Node; triples: Triple[] }> {
  const out = new Map<string, { node: Node; triples: Triple[] }>();
  for (const t of triples) {
    const key = 'iri' in t[0] ? `<${t[0].iri}>` : `_:${t[0].blank}`;
    const entry = out.get(key) ?? { node: t[0], triples: [] };
    entry.triples.push(t);
    out.set(key, entry);
  }
  return out;
}

export function toTurtle(triples: readonly Triple[]): string {
  const lines = Object.entries(NS).map(([p, ns]) => `@prefix ${p}: <${ns}> .`);
  lines.push('');
  for (const { node, triples: ts } of bySubject(triples).values()) {
    lines.push(
      `${turtleTerm(node)}\n${ts.map((t) => `    ${t[1] === NS.rdf + 'type' ? 'a' : turtleIri(t[1])} ${turtleTerm(t[2])}`).join(' ;\n')} .`,
    );
    lines.push('');
  }
  return lines.join('\n');
}

export function toJsonLd(triples: readonly Triple[]): object {
  const graph: Record<string, unknown>[] = [];
  for (const { node, triples: ts } of bySubject(triples).values()) {
    const object: Record<string, unknown[]> & { '@id'?: string } = {};
    const id = 'iri' in node ? node.iri : `_:${node.blank}`;
    const types: string[] = [];
    for (const [, p, o] of ts) {
      if (p === NS.rdf + 'type' && 'iri' in o) {
        types.push(o.iri);
        continue;
      }
      const value = isNode(o)
        ? { '@id': 'iri' in o ? o.iri : `_:${o.blank}` }
        : {
            '@value': o.value,
            ...(o.lang ? { '@language': o.lang } : {}),
            ...(o.datatype ? { '@type': o.datatype } : {}),
          };
      (object[p] ??= []).push(value);
    }
    graph.push({ '@id': id, ...(types.length ? { '@type': types } : {}), ...object });
  }
  return { '@graph': graph };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function qname(p: string): string {
  for (const [prefix, ns] of Object.entries(NS))
    if (p.startsWith(ns) && /^[A-Za-z_][\w.-]*$/.test(p.slice(ns.length)))
      return `${prefix}:${p.slice(ns.length)}`;
  throw new Error(`no XML name for the predicate ${p}`);
}

export function toRdfXml(triples: readonly Triple[]): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rdf:RDF ${Object.entries(NS)
      .map(([p, ns]) => `xmlns:${p}="${ns}"`)
      .join(' ')}>`,
  ];
  for (const { node, triples: ts } of bySubject(triples).values()) {
    out.push(
      'iri' in node
        ? `  <rdf:Description rdf:about="${escapeXml(node.iri)}">`
        : `  <rdf:Description rdf:nodeID="${node.blank}">`,
    );
    for (const [, p, o] of ts) {
      const name = qname(p);
      if ('iri' in o) out.push(`    <${name} rdf:resource="${escapeXml(o.iri)}"/>`);
      else if ('blank' in o) out.push(`    <${name} rdf:nodeID="${o.blank}"/>`);
      else
        out.push(
          `    <${name}${o.lang ? ` xml:lang="${o.lang}"` : ''}${o.datatype ? ` rdf:datatype="${escapeXml(o.datatype)}"` : ''}>${escapeXml(o.value)}</${name}>`,
        );
    }
    out.push('  </rdf:Description>');
  }
  out.push('</rdf:RDF>', '');
  return out.join('\n');
}
