/**
 * Real ingestion, end to end: the example service runs as its own process, is driven over HTTP, and its
 * logs are loaded into DuckDB with `read_json` and queried by standardized keys (`pod.namespace`,
 * `err IS NOT NULL`, `v >= 2`). The counts must match what the service was made to do. Text logs go the
 * same way after `klog-ts convert --to json`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKlogTs, startServiceProcess } from './src/run-service.js';

const TOKEN = 'e2e-token-7d2b41c0';
const PASSWORD = 'e2e-password-91ac';
const AUTH = { authorization: `Bearer ${TOKEN}` };

/** One request of the workload, and what the service must log for it (besides "Request completed"). */
interface Step {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly status: number;
  /** The records: message, the pod's namespace if it names a pod, error or not, V level. */
  readonly logs: readonly { msg: string; ns?: string; err?: true; v: number }[];
}

const create = (namespace: string, name: string, node: string): Step => ({
  method: 'POST', path: '/api/pods', body: { namespace, name, node }, headers: AUTH, status: 201, logs: [{ msg: 'Pod created', ns: namespace, v: 0 }],
});

const WORKLOAD: readonly Step[] = [
  ...['coredns', 'etcd', 'kube-proxy', 'metrics', 'scheduler'].map((name, i) => create('kube-system', name, `node-${i % 2}`)),
  ...['web-0', 'web-1', 'db-0'].map((name) => create('default', name, 'node-2')),
  ...['prometheus', 'grafana'].map((name) => create('monitoring', name, 'node-3')),
  { ...create('kube-system', 'coredns', 'node-0'), status: 409, logs: [{ msg: 'Failed to create pod', ns: 'kube-system', err: true, v: 0 }] },
  { ...create('default', 'web-0', 'node-2'), status: 409, logs: [{ msg: 'Failed to create pod', ns: 'default', err: true, v: 0 }] },
  ...[{}, { authorization: 'Bearer nope' }, { authorization: 'Basic YWxpY2U6eA==' }].map((headers) => ({
    ...create('default', 'intruder', 'node-9'), headers, status: 401, logs: [{ msg: 'Unauthorized request', err: true as const, v: 0 }],
  })),
  ...['coredns', 'etcd'].map((name) => ({ method: 'GET', path: `/api/pods/kube-system/${name}`, status: 200, logs: [{ msg: 'Pod found', ns: 'kube-system', v: 2 }] })),
  { method: 'GET', path: '/api/pods/monitoring/grafana', status: 200, logs: [{ msg: 'Pod found', ns: 'monitoring', v: 2 }] },
  { method: 'GET', path: '/api/pods/default/ghost', status: 404, logs: [{ msg: 'Pod not found', ns: 'default', err: true, v: 0 }] },
  ...['kube-system', 'default', 'nowhere'].map((ns) => ({ method: 'GET', path: `/api/pods?namespace=${ns}`, status: 200, logs: [{ msg: 'Listing pods', v: 2 }] })),
  ...['metrics', 'scheduler'].map((name) => ({ method: 'DELETE', path: `/api/pods/kube-system/${name}`, headers: AUTH, status: 200, logs: [{ msg: 'Pod deleted', ns: 'kube-system', v: 0 }] })),
  { method: 'DELETE', path: '/api/pods/monitoring/ghost', headers: AUTH, status: 404, logs: [{ msg: 'Failed to delete pod', ns: 'monitoring', err: true, v: 0 }] },
  { method: 'POST', path: '/api/login', body: { user: 'alice', password: PASSWORD }, status: 200, logs: [{ msg: 'User logged in', v: 0 }] },
  { method: 'POST', path: '/api/login', body: { user: 'alice', password: 'guess' }, status: 401, logs: [{ msg: 'Login failed', err: true, v: 0 }] },
  ...Array.from({ length: 4 }, () => ({ method: 'GET', path: '/healthz', status: 200, logs: [] })),
];

/** What the logs must show, from the workload: every request also logs "Request completed" at V(1). */
const expected = (() => {
  const logs = WORKLOAD.flatMap((step) => [...step.logs, { msg: 'Request completed', v: 1 }]);
  const byNamespace: Record<string, number> = {};
  for (const { ns } of logs) if (ns !== undefined) byNamespace[ns] = (byNamespace[ns] ?? 0) + 1;
  return {
    requests: WORKLOAD.length,
    created: { total: WORKLOAD.filter((s) => s.status === 201).length, kubeSystem: WORKLOAD.filter((s) => s.status === 201 && s.logs[0].ns === 'kube-system').length },
    byNamespace,
    errors: logs.filter((l) => l.err === true).length,
    verbose: logs.filter((l) => l.v >= 2).length,
  };
})();

async function drive(url: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const step of WORKLOAD) {
    const response = await fetch(`${url}${step.path}`, { method: step.method, headers: step.headers, body: step.body === undefined ? undefined : JSON.stringify(step.body) });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

async function count(db: DuckDBConnection, where: string): Promise<number> {
  const result = await db.runAndReadAll(`SELECT count(*) AS n FROM logs WHERE ${where}`);
  return Number(result.getRowObjects()[0].n);
}

const schema = JSON.parse(readFileSync(new URL('../packages/ingest/schema/klog-json-record.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ strict: true }).compile(schema);

describe.each(['json', 'text'] as const)('the example service logging in %s, queried in DuckDB', (format) => {
  const dir = mkdtempSync(join(tmpdir(), `klog-ts-e2e-${format}-`));
  const jsonPath = join(dir, 'service.json');
  let raw = '';
  let db: DuckDBConnection;

  beforeAll(async () => {
    const service = await startServiceProcess([`--logging-format=${format}`, '-v=2'], { SERVICE_API_TOKEN: TOKEN, SERVICE_ALICE_PASSWORD: PASSWORD });
    let statuses: number[];
    try {
      statuses = await drive(service.url);
    } finally {
      expect(await service.stop()).toBe(0);
    }
    expect(statuses).toEqual(WORKLOAD.map((step) => step.status));
    raw = service.logs();
    writeFileSync(join(dir, `service.${format === 'json' ? 'json' : 'log'}`), raw);
    if (format === 'json') writeFileSync(jsonPath, raw);
    else {
      const converted = await runKlogTs(['convert', '--to', 'json'], raw);
      expect(converted).toMatchObject({ code: 0, stderr: '' });
      writeFileSync(jsonPath, converted.stdout);
    }
    db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(`CREATE TABLE logs AS SELECT * FROM read_json('${jsonPath}', format = 'newline_delimited', sample_size = -1)`);
  }, 180_000);

  afterAll(() => {
    db?.closeSync();
  });

  it('loads one row per record, each valid against the published JSON Schema', async () => {
    const lines = readFileSync(jsonPath, 'utf8').trimEnd().split('\n');
    for (const line of lines) expect(validate(JSON.parse(line)), line).toBe(true);
    // Requests, their records, "Service listening" and "Service stopped".
    expect(await count(db, 'true')).toBe(lines.length);
    expect(lines.length).toBe(2 + WORKLOAD.reduce((n, step) => n + 1 + step.logs.length, 0));
  });

  it('counts pods by pod.namespace', async () => {
    expect(await count(db, `msg = 'Pod created'`)).toBe(expected.created.total);
    expect(await count(db, `msg = 'Pod created' AND pod.namespace = 'kube-system'`)).toBe(expected.created.kubeSystem);
    const rows = (await db.runAndReadAll(`SELECT pod.namespace AS ns, count(*) AS n FROM logs WHERE pod IS NOT NULL GROUP BY ALL ORDER BY ns`)).getRowObjects();
    expect(Object.fromEntries(rows.map((row) => [String(row.ns), Number(row.n)]))).toEqual(expected.byNamespace);
  });

  it('counts errors with err IS NOT NULL', async () => {
    expect(await count(db, 'err IS NOT NULL')).toBe(expected.errors);
    // Kubernetes JSON has no severity: errors are the records without "v".
    expect(await count(db, 'v IS NULL')).toBe(expected.errors);
  });

  it('counts every request by requestID', async () => {
    expect(await count(db, `msg = 'Request completed'`)).toBe(expected.requests);
    const rows = await db.runAndReadAll(`SELECT count(DISTINCT requestID) AS n FROM logs`);
    expect(Number(rows.getRowObjects()[0].n)).toBe(expected.requests);
  });

  if (format === 'json') {
    it('counts verbose records with v >= 2', async () => {
      expect(await count(db, 'v >= 2')).toBe(expected.verbose);
    });
  } else {
    it('has no V levels after conversion: klog text does not print them', async () => {
      expect(await count(db, 'v >= 1')).toBe(0);
    });
  }

  it('never logged the password or the API token', () => {
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain(TOKEN);
  });
});
