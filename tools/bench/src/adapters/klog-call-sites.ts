import { fileURLToPath } from 'node:url';
import { callMethodAt, createLogger } from '@klog-ts/core';
import type { Adapter } from '../adapter.js';
import { closeKlogDestination, openKlogDestination } from '../destination.js';
import { latencyAt, MESSAGE, NODE, podRef } from '../workload-data.js';

const FILE = fileURLToPath(import.meta.url);

/**
 * klog-ts text with the caller recorded the build-time way: W2's call written as the call-site loader
 * (`@klog-ts/core/register`) rewrites `log.infoS(MESSAGE, …)`, so no stack is captured. W2 only.
 */
export const klogCallSitesAdapter: Adapter = (workload, destination) => {
  if (workload !== 'W2') return undefined;
  const output = openKlogDestination(destination);
  const log = createLogger({ format: 'text', verbosity: 2, caller: true, output });
  return {
    run(calls) {
      for (let i = 0; i < calls; i++) {
        callMethodAt(FILE, 20, log, 'infoS', MESSAGE, 'pod', podRef(), 'node', NODE, 'attempt', i, 'latency', latencyAt(i), 'ok', true);
      }
    },
    close: () => closeKlogDestination(output),
  };
};
