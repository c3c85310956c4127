import { pino, type Logger, type LoggerOptions } from 'pino';
import { PinoPretty } from 'pino-pretty';

export type { Logger };

export type LogFormat = 'auto' | 'pretty' | 'json';

/** What a request's line and the start banner carry besides their message, which says it all. */
const saidInTheMessage = ['reqId', 'req', 'res', 'responseTime', 'url', 'next'];

/**
 * The log on standard output, secrets redacted wherever they appear: one JSON object per line for
 * a machine, or (`pretty`, or `auto` on a terminal) one readable line per event for a person.
 * The commands other than `serve` log to standard error, which leaves their output clean.
 */
export function createLogger(
  level: string,
  format: LogFormat = 'json',
  to: 'stdout' | 'stderr' = 'stdout',
): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'zanstat' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
  const fd = to === 'stdout' ? 1 : 2;
  const terminal = process[to].isTTY === true;
  if (format === 'json' || (format === 'auto' && !terminal)) return pino(options, pino.destination(fd));
  return pino(
    options,
    PinoPretty({
      destination: fd,
      colorize: terminal,
      translateTime: 'SYS:HH:MM:ss',
      ignore: ['pid', 'hostname', 'service', ...saidInTheMessage].join(','),
      singleLine: true,
      sync: true,
    }),
  );
}
