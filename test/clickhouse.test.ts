/**
 * ClickHouse, end to end, against a real server of the test's own (started on a free loopback port, its data
 * in a temporary folder, stopped and removed afterwards): the example service's logs, in the JSON format and
 * in the text format, are streamed through `klog-ts convert --to clickhouse` into the table of
 * `@klog-ts/ingest/schema/clickhouse-logs.sql`; then queries by pod, namespace, error and time range must
 * return exactly the records that `klog-ts query` returns on the same two files.
 *
 * Without `clickhouse-server` the test is skipped, saying how to install it; in CI (`CI` set) it fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecords } from '@klog-ts/ingest';
import { CLICKHOUSE_INSTALL_HINT, clickhouseBinary, startClickHouse, type ClickHouseServer } from './src/clickhouse-server.js';
import { runKlogTsInProcess } from './src/run-service.js';
import { workloadLogs } from './src/service-workload.js';

const TABLE_SQL = readFileSync(new URL('../packages/ingest/schema/clickhouse-logs.sql', import.meta.url), 'utf8');
const CLI_MAIN = fileURLToPath(new URL('../packages/ingest/src/cli/main.ts', import.meta.url));
const binary = clickhouseBinary();
const inCI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';

/** A record as the two sides are compared: its time and message. */
type Entry = readonly [ts: number, msg: string];

function sorted(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/** `klog-ts convert --to clickhouse FILE`, as its own process, its stdout streamed into the table. */
async function load(client: ClickHouseClient, file: string): Promise<void> {
  const child = spawn(process.execPath, ['--conditions=@klog-ts/source', '--import', 'tsx', CLI_MAIN, 'convert', '--to', 'clickhouse', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const result = await client.exec({ query: 'INSERT INTO klog_logs FORMAT JSONEachRow', values: child.stdout });
  result.stream.resume();
  await new Promise((resolve) => result.stream.once('end', resolve));
  expect({ code: await code, stderr }).toEqual({ code: 0, stderr: '' });
}

if (binary === undefined && !inCI) {
  it.skip(`ClickHouse end to end: clickhouse-server was not found; ${CLICKHOUSE_INSTALL_HINT}`, () => undefined);
} else {
  describe('the example service\'s logs in a real ClickHouse, queried as klog-ts query does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klog-ts-e2e-clickhouse-'));
    const files = { json: join(dir, 'service.json'), text: join(dir, 'service.log') };
    let server: ClickHouseServer | undefined;
    let client: ClickHouseClient;
    let all: Entry[] = [];

    /** The records `klog-ts query FLAGS` returns on both files, read back from its raw output. */
    async function klogTs(...flags: string[]): Promise<Entry[]> {
      const { code, stdout, stderr } = await runKlogTsInProcess(['query', '-q', ...flags, files.json, files.text], '');
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const entries: Entry[] = [];
      for await (const item of readRecords(Readable.from([stdout]))) if (item.ok) entries.push([item.record.ts!, item.record.msg]);
      return sorted(entries);
    }

    async function clickhouse(where: string): Promise<Entry[]> {
      const result = await client.query({ query: `SELECT ts, message FROM klog_logs WHERE ${where}`, format: 'JSONEachRow' });
      return sorted((await result.json<{ ts: number; message: string }>()).map((row): Entry => [row.ts, row.message]));
    }

    beforeAll(async () => {
      if (binary === undefined) throw new Error(`clickhouse-server was not found, and CI is set: ${CLICKHOUSE_INSTALL_HINT}`);
      const [json, text] = await Promise.all([workloadLogs('json'), workloadLogs('text')]);
      writeFileSync(files.json, json);
      writeFileSync(files.text, text);
      const started = performance.now();
      server = await startClickHouse(binary);
      process.stderr.write(`ClickHouse ${server.version} answered in ${Math.round(performance.now() - started)} ms on ${server.url}\n`);
      client = createClient({ url: server.url });
      await client.command({ query: TABLE_SQL });
      await load(client, files.json);
      await load(client, files.text);
      all = await klogTs();
    }, 240_000);

    afterAll(async () => {
      await client?.close();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('holds one row per record of both files', async () => {
      expect(all.length).toBeGreaterThan(100);
      expect(await clickhouse('1')).toEqual(all);
    });

    it.each<[string, string[], string]>([
      ['a pod', ['--where', 'pod=kube-system/coredns'], "namespace = 'kube-system' AND pod = 'coredns'"],
      ['a pod by its namespace', ['--where', 'pod.namespace=default'], "namespace = 'default' AND pod != ''"],
      ['a namespace (a pod\'s, a list\'s, a "namespace" pair)', ['--where', 'namespace=kube-system'], "has(namespaces, 'kube-system')"],
      ['errors by severity', ['--min-severity', 'error'], "severity >= 'E'"],
      ['errors by their text', ['--where', 'err'], 'err IS NOT NULL'],
      ['a node', ['--where', 'node=node-2'], "node = 'node-2'"],
      ['a pair', ['--where', 'user=alice'], "has(kv.key, 'user') AND kv.value[indexOf(kv.key, 'user')] = 'alice'"],
    ])('%s', async (_what, flags, where) => {
      const expected = await klogTs(...flags);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      expect(await clickhouse(where)).toEqual(expected);
    });

    it('a time range, and a pod within it ("everything for this pod in this hour")', async () => {
      // The middle half of the records, from one whole millisecond to another.
      const since = Math.floor(all[Math.floor(all.length / 4)][0]);
      const until = Math.floor(all[Math.floor((3 * all.length) / 4)][0]);
      const range = ['--since', new Date(since).toISOString(), '--until', new Date(until).toISOString()];
      const expected = await klogTs(...range);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      expect(await clickhouse(`ts >= ${since} AND ts < ${until}`)).toEqual(expected);
      const pod = await klogTs(...range, '--where', 'pod=kube-system/etcd');
      expect(pod.length).toBeGreaterThan(0);
      expect(await clickhouse(`namespace = 'kube-system' AND pod = 'etcd' AND ts >= ${since} AND ts < ${until}`)).toEqual(pod);
    });
  });
}
