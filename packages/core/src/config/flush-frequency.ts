import { parseGoDuration } from './go-duration.js';

const NANOSECONDS_PER_MS = 1e6;

/**
 * Kubernetes' `flushFrequency` (component-base's TimeOrMetaDuration) in milliseconds: a string is a Go
 * duration (`5s`), a number is a whole number of NANOSECONDS (`1000000000` is 1 s), so that a setting copied
 * from a Kubernetes component's configuration file means the same here. Undefined for anything else.
 */
export function flushFrequencyMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value / NANOSECONDS_PER_MS : undefined;
  return typeof value === 'string' ? parseGoDuration(value) : undefined;
}
