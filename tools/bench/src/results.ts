import type { Machine } from './machine.js';
import type { Allocation } from './measure-allocation.js';
import type { PeakRss } from './peak-rss.js';
import type { Cell } from './run-rounds.js';
import { median } from './stats.js';
import type { WorkloadId } from './workloads.js';

/** Everything one `pnpm bench` run measured. */
export interface BenchResults {
  lines: number;
  rounds: number;
  warmup: number;
  workloads: readonly WorkloadId[];
  machine: Machine;
  cells: readonly Cell[];
  /** W5's allocation check, by variant id. */
  allocations: ReadonlyMap<string, Allocation>;
  /** Empty when `--no-rss`. */
  rss: readonly PeakRss[];
}

function cellOf(results: BenchResults, variantId: string, workload: WorkloadId): Cell | undefined {
  return results.cells.find((cell) => cell.variant.id === variantId && cell.workload === workload);
}

/** A variant's median ns per call on a workload, or undefined if it did not run. */
export function medianOf(results: BenchResults, variantId: string, workload: WorkloadId): number | undefined {
  return cellOf(results, variantId, workload)?.median;
}

/** The ratio of two medians, or undefined if either did not run. */
export function ratioOf(results: BenchResults, a: [string, WorkloadId], b: [string, WorkloadId]): number | undefined {
  const top = medianOf(results, ...a);
  const bottom = medianOf(results, ...b);
  return top === undefined || bottom === undefined ? undefined : top / bottom;
}

/**
 * The median over rounds of the per-round ratio a/b. Every cell runs once per round, so round r of both
 * ran under the same load; this is steadier than the ratio of medians when the load drifts.
 */
export function pairedRatioOf(results: BenchResults, a: [string, WorkloadId], b: [string, WorkloadId]): number | undefined {
  const top = cellOf(results, ...a);
  const bottom = cellOf(results, ...b);
  if (top === undefined || bottom === undefined || top.samples.length !== bottom.samples.length) return undefined;
  return median(top.samples.map((sample, round) => sample / bottom.samples[round]));
}
