import { formatFloatF } from '../go/float.js';

/**
 * Kubernetes' `ts`: float64(UnixNano) / 1e6, printed by zap without an exponent. The division happens on
 * the rounded float64 exactly as in Go, so the digits match (`1709802303012.3457`, `0.000123`).
 */
let lastMs = Number.NaN;
let lastText = '';

export function epochMillis(timeMs: number, timeNs: number): string {
  if (timeNs === 0) {
    // Lines come in bursts within one millisecond: format each millisecond once.
    if (timeMs !== lastMs) {
      // ms * 1e6 is rounded once, like Go's int64 → float64 conversion.
      lastText = formatFloatF((timeMs * 1e6) / 1e6);
      lastMs = timeMs;
    }
    return lastText;
  }
  return formatFloatF(unixNanos(timeMs, timeNs) / 1e6);
}

const TWO_TO_21 = 2 ** 21;

/**
 * float64(UnixNano), rounded once as Go's int64 → float64 conversion rounds it, without a bigint: the
 * milliseconds are split so that both halves of the sum are exact doubles, and one addition rounds.
 */
export function unixNanos(timeMs: number, timeNs: number): number {
  const high = Math.floor(timeMs / TWO_TO_21);
  const low = timeMs - high * TWO_TO_21;
  return high * 1e6 * TWO_TO_21 + (low * 1e6 + timeNs);
}
