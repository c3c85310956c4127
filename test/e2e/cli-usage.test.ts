// `npx zanstat` as a person first meets it: help for the whole and for each command, the
// version, and every mistake said in one line with its exit code (2 usage, 1 failure), never
// a stack trace. None of these opens a database.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';

function npxZanstat(...args: string[]) {
  const r = spawnSync('npx', ['--no-install', 'zanstat', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATA_DIR: '/nonexistent/zanstat-never-opened' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('npx zanstat', () => {
  it('--help lists every command and the exit codes; --version prints the version', () => {
    const help = npxZanstat('--help');
    expect(help.code).toBe(0);
    for (const c of commands) expect(help.out).toContain(`zanstat ${c.name}`);
    expect(help.out).toContain('Exit codes: 0');
    const v = npxZanstat('--version');
    expect(v.code).toBe(0);
    expect(v.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 60_000);

  it('export --help explains the command; journal alone prints its usage', () => {
    const help = npxZanstat('export', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: zanstat export <form> <section> <period>');
    expect(help.out).toContain('--unpublished');
    noStack(help.out + help.err);
    const journal = npxZanstat('journal');
    expect(journal.code).toBe(2);
    expect(journal.err).toContain('zanstat journal verify');
  }, 60_000);

  it('an unknown command or option is a usage error (2) in one line', () => {
    const nonsense = npxZanstat('nonsense');
    expect(nonsense.code).toBe(2);
    expect(nonsense.err.trim()).toBe(
      'zanstat: unknown command "nonsense"; zanstat --help lists the commands',
    );
    const typo = npxZanstat('export', '1-М', 'R1', '2022-12', '--fromat', 'csv');
    expect(typo.code).toBe(2);
    expect(typo.err.trim()).toBe('zanstat: unknown option --fromat; zanstat export --help lists its options');
  }, 60_000);

  it('a missing file fails (1) before any database is opened, with no stack trace', () => {
    const missing = npxZanstat('import', 'missing.xlsx');
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe('zanstat: cannot read missing.xlsx: no such file');
    noStack(missing.err);
  }, 60_000);

  it('catalog check --json prints the outcome as JSON, for scripts', () => {
    const r = npxZanstat('catalog', 'check', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ valid: true, problems: [] });
    expect(r.err).toBe('');
  }, 60_000);
});
