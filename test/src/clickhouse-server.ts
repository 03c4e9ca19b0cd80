import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** How to get the server, for the message of a test that cannot run without it. */
export const CLICKHOUSE_INSTALL_HINT = 'install it with `apt-get install clickhouse-server` (Debian 12 packages ClickHouse 18.16), or run .ci/run, which does';

/** The ClickHouse server binary: `clickhouse-server` on the PATH or in /usr/sbin (where Debian puts it), or undefined. */
export function clickhouseBinary(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const file = join(dir, 'clickhouse-server');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** A ClickHouse server of a test's own: its HTTP interface on a loopback port, its data in a temporary folder. */
export interface ClickHouseServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** The server's `version()`. */
  readonly version: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The smallest configuration: HTTP only, on loopback, everything under `dir`, logs to the console. */
function config(dir: string, port: number): string {
  // <yandex> is the root element ClickHouse 18 knows; later versions still read it.
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${port}</http_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
</yandex>
`;
}

const USERS = `<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`;

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts `binary` on a free loopback port with its data in a new temporary folder, and waits (up to
 * `timeoutMs`) until it answers `SELECT version()` over HTTP.
 */
export async function startClickHouse(binary: string, timeoutMs = 60_000): Promise<ClickHouseServer> {
  const dir = mkdtempSync(join(tmpdir(), 'klog-ts-clickhouse-'));
  const port = await freePort();
  writeFileSync(join(dir, 'config.xml'), config(dir, port));
  writeFileSync(join(dir, 'users.xml'), USERS);
  const child = spawn(binary, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => void (output = (output + chunk.toString('utf8')).slice(-4000));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`clickhouse-server exited (${child.exitCode ?? child.signalCode}) before it answered:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/?query=${encodeURIComponent('SELECT version()')}`);
      if (response.ok) return { url, version: (await response.text()).trim(), stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`clickhouse-server did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
}
