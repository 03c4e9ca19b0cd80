import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@klog-ts/core';
import { toOutput } from '../src/output/output.js';
import type { StreamOutput } from '../src/output/stream-output.js';

const dir = mkdtempSync(join(tmpdir(), 'klog-ts-stream-'));
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A connected socket whose peer has hung up, so that writing to it fails (EPIPE or ECONNRESET); half-open,
 * so that it does not end itself when the peer's FIN arrives.
 */
async function hungUpSocket(): Promise<Socket> {
  const path = join(dir, `s${servers.length}.sock`);
  const server = createServer((peer) => peer.destroy());
  servers.push(server);
  server.listen(path);
  await once(server, 'listening');
  const socket = new Socket({ allowHalfOpen: true }).connect(path);
  await once(socket, 'connect');
  await once(socket, 'end');
  return socket;
}

describe('a Node stream given as output', () => {
  it('a destroyed socket: entries are counted as dropped, not written, and nothing is thrown', async () => {
    const socket = new Socket();
    socket.destroy();
    const logger = createLogger({ output: socket, caller: false });
    for (let i = 0; i < 10; i++) logger.infoS('Into the void', 'i', i);
    // Writing to a destroyed stream emits 'error' on the next tick: give it one.
    await new Promise((resolve) => setImmediate(resolve));
    const stats = (toOutput(socket) as StreamOutput).stats();
    expect(stats).toMatchObject({ accepted: 0, droppedEntries: 10 });
    expect(stats.lastError).toMatch(/^ECLOSED/);
  });

  it('a socket whose peer hung up: the EPIPE is caught, later entries are dropped and reported', async () => {
    const socket = await hungUpSocket();
    const logger = createLogger({ output: socket, caller: false });
    expect(socket.listenerCount('error')).toBe(1);
    // Keep writing until the failure has come back from the kernel and the socket has closed.
    for (let i = 0; i < 1000 && !socket.destroyed; i++) {
      logger.infoS('Still talking', 'i', i, 'padding', 'x'.repeat(1000));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(socket.destroyed).toBe(true);
    logger.infoS('After the close');
    const output = toOutput(socket) as StreamOutput;
    const stats = output.stats();
    expect(stats.droppedEntries).toBeGreaterThan(0);
    expect(stats.lastError).toMatch(/^(EPIPE|ECONNRESET)/);
    expect(output.lossReport()).toMatch(/^\d+ log entries and \d+ buffered bytes could not be written to a Socket \((EPIPE|ECONNRESET)/);
  });

  it('adds one error listener per stream, however often it is configured', () => {
    const socket = new Socket();
    for (let i = 0; i < 20; i++) createLogger({ output: socket });
    expect(socket.listenerCount('error')).toBe(1);
    socket.destroy();
  });
});
