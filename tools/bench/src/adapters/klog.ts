import { createLogger, setVerbosity, V, type LogFormat, type Logger } from '@klog-ts/core';
import type { Adapter } from '../adapter.js';
import { closeKlogDestination, openKlogDestination } from '../destination.js';
import { BOUND_KV, latencyAt, MESSAGE, NESTED_MESSAGE, NODE, podRef, REQUEST, W5_LATENCY, W5_POD } from '../workload-data.js';

/** How klog-ts is set up: its format, whether it records the caller, and (W5) global `V` or `logger.V`. */
export interface KlogSettings {
  format: LogFormat;
  caller: boolean;
  global?: boolean;
  /** Colour the text as on a terminal (`color: true`); otherwise `'auto'`, which is off for `/dev/null`. */
  color?: boolean;
}

/**
 * The workload loops, written out per library on purpose (not shared through a helper): each call site
 * then sees one library only, so V8's inline caches do not mix libraries and skew the comparison.
 */
function body(log: Logger, workload: string, global: boolean): (calls: number) => void {
  switch (workload) {
    case 'W1':
      return (calls) => {
        for (let i = 0; i < calls; i++) log.infoS(MESSAGE);
      };
    case 'W2':
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          log.infoS(MESSAGE, 'pod', podRef(), 'node', NODE, 'attempt', i, 'latency', latencyAt(i), 'ok', true);
        }
      };
    case 'W3':
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          REQUEST.timing.db.rows = i;
          log.infoS(NESTED_MESSAGE, 'request', REQUEST, 'attempt', i, 'ok', true);
        }
      };
    case 'W4': {
      const bound = log.withValues(...BOUND_KV);
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          bound.infoS(MESSAGE, 'pod', podRef(), 'node', NODE, 'attempt', i, 'latency', latencyAt(i), 'ok', true);
        }
      };
    }
    case 'W4c':
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          log.withValues('controller', 'replicaset-controller', 'worker', i & 7, 'traceId', '4bf92f3577b34da6a3ce929d0e0e4736').infoS(MESSAGE, 'pod', podRef(), 'node', NODE, 'attempt', i, 'latency', latencyAt(i), 'ok', true);
        }
      };
    default:
      // W5: the same disabled call through the global V (klog.V(4).InfoS) or a logger's V.
      return global
        ? (calls) => {
            for (let i = 0; i < calls; i++) V(4).infoS(MESSAGE, 'pod', W5_POD, 'node', NODE, 'attempt', i, 'latency', W5_LATENCY, 'ok', true);
          }
        : (calls) => {
            for (let i = 0; i < calls; i++) log.V(4).infoS(MESSAGE, 'pod', W5_POD, 'node', NODE, 'attempt', i, 'latency', W5_LATENCY, 'ok', true);
          };
  }
}

/** klog-ts through `createLogger({ format, verbosity: 2, caller, output, color })` with its own `destination()`. */
export function klogAdapter({ format, caller, global = false, color }: KlogSettings): Adapter {
  return (workload, destination) => {
    if (global && workload !== 'W5') return undefined;
    const output = openKlogDestination(destination);
    const log = createLogger({ format, verbosity: 2, caller, output, ...(color === undefined ? {} : { color }) });
    if (global) setVerbosity(2);
    return { run: body(log, workload, global), close: () => closeKlogDestination(output) };
  };
}
