/**
 * Preloaded (`--import`) into a README example run by readme.test.ts: prints `listening <port>` on stdout
 * when a server starts listening, so the test can find an example that listens on port 0.
 */
import net from 'node:net';

// eslint-disable-next-line @typescript-eslint/unbound-method -- called back with `.apply(server)`.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  this.once('listening', () => process.stdout.write(`listening ${(this.address() as net.AddressInfo).port}\n`));
  return (listen as (...a: unknown[]) => net.Server).apply(this, args);
} as typeof listen;
