// The command line as staff use it: import official workbooks (all or nothing per file), then
// export the public table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tsx = path.resolve('node_modules/.bin/tsx');
const main = path.resolve('src/main.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanstat-cli-'));
fs.chmodSync(dataDir, 0o755);
const real = path.resolve('../shared/data/real/qamqor_sng1_2022_by_region/source_xlsx');

function zanstat(...args: string[]) {
  return zanstatWith({}, ...args);
}
function zanstatWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(tsx, [main, ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(Boolean(process.env.DATABASE_URL))('zanstat import and export', () => {
  it('a read-only command never migrates: an unmigrated database is an error naming zanstat migrate', () => {
    for (const args of [
      ['journal', 'verify'],
      ['due', '1-М', '2024-03'],
      ['export', '1-М', 'R1', '2022-12'],
    ]) {
      const r = zanstat(...args);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(/^zanstat: the database lacks \d+ migration\(s\) .*: run zanstat migrate/);
    }
  }, 120_000);

  it('imports workbooks with a summary, refuses a broken file whole, and exports the table', () => {
    const broken = path.join(dataDir, 'broken.xlsx');
    fs.writeFileSync(broken, fs.readFileSync(path.join(real, '71_Astana_city.xlsx')).subarray(0, 5000));
    const imp = zanstat(
      'import',
      path.join(real, '71_Astana_city.xlsx'),
      path.join(real, '75_Almaty_city.xlsx'),
      broken,
      '--form',
      'tmd-1',
      '--period',
      '2022-Q4',
      '--breakdown',
      '71',
    );
    // The breakdown given applies to every file: the second is stored as 71 too, superseding — it needs a reason.
    expect(imp.err).toContain('[1/3] 71_Astana_city.xlsx: ТМД-1 2022-Q4 — 71 rev 1');
    expect(imp.err).toContain('/reason');
    expect(imp.err).toMatch(/\[3\/3\] broken\.xlsx: refused[\s\S]*not_xlsx|\[3\/3\] broken\.xlsx: refused/);
    expect(imp.out).toContain('1 of 3 file(s) imported');
    expect(imp.code).toBe(1);

    // Imported is not published: the public export says so; the operator exports what was received.
    expect(zanstat('export', 'tmd-1', 'R1', '2022-Q4', '--format', 'csv').err).toContain('not published yet');
    const csv = zanstat(
      'export',
      'tmd-1',
      'R1',
      '2022-Q4',
      '--region',
      '71',
      '--format',
      'csv',
      '--unpublished',
    );
    expect(csv.code, csv.err).toBe(0);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toMatch(/^\uFEFF?section,row,label,breakdown,g1/);
    expect(lines).toHaveLength(1 + 32);
    const out = path.join(dataDir, 'tmd-1.xlsx');
    const xlsx = zanstat(
      'export',
      'tmd-1',
      'R1',
      '2022-Q4',
      '--format',
      'xlsx',
      '--out',
      out,
      '--unpublished',
    );
    expect(xlsx.code, xlsx.err).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(
      zanstat('export', 'tmd-1', 'R1', '2022-Q4', '--format', 'pdf', '--out', out, '--unpublished').err,
    ).toContain('give --region');
  }, 240_000);

  it('import --json prints the outcome of every file, and no progress bar off a terminal', () => {
    const imp = zanstat(
      'import',
      path.join(real, '75_Almaty_city.xlsx'),
      '--form',
      'tmd-1',
      '--period',
      '2022-Q4',
      '--breakdown',
      '75',
      '--json',
    );
    expect(imp.code, imp.err).toBe(0);
    const out = JSON.parse(imp.out) as {
      imported: number;
      refused: number;
      values: number;
      files: unknown[];
    };
    expect(out).toMatchObject({
      imported: 1,
      refused: 0,
      files: [{ form: 'ТМД-1', period: '2022-Q4', revisions: [{ breakdown: '75', revision: 1 }] }],
    });
    expect(out.values).toBeGreaterThan(0);
    expect(imp.err).not.toContain('[#');
  }, 120_000);

  it('imports a register list as a whole, or refuses it naming line and column with nothing stored', () => {
    const usage = zanstat('registers', 'import', 'terrorist-organisations');
    expect(usage.code).toBe(2); // a usage error
    expect(usage.err).toContain('zanstat registers import <register> <file.csv> --valid-from D');
    const broken = path.join(dataDir, 'broken.csv');
    fs.writeFileSync(broken, 'seq,name_ru\n1,«A»\n1,«B»\n');
    const refused = zanstat(
      'registers',
      'import',
      'terrorist-organisations',
      broken,
      '--valid-from',
      '2025-06-01',
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('/line/3/seq: line 3, column seq: sequence number 1 is already on line 2');
    const list = path.join(dataDir, 'list.csv');
    fs.writeFileSync(list, 'seq,name_ru\n1,«A»\n2,«B»\n');
    const imported = zanstat(
      'registers',
      'import',
      'terrorist-organisations',
      list,
      '--valid-from',
      '2025-06-01',
      '--decision',
      'Решение суда № 1',
    );
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(
      /terrorist-organisations: import \d+ of 2 rows in force from 2025-06-01 — 2 added/,
    );
  }, 120_000);

  it('token create lasts TOKEN_DEFAULT_DAYS unless --days says otherwise', () => {
    const days = (r: { code: number | null; out: string; err: string }) => {
      expect(r.code, r.err).toBe(0);
      const { secret, expiresAt } = JSON.parse(r.out) as { secret: string; expiresAt: string };
      expect(secret).toMatch(/^zst_/);
      return Math.round((Date.parse(expiresAt) - Date.now()) / 86_400_000);
    };
    const args = [
      'token',
      'create',
      '--name',
      'police',
      '--org',
      'ministry-of-internal-affairs',
      '--role',
      'subject',
      '--json',
    ];
    expect(days(zanstatWith({ TOKEN_DEFAULT_DAYS: '7' }, ...args))).toBe(7);
    expect(days(zanstatWith({ TOKEN_DEFAULT_DAYS: '7' }, ...args, '--days', '30'))).toBe(30);
  }, 120_000);
});
