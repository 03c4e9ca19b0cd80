import { setTimeout as delay } from 'node:timers/promises';
import { fromContext } from '@klog-ts/core';

/** What every test server answers, the same in node:http, Express and Fastify. */
export const HELLO = 'héllo wörld\n'; // 14 bytes in UTF-8
export const CACHED = 'cached body';
export const ETAG = '"v1"';
export const CHUNKS = ['chunk-0\n', 'chunk-1\n', 'chunk-2\n'];

/** GET /steps?n=: logs from the handler's async work (timers, promises, a callback) between awaits. */
export async function steps(n: number): Promise<{ n: number }> {
  fromContext().infoS('Step', 'n', n, 'k', 0);
  await delay((n * 7) % 13);
  fromContext().infoS('Step', 'n', n, 'k', 1);
  await new Promise<void>((resolve) =>
    setTimeout(() => {
      fromContext().infoS('Step', 'n', n, 'k', 2);
      resolve();
    }, (n * 5) % 11),
  );
  await Promise.resolve();
  fromContext().infoS('Step', 'n', n, 'k', 3);
  return { n };
}

/** Writes CHUNKS with a pause before each, as a streaming handler does. */
export async function stream(write: (chunk: string) => void): Promise<void> {
  for (const chunk of CHUNKS) {
    await delay(5);
    write(chunk);
  }
}

/** Writes a chunk every 10 ms until the client goes away (at most 5 s). */
export async function streamUntilClosed(write: (chunk: string) => void, closed: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !closed(); i++) {
    write(`tick-${i}\n`);
    await delay(10);
  }
}
