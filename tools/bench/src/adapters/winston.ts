import { Writable } from 'node:stream';
import winston from 'winston';
import type { Adapter } from '../adapter.js';
import { closeDestination, openDestination } from '../destination.js';
import { BOUND, latencyAt, MESSAGE, NESTED_MESSAGE, NODE, podRef, REQUEST, W5_LATENCY, W5_POD } from '../workload-data.js';

/**
 * The workload loops, written out per library on purpose (not shared through a helper): each call site
 * then sees one library only, so V8's inline caches do not mix libraries and skew the comparison.
 */
function body(log: winston.Logger, workload: string): (calls: number) => void {
  switch (workload) {
    case 'W1':
      return (calls) => {
        for (let i = 0; i < calls; i++) log.info(MESSAGE);
      };
    case 'W2':
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          log.info(MESSAGE, { pod: podRef(), node: NODE, attempt: i, latency: latencyAt(i), ok: true });
        }
      };
    case 'W3':
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          REQUEST.timing.db.rows = i;
          log.info(NESTED_MESSAGE, { request: REQUEST, attempt: i, ok: true });
        }
      };
    case 'W4': {
      const child = log.child(BOUND);
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          child.info(MESSAGE, { pod: podRef(), node: NODE, attempt: i, latency: latencyAt(i), ok: true });
        }
      };
    }
    case 'W4c':
      return (calls) => {
        for (let i = 0; i < calls; i++) {
          log
            .child({ controller: 'replicaset-controller', worker: i & 7, traceId: '4bf92f3577b34da6a3ce929d0e0e4736' })
            .info(MESSAGE, { pod: podRef(), node: NODE, attempt: i, latency: latencyAt(i), ok: true });
        }
      };
    default:
      return (calls) => {
        for (let i = 0; i < calls; i++) log.debug(MESSAGE, { pod: W5_POD, node: NODE, attempt: i, latency: W5_LATENCY, ok: true });
      };
  }
}

/** Resolves once winston's internal stream queues are empty, i.e. every accepted line reached the file. */
async function drained(log: winston.Logger, transport: Writable): Promise<void> {
  do {
    await new Promise<void>((resolve) => setImmediate(resolve));
  } while (log.writableLength > 0 || log.readableLength > 0 || transport.writableLength > 0);
}

/**
 * winston (default JSON format, level info) with a Stream transport. The transport needs a Node stream, so
 * a minimal Writable hands each line synchronously to the same sonic-boom destination the others use.
 * winston queues through its object streams, so a round ends when they are drained.
 */
export const winstonAdapter: Adapter = (workload, destination) => {
  const sink = openDestination(destination);
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      sink.write(chunk);
      done();
    },
  });
  const transport = new winston.transports.Stream({ stream, eol: '\n' });
  const log = winston.createLogger({ level: 'info', transports: [transport] });
  const loop = body(log, workload);
  return {
    async run(calls) {
      loop(calls);
      await drained(log, transport);
    },
    close: () => closeDestination(sink),
  };
};
