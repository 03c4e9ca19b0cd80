/**
 * What only a framework does, on real Express 5 and Fastify 5 servers: the contextual logger survives
 * their body parsing, Express's routers rewrite req.url, errors the framework answers itself.
 */
import { createServer, request } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { fromContext } from '@klog-ts/core';
import express from 'express';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { expressErrorLogging, expressRequestLogging } from '../src/express/index.js';
import { fastifyRequestLogging } from '../src/fastify/index.js';
import { captureLogs, eventually, valueOf } from './support/captured-logs.js';
import { listen, type Listening } from './support/listen.js';

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (url: string, id: string, body: string): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body });

/** POSTs a JSON body in two parts with a pause between them: its end arrives in a later packet, on the socket's own context. */
function postSlowly(url: string, id: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(body.slice(0, 3));
    setTimeout(() => req.end(body.slice(3)), 30);
  });
}

describe('Express 5', () => {
  it('keeps the contextual logger after express.json() read the body (one that arrives late too), in sync and async handlers and routers', async () => {
    const logs = captureLogs();
    const app = express();
    app.use(expressRequestLogging({ logger: logs.logger }));
    app.use(express.json());
    const pods = express.Router();
    pods.post('/:name', async (req, res) => {
      fromContext().infoS('Pod body', 'name', req.params.name, 'node', (req.body as { node: string }).node);
      await delay(5);
      fromContext().infoS('Pod saved');
      res.status(201).json({ ok: true });
    });
    app.use('/api/pods', pods);
    server = await listen(createServer(app));
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const url = `${server?.url}/api/pods/p${i}?dryRun=1`;
        const body = JSON.stringify({ node: `n${i}` });
        return i % 2 === 0 ? (await post(url, `r${i}`, body)).status : postSlowly(url, `r${i}`, body);
      }),
    );
    expect(statuses).toEqual(Array(10).fill(201));
    await eventually(() => logs.records().length >= 30, '30 entries');
    for (let i = 0; i < 10; i++) {
      const mine = logs.records().filter((record) => valueOf(record, 'requestID') === `r${i}`);
      expect(mine.map((record) => record.msg)).toEqual(['Pod body', 'Pod saved', 'Request completed']);
      expect(valueOf(mine[0], 'node')).toBe(`n${i}`);
      // The path as the client sent it, not as the router saw it (Express strips the mount path).
      expect(valueOf(mine[2], 'path')).toBe(`/api/pods/p${i}`);
    }
  });

  it('a malformed JSON body and an unknown route are what Express answers: 400 and 404, "Request completed"', async () => {
    const logs = captureLogs();
    const app = express();
    app.use(expressRequestLogging({ logger: logs.logger }));
    app.use(express.json());
    app.post('/in', (_req, res) => void res.end());
    app.use(expressErrorLogging());
    app.use((_err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(400).end());
    server = await listen(createServer(app));
    expect((await post(`${server.url}/in`, 'bad-json', '{nope')).status).toBe(400);
    expect((await fetch(`${server.url}/nowhere`, { headers: { 'x-request-id': 'lost' } })).status).toBe(404);
    await eventually(() => logs.records().length >= 2, '2 entries');
    expect(logs.records().map((record) => [record.msg, valueOf(record, 'requestID'), valueOf(record, 'status'), record.err])).toEqual([
      ['Request completed', 'bad-json', 400, undefined],
      ['Request completed', 'lost', 404, undefined],
    ]);
  });

  it('without expressErrorLogging a 500 is still "Request failed", without err', async () => {
    const logs = captureLogs();
    const app = express();
    app.set('env', 'test'); // Express's final handler prints the stack to stderr in any other env
    app.use(expressRequestLogging({ logger: logs.logger }));
    app.get('/boom', () => {
      throw new Error('unseen');
    });
    server = await listen(createServer(app));
    expect((await fetch(`${server.url}/boom`)).status).toBe(500);
    await eventually(() => logs.records().length >= 1, 'an entry');
    expect(logs.records()).toMatchObject([{ msg: 'Request failed', severity: 'E', err: undefined }]);
    expect(valueOf(logs.records()[0], 'status')).toBe(500);
  });
});

describe('Fastify 5', () => {
  it('keeps the contextual logger after Fastify parsed the body (one that arrives late too), in hooks and handlers', async () => {
    const logs = captureLogs();
    const app = Fastify();
    await app.register(fastifyRequestLogging, { logger: logs.logger });
    app.addHook('preHandler', async () => {
      await delay(1);
      fromContext().infoS('Authorized');
    });
    app.post<{ Body: { node: string } }>('/pods/:name', async (request, reply) => {
      fromContext().infoS('Pod body', 'node', request.body.node);
      await delay(5);
      fromContext().infoS('Pod saved');
      return reply.code(201).send({ ok: true });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    server = { url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`, port: 0, close: () => app.close() };
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const url = `${server?.url}/pods/p${i}`;
        const body = JSON.stringify({ node: `n${i}` });
        return i % 2 === 0 ? (await post(url, `f${i}`, body)).status : postSlowly(url, `f${i}`, body);
      }),
    );
    expect(statuses).toEqual(Array(10).fill(201));
    await eventually(() => logs.records().length >= 40, '40 entries');
    for (let i = 0; i < 10; i++) {
      const mine = logs.records().filter((record) => valueOf(record, 'requestID') === `f${i}`);
      expect(mine.map((record) => record.msg)).toEqual(['Authorized', 'Pod body', 'Pod saved', 'Request completed']);
      expect(valueOf(mine[1], 'node')).toBe(`n${i}`);
    }
  });

  it('applies to routes registered in other plugins; a validation error is the client\'s: 400, "Request completed"', async () => {
    const logs = captureLogs();
    const app = Fastify();
    await app.register(fastifyRequestLogging, { logger: logs.logger });
    await app.register(
      (child, _options, done) => {
        child.post('/strict', { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } }, () => ({ ok: true }));
        done();
      },
      { prefix: '/v1' },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    server = { url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`, port: 0, close: () => app.close() };
    expect((await post(`${server.url}/v1/strict`, 'valid', '{"name":"a"}')).status).toBe(200);
    expect((await post(`${server.url}/v1/strict`, 'invalid', '{}')).status).toBe(400);
    await eventually(() => logs.records().length >= 2, '2 entries');
    expect(logs.records().map((record) => [record.msg, valueOf(record, 'requestID'), valueOf(record, 'path'), valueOf(record, 'status')])).toEqual([
      ['Request completed', 'valid', '/v1/strict', 200],
      ['Request completed', 'invalid', '/v1/strict', 400],
    ]);
  });

  it('rejects bad options when registered, with a ConfigError', async () => {
    const app = Fastify();
    await expect(app.register(fastifyRequestLogging, { accessLevel: -1 })).rejects.toThrow('invalid accessLevel -1: must be a non-negative integer');
  });
});
