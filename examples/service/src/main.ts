/**
 * Runs the example service: `node --conditions=@klog-ts/source --import tsx examples/service/src/main.ts
 * [--port 8080] [--host 127.0.0.1] [--logging-format=json] [-v=2]`. Logs go to stderr; the first record,
 * "Service listening", gives the address. SIGTERM or SIGINT stop it.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { background, configure, errorS, flush, infoS, parseFlags } from '@klog-ts/core';
import { installSanitizer, secret } from '@klog-ts/sanitizer';
import { createService } from './create-service.js';
import { startTracing } from './tracing.js';
import { User } from './user-store.js';

function options(argv: readonly string[]): { port: number; host: string } {
  const { config, args } = parseFlags(argv);
  configure(config);
  const { values } = parseArgs({ args, options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid --port "${values.port}": expected 0 to 65535`);
  return { port, host: values.host };
}

let settings: { port: number; host: string };
try {
  settings = options(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`service: ${(err as Error).message}\n`);
  process.exit(2);
}

installSanitizer({ keys: true, detectors: true });
const server = createService({
  logger: background(),
  apiToken: secret(process.env.SERVICE_API_TOKEN ?? 'dev-api-token', 'token'),
  users: [new User('alice', process.env.SERVICE_ALICE_PASSWORD ?? 'wonderland')],
  tracer: startTracing(),
});

server.on('error', (err) => {
  errorS(err, 'Service failed', 'address', `${settings.host}:${settings.port}`);
  flush();
  process.exit(1);
});
server.listen(settings.port, settings.host, () => {
  const { address, port } = server.address() as AddressInfo;
  infoS('Service listening', 'address', `${address}:${port}`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => {
      infoS('Service stopped', 'signal', signal);
      flush();
      process.exit(0);
    });
    server.closeAllConnections();
  });
}
