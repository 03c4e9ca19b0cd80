import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { flush } from '@klog-ts/core';
import { drive } from './drive.js';
import { benchServers } from './servers.js';

/** Starts a benchmark server on a loopback port; resolves with its URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Stops a benchmark server, its keep-alive connections included. */
export const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Each variant writes exactly one line per request (none for bare), checked on a file before anything is timed. */
export async function checkVariants(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'klog-ts-http-bench-'));
  const problems: string[] = [];
  try {
    for (const [i, variant] of benchServers('').entries()) {
      const file = path.join(dir, `${i}.log`);
      writeFileSync(file, '');
      const server = benchServers(file)[i].make();
      await drive(await listen(server), 5, 1);
      await close(server);
      flush();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const lines = readFileSync(file, 'utf8').split('\n').filter((line) => /request completed/i.test(line));
      const expected = variant.name === 'bare' ? 0 : 5;
      if (lines.length !== expected) problems.push(`${variant.name}: ${lines.length} access lines for 5 requests, expected ${expected}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

