// Reads form structures from catalog/structures/<form>/<first period>.yaml — or, for a large form,
// a folder <first period>/ whose `form.yaml` holds the form's fields and whose other files hold
// `sections:` lists, merged in file-name order. Validates each against the schema and checks what
// a schema cannot: unique codes, known parents, relations that name existing rows and graphs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { parse as parseYaml } from 'yaml';
import { FormStructureSchema, type FormStructure } from './structure.schema.js';

export interface StructureProblem {
  file: string;
  pointer: string;
  message: string;
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/;

function readDocument(file: string, problems: StructureProblem[]): Record<string, unknown> | null {
  try {
    const doc = parseYaml(fs.readFileSync(file, 'utf8')) as unknown;
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) return doc as Record<string, unknown>;
    problems.push({ file, pointer: '', message: 'expected a mapping at the top of the file' });
  } catch (err) {
    problems.push({ file, pointer: '', message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` });
  }
  return null;
}

/** Cross-checks of one structure that the schema cannot express. */
export function checkStructure(s: FormStructure): { pointer: string; message: string }[] {
  const out: { pointer: string; message: string }[] = [];
  if (!PERIOD.test(s.validFromPeriod))
    out.push({
      pointer: '/validFromPeriod',
      message: `"${s.validFromPeriod}" is not a period (2019-01, 2024-Q2, 2024-H1, 2024)`,
    });
  const sectionIds = new Set<string>();
  s.sections.forEach((section, i) => {
    const at = `/sections/${i}`;
    if (sectionIds.has(section.id))
      out.push({ pointer: `${at}/id`, message: `section ${section.id} appears twice` });
    sectionIds.add(section.id);
    const graphs = new Set<number>();
    section.graphs.forEach((g, j) => {
      if (graphs.has(g.n))
        out.push({ pointer: `${at}/graphs/${j}/n`, message: `graph ${g.n} appears twice in ${section.id}` });
      graphs.add(g.n);
    });
    const rows = new Set<string>();
    section.rows.forEach((r, j) => {
      if (rows.has(r.code))
        out.push({
          pointer: `${at}/rows/${j}/code`,
          message: `row ${r.code} appears twice in ${section.id}`,
        });
      rows.add(r.code);
    });
    section.rows.forEach((r, j) => {
      if (r.parent !== undefined && !rows.has(r.parent))
        out.push({
          pointer: `${at}/rows/${j}/parent`,
          message: `parent row ${r.parent} is not a row of ${section.id}`,
        });
    });
    const relationIds = new Set<string>();
    section.relations.forEach((rel, j) => {
      const p = `${at}/relations/${j}`;
      if (relationIds.has(rel.id))
        out.push({ pointer: `${p}/id`, message: `relation ${rel.id} appears twice` });
      relationIds.add(rel.id);
      const needRow = (code: string | undefined, where: string) => {
        if (code !== undefined && !rows.has(code))
          out.push({ pointer: `${p}/${where}`, message: `row ${code} is not a row of ${section.id}` });
      };
      const needGraph = (n: number | undefined, where: string) => {
        if (n !== undefined && !graphs.has(n))
          out.push({ pointer: `${p}/${where}`, message: `graph ${n} is not a graph of ${section.id}` });
      };
      if (rel.kind === 'sum-of-rows') {
        needRow(rel.total, 'total');
        rel.parts.forEach((c, k) => needRow(c, `parts/${k}`));
        rel.graphs?.forEach((n, k) => needGraph(n, `graphs/${k}`));
      } else if (rel.kind === 'sum-of-graphs') {
        needGraph(rel.total, 'total');
        rel.parts.forEach((n, k) => needGraph(n, `parts/${k}`));
        rel.rows?.forEach((c, k) => needRow(c, `rows/${k}`));
      } else {
        needRow(rel.left.row, 'left/row');
        needGraph(rel.left.graph, 'left/graph');
        needRow(rel.right.row, 'right/row');
        needGraph(rel.right.graph, 'right/graph');
        rel.rows?.forEach((c, k) => needRow(c, `rows/${k}`));
        const shape = (c: { row?: string; graph?: number }) =>
          `${c.row !== undefined ? 'r' : ''}${c.graph !== undefined ? 'g' : ''}`;
        if (shape(rel.left) === '' || shape(rel.left) !== shape(rel.right)) {
          out.push({
            pointer: p,
            message: 'left and right must both name a graph, both a row, or both a cell',
          });
        }
      }
    });
  });
  return out;
}

/** A fingerprint of every structure file under `dir` (paths and bytes): unchanged files, same print. */
export function fingerprintStructuresDir(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name))
        hash.update(path.relative(dir, full)).update('\0').update(fs.readFileSync(full)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Every structure under `dir`, and every problem with file and pointer. */
export function loadStructuresDir(dir: string): {
  structures: { structure: FormStructure; file: string }[];
  problems: StructureProblem[];
} {
  const problems: StructureProblem[] = [];
  const structures: { structure: FormStructure; file: string }[] = [];
  if (!fs.existsSync(dir)) return { structures, problems };
  for (const form of fs.readdirSync(dir).sort()) {
    const formDir = path.join(dir, form);
    if (!fs.statSync(formDir).isDirectory()) continue;
    for (const name of fs.readdirSync(formDir).sort()) {
      const full = path.join(formDir, name);
      let doc: Record<string, unknown> | null;
      let file = full;
      if (fs.statSync(full).isDirectory()) {
        file = path.join(full, 'form.yaml');
        doc = readDocument(file, problems);
        if (!doc) continue;
        const sections: unknown[] = [];
        for (const part of fs.readdirSync(full).sort()) {
          if (part === 'form.yaml' || !/\.ya?ml$/.test(part)) continue;
          const partDoc = readDocument(path.join(full, part), problems);
          if (partDoc && Array.isArray(partDoc.sections)) sections.push(...(partDoc.sections as unknown[]));
          else if (partDoc)
            problems.push({
              file: path.join(full, part),
              pointer: '/sections',
              message: 'a part file holds a `sections:` list',
            });
        }
        doc = { ...doc, sections };
      } else if (/\.ya?ml$/.test(name)) {
        doc = readDocument(full, problems);
        if (!doc) continue;
      } else continue;
      const errors = [...Value.Errors(FormStructureSchema, doc)];
      if (errors.length) {
        for (const e of errors.slice(0, 50)) problems.push({ file, pointer: e.path, message: e.message });
        continue;
      }
      const structure = doc as unknown as FormStructure;
      const period = name.replace(/\.ya?ml$/, '');
      if (structure.form !== form)
        problems.push({
          file,
          pointer: '/form',
          message: `the folder is ${form} but the file says ${structure.form}`,
        });
      if (structure.validFromPeriod !== period)
        problems.push({
          file,
          pointer: '/validFromPeriod',
          message: `the file is named ${period} but says ${structure.validFromPeriod}`,
        });
      for (const p of checkStructure(structure)) problems.push({ file, ...p });
      structures.push({ structure, file });
    }
  }
  return { structures, problems };
}
