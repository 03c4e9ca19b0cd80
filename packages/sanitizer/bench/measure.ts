import { setLogFilter, type Entry, type LogFilter, type Logger } from '@klog-ts/core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { klogLines } from './klog-lines.js';
import type { WorkloadId } from './variants.js';

let gc: (() => void) | undefined;

/** A full GC before each timed run, so that one variant's garbage is not collected on another's time. */
export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** CPU nanoseconds (user + system: the machine is shared, and another process's burst must not count) per call of `run`. */
export function cpuNsPer(calls: number, run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / calls;
}

/** The entry a workload's line hands to the filter stage. */
export function entryOf(logger: Logger, workload: WorkloadId): Entry {
  let captured: Entry | undefined;
  setLogFilter({ filterEntry: (entry) => void (captured = entry) });
  klogLines(logger, workload, 1);
  setLogFilter(undefined);
  return captured!;
}

/**
 * The filter's own cost per entry, without encoding or writing: the median of many short samples, which
 * a busy machine disturbs less than the end-to-end ratio. Nanoseconds of CPU time per entry. The filter
 * is installed and called as klog-ts's logger calls it for its own encoders (`filterEntry(entry, true)`):
 * with `scan: 'objects'` (the default in redact mode without key names or detectors) plain data is then
 * left to the encoders, whose own calls (for objects that are not plain data) are not counted here.
 */
export function filterCost(filter: LogFilter, entry: Entry): number {
  const samples: number[] = [];
  setLogFilter(filter);
  try {
    for (let s = 0; s < 41; s++) {
      samples.push(
        cpuNsPer(20_000, () => {
          for (let n = 0; n < 20_000; n++) filter.filterEntry!(entry, true);
        }),
      );
    }
  } finally {
    setLogFilter(undefined);
  }
  return median(samples);
}
