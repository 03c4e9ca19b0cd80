import { splitTime } from '@klog-ts/core/format';

/**
 * The logger clock the general way reads for a JSON `ts` (see RecordFormatter): a whole microsecond when
 * `ts` is exactly what one gives, else the float itself, split as the logger splits it.
 */
export function clockOf(ts: number): [ms: number, ns: number] {
  const micros = Math.round(ts * 1000);
  if ((micros * 1000) / 1e6 === ts) {
    const ms = Math.floor(micros / 1000);
    return [ms, (micros - ms * 1000) * 1000];
  }
  return Number.isInteger(ts) ? [ts, 0] : splitTime(ts);
}
