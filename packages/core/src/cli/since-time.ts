import { CliError } from './cli-error.js';

const UNITS_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)/g;

/**
 * A `--since`/`--until` value as epoch milliseconds: a duration back from now (`90s`, `15m`, `1h30m`, `2d`),
 * or a date and time (`2024-03-07T09:00:00Z`, `2024-03-07 09:00` in local time, `2024-03-07`).
 */
export function parseTimeBound(flag: string, value: string, now: number): number {
  if (DURATION.test(value)) {
    let ms = 0;
    for (const [, amount, unit] of value.matchAll(DURATION_PART)) ms += Number(amount) * UNITS_MS[unit];
    return now - ms;
  }
  const time = Date.parse(value.includes(' ') && !value.includes('T') ? value.replace(' ', 'T') : value);
  if (Number.isNaN(time)) throw new CliError(`invalid ${flag} "${value}": expected a duration such as 15m or 2h, or a time such as 2024-03-07T09:00:00Z`);
  return time;
}
