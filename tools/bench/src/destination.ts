import { once } from 'node:events';
import pino from 'pino';

/**
 * `sync`: pino's synchronous sonic-boom destination, one write(2) per line. `buffered`: the same with
 * `minLength: 4096`, pino's fast path, which writes synchronously once 4 KiB are pending.
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
