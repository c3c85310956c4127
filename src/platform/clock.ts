// The one place that reads the wall clock. Law time (deadlines, embargoes, journal times) comes
// from an injected Clock, never from SQL now(), so tests can set it.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and demonstrations: fixed until moved. */
export class SettableClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The calendar date in Kazakhstan (Asia/Almaty), as YYYY-MM-DD, of an instant. */
export function localDateOf(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

function almatyOffsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Almaty', timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The instant of a civil date and time (`YYYY-MM-DD`, `HH:MM`) in Kazakhstan (Asia/Almaty). */
export function instantInKazakhstan(date: string, time = '00:00'): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi);
  return new Date(utc - almatyOffsetMinutes(new Date(utc)) * 60_000);
}

/** The end of a civil date in Kazakhstan: the first instant of the next day. */
export function endOfDayInKazakhstan(date: string): Date {
  const start = instantInKazakhstan(date);
  return instantInKazakhstan(localDateOf(new Date(start.getTime() + 30 * 3600_000)));
}
