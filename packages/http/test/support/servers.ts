/**
 * The same test application on each server the package supports, started for real on a loopback port:
 * `GET /hello`, `/steps?n=`, `/stream`, `/ticks` (until the client leaves), `/hang` (never answers),
 * `/cached` (304 on a matching If-None-Match), `/throw`, `/reject`, `/stream-fail`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { withRequestLogging, type RequestLoggingOptions } from '../../src/index.js';
import { expressErrorLogging, expressRequestLogging } from '../../src/express/index.js';
import { fastifyRequestLogging } from '../../src/fastify/index.js';
import { listen, type Listening } from './listen.js';
import { CACHED, ETAG, HELLO, steps, stream, streamUntilClosed } from './routes.js';

export type Flavour = 'node:http' | 'express' | 'fastify';
export const FLAVOURS: readonly Flavour[] = ['node:http', 'express', 'fastify'];

async function nodeHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://test.invalid');
  switch (url.pathname) {
    case '/hello':
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(HELLO) });
      res.end(HELLO);
      return;
    case '/steps':
      res.end(JSON.stringify(await steps(Number(url.searchParams.get('n')))));
      return;
    case '/stream':
      await stream((chunk) => res.write(chunk));
      res.end();
      return;
    case '/ticks':
      await streamUntilClosed((chunk) => res.write(chunk), () => res.destroyed);
      return;
    case '/hang':
      return;
    case '/cached':
      if (req.headers['if-none-match'] === ETAG) res.writeHead(304, { etag: ETAG }).end();
      else res.writeHead(200, { etag: ETAG }).end(CACHED);
      return;
    case '/throw':
      throw new Error('sync boom');
    case '/reject':
      await delay(1);
      throw new Error('async boom');
    case '/stream-fail':
      res.write('partial\n');
      await delay(5);
      throw new Error('mid-stream boom');
    default:
      res.writeHead(404).end();
  }
}

function expressApp(options: RequestLoggingOptions): express.Express {
  const app = express();
  app.use(expressRequestLogging(options));
  app.use(express.json());
  app.get('/hello', (_req, res) => void res.type('text/plain').send(HELLO));
  app.get('/steps', async (req, res) => void res.json(await steps(Number(req.query.n))));
  app.get('/stream', async (_req, res) => {
    await stream((chunk) => res.write(chunk));
    res.end();
  });
  app.get('/ticks', (_req, res) => streamUntilClosed((chunk) => res.write(chunk), () => res.destroyed));
  app.get('/hang', () => undefined);
  app.get('/cached', (_req, res) => void res.set('etag', ETAG).type('text/plain').send(CACHED));
  app.get('/throw', () => {
    throw new Error('sync boom');
  });
  app.get('/reject', async () => {
    await delay(1);
    throw new Error('async boom');
  });
  app.get('/stream-fail', async (_req, res) => {
    res.write('partial\n');
    await delay(5);
    throw new Error('mid-stream boom');
  });
  app.use(expressErrorLogging());
  // Answers errors itself (Express's final handler would print the stack to stderr outside the test env).
  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (res.headersSent) res.destroy();
    else res.status(500).type('text/plain').send(`failed: ${err.message}`);
  });
  return app;
}

async function fastifyApp(options: RequestLoggingOptions): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifyRequestLogging, options);
  app.get('/hello', (_request, reply) => reply.type('text/plain; charset=utf-8').send(HELLO));
  app.get<{ Querystring: { n: string } }>('/steps', (request) => steps(Number(request.query.n)));
  app.get('/stream', async (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/plain' });
    await stream((chunk) => reply.raw.write(chunk));
    reply.raw.end();
  });
  app.get('/ticks', async (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/plain' });
    await streamUntilClosed((chunk) => reply.raw.write(chunk), () => reply.raw.destroyed);
  });
  app.get('/hang', (_request, reply) => {
    reply.hijack();
  });
  app.get('/cached', (request, reply) => {
    reply.header('etag', ETAG);
    if (request.headers['if-none-match'] === ETAG) return reply.code(304).send();
    return reply.type('text/plain').send(CACHED);
  });
  app.get('/throw', () => {
    throw new Error('sync boom');
  });
  app.get('/reject', async () => {
    await delay(1);
    throw new Error('async boom');
  });
  app.get('/stream-fail', async (_request, reply) => {
    reply.raw.write('partial\n');
    await delay(5);
    throw new Error('mid-stream boom');
  });
  return app;
}

/** Starts the test application on `flavour`, logging with `options`. */
export async function startServer(flavour: Flavour, options: RequestLoggingOptions): Promise<Listening> {
  if (flavour === 'node:http') return listen(createServer(withRequestLogging(nodeHandler, options)));
  if (flavour === 'express') return listen(createServer(expressApp(options)));
  const app = await fastifyApp(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
