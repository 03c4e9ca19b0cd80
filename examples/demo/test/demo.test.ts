import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@klog-ts/core';
import { reconcile } from '../src/reconcile.js';

const run = promisify(execFile);

function capture(format: 'text' | 'json'): string {
  let text = '';
  const logger = createLogger({ format, verbosity: 2, clock: () => 1_709_802_303_012, pid: 7, caller: false, output: { write: (s: string) => void (text += s), flush: () => undefined } });
  reconcile(logger);
  return text;
}

describe('the demo', () => {
  it('logs the reconcile pass in klog text format', () => {
    const lines = capture('text').split('\n');
    expect(lines[0]).toMatch(/^I\d{4} [\d:.]{15} {7}7 \?\?\?:1\] "Starting reconcile" logger="replicaset-controller" replicaSet="shop\/web" generation=12 pods=\["kube-system\/coredns-5d78c9869d-4xk2p","shop\/web-7f9c6b5d4-qz8tn"\]$/);
    expect(lines.filter((line) => line.startsWith('E'))).toHaveLength(1);
    expect(capture('text')).toContain(' diff=<\n\t- replicas: 2\n\t+ replicas: 3\n >\n');
    expect(capture('text')).not.toContain('Cache stats');
  });

  it('logs the same pass in Kubernetes JSON format', () => {
    const records = capture('json').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(7);
    expect(records[4]).toEqual({
      ts: 1709802303012, logger: 'replicaset-controller', msg: 'Pod not ready', replicaSet: { name: 'web', namespace: 'shop' }, generation: 12,
      pod: { name: 'web-7f9c6b5d4-qz8tn', namespace: 'shop' }, restarts: 3, latency: 1.25, err: 'Back-off pulling image "registry.example/web:1.4"',
    });
  });

  it('runs as `pnpm demo` does and prints text, then JSON', async () => {
    const main = join(import.meta.dirname, '..', 'src', 'main.ts');
    const { stdout } = await run(process.execPath, ['--conditions=@klog-ts/source', '--import', 'tsx', main]);
    const textAt = stdout.indexOf('] "Starting reconcile"');
    const jsonAt = stdout.indexOf('{"ts":');
    expect(textAt).toBeGreaterThan(0);
    expect(jsonAt).toBeGreaterThan(textAt);
    expect(stdout).toMatch(/reconcile\.ts:\d+\] "Pod not ready"/);
    expect(stdout).toContain('"password":"[REDACTED:password]"} apiToken="[REDACTED:token]"\n');
    expect(stdout).toContain('"password":"[REDACTED:password]"},"apiToken":"[REDACTED:token]"}\n');
    expect(stdout).not.toContain('hunter2');
    expect(stdout).not.toContain('ghp_');
    expect(stdout).toContain("login-handler.ts:22:3  error  Value 'password' tagged @datapolicy(password) is logged by logger.infoS()");
    expect(stdout).toMatch(/path:\n {4}\S*user-store\.ts:\d+:\d+ {2}source: value 'password' tagged @datapolicy\(password\)/);
  }, 180_000);
});
