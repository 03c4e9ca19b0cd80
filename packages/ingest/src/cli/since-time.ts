import { CliError } from './cli-error.js';

const UNITS_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)/g;

// ISO 8601 as people type it: a date, then a time (after `T` or a space) and a zone, both optional.
// Nothing looser: Date.parse alone takes "5" as May 2001 and "March 7" as 2001-03-07.
const TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** The epoch milliseconds of an ISO date or time; a time without a zone, or a date alone, is local time. */
function isoTime(value: string): number | undefined {
  const match = TIME.exec(value);
  if (match === null) return undefined;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  // Date.parse rolls 02-30 over into March: a day the month does not have is a mistake.
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const text = value.length === 10 ? `${value}T00:00` : value.replace(' ', 'T');
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * A `--since`/`--until` value as epoch milliseconds: a duration back from now (`90s`, `15m`, `1h30m`, `2d`),
 * or an ISO date and time (`2024-03-07T09:00:00Z`, `2024-03-07 09:00` and `2024-03-07` in local time).
 */
export function parseTimeBound(flag: string, value: string, now: number): number {
  if (DURATION.test(value)) {
    let ms = 0;
    for (const [, amount, unit] of value.matchAll(DURATION_PART)) ms += Number(amount) * UNITS_MS[unit];
    return now - ms;
  }
  const time = isoTime(value);
  if (time === undefined) throw new CliError(`invalid ${flag} "${value}": expected a duration such as 15m or 2h, or a time such as 2024-03-07T09:00:00Z`);
  return time;
}
