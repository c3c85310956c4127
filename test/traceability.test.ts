// docs/traceability.md has one row per clause of catalog/clauses.yaml, and every file, name and
// test it cites exists (issue 3, item 5). A failure names the clause or the row at fault.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../', import.meta.url));
const DOC = 'docs/traceability.md';
const COLUMNS = ['clause', 'gist', 'catalogue entry', 'code', 'test', 'status'] as const;
/** The columns whose citations are checked against the files. */
const CITING = ['catalogue entry', 'code', 'test'] as const;
const CAPABILITIES = ['statistics store', 'publishing', 'open data', 'requests', 'collections', 'portal'];
const STATUS = new RegExp(
  `^(built|data only|outside the system|not yet built — (${CAPABILITIES.join('|')}))$`,
);
const REPO_PATH = /^(src|test|catalog|migrations|docs)\//;

interface Clause {
  id: string;
  gist: string;
}

interface Row {
  /** 1-based line in the document. */
  line: number;
  /** The id in the clause cell, when it is one id in backticks. */
  id: string | undefined;
  cells: Record<(typeof COLUMNS)[number], string>;
  cellCount: number;
}

const clauses = parse(readFileSync(path.join(root, 'catalog/clauses.yaml'), 'utf8')) as Clause[];
const clauseIds = clauses.map((clause) => clause.id);

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** The table whose header is COLUMNS: its rows up to the first line that is not a table line. */
function readTable(markdown: string): { header: number; rows: Row[] } {
  const lines = markdown.split('\n');
  const header = lines.findIndex(
    (line) => line.trim().startsWith('|') && splitRow(line).join('|') === COLUMNS.join('|'),
  );
  const rows: Row[] = [];
  if (header < 0) return { header, rows };
  for (let index = header + 2; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.trim().startsWith('|')) break;
    const cells = splitRow(line);
    const id = /^`([^`\s]+)`$/.exec(cells[0] ?? '')?.[1];
    rows.push({
      line: index + 1,
      id,
      cells: Object.fromEntries(COLUMNS.map((column, i) => [column, cells[i] ?? ''])) as Row['cells'],
      cellCount: cells.length,
    });
  }
  return { header, rows };
}

const fileTexts = new Map<string, string | null>();
/** The text of a repository file, or null for a directory. */
function textOf(file: string): string | null {
  if (!fileTexts.has(file)) {
    const full = path.join(root, file);
    fileTexts.set(file, statSync(full).isDirectory() ? null : readFileSync(full, 'utf8'));
  }
  return fileTexts.get(file)!;
}

/**
 * What is wrong with the citations of a cell. A path in backticks must exist; every name after it
 * (`a name` in backticks, or «a test name») must occur in the last file cited before it.
 */
function citationProblems(cell: string): string[] {
  const problems: string[] = [];
  let current: string | undefined;
  for (const match of cell.matchAll(/`([^`]+)`|«([^»]+)»/g)) {
    const [, ticked, quoted] = match;
    if (ticked !== undefined && REPO_PATH.test(ticked)) {
      if (!existsSync(path.join(root, ticked))) {
        problems.push(`${ticked} does not exist`);
        current = undefined;
      } else {
        current = ticked;
      }
      continue;
    }
    const name = (ticked ?? quoted)!;
    const shown = ticked !== undefined ? `\`${name}\`` : `«${name}»`;
    if (current === undefined) {
      problems.push(`${shown} follows no existing file`);
      continue;
    }
    const text = textOf(current);
    if (text === null) problems.push(`${shown} follows ${current}, a directory`);
    else if (!text.includes(name)) problems.push(`${shown} does not occur in ${current}`);
  }
  return problems;
}

const { header, rows } = readTable(readFileSync(path.join(root, DOC), 'utf8'));
const rowsOf = (id: string) => rows.filter((row) => row.id === id);

describe(`${DOC}`, () => {
  it(`has the table | ${COLUMNS.join(' | ')} |`, () => {
    expect(header, 'no table with these columns').toBeGreaterThanOrEqual(0);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('has catalog/clauses.yaml to check against', () => {
    expect(clauseIds.length).toBeGreaterThan(0);
    expect(new Set(clauseIds).size, 'catalog/clauses.yaml repeats an id').toBe(clauseIds.length);
  });

  it('names one clause id in backticks in the first cell of every row, with six cells', () => {
    const bad = rows
      .filter((row) => row.id === undefined || row.cellCount !== COLUMNS.length)
      .map((row) => `line ${row.line}: ${row.cells.clause} (${row.cellCount} cells)`);
    expect(bad).toEqual([]);
  });

  it('names no id that catalog/clauses.yaml does not have', () => {
    const known = new Set(clauseIds);
    const unknown = rows
      .filter((row) => row.id !== undefined && !known.has(row.id))
      .map((row) => `line ${row.line}: ${row.id}`);
    expect(unknown).toEqual([]);
  });

  it('names no id twice', () => {
    const seen = new Map<string, number>();
    const twice: string[] = [];
    for (const row of rows) {
      if (row.id === undefined) continue;
      const first = seen.get(row.id);
      if (first === undefined) seen.set(row.id, row.line);
      else twice.push(`${row.id}: lines ${first} and ${row.line}`);
    }
    expect(twice).toEqual([]);
  });

  it('keeps the order of catalog/clauses.yaml', () => {
    const known = new Set(clauseIds);
    const documented = rows.flatMap((row) => (row.id !== undefined && known.has(row.id) ? [row.id] : []));
    expect(documented).toEqual(clauseIds.filter((id) => documented.includes(id)));
  });

  it.each(clauseIds.map((id) => [id]))('has one row for %s, with a status and citations that exist', (id) => {
    const found = rowsOf(id);
    expect(found.length, `${id} has no row in ${DOC}`).toBeGreaterThan(0);
    expect(
      found.map((row) => row.line),
      `${id} has more than one row`,
    ).toHaveLength(1);
    const row = found[0]!;
    expect(row.cells.status, `${id}: empty status`).not.toBe('');
    expect(row.cells.status, `${id}: status is not one of the documented values`).toMatch(STATUS);
    expect(row.cells.gist, `${id}: empty gist`).not.toBe('');
    const problems = CITING.flatMap((column) =>
      citationProblems(row.cells[column]).map((problem) => `${column}: ${problem}`),
    );
    expect(problems, `${id} (line ${row.line})`).toEqual([]);
  });
});
