import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createLogger, destination, type Logger } from '@klog-ts/core';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { withRequestLogging } from '../src/index.js';

/** A server the benchmark drives: what it is, and how to make it. */
export interface BenchServer {
  readonly name: string;
  /** How it logs each request, for the page. */
  readonly description: string;
  readonly make: () => Server;
}

const BODY = '{"status":"ok"}';

/** The handler every variant runs: a small JSON answer with its length, what a health or lookup endpoint sends. */
function answer(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length });
  res.end(BODY);
}

function klogServer(logger: Logger): Server {
  return createServer(withRequestLogging(answer, { logger }));
}

/** The variants, logging to `dest` (/dev/null when timed, a file when checked). */
export function benchServers(dest: string): BenchServer[] {
  return [
    { name: 'bare', description: 'node:http, no request logging', make: () => createServer(answer) },
    {
      name: 'klog-ts json',
      description: "`withRequestLogging`, Kubernetes JSON: `createLogger({ format: 'json', output: destination({ dest }), caller: false })`",
      make: () => klogServer(createLogger({ format: 'json', output: destination({ dest }), caller: false })),
    },
    {
      name: 'klog-ts text',
      description: "`withRequestLogging`, klog text with the caller (klog's default): `createLogger({ output: destination({ dest }) })`",
      make: () => klogServer(createLogger({ output: destination({ dest }) })),
    },
    {
      name: 'pino-http',
      description: 'pino-http 11 with its defaults (it logs `req` with its headers and `res`), on `pino(pino.destination({ dest, sync: true }))`',
      make: () => {
        const log = pinoHttp({ logger: pino(pino.destination({ dest, sync: true })) });
        return createServer((req, res) => {
          log(req, res);
          answer(req, res);
        });
      },
    },
  ];
}
