import { PerformanceObserver } from 'node:perf_hooks';
import { collectGarbage } from './gc.js';

/** What a run of calls allocated on the JavaScript heap. */
export interface Allocation {
  calls: number;
  /** Heap growth over the run, when no collection happened during it (then it is exact). */
  heapGrowthBytes: number;
  /** Garbage collections during the run: any at all means the calls allocate. */
  collections: number;
  /** Bytes per call: growth / calls, or (after a collection) measured again on a run short enough to fit. */
  bytesPerCall: number;
  allocates: boolean;
}

/** Growth below this over the whole run is code and feedback the JIT made, not the calls. */
const NOISE_BYTES = 64 * 1024;
const SHORT_RUN = 1000;

async function measureOnce(run: (calls: number) => unknown, calls: number): Promise<{ growth: number; collections: number }> {
  collectGarbage();
  let collections = 0;
  const observer = new PerformanceObserver((list) => {
    collections += list.getEntries().length;
  });
  observer.observe({ entryTypes: ['gc'] });
  const before = process.memoryUsage().heapUsed;
  await run(calls);
  const growth = process.memoryUsage().heapUsed - before;
  // Observers hear of collections asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return { growth, collections };
}

/**
 * Measures allocation: a full GC, then `calls` calls, then the heap growth and the number of collections
 * V8 reported during them (PerformanceObserver 'gc'). Without a collection the growth is every byte the
 * calls allocated; a scavenge would hide it, so its mere presence counts as allocation. `run` is warmed up
 * first so that the measurement does not see the JIT compiling it.
 */
export async function measureAllocation(run: (calls: number) => unknown, calls: number): Promise<Allocation> {
  // Two full runs first: compiling and optimizing the loop allocates (about 120 KiB for a tiny one).
  await run(calls);
  await run(calls);
  const { growth, collections } = await measureOnce(run, calls);
  let bytesPerCall = Math.max(0, growth) / calls;
  if (collections > 0) {
    const short = await measureOnce(run, Math.min(calls, SHORT_RUN));
    bytesPerCall = Math.max(bytesPerCall, Math.max(0, short.growth) / Math.min(calls, SHORT_RUN));
  }
  return { calls, heapGrowthBytes: growth, collections, bytesPerCall, allocates: collections > 0 || growth > NOISE_BYTES };
}
