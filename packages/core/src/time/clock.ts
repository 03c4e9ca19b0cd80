/**
 * The time source of a logger: epoch milliseconds as a number (fractions allowed), or epoch nanoseconds
 * as a bigint for exact sub-millisecond times. Tests fix it; the default is `Date.now`.
 */
export type Clock = () => number | bigint;

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
