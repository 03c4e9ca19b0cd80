import bunyan from 'bunyan';
import type { Adapter } from '../adapter.js';
import { closeDestination, openDestination } from '../destination.js';
import { BOUND, latencyAt, MESSAGE, NESTED_MESSAGE, NODE, podRef, REQUEST, W5_LATENCY, W5_POD } from '../workload-data.js';

/**
 * The workload loops, written out per library on purpose (not shared through a helper): each call site
 * then sees one library only, so V8's inline caches do not mix libraries and skew the comparison.
 */
function body(log: bunyan, workload: string): (calls: number) => void {
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

/** bunyan at level info, one stream: the same sonic-boom destination (bunyan writes a string per record). */
export const bunyanAdapter: Adapter = (workload, destination) => {
  const stream = openDestination(destination);
  // bunyan only calls write(string) on a stream entry, which sonic-boom has; its types want a Node stream.
  const log = bunyan.createLogger({ name: 'bench', streams: [{ level: 'info', stream: stream as unknown as bunyan.WriteFn }] });
  return { run: body(log, workload), close: () => closeDestination(stream) };
};
