/**
 * The behaviour every server shares, on real servers (node:http, Express 5, Fastify 5) on loopback ports:
 * the access entry and its keys, the request ID, the contextual logger across concurrent requests,
 * streaming, HEAD, 304, keep-alive, handler errors and clients that leave.
 */
import { Agent, request } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { LogRecord } from '@klog-ts/ingest';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestLoggingOptions } from '../src/index.js';
import { captureLogs, eventually, valueOf, type CapturedLogs } from './support/captured-logs.js';
import type { Listening } from './support/listen.js';
import { rawRequest } from './support/raw-request.js';
import { CACHED, CHUNKS, ETAG, HELLO } from './support/routes.js';
import { FLAVOURS, startServer } from './support/servers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ACCESS = new Set(['Request completed', 'Request failed', 'Request aborted']);

describe.each(FLAVOURS)('%s', (flavour) => {
  let server: Listening | undefined;
  let logs: CapturedLogs;

  async function start(options: Omit<RequestLoggingOptions, 'logger'> = {}, verbosity = 0): Promise<Listening> {
    logs = captureLogs('json', verbosity);
    server = await startServer(flavour, { logger: logs.logger, ...options });
    return server;
  }

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const access = (): LogRecord[] => logs.records().filter((record) => ACCESS.has(record.msg));
  const accessOf = (id: string): LogRecord[] => access().filter((record) => valueOf(record, 'requestID') === id);
  const settle = (count: number): Promise<void> => eventually(() => access().length >= count, `${count} access entries`);

  it('writes one access entry per response: requestID, method, path without the query, status, durationMs, bytes', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/hello?token=s3cr3t&namespace=a`);
    expect(await response.text()).toBe(HELLO);
    await settle(1);
    const [entry] = access();
    expect(entry).toMatchObject({ msg: 'Request completed', v: 0 });
    expect(entry.kv.map(([key]) => key)).toEqual(['requestID', 'method', 'path', 'status', 'durationMs', 'bytes']);
    expect(valueOf(entry, 'requestID')).toMatch(UUID);
    expect([valueOf(entry, 'method'), valueOf(entry, 'path'), valueOf(entry, 'status'), valueOf(entry, 'bytes')]).toEqual(['GET', '/hello', 200, Buffer.byteLength(HELLO)]);
    expect(valueOf(entry, 'durationMs')).toBeGreaterThanOrEqual(0);
    expect(logs.text()).not.toContain('s3cr3t');
    expect(logs.records()).toHaveLength(1);
  });

  it('keeps the query string with logQuery', async () => {
    const { url } = await start({ logQuery: true });
    await (await fetch(`${url}/hello?namespace=a`)).text();
    await settle(1);
    expect(valueOf(access()[0], 'path')).toBe('/hello?namespace=a');
  });

  it('gives 50 interleaved concurrent requests each its own logger: every entry of a request carries its ID', async () => {
    const { url } = await start();
    const ids = Array.from({ length: 50 }, (_, n) => `req-${n}`);
    const bodies = await Promise.all(ids.map(async (id, n) => (await fetch(`${url}/steps?n=${n}`, { headers: { 'x-request-id': id } })).json()));
    expect(bodies).toEqual(ids.map((_, n) => ({ n })));
    await settle(50);
    const records = logs.records();
    expect(records).toHaveLength(50 * 5);
    ids.forEach((id, n) => {
      const mine = records.filter((record) => valueOf(record, 'requestID') === id);
      expect(mine.map((record) => record.msg), id).toEqual(['Step', 'Step', 'Step', 'Step', 'Request completed']);
      expect(mine.slice(0, 4).map((record) => [valueOf(record, 'n'), valueOf(record, 'k')]), id).toEqual([0, 1, 2, 3].map((k) => [n, k]));
    });
    // Interleaved for real: some request logged its first step before another had finished.
    const order = records.map((record) => valueOf(record, 'requestID'));
    expect(order.slice(0, 50)).not.toEqual(order.slice(0, 50).sort());
  });

  it('takes a valid x-request-id and generates one instead of an invalid one, which is never written', async () => {
    const { url } = await start();
    const hostile = ['a"b', 'a b', 'x'.repeat(129), 'a\tb', 'é', 'id" status=200 forged="'];
    const sent = ['0a1b2c3d-good.ID_7:~/+=@', ...hostile];
    for (const id of sent) await (await fetch(`${url}/hello`, { headers: { 'x-request-id': id } })).text();
    await settle(sent.length);
    const ids = access().map((record) => valueOf(record, 'requestID'));
    expect(ids[0]).toBe(sent[0]);
    for (const id of ids.slice(1)) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(sent.length);
    expect(logs.text()).not.toContain('forged');
    expect(logs.text()).not.toContain('x'.repeat(129));
  });

  it('takes the ID from another header, or never from one (requestIdHeader), and from a generator', async () => {
    const { url } = await start({ requestIdHeader: 'X-Correlation-ID', generateRequestId: () => `gen-${Math.random().toString(36).slice(2)}` });
    await (await fetch(`${url}/hello`, { headers: { 'x-correlation-id': 'corr-1', 'x-request-id': 'ignored' } })).text();
    await (await fetch(`${url}/hello`, { headers: { 'x-request-id': 'ignored' } })).text();
    await settle(2);
    expect(valueOf(access()[0], 'requestID')).toBe('corr-1');
    expect(valueOf(access()[1], 'requestID')).toMatch(/^gen-/);
  });

  it('streams: bytes count every chunk written', async () => {
    const { url } = await start();
    expect(await (await fetch(`${url}/stream`)).text()).toBe(CHUNKS.join(''));
    await settle(1);
    expect(access()[0]).toMatchObject({ msg: 'Request completed' });
    expect([valueOf(access()[0], 'status'), valueOf(access()[0], 'bytes')]).toEqual([200, Buffer.byteLength(CHUNKS.join(''))]);
  });

  it('HEAD: logged with its method and 0 bytes', async () => {
    const { url } = await start();
    const response = await rawRequest(`${url}/hello`, { method: 'HEAD' });
    expect([response.status, response.body]).toEqual([200, '']);
    await settle(1);
    expect([valueOf(access()[0], 'method'), valueOf(access()[0], 'status'), valueOf(access()[0], 'bytes')]).toEqual(['HEAD', 200, 0]);
  });

  it('304 Not Modified: logged with its status and 0 bytes', async () => {
    const { url } = await start();
    const fresh = await rawRequest(`${url}/cached`);
    const cached = await rawRequest(`${url}/cached`, { headers: { 'if-none-match': ETAG } });
    expect([fresh.status, fresh.body, cached.status, cached.body]).toEqual([200, CACHED, 304, '']);
    await settle(2);
    expect(access().map((record) => [valueOf(record, 'status'), valueOf(record, 'bytes')])).toEqual([
      [200, CACHED.length],
      [304, 0],
    ]);
  });

  it('keep-alive: requests on one connection each get their own ID and entry', async () => {
    const { url } = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const responses = [];
      for (let i = 0; i < 3; i++) responses.push(await rawRequest(`${url}/hello`, { agent, headers: { 'x-request-id': `ka-${i}` } }));
      expect(responses.map((response) => response.reusedSocket)).toEqual([false, true, true]);
    } finally {
      agent.destroy();
    }
    await settle(3);
    await delay(50);
    expect(access().map((record) => [record.msg, valueOf(record, 'requestID')])).toEqual([0, 1, 2].map((i) => ['Request completed', `ka-${i}`]));
  });

  it.each([
    ['/throw', 'sync boom'],
    ['/reject', 'async boom'],
  ])('a handler error (%s): answered 500, logged once as "Request failed" with err', async (path, message) => {
    const { url } = await start();
    const response = await fetch(`${url}${path}`, { headers: { 'x-request-id': 'failing' } });
    await response.text();
    expect(response.status).toBe(500);
    await settle(1);
    await delay(50);
    const entries = accessOf('failing');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ msg: 'Request failed', severity: 'E', err: message });
    expect([valueOf(entries[0], 'status'), valueOf(entries[0], 'path')]).toEqual([500, path]);
  });

  it('a handler error after the response began: the connection is cut and "Request failed" logged once', async () => {
    const { url } = await start();
    const outcome = await rawRequest(`${url}/stream-fail`, { headers: { 'x-request-id': 'cut' } }).then(
      (response) => `complete ${response.body}`,
      (err: Error) => `cut: ${err.message}`,
    );
    expect(outcome).toMatch(/^cut: /);
    await settle(1);
    await delay(50);
    const entries = accessOf('cut');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ msg: 'Request failed', severity: 'E' });
    expect(valueOf(entries[0], 'status')).toBe(200);
    expect(valueOf(entries[0], 'bytes')).toBe('partial\n'.length);
  });

  it('a client that leaves before any answer: "Request aborted" with status 0, once', async () => {
    const { url } = await start();
    const req = request(`${url}/hang`, { headers: { 'x-request-id': 'gone' } });
    req.on('error', () => undefined);
    req.end();
    await delay(100);
    req.destroy();
    await settle(1);
    await delay(100);
    const entries = accessOf('gone');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ msg: 'Request aborted', severity: 'I' });
    expect([valueOf(entries[0], 'status'), valueOf(entries[0], 'bytes')]).toEqual([0, 0]);
  });

  it('a client that leaves in the middle of a streamed response: "Request aborted" with what was sent, once', async () => {
    const { url } = await start();
    await new Promise<void>((resolve, reject) => {
      const req = request(`${url}/ticks`, { headers: { 'x-request-id': 'left' } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (err) => (err.message === 'socket hang up' || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
      req.end();
    });
    await settle(1);
    await delay(100);
    const entries = accessOf('left');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ msg: 'Request aborted' });
    expect(valueOf(entries[0], 'status')).toBe(200);
    expect(valueOf(entries[0], 'bytes')).toBeGreaterThan(0);
  });

  it('accessLevel: the access entries are V(n) entries', async () => {
    const { url } = await start({ accessLevel: 2 }, 1);
    await (await fetch(`${url}/hello`)).text();
    await (await fetch(`${url}/throw`)).text();
    await delay(100);
    // V(2) is off at -v=1; a failure is an error, written at any verbosity.
    expect(logs.records().map((record) => record.msg)).toEqual(['Request failed']);
    await server?.close();
    const verbose = await start({ accessLevel: 2 }, 2);
    await (await fetch(`${verbose.url}/hello`)).text();
    await settle(1);
    expect(access()[0]).toMatchObject({ msg: 'Request completed', v: 2 });
  });
});
