import { closeSync, openSync, writeSync } from 'node:fs';
import type { Adapter } from '../adapter.js';
import { latencyAt, MESSAGE, NESTED_MESSAGE, NODE, podRef, REQUEST } from '../workload-data.js';

const BATCH = 4096;

/** The record each line would minimally hold: a level, a time, the message and the workload's values. */
function recordFor(workload: string): ((i: number) => object) | undefined {
  switch (workload) {
    case 'W1':
      return () => ({ level: 30, time: Date.now(), msg: MESSAGE });
    case 'W2':
      return (i) => ({ level: 30, time: Date.now(), msg: MESSAGE, pod: podRef(), node: NODE, attempt: i, latency: latencyAt(i), ok: true });
    case 'W3':
      return (i) => {
        REQUEST.timing.db.rows = i;
        return { level: 30, time: Date.now(), msg: NESTED_MESSAGE, request: REQUEST, attempt: i, ok: true };
      };
    default:
      return undefined;
  }
}

/**
 * The floor no logger can beat: `JSON.stringify` of the record plus a batched write (4 KiB, as pino's
 * fast path), straight to the file descriptor. Defined for W1–W3.
 */
export const floorAdapter: Adapter = (workload, destination) => {
  const record = recordFor(workload);
  if (record === undefined) return undefined;
  const fd = openSync(destination.path, 'w');
  return {
    run(calls) {
      let pending = '';
      for (let i = 0; i < calls; i++) {
        pending += JSON.stringify(record(i)) + '\n';
        if (pending.length >= BATCH) {
          writeSync(fd, pending);
          pending = '';
        }
      }
      if (pending.length > 0) writeSync(fd, pending);
    },
    close() {
      closeSync(fd);
      return Promise.resolve();
    },
  };
};
