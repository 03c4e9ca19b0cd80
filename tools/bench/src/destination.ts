import { once } from 'node:events';
import { destination, type Destination as KlogDestination } from '@klog-ts/core';
import pino from 'pino';

/**
 * `sync`: one write(2) per line. `buffered`: a write once 4 KiB are pending (pino's fast path,
 * `minLength: 4096`). Each library writes through its own fastest synchronous destination of that kind:
 * pino, winston and bunyan through sonic-boom (`pino.destination`), klog-ts through its `destination()`.
 */
export type DestinationKind = 'sync' | 'buffered';

export type SonicBoom = ReturnType<typeof pino.destination>;

/** Where a runner writes: `/dev/null` for measurements, a file when the smoke test counts lines. */
export interface Destination {
  kind: DestinationKind;
  path: string;
}

/** Opens the sonic-boom destination every library but the floor writes through. */
export function openDestination({ kind, path }: Destination): SonicBoom {
  return pino.destination({ dest: path, sync: true, ...(kind === 'buffered' ? { minLength: 4096 } : {}) });
}

/** Writes out what is pending and closes the file. */
export async function closeDestination(stream: SonicBoom): Promise<void> {
  stream.flushSync();
  const closed = once(stream, 'close');
  stream.end();
  await closed;
}

/** klog-ts's own synchronous destination, set up as the sonic-boom one: no batching, or 4 KiB batches. */
export function openKlogDestination({ kind, path }: Destination): KlogDestination {
  return destination({ dest: path, bufferSize: kind === 'buffered' ? 4096 : 0, flushInterval: 0 });
}

/** Writes out what is pending and closes the file. */
export function closeKlogDestination(output: KlogDestination): Promise<void> {
  output.close();
  return Promise.resolve();
}
