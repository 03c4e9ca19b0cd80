import type { AddressInfo } from 'node:net';
import { createLogger, type LogFormat } from '@klog-ts/core';
import { secret } from '@klog-ts/sanitizer';
import { createService } from '../src/create-service.js';
import { startTracing } from '../src/tracing.js';
import { User } from '../src/user-store.js';

export const API_TOKEN = 'test-token-5f1c9a';
export const PASSWORD = 'correct-horse-battery';

/** A running service on a loopback port, its base URL, and everything it logged so far. */
export interface RunningService {
  readonly url: string;
  logs(): string;
  stop(): Promise<void>;
}

/** Starts the service for real on 127.0.0.1 (a free port), logging in `format` at `verbosity` to memory. */
export async function startService(format: LogFormat, verbosity: number): Promise<RunningService> {
  let logs = '';
  const logger = createLogger({ format, verbosity, output: { write: (text: string) => void (logs += text), flush: () => undefined } });
  const server = createService({ logger, apiToken: secret(API_TOKEN, 'token'), users: [new User('alice', PASSWORD)], tracer: startTracing() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    logs: () => logs,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err === undefined ? resolve() : reject(err)));
        server.closeAllConnections();
      }),
  };
}
