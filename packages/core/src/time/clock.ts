/**
 * The time source of a logger: epoch milliseconds as a number (fractions allowed), or epoch nanoseconds
 * as a bigint for exact sub-millisecond times. Tests fix it; the default is {@link systemClock}.
 */
export type Clock = () => number | bigint;

/** The wall-clock time at which `performance.now()` read 0, adjusted whenever the wall clock moves. */
let origin = Date.now() - performance.now();

/**
 * The default clock: epoch milliseconds with microseconds, as klog's headers show them (`Date.now` alone
 * would always end in `000`). The monotonic clock gives the fraction; it is pinned to the wall clock, and
 * moved whenever the two disagree on the millisecond (a clock step, NTP), so it never strays from `Date.now`.
 */
export function systemClock(): number {
  const wall = Date.now();
  const monotonic = performance.now();
  const time = origin + monotonic;
  if (time >= wall && time < wall + 1) return time;
  origin = wall - monotonic;
  return wall;
}

/** Splits a clock reading into integer epoch milliseconds and the nanoseconds within the millisecond. */
export function splitTime(time: number | bigint): [ms: number, ns: number] {
  if (typeof time === 'bigint') {
    const ms = time >= 0n ? time / 1_000_000n : (time - 999_999n) / 1_000_000n;
    return [Number(ms), Number(time - ms * 1_000_000n)];
  }
  if (Number.isInteger(time)) return [time, 0];
  const ms = Math.floor(time);
  return [ms, Math.min(999_999, Math.round((time - ms) * 1e6))];
}
