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
  return formatFloatF(Number(BigInt(timeMs) * 1_000_000n + BigInt(timeNs)) / 1e6);
}
