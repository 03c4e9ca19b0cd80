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
import { runKlogTs } from './src/run-service.js';
import { PASSWORD, TOKEN, WORKLOAD, workloadLogs } from './src/service-workload.js';

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
    raw = await workloadLogs(format);
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
