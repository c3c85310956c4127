#!/usr/bin/env node
// The zanstat command: finds the command (src/cli/commands.ts), parses its options, runs it, and
// turns every failure into one line (`--debug` adds the stack). Exit codes: 0 done, 1 failed,
// 2 a usage error.
import { parseArgs } from 'node:util';
import { ConfigError } from './platform/config.js';
import { DomainError } from './platform/errors/index.js';
import { DataDirInUseError } from './platform/db/index.js';
import { version } from './platform/version.js';
import {
  commandHelp,
  commands,
  commandsOf,
  groupUsage,
  overallHelp,
  type Command,
  type Values,
} from './cli/commands.js';
import { CommandError, PendingMigrationsError, UsageError } from './cli/usage-error.js';

const isHelp = (a: string) => a === '--help' || a === '-h';

/** The command named by the first one or two words, and the words it used. */
function findCommand(words: string[]): [Command, number] | null {
  const [first, second] = words;
  const two = commands.find((c) => c.name === `${first} ${second}`);
  if (two) return [two, 2];
  const one = commands.find((c) => c.name === first);
  return one ? [one, 1] : null;
}

/** node:util's option errors, said in one line with the command's help to read. */
function parseOptions(c: Command, args: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args, options: c.options, allowPositionals: true, strict: true }) as {
      values: Values;
      positionals: string[];
    };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    const option = /'(-[^' ]+)/.exec((err as Error).message)?.[1];
    const problem =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${option ?? ''}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option
          ? `${option} ${c.options[option.replace(/^-+/, '')]?.type === 'boolean' ? 'takes no value' : 'needs a value'}`
          : (err as Error).message;
    throw new UsageError(`${problem}; zanstat ${c.name} --help lists its options`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === 'help' || isHelp(first)) {
    const found = first === 'help' ? findCommand(argv.slice(1)) : null;
    process.stdout.write(found ? commandHelp(found[0]) : overallHelp(version));
    return 0;
  }
  if (first === '--version' || first === '-V') {
    console.log(version);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    if (commandsOf(first).length) {
      // a group alone (`zanstat journal`) or with a word it does not know
      const asked = argv.slice(1).some(isHelp);
      (asked ? process.stdout : process.stderr).write(groupUsage(first));
      return asked ? 0 : 2;
    }
    throw new UsageError(`unknown command "${first}"; zanstat --help lists the commands`);
  }
  const [command, used] = found;
  const args = argv.slice(used);
  if (args.some(isHelp)) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  const { values, positionals } = parseOptions(command, args);
  return command.run(values, positionals);
}

/** The one line a failure prints: what went wrong, never a stack unless `--debug`. */
function reportFailure(err: unknown, debug: boolean): number {
  const say = (line: string) => process.stderr.write(`zanstat: ${line}\n`);
  if (err instanceof UsageError) {
    say(err.message);
    return 2;
  }
  if (err instanceof DomainError) {
    say(err.message);
    for (const e of err.errors) process.stderr.write(`  ${e.pointer}: ${e.message}\n`);
  } else if (
    err instanceof ConfigError ||
    err instanceof DataDirInUseError ||
    err instanceof CommandError ||
    err instanceof PendingMigrationsError
  )
    say(err.message);
  else {
    // input errors of the pure cores (calendar, obligations) carry a code; anything else is
    // said by its message, and --debug shows where it came from
    const code = (err as { code?: unknown } | null)?.code;
    const message = err instanceof Error ? err.message : String(err);
    const coded = typeof code === 'string' && /^[a-z_]+$/.test(code) ? ` (${code})` : '';
    say(`${message}${coded || debug ? coded : ' (--debug shows where)'}`);
  }
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return 1;
}

const argv = process.argv.slice(2);
const debug = argv.includes('--debug');
main(argv.filter((a) => a !== '--debug')).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => process.exit(reportFailure(err, debug)),
);
