// Derives the 1-М structure (catalog/structures/1-m/2019-01.yaml) from the real workbooks:
//   npx tsx scripts/extract-structure.ts [source_xlsx folder] [--keep-untested]
// Sections, rows and graphs come from one reference workbook (the header tree from its merged
// cells, a row's parent from the «из них / в т.ч.» cells merged down beside its rows). Control
// relations are proposed from that layout and kept only where they hold exactly in every one of
// the 20 regions' workbooks, which are read with the same parser that imports them, and where
// that was a test: a relation whose whole is 0 in every region is left out (--keep-untested keeps it).
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'yaml';
import type {
  FormStructure,
  Graph,
  Relation,
  Row,
  Section,
} from '../src/modules/statistics/structure.schema.js';
import { cellText, findGraphNumberRow, parseOfficialWorkbook } from '../src/modules/statistics/workbook.js';

const sourceDir = path.resolve(
  process.argv.slice(2).find((a) => !a.startsWith('--')) ??
    '../shared/data/real/qamqor_1m_2022_by_region/source_xlsx',
);
const target = path.resolve('catalog/structures/1-m/2019-01.yaml');
const REFERENCE = '11_Akmola_Region.xlsx';
const NESTING = /^(из них|в т\.\s?ч\.?|в том числе)/i;
const GRAVITY = /^(проступки|преступлений|небольшой тяжести|средней тяжести|тяжкие|особо тяжкие)$/i;

interface Piece {
  text: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The merged block (or single cell) at a position, with the text of its top-left cell. */
function pieceAt(ws: ExcelJS.Worksheet, merges: Piece[], row: number, column: number): Piece {
  const merge = merges.find((m) => m.top <= row && row <= m.bottom && m.left <= column && column <= m.right);
  if (merge) return merge;
  return {
    text: cellText(ws.getCell(row, column).value),
    top: row,
    bottom: row,
    left: column,
    right: column,
  };
}

function readMerges(ws: ExcelJS.Worksheet): Piece[] {
  return (ws.model.merges ?? []).map((range) => {
    const [from = '', to = ''] = range.split(':');
    const a = ws.getCell(from);
    const b = ws.getCell(to);
    const top = Number(a.row);
    const left = Number(a.col);
    return { text: cellText(a.value), top, left, bottom: Number(b.row), right: Number(b.col) };
  });
}

function rowKind(label: string): Pick<Row, 'kind' | 'article' | 'chapter'> {
  const chapter = /^Глава\s+(\d+)/.exec(label);
  if (chapter) return { kind: 'chapter', chapter: Number(chapter[1]) };
  if (/^Всего/i.test(label)) return { kind: 'total' };
  if (GRAVITY.test(label)) return { kind: 'gravity' };
  const part = /\(ст\.\s*(\d+(?:-\d+)?)\.?\s+ч\.\s*\d+(?:\s*п\.\s*\d+)?\)/.exec(label);
  if (part?.[1]) return { kind: 'part', article: part[1] };
  const article = /\(ст\.\s*(\d+(?:-\d+)?)\.?\s*\)/.exec(label);
  if (article?.[1] && !/^00\d$/.test(article[1])) return { kind: 'article', article: article[1] };
  return { kind: 'indicator' };
}

function unitOf(texts: string[], sectionTitle: string): Pick<Graph, 'unit' | 'valueType'> {
  if ([...texts, sectionTitle].some((t) => /тыс\.?\s*тенге/i.test(t)))
    return { unit: 'thousand-tenge', valueType: 'decimal' };
  if (/(о лицах|лиц, совершивших|жертв|в лицах|несовершеннолетних, совершивших)/i.test(sectionTitle))
    return { unit: 'persons', valueType: 'integer' };
  if (texts.some((t) => /потерпевш/i.test(t))) return { unit: 'persons', valueType: 'integer' };
  return { unit: 'count', valueType: 'integer' };
}

interface SheetLayout {
  section: Section;
  /** per graph: the header texts, outermost first, and the blocks they come from */
  headerPieces: Map<number, Piece[]>;
  graphColumn: Map<number, number>;
}

function readSheet(ws: ExcelJS.Worksheet): SheetLayout {
  const merges = readMerges(ws);
  let numberRow = 0;
  let layout: ReturnType<typeof findGraphNumberRow>;
  for (let r = 1; r <= Math.min(ws.rowCount, 30) && !layout; r += 1) {
    layout = findGraphNumberRow(ws.getRow(r).values as ExcelJS.CellValue[]);
    numberRow = r;
  }
  if (!layout) throw new Error(`${ws.name}: no row of graph numbers`);
  const { codeColumn, graphColumns } = layout;
  const headerTop = Math.min(
    ...Array.from({ length: codeColumn }, (_, i) => pieceAt(ws, merges, numberRow - 1, i + 1).top),
  );
  let title = '';
  for (let r = 1; r < headerTop && !title; r += 1) {
    for (let c = 1; c <= ws.columnCount && !title; c += 1) {
      const match = /(Раздел\s*[\d-]+\.|Приложение\s*\d*\.)[\s\S]*/.exec(cellText(ws.getCell(r, c).value));
      if (match) title = match[0].trim();
    }
  }
  const graphs: Graph[] = [];
  const headerPieces = new Map<number, Piece[]>();
  for (const [n, column] of graphColumns) {
    const pieces: Piece[] = [];
    for (let r = headerTop; r < numberRow; r += 1) {
      const piece = pieceAt(ws, merges, r, column);
      if (piece.text !== '' && !pieces.some((p) => p.top === piece.top && p.left === piece.left))
        pieces.push(piece);
    }
    headerPieces.set(n, pieces);
    const texts = pieces.map((p) => p.text);
    const label = texts.at(-1) ?? `Графа ${n}`;
    const header = texts.length > 1 ? { header: texts.slice(0, -1) } : {};
    graphs.push({ n, label: { ru: label }, ...header, ...unitOf(texts, title) });
  }

  const rows: Row[] = [];
  const codeAt = new Map<number, string>();
  for (let r = numberRow + 1; r <= ws.rowCount; r += 1) {
    const code = cellText(ws.getCell(r, codeColumn).value);
    if (code === '') continue;
    codeAt.set(r, code);
    const pieces: Piece[] = [];
    for (let c = 1; c < codeColumn; c += 1) {
      const piece = pieceAt(ws, merges, r, c);
      if (piece.text !== '' && !pieces.some((p) => p.top === piece.top && p.left === piece.left))
        pieces.push(piece);
    }
    const own = [...pieces].reverse().find((p) => p.top === r && p.bottom === r) ?? pieces.at(-1);
    const contexts = pieces.filter((p) => p !== own && p.bottom > p.top);
    const nesting = contexts.filter((p) => NESTING.test(p.text)).at(-1);
    const groups = contexts.filter((p) => !NESTING.test(p.text)).map((p) => p.text);
    const label = [...groups, own?.text ?? `Строка ${code}`].join(' — ');
    const row: Row = { code, label: { ru: label }, kind: 'indicator' };
    if (nesting) {
      for (let above = nesting.top - 1; above > numberRow; above -= 1) {
        const parent = codeAt.get(above);
        if (parent !== undefined) {
          row.parent = parent;
          break;
        }
      }
    }
    rows.push({ ...row, ...rowKind(own?.text ?? '') });
  }
  const section: Section = { id: ws.name, title: { ru: title || ws.name }, graphs, rows, relations: [] };
  return { section, headerPieces, graphColumn: graphColumns };
}

// ---- relations, proposed from the layout and checked on every region -------------------------

type Values = Map<string, number>;
/** kept; dropped: failed somewhere; untested: held only because every figure involved is 0 */
type Tally = { kept: number; dropped: number; untested: number };
const KEEP_UNTESTED = process.argv.includes('--keep-untested');
const key = (section: string, row: string, graph: number) => `${section}|${row}|${graph}`;
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function graphsWhereSumHolds(
  regions: Values[],
  s: Section,
  total: string,
  parts: string[],
): { holds: number[]; support: boolean } {
  const holds: number[] = [];
  let support = false;
  for (const g of s.graphs) {
    const ok = regions.every((v) => {
      const t = v.get(key(s.id, total, g.n)) ?? 0;
      if (t !== 0) support = true;
      return close(
        t,
        parts.reduce((sum, p) => sum + (v.get(key(s.id, p, g.n)) ?? 0), 0),
      );
    });
    if (ok) holds.push(g.n);
  }
  return { holds, support };
}

function rowsWhere(regions: Values[], s: Section, test: (v: Values, row: string) => boolean): boolean {
  return regions.every((v) => s.rows.every((r) => test(v, r.code)));
}

/** `2+3`, or `sum(14..47)` for a run of consecutive codes */
function list(codes: (string | number)[]): string {
  const numbers = codes.map(Number);
  const run = numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === (numbers[i - 1] ?? 0) + 1));
  return codes.length > 4 && run ? `sum(${codes[0]}..${codes.at(-1)})` : codes.join('+');
}

function deriveRelations(layout: SheetLayout, regions: Values[], tally: Tally): Relation[] {
  const s = layout.section;
  const relations: Relation[] = [];
  const integerGraphs = s.graphs.filter((g) => g.valueType === 'integer').map((g) => g.n);
  const allGraphs = s.graphs.map((g) => g.n);
  const covered = new Set<string>();
  // a relation is kept when it held everywhere AND was put to the test: its whole (total or right
  // side) is non-zero somewhere; one that held only because every figure is 0 is left out
  const tested = (relation: Relation): boolean => {
    const cells: [string, number][] = [];
    if (relation.kind === 'sum-of-rows') s.graphs.forEach((g) => cells.push([relation.total, g.n]));
    else if (relation.kind === 'sum-of-graphs') s.rows.forEach((r) => cells.push([r.code, relation.total]));
    else if (relation.right.row !== undefined)
      s.graphs.forEach((g) => cells.push([relation.right.row ?? '', g.n]));
    else s.rows.forEach((r) => cells.push([r.code, relation.right.graph ?? 0]));
    return regions.some((v) => cells.some(([r, g]) => (v.get(key(s.id, r, g)) ?? 0) !== 0));
  };
  const keep = (relation: Relation | undefined) => {
    if (!relation) tally.dropped += 1;
    else if (!tested(relation) && !KEEP_UNTESTED) tally.untested += 1;
    else {
      relations.push(relation);
      tally.kept += 1;
    }
  };
  /** the best of several candidate part lists for a total: one that holds in every graph, else in most */
  const bestSum = (total: string, candidates: string[][], name?: string): string[] | undefined => {
    let best: { parts: string[]; holds: number[] } | undefined;
    for (const parts of candidates) {
      if (parts.length < 2 || covered.has(`${total}=${parts.join('+')}`)) continue;
      covered.add(`${total}=${parts.join('+')}`);
      const { holds, support } = graphsWhereSumHolds(regions, s, total, parts);
      if (
        support &&
        holds.length >= Math.ceil(allGraphs.length * 0.75) &&
        holds.length > (best?.holds.length ?? 0)
      )
        best = { parts, holds };
      else tally.dropped += 1;
      if (best?.holds.length === allGraphs.length) break;
    }
    if (!best) return undefined;
    const relation: Relation = {
      id: `${s.id}.rows.${total}=${name ?? list(best.parts)}`,
      kind: 'sum-of-rows',
      total,
      parts: best.parts,
    };
    if (best.holds.length !== allGraphs.length || integerGraphs.length !== allGraphs.length)
      relation.graphs = best.holds;
    if (name) relation.note = `the sum of the ${name}`;
    keep(relation);
    return best.parts;
  };

  // a row = the sum of the rows nested under it, or of those of one kind (gravity, chapters, articles)
  const children = new Map<string, Row[]>();
  for (const row of s.rows)
    if (row.parent) children.set(row.parent, [...(children.get(row.parent) ?? []), row]);
  const summed = new Set<string>();
  for (const [parent, kids] of children) {
    const ofKind = (...kinds: Row['kind'][]) => kids.filter((r) => kinds.includes(r.kind)).map((r) => r.code);
    const candidates = [
      kids.map((r) => r.code),
      ofKind('gravity'),
      ofKind('chapter'),
      ofKind('article', 'part'),
    ];
    bestSum(parent, candidates)?.forEach((code) => summed.add(`${parent}>${code}`));
  }
  // the chapters add up to the first row or to the crimes row, wherever their nesting is drawn
  const chapters = s.rows.filter((r) => r.kind === 'chapter').map((r) => r.code);
  for (const total of s.rows.filter((r) => r.kind === 'total' || r.kind === 'gravity').slice(0, 3)) {
    if (chapters.length > 1 && bestSum(total.code, [chapters], 'chapters')) break;
  }
  // «из них» rows not covered by an equality: each is at most its parent, in every graph
  for (const row of s.rows) {
    if (!row.parent || summed.has(`${row.parent}>${row.code}`)) continue;
    const parent = row.parent;
    const ok = regions.every((v) =>
      allGraphs.every(
        (g) => (v.get(key(s.id, row.code, g)) ?? 0) <= (v.get(key(s.id, parent, g)) ?? 0) + 1e-9,
      ),
    );
    keep(
      ok
        ? {
            id: `${s.id}.rows.${row.code}<=${parent}`,
            kind: 'not-greater',
            left: { row: row.code },
            right: { row: parent },
          }
        : undefined,
    );
  }

  // graphs: a header «из них / в том числе / всего» over several graphs, and «из графы N»
  const pieceGraphs = new Map<Piece, number[]>();
  for (const [n, pieces] of layout.headerPieces)
    for (const p of pieces.slice(0, -1)) pieceGraphs.set(p, [...(pieceGraphs.get(p) ?? []), n]);
  const graphLabel = (n: number) => s.graphs.find((g) => g.n === n)?.label.ru ?? '';
  const sumHolds = (total: number, parts: number[]) =>
    rowsWhere(regions, s, (v, r) =>
      close(
        v.get(key(s.id, r, total)) ?? 0,
        parts.reduce((a, p) => a + (v.get(key(s.id, r, p)) ?? 0), 0),
      ),
    );
  const leHolds = (left: number, right: number) =>
    rowsWhere(
      regions,
      s,
      (v, r) => (v.get(key(s.id, r, left)) ?? 0) <= (v.get(key(s.id, r, right)) ?? 0) + 1e-9,
    );
  const bounded = new Set<number>();
  for (const [piece, graphs] of pieceGraphs) {
    const whole = graphs.find((n) => /^всего$/i.test(graphLabel(n)));
    const parts = graphs.filter((n) => n !== whole);
    const fromGraph = /из (?:графы|гр\.)\s*(\d+)(?!\s*раздела)/i.exec(piece.text);
    const before = (graphs[0] ?? 0) - 1;
    const total =
      whole ??
      (fromGraph ? Number(fromGraph[1]) : NESTING.test(piece.text) && before >= 1 ? before : undefined);
    if (total === undefined || parts.length < 1) continue;
    if (parts.length >= 2 && sumHolds(total, parts)) {
      keep({ id: `${s.id}.graphs.${total}=${list(parts)}`, kind: 'sum-of-graphs', total, parts });
      parts.forEach((n) => bounded.add(n));
      continue;
    }
    if (parts.length >= 2) tally.dropped += 1;
    for (const n of parts) {
      if (bounded.has(n)) continue;
      bounded.add(n);
      keep(
        leHolds(n, total)
          ? {
              id: `${s.id}.graphs.${n}<=${total}`,
              kind: 'not-greater',
              left: { graph: n },
              right: { graph: total },
            }
          : undefined,
      );
    }
  }
  // a lone graph «из них …» is part of the nearest graph before it that stands at its own level
  for (const g of s.graphs) {
    if (bounded.has(g.n) || !NESTING.test(g.label.ru) || /из (?:графы|гр\.)/i.test(g.label.ru)) continue;
    const depth = g.header?.length ?? 0;
    const total = [...s.graphs]
      .reverse()
      .find((h) => h.n < g.n && (h.header?.length ?? 0) <= depth && !NESTING.test(h.label.ru));
    if (!total) continue;
    bounded.add(g.n);
    keep(
      leHolds(g.n, total.n)
        ? {
            id: `${s.id}.graphs.${g.n}<=${total.n}`,
            kind: 'not-greater',
            left: { graph: g.n },
            right: { graph: total.n },
          }
        : undefined,
    );
  }
  for (const g of s.graphs) {
    const from = /из (?:графы|гр\.)\s*(\d+)(?!\s*раздела)/i.exec(g.label.ru);
    if (!from || bounded.has(g.n)) continue;
    const total = Number(from[1]);
    keep(
      leHolds(g.n, total)
        ? {
            id: `${s.id}.graphs.${g.n}<=${total}`,
            kind: 'not-greater',
            left: { graph: g.n },
            right: { graph: total },
          }
        : undefined,
    );
  }
  return relations;
}

async function main(): Promise<void> {
  const files = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
  const reference = new ExcelJS.Workbook();
  await reference.xlsx.readFile(path.join(sourceDir, REFERENCE));
  const layouts = reference.worksheets.map(readSheet);
  const structure: FormStructure = {
    form: '1-m',
    validFromPeriod: '2019-01',
    provisional: false,
    source:
      'КПСиСУ ГП РК, form 1-М «О зарегистрированных уголовных правонарушениях», regional workbooks (Свод) for 2022 ' +
      'from qamqor.gov.kz/crimestat/statistics, as kept in open-data-kazakhstan/city-crime archive/*.XLSX ' +
      `(commit 36f86785); layout from ${REFERENCE}, relations checked on all ${files.length} regions`,
    cumulative: true,
    access: 'public',
    breakdown: { dimension: 'region', total: '00' },
    sections: layouts.map((l) => l.section),
  };

  const regions: Values[] = [];
  for (const file of files) {
    const parsed = await parseOfficialWorkbook(readFileSync(path.join(sourceDir, file)), structure);
    if (parsed.problems.length > 0)
      throw new Error(`${file}: ${JSON.stringify(parsed.problems.slice(0, 5))}`);
    regions.push(new Map(parsed.observations.map((o) => [key(o.section, o.row, o.graph), o.value ?? 0])));
    process.stdout.write(`${file}: ${parsed.observations.length} values, ${parsed.meta.regionHint ?? '?'}\n`);
  }
  const tally: Tally = { kept: 0, dropped: 0, untested: 0 };
  for (const layout of layouts) {
    const before = { ...tally };
    layout.section.relations = deriveRelations(layout, regions, tally);
    const delta = (k: keyof Tally) => tally[k] - before[k];
    process.stdout.write(
      `${layout.section.id}: kept ${delta('kept')}, failed ${delta('dropped')}, untested ${delta('untested')}\n`,
    );
  }
  process.stdout.write(`relations kept ${tally.kept}, failed ${tally.dropped}, untested ${tally.untested}\n`);
  mkdirSync(path.dirname(target), { recursive: true });
  const header =
    '# Form 1-М, structure from period 2019-01. Generated by scripts/extract-structure.ts from the real\n' +
    '# workbooks (see that script); every relation below held exactly in all 20 regions for 2022.\n';
  writeFileSync(target, header + stringify(structure, { lineWidth: 0, flowCollectionPadding: false }));
}

await main();
