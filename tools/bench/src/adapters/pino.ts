import pino, { type Logger } from 'pino';
import type { Adapter } from '../adapter.js';
import { closeDestination, closeKlogDestination, openDestination, openKlogDestination } from '../destination.js';
import { BOUND, latencyAt, MESSAGE, NESTED_MESSAGE, NODE, podRef, REQUEST, W5_LATENCY, W5_POD } from '../workload-data.js';

/**
 * The workload loops, written out per library on purpose (not shared through a helper): each call site
 * then sees one library only, so V8's inline caches do not mix libraries and skew the comparison.
 */
function body(log: Logger, workload: string): (calls: number) => void {
  switch (workload) {
    case 'W1':
      return (calls) => {
        for (let i = 0; i < calls; i++) log.info(MESSAGE);
      };
    case 'W2':
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          log.info({ pod: podRef(), node: NODE, attempt: i, latency: latencyAt(i), ok: true }, MESSAGE);
        }
      };
    case 'W3':
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          REQUEST.timing.db.rows = i;
          log.info({ request: REQUEST, attempt: i, ok: true }, NESTED_MESSAGE);
        }
      };
    case 'W4': {
      const child = log.child(BOUND);
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          child.info({ pod: podRef(), node: NODE, attempt: i, latency: latencyAt(i), ok: true }, MESSAGE);
        }
      };
    }
    case 'W4c':
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          log
            .child({ controller: 'replicaset-controller', worker: i & 7, traceId: '4bf92f3577b34da6a3ce929d0e0e4736' })
            .info({ pod: podRef(), node: NODE, attempt: i, latency: latencyAt(i), ok: true }, MESSAGE);
        }
      };
    default:
      return (calls) => {
        for (let i = 0; i < calls; i++) log.debug({ pod: W5_POD, node: NODE, attempt: i, latency: W5_LATENCY, ok: true }, MESSAGE);
      };
  }
}

/** pino with its defaults (level info, pid and hostname) over a sonic-boom destination. */
export const pinoAdapter: Adapter = (workload, destination) => {
  const stream = openDestination(destination);
  const log = pino(stream);
  return { run: body(log, workload), close: () => closeDestination(stream) };
};

/**
 * For reference, not for the targets: pino writing through klog-ts's destination instead of sonic-boom,
 * which tells how much of a difference between the two libraries is the destination's.
 */
export const pinoOnKlogDestinationAdapter: Adapter = (workload, destination) => {
  const output = openKlogDestination(destination);
  const log = pino({}, { write: (line: string) => output.write(line, 'I') });
  return { run: body(log, workload), close: () => closeKlogDestination(output) };
};
