// The commands of `zanstat`: each with its usage, what it does, its options, and what runs it.
// The implementations are imported when a command runs, so `--help` answers at once.
import type { ParseArgsConfig } from 'node:util';
import type { Values } from './usage-error.js';

export type { Values };

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  /** one or two words: `export`, `token create` */
  name: string;
  /** the arguments after the name */
  synopsis: string;
  summary: string;
  /** each option with what it does (the flags come from `options`) */
  help: [flag: string, text: string][];
  options: Options;
  run(values: Values, positionals: string[]): Promise<number>;
}

const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const json: [string, string] = ['--json', 'print JSON, for scripts'];

const text = (values: Values, key: string) => values[key] as string | undefined;

export const commands: Command[] = [
  {
    name: 'serve',
    synopsis: '[--role all|web|worker]',
    summary: 'serve the portal, the API and the jobs (migrates the database first)',
    help: [['--role', 'all (default, or ROLE), web (HTTP only) or worker (jobs only)']],
    options: { role: str },
    run: async (v) => {
      const { serve } = await import('./serve.js');
      await serve(text(v, 'role'));
      return -1; // keeps running
    },
  },
  {
    name: 'migrate',
    synopsis: '[--json]',
    summary: 'apply the database migrations and load the catalogue and the form structures',
    help: [json],
    options: { json: bool },
    run: async (v) => {
      const { withRuntime } = await import('./runtime.js');
      await withRuntime(async () => undefined);
      console.log(v.json ? JSON.stringify({ migrated: true }) : 'migrations applied');
      return 0;
    },
  },
  {
    name: 'user add',
    synopsis: '--login L --name N --role R --org O --password-stdin [--json]',
    summary: 'add a user (the first administrator, say); the password is read from standard input',
    help: [
      ['--login', 'the sign-in name'],
      ['--name', 'the name shown'],
      ['--role', 'admin, editor, subject, recipient or auditor (docs/access.md)'],
      ['--org', 'the organisation (docs/access.md), e.g. committee'],
      ['--password-stdin', 'read the password from standard input'],
      ['--json', 'print { id, login, role, organisationId }'],
    ],
    options: { login: str, name: str, role: str, org: str, 'password-stdin': bool, json: bool },
    run: async (v) => (await import('./accounts.js')).addUserCommand(v),
  },
  {
    name: 'token create',
    synopsis: '--name N --org O --role R [--days D] [--json]',
    summary: 'create an API token for a machine client; its secret is printed once',
    help: [
      ['--name', 'what the token is for'],
      ['--org', 'the organisation (docs/access.md): a subject submits only what it files'],
      ['--role', 'admin, editor, subject, recipient or auditor'],
      ['--days', 'days of validity, 1 to 3650 (default TOKEN_DEFAULT_DAYS)'],
      ['--json', 'print { id, secret, expiresAt }'],
    ],
    options: { name: str, org: str, role: str, days: str, json: bool },
    run: async (v) => (await import('./accounts.js')).createTokenCommand(v),
  },
  {
    name: 'token revoke',
    synopsis: '<id> [--json]',
    summary: 'revoke an API token',
    help: [['--json', 'print { id, revoked: true }']],
    options: { json: bool },
    run: async (v, p) => (await import('./accounts.js')).revokeTokenCommand(p[0], Boolean(v.json)),
  },
  {
    name: 'journal verify',
    synopsis: '[--json]',
    summary: "check the log journal's hash chain (read-only; exit 1 when broken)",
    help: [json],
    options: { json: bool },
    run: async (v) => (await import('./journal.js')).verifyJournalCommand(Boolean(v.json)),
  },
  {
    name: 'due',
    synopsis: '<item> <period> [--channel c] [--json]',
    summary: 'the due dates of a form (1-М), dataset or collection for a period (read-only)',
    help: [['--channel', 'only the obligations of this channel'], json],
    options: { channel: str, json: bool },
    run: async (v, p) =>
      (await import('./obligations.js')).due(p[0], p[1], text(v, 'channel'), Boolean(v.json)),
  },
  {
    name: 'obligations',
    synopsis: '[--from D] [--to D] [--item i] [--channel c] [--json]',
    summary: 'every obligation due in a range of dates (read-only)',
    help: [
      ['--from', 'the first day (default today)'],
      ['--to', 'the last day (default 90 days on)'],
      ['--item', 'one form, dataset or collection'],
      ['--channel', 'one channel'],
      json,
    ],
    options: { from: str, to: str, item: str, channel: str, json: bool },
    run: async (v) =>
      (await import('./obligations.js')).obligations({
        from: text(v, 'from'),
        to: text(v, 'to'),
        item: text(v, 'item'),
        channel: text(v, 'channel'),
        json: Boolean(v.json),
      }),
  },
  {
    name: 'import',
    synopsis: '<files…> [--form f] [--period p] [--breakdown b] [--reason r] [--official] [--json]',
    summary: 'import official workbooks (.xlsx), CSV or JSON; each file all or nothing',
    help: [
      ['--form', 'the form (1-М); .xlsx files name their own'],
      ['--period', 'the period (2023-Q4, 2022-12)'],
      ['--breakdown', 'the region or agency, for every file'],
      ['--reason', 'why, when a file revises figures already there'],
      ['--official', 'the figures are official ones as published'],
      ['--json', 'print the outcome of every file as JSON (no progress bar)'],
    ],
    options: { form: str, period: str, breakdown: str, reason: str, official: bool, json: bool },
    run: async (v, p) =>
      (await import('./import.js')).importFiles(p, {
        form: text(v, 'form'),
        period: text(v, 'period'),
        breakdown: text(v, 'breakdown'),
        reason: text(v, 'reason'),
        official: Boolean(v.official),
        json: Boolean(v.json),
      }),
  },
  {
    name: 'export',
    synopsis: '<form> <section> <period> [--region r] [--format f] [--lang l] [--out file] [--unpublished]',
    summary: 'a published table in one of its formats (read-only)',
    help: [
      ['--region', 'one region or agency (a PDF needs one)'],
      ['--format', 'json, csv (default), xlsx, pdf or json-stat'],
      ['--lang', 'kk (default), ru or en'],
      ['--out', 'the file to write (standard output if none; xlsx and pdf need one)'],
      ['--unpublished', 'the figures as received, before publication'],
    ],
    options: { region: str, format: str, lang: str, out: str, unpublished: bool },
    run: async (v, p) =>
      (await import('./export.js')).exportTable(p, {
        region: text(v, 'region'),
        format: text(v, 'format'),
        lang: text(v, 'lang'),
        out: text(v, 'out'),
        unpublished: Boolean(v.unpublished),
      }),
  },
  {
    name: 'registers import',
    synopsis:
      '<register> <file.csv> --valid-from D [--decision "…"] [--decision-kind K] [--decision-date D] [--json]',
    summary:
      "a new state of a register's whole list (CSV: seq,name_ru[,name_kk_field,raw_name_ru,egov_dataset]), in force from D; all or nothing",
    help: [
      ['--valid-from', 'the first day the list is in force (rows gone end the day before)'],
      ['--decision', 'the decision that grounds the change, as written'],
      ['--decision-kind', 'its kind (a court decision, say)'],
      ['--decision-date', 'its date, YYYY-MM-DD'],
      json,
    ],
    options: { 'valid-from': str, decision: str, 'decision-kind': str, 'decision-date': str, json: bool },
    run: async (v, p) =>
      (await import('./registers.js')).registersImport(p, {
        validFrom: text(v, 'valid-from'),
        decision: text(v, 'decision'),
        decisionKind: text(v, 'decision-kind'),
        decisionDate: text(v, 'decision-date'),
        json: Boolean(v.json),
      }),
  },
  {
    name: 'catalog check',
    synopsis: '[dir…] [--json]',
    summary: 'check catalogue folders (the built-in one first); no database',
    help: [['--json', 'print { valid, problems: [{ file, line, column, pointer, message }] }']],
    options: { json: bool },
    run: async (v, p) => (await import('./catalog.js')).catalogCheck(p, Boolean(v.json)),
  },
  {
    name: 'catalog load',
    synopsis: '<dir> [--json]',
    summary: "load a new act's catalogue folder into the database",
    help: [['--json', 'print what was added, changed and kept, and the revision']],
    options: { json: bool },
    run: async (v, p) => (await import('./catalog.js')).catalogLoad(p[0], Boolean(v.json)),
  },
  {
    name: 'config docs',
    synopsis: '',
    summary: 'print the configuration reference (Markdown); no database',
    help: [],
    options: {},
    run: async () => {
      const { renderConfigDocs } = await import('../platform/config.js');
      process.stdout.write(renderConfigDocs());
      return 0;
    },
  },
];

export const exitCodes = `Exit codes: 0 done; 1 failed (a refused file, a missing file, a broken journal, a database
that needs \`zanstat migrate\`); 2 a usage error (an unknown command or option, a missing argument).`;

const pad = (s: string, n: number) => (s.length >= n ? `${s}  ` : s.padEnd(n));

/** `zanstat --help`: every command with what it does. */
export function overallHelp(version: string): string {
  const lines = commands.map((c) => `  ${pad(`zanstat ${c.name}`, 24)}${c.summary}`);
  return `zanstat ${version} — the information system of legal statistics

Usage: zanstat <command> [options]

${lines.join('\n')}

  zanstat <command> --help   the command's arguments and options
  zanstat --version          the version
  --debug                    with any command: a failure prints its stack trace

Settings come from the environment (docs/config.md): DATABASE_URL, DATA_DIR, LOG_LEVEL, …
${exitCodes}
`;
}

export const usageLine = (c: Command): string => `zanstat ${c.name}${c.synopsis ? ` ${c.synopsis}` : ''}`;

/** `zanstat <command> --help`. */
export function commandHelp(c: Command): string {
  const width = Math.max(0, ...c.help.map(([f]) => f.length)) + 4;
  const options = c.help.map(([flag, t]) => `  ${flag.padEnd(width)}${t}`).join('\n');
  return `Usage: ${usageLine(c)}

${c.summary.charAt(0).toUpperCase()}${c.summary.slice(1)}.
${options ? `\n${options}\n` : ''}
${exitCodes}
`;
}

/** The commands under a group word (`journal` → `journal verify`). */
export const commandsOf = (group: string): Command[] =>
  commands.filter((c) => c.name.startsWith(`${group} `));

export function groupUsage(group: string): string {
  return `Usage:\n${commandsOf(group)
    .map((c) => `  ${pad(usageLine(c), 40)}${c.summary}`)
    .join('\n')}\n`;
}
