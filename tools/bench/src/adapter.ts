import type { Destination } from './destination.js';
import type { Runner } from './runner.js';
import type { WorkloadId } from './workloads.js';

/** Prepares a library for a workload, or returns undefined if that library does not run it. */
export type Adapter = (workload: WorkloadId, destination: Destination) => Runner | undefined;
