/**
 * The klog-ts CLI (as its own process, and in this one for the many queries) on logs that look like those of real Kubernetes components
 * (kube-scheduler and kubelet): legacy printf lines, structured lines, multi-line values, a Fatal with its
 * stack dump, a cobra deprecation notice without a header, and a line cut short.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runKlogTs, runKlogTsInProcess } from './src/run-service.js';

const LOG = readFileSync(new URL('fixtures/kube-components.log', import.meta.url), 'utf8');
const YEAR = ['--year', '2024'];

describe('klog-ts on Kubernetes component logs', () => {
  it('converts every record to JSON, keeping the line cut short and reporting the line before any record', async () => {
    const { code, stdout, stderr } = await runKlogTs(['convert', '--to', 'json', ...YEAR], LOG);
    expect(code).toBe(1);
    expect(stderr.split('\n').slice(0, 2)).toEqual([
      'klog-ts: <stdin>:1:1: not a klog record (no header, no quoted message): "Flag --port has been deprecated, This flag has no effect now and will be removed in v1.24."',
      'klog-ts: 1 record was read in part: the text that could not be read is kept under "unparsed" (klog-ts query --where unparsed; --strict reports it instead)',
    ]);
    const records = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(23);
    // The line cut short inside its header: an error record (no "v") of that second, the line kept.
    expect(records[21]).toEqual({ ts: new Date(2024, 10, 25, 10, 15, 9).getTime(), msg: '', unparsed: 'E1125 10:15:09.31' });
    records.splice(21, 1);
    expect(records[4]).toMatchObject({ msg: 'Starting Kubernetes Scheduler', v: 0, version: 'v1.31.2', caller: 'server.go:154' });
    expect(records[8]).toMatchObject({ pod: { name: 'coredns-7db6d8ff4d-4xk2p', namespace: 'kube-system' }, node: { name: 'kind-worker' }, evaluatedNodes: 3 });
    expect(records[10]).not.toHaveProperty('v');
    expect(records[13]).toMatchObject({ pods: [{ name: 'coredns-7db6d8ff4d-4xk2p', namespace: 'kube-system' }, { name: 'web-5d8f7c9b6-lq2mz', namespace: 'default' }] });
    expect(records[16]).toMatchObject({ container: '{\n  "name": "coredns",\n  "image": "registry.k8s.io/coredns/coredns:v1.11.3"\n}\n' });
    expect(records[21]).toMatchObject({ msg: expect.stringMatching(/^failed to run Kubelet: .*\ngoroutine 1 \[running\]:\n.*\n\tmain\.main\(\)|kubelet\.go:56 \+0x25$/s) as unknown });
    // klog hands a Fatal to its logr backend as an info record: Kubernetes JSON gives it "v":0.
    expect(records[21]).toHaveProperty('v', 0);
  });

  it('--strict reports the line cut short too, and leaves it out', async () => {
    const { stdout, stderr } = await runKlogTsInProcess(['convert', '--to', 'json', '--strict', ...YEAR], LOG);
    expect(stderr).toContain('klog-ts: <stdin>:28:1: malformed klog header: "E1125 10:15:09.31"');
    expect(stdout.trimEnd().split('\n')).toHaveLength(22);
  });

  it('queries by object reference, namespace and severity', async () => {
    const count = async (...flags: string[]): Promise<string> => (await runKlogTsInProcess(['query', ...YEAR, '-q', '--count', ...flags], LOG)).stdout;
    expect(await count('--where', 'pod=kube-system/coredns-7db6d8ff4d-4xk2p')).toBe('3\n');
    expect(await count('--where', 'pods=default/web-5d8f7c9b6-lq2mz')).toBe('2\n');
    expect(await count('--where', 'namespace=default')).toBe('5\n');
    expect(await count('--min-severity', 'error')).toBe('5\n');
    expect(await count('--min-severity', 'error', '--strict')).toBe('4\n');
    expect(await count('--where', 'unparsed')).toBe('1\n');
    expect(await count('--min-severity', 'warning', '--where', 'msg~finalizer')).toBe('1\n');
    expect(await count('--where', 'err~connection refused', '--where', 'interval=7s')).toBe('1\n');
  });

  it('prints a table', async () => {
    const { stdout } = await runKlogTs(['query', ...YEAR, '-q', '--where', 'pod.namespace=default', '--min-severity', 'E', '-o', 'table'], LOG);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2024-11-25 10:14:06\.882013 +E +schedule_one\.go:1057 +Error scheduling pod; retrying +err="0\/3 nodes are available: .*" pod=default\/big-batch-x7k2q$/);
    expect(lines[2]).toMatch(/pod_workers\.go:1301 +Error syncing pod, skipping +err="failed to \\"StartContainer\\" .*" pod=default\/web-5d8f7c9b6-lq2mz podUID=/);
  });
});
