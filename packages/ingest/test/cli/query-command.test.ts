import { describe, expect, it } from 'vitest';
import { run } from './cli-harness.js';
import { JSON_LOG, TEXT_LOG } from './fixtures.js';

const UTC = ['--utc', '--year', '2024'];
// The message of each record printed (continuation lines of multi-line values skipped).
const messages = (out: string): string[] => out.split('\n').filter((l) => /^[{IWEF]/.test(l)).map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg: string }).msg : /\] ("?)(.*?)\1(?: |$)/.exec(l)?.[2] ?? l));

describe.each([
  ['text', TEXT_LOG],
  ['JSON', JSON_LOG],
])('klog-ts query over %s', (_format, log) => {
  const query = async (...flags: string[]) => {
    const result = await run(['query', ...UTC, ...flags], log);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return messages(result.stdout);
  };

  it('matches object references by value, by path and by namespace', async () => {
    expect(await query('--where', 'pod=kube-system/coredns')).toEqual(['Pod created', 'Failed to create pod']);
    expect(await query('--where', 'pod.namespace=default')).toEqual(['Pod created', 'Sync failed', 'Pod deleted']);
    expect(await query('--where', 'namespace=kube-system')).toEqual(['Pod created', 'Failed to create pod', 'Pods listed']);
    expect(await query('--where', 'pods=kube-system/coredns')).toEqual(['Pods listed']);
    expect(await query('--where', 'node=node-2')).toEqual(['Pod created']);
    // A regex, like "=", matches a list of references when it matches one of them (as "ns/name").
    expect(await query('--where', 'pods~^kube-system/core')).toEqual(['Pods listed']);
    expect(await query('--where', 'pods~^coredns')).toEqual([]);
  });

  it('matches fields, presence, negation, regexes and numbers; every condition must hold', async () => {
    expect(await query('--where', 'err')).toEqual(['Failed to create pod', 'Sync failed']);
    expect(await query('--where', 'err~refused')).toEqual(['Sync failed']);
    expect(await query('--where', 'msg=Pod created', '--where', 'node!=node-1')).toEqual(['Pod created']);
    expect(await query('--where', 'count>=1')).toEqual(['Pods listed']);
    expect(await query('--where', 'count>1')).toEqual([]);
    expect(await query('--where', 'logger=api')).toEqual(['Pod deleted']);
  });

  it('filters by severity and time', async () => {
    expect(await query('--min-severity', 'error')).toEqual(['Failed to create pod', 'Sync failed']);
    expect(await query('--min-severity', 'W')).toHaveLength(_format === 'text' ? 3 : 2);
    expect(await query('--since', '2024-03-07T09:50:00Z', '--until', '2024-03-07T09:59:00Z')).toEqual(['Pods listed', 'Sync failed']);
    // The clock of the run is 10:00 UTC.
    expect(await query('--since', '5m')).toEqual(['Sync failed', 'Pod deleted']);
  });

  it('reads a time without a zone, and a date alone, as local time', async () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Pacific/Honolulu';
    try {
      // Honolulu is UTC-10: 23:50 on the 6th is 09:50 UTC on the 7th, and midnight of the 7th is 10:00 UTC.
      expect(await query('--since', '2024-03-06 23:50', '--until', '2024-03-06T23:59')).toEqual(['Pods listed', 'Sync failed']);
      expect(await query('--since', '2024-03-07')).toEqual([]);
      expect(await query('--until', '2024-03-07', '--where', 'msg=Service listening')).toEqual(['Service listening']);
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('prints a count, or the matches as a table', async () => {
    const count = await run(['query', ...UTC, '--where', 'namespace=kube-system', '--count'], log);
    expect(count.stdout).toBe('3\n');
    const table = await run(['query', ...UTC, '--where', 'err', '-o', 'table'], log);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^TIME +S +CALLER +MESSAGE +PAIRS$/);
    expect(lines[1]).toMatch(/^2024-03-07 09:40:00\.000005 +E +(app\/)?pods\.go:61 +Failed to create pod +err="pod already exists" pod=kube-system\/coredns$/);
    expect(lines[2]).toContain('err="dial tcp 10.0.0.1:443: connect: connection refused\\nretrying');
    const list = await run(['query', ...UTC, '--where', 'pods', '-o', 'table'], log);
    expect(list.stdout.split('\n')[1]).toMatch(/ pods=\["kube-system\/coredns"\]$/);
  });
});

describe('klog-ts query output formats', () => {
  it('prints matches as read by default, or converted with -o', async () => {
    const raw = await run(['query', ...UTC, '--where', 'msg=Sync failed'], TEXT_LOG);
    expect(raw.stdout).toBe(TEXT_LOG.split('\n').slice(6, 10).join('\n') + '\n');
    const json = await run(['query', ...UTC, '--where', 'msg=Sync failed', '-o', 'json'], TEXT_LOG);
    expect(JSON.parse(json.stdout)).toEqual({
      ts: Number(1709805300000007000n) / 1e6,
      caller: 'pods.go:80',
      msg: 'Sync failed',
      pod: { name: 'web-0', namespace: 'default' },
      err: 'dial tcp 10.0.0.1:443: connect: connection refused\nretrying\n',
    });
    const text = await run(['query', ...UTC, '--where', 'msg=Pod deleted', '-o', 'text'], JSON_LOG);
    expect(text.stdout).toBe('I0307 09:59:00.000008       0 pods.go:90] "Pod deleted" logger="api" pod="default/web-0"\n');
  });

  it('--v N keeps what a component at -v=N prints (JSON records carry their V level)', async () => {
    const result = await run(['query', '--v', '1', '-o', 'json'], JSON_LOG);
    expect(messages(result.stdout)).toEqual(['Service listening', 'disk 93% full', 'Failed to create pod', 'Sync failed', 'Pod deleted']);
  });

  it('escapes control characters in a table', async () => {
    const result = await run(['query', '-o', 'table'], '{"ts":0,"msg":"bell\\u0007 and \\u001b[31mred","v":0}\n');
    expect(result.stdout).toContain('bell\\u0007 and \\u001b[31mred');
  });
});

describe('the raw pre-check of selective queries', () => {
  it('skips records that cannot match, with the lines that go with them', async () => {
    const log = 'I0307 09:00:00.000000       7 a.go:1] "Other" pod="ns/q"\ngarbage\nI0307 09:00:00.000000       7 a.go:1] "This" pod="kube/db0"\n';
    expect(await run(['query', ...UTC, '--where', 'pod=kube/db0', '--count'], log)).toMatchObject({ code: 0, stdout: '1\n', stderr: '' });
  });

  it('--strict: skips records that cannot match, counts them as read, and still reports unreadable lines', async () => {
    const log = `${TEXT_LOG}garbage\n`;
    const result = await run(['query', ...UTC, '--strict', '--where', 'pod=default/web-0', '--count'], log);
    expect(result.stdout).toBe('3\n');
    expect(result.stderr).toMatch(/^klog-ts: <stdin>:12:1: not a klog record/);
    expect(result.stderr).toMatch(/klog-ts: 8 records .*; 3 matched; 1 parse error\n$/);
  });

  it('finds values inside multi-line records and nested JSON', async () => {
    const log = 'I0307 09:00:00.000000       7 a.go:1] "Config" data=<\n\tline\n > pod="ns/p"\nI0307 09:00:00.000000       7 a.go:1] "Other" pod="ns/q"\n';
    expect((await run(['query', ...UTC, '--where', 'pod=ns/p', '--count'], log)).stdout).toBe('1\n');
    const json = '{"ts":1,"msg":"m","v":0,"obj":{"a":{"b":"deep"}}}\n{"ts":1,"msg":"m","v":0,"obj":{"a":{"b":"shallow"}}}\n';
    expect((await run(['query', '--where', 'obj.a.b=deep', '--count'], json)).stdout).toBe('1\n');
  });
});
