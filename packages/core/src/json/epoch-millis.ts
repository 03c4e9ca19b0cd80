import { formatFloatF } from '../go/float.js';

/**
 * Kubernetes' `ts`: float64(UnixNano) / 1e6, printed by zap without an exponent. The division happens on
 * the rounded float64 exactly as in Go, so the digits match (`1709802303012.3457`, `0.000123`).
 */
export function epochMillis(timeMs: number, timeNs: number): string {
  // ms * 1e6 is rounded once, like Go's int64 → float64 conversion; BigInt only when there are nanoseconds.
  const nanos = timeNs === 0 ? timeMs * 1e6 : Number(BigInt(timeMs) * 1_000_000n + BigInt(timeNs));
  return formatFloatF(nanos / 1e6);
}
