import { createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { fromContext } from '@klog-ts/core';
import { afterEach, describe, expect, it } from 'vitest';
import { withRequestLogging } from '../src/index.js';
import { captureLogs, eventually, valueOf } from './support/captured-logs.js';
import { listen, type Listening } from './support/listen.js';

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('withRequestLogging (node:http)', () => {
  it('an error after the response ended keeps the access entry and is logged on its own, with the request ID', async () => {
    const logs = captureLogs();
    server = await listen(
      createServer(
        withRequestLogging(
          async (_req, res) => {
            res.end('done');
            await delay(30);
            throw new Error('late boom');
          },
          { logger: logs.logger },
        ),
      ),
    );
    expect(await (await fetch(server.url, { headers: { 'x-request-id': 'late' } })).text()).toBe('done');
    await eventually(() => logs.records().length >= 2, '2 entries');
    await delay(50);
    expect(logs.records().map((record) => [record.msg, record.severity, valueOf(record, 'requestID'), record.err])).toEqual([
      ['Request completed', 'I', 'late', undefined],
      ['Request handler failed after the response', 'E', 'late', 'late boom'],
    ]);
  });

  it('a synchronous handler that returns nothing: its entries and the access entry carry its ID', async () => {
    const logs = captureLogs();
    server = await listen(
      createServer(
        withRequestLogging(
          (_req, res) => {
            fromContext().infoS('Handled');
            setImmediate(() => res.end());
          },
          { logger: logs.logger },
        ),
      ),
    );
    await (await fetch(server.url, { headers: { 'x-request-id': 'sync-1' } })).text();
    await eventually(() => logs.records().length >= 2, '2 entries');
    expect(logs.records().map((record) => [record.msg, valueOf(record, 'requestID'), valueOf(record, 'bytes')])).toEqual([
      ['Handled', 'sync-1', undefined],
      ['Request completed', 'sync-1', 0],
    ]);
  });
});
