import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KRef } from '@klog-ts/core';
import { parseJSON, parseText, type LogRecord } from '@klog-ts/ingest';
import { installSanitizer, type Sanitizer } from '@klog-ts/sanitizer';
import { API_TOKEN, PASSWORD, startService, type RunningService } from './start-service.js';

const AUTH = { authorization: `Bearer ${API_TOKEN}` };
let calls = 0;

/** One request; the nth carries `x-request-id: call-n`. */
async function call(service: RunningService, method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH): Promise<number> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { ...headers, 'x-request-id': `call-${++calls}` },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Waits until the server has logged the completion of `count` requests (logged when the response ends). */
async function settled(service: RunningService, count: number): Promise<void> {
  for (let i = 0; i < 100 && (service.logs().match(/Request completed/g) ?? []).length < count; i++) await new Promise((r) => setTimeout(r, 10));
}

let sanitizer: Sanitizer;
beforeAll(() => {
  sanitizer = installSanitizer({ keys: true, detectors: true });
});
afterAll(() => {
  sanitizer.uninstall();
});

describe('the example service, running on a loopback port', () => {
  let service: RunningService;
  let records: LogRecord[];

  beforeAll(async () => {
    service = await startService('json', 5);
    const statuses = [
      await call(service, 'POST', '/api/pods', { namespace: 'kube-system', name: 'coredns', node: 'node-1' }),
      await call(service, 'POST', '/api/pods', { namespace: 'kube-system', name: 'coredns', node: 'node-1' }),
      await call(service, 'POST', '/api/pods', { namespace: 'default', name: 'web-0', node: 'node-2' }, { authorization: 'Bearer wrong' }),
      await call(service, 'GET', '/api/pods?namespace=kube-system', undefined, {}),
      await call(service, 'GET', '/api/pods/kube-system/coredns', undefined, {}),
      await call(service, 'DELETE', '/api/pods/default/missing'),
      await call(service, 'POST', '/api/pods', '{not json'),
      await call(service, 'POST', '/api/login', { user: 'alice', password: PASSWORD }, {}),
      await call(service, 'POST', '/api/login', { user: 'alice', password: 'guess' }, {}),
      await call(service, 'GET', '/nowhere', undefined, {}),
    ];
    expect(statuses).toEqual([201, 409, 401, 200, 200, 404, 400, 200, 401, 404]);
    await settled(service, statuses.length);
    records = service.logs().trimEnd().split('\n').map((line) => parseJSON(line));
  });

  afterAll(async () => {
    await service.stop();
  });

  const byMessage = (msg: string): LogRecord[] => records.filter((r) => r.msg === msg);
  const value = (record: LogRecord, key: string): unknown => record.kv.find(([k]) => k === key)?.[1];

  it('logs what happened with standardized keys: pod references, err, V levels', () => {
    expect(byMessage('Pod created').map((r) => value(r, 'pod'))).toEqual([KRef('kube-system', 'coredns')]);
    expect(byMessage('Pod created')[0]).toMatchObject({ severity: 'I', v: 0 });
    expect(byMessage('Failed to create pod')[0]).toMatchObject({ severity: 'E', err: 'pods "coredns" already exists in namespace "kube-system"' });
    expect(byMessage('Listing pods')[0]).toMatchObject({ v: 2 });
    expect(value(byMessage('Listing pods')[0], 'pods')).toEqual([KRef('kube-system', 'coredns')]);
    expect(byMessage('Failed to delete pod').map((r) => value(r, 'pod'))).toEqual([KRef('default', 'missing')]);
    expect(records.filter((r) => r.err !== undefined).map((r) => r.msg)).toEqual(['Failed to create pod', 'Unauthorized request', 'Failed to delete pod', 'Bad request', 'Login failed']);
  });

  it('gives every record of a request its request ID (@klog-ts/http), and each request one access entry', () => {
    const request = records.filter((r) => value(r, 'requestID') === 'call-2');
    expect(request.map((r) => r.msg)).toEqual(['Failed to create pod', 'Request completed']);
    for (const r of request) expect(r.kv[0]).toEqual(['requestID', 'call-2']);
    // After the bound request ID, the span's ids (@klog-ts/otel), then the entry's own pairs.
    expect(request[1].kv.slice(4, 7)).toEqual([['method', 'POST'], ['path', '/api/pods'], ['status', 409]]);
    expect(request[1]).toMatchObject({ severity: 'I', v: 1 });
    const completed = byMessage('Request completed');
    expect(completed.map((r) => value(r, 'status'))).toEqual([201, 409, 401, 200, 200, 404, 400, 200, 401, 404]);
    // The query string is left out of path: it may carry what should not be logged.
    expect(completed.map((r) => value(r, 'path'))).toContain('/api/pods');
    expect(completed.map((r) => value(r, 'path')).filter((path) => String(path).includes('?'))).toEqual([]);
    expect(completed.map((r) => value(r, 'bytes')).every((bytes) => typeof bytes === 'number' && bytes > 0)).toBe(true);
  });

  it('gives every record of a request the trace and span ids of its span (@klog-ts/otel), the access entry too', () => {
    const ids = new Map<string, Set<string>>();
    for (const r of records.filter((record) => value(record, 'requestID') !== undefined)) {
      expect(r.kv.slice(1, 4)).toEqual([
        ['trace_id', expect.stringMatching(/^[0-9a-f]{32}$/)],
        ['span_id', expect.stringMatching(/^[0-9a-f]{16}$/)],
        ['trace_flags', '01'],
      ]);
      const request = String(value(r, 'requestID'));
      ids.set(request, (ids.get(request) ?? new Set()).add(`${String(value(r, 'trace_id'))}/${String(value(r, 'span_id'))}`));
    }
    expect(ids.size).toBe(10);
    // One span per request: the same ids on each of its records, different ones for every request.
    expect([...ids.values()].every((spans) => spans.size === 1)).toBe(true);
    expect(new Set([...ids.values()].map((spans) => [...spans][0])).size).toBe(10);
  });

  it('never logs the password or the API token; the V(5) body shows the password redacted', () => {
    expect(service.logs()).not.toContain(PASSWORD);
    expect(service.logs()).not.toContain(API_TOKEN);
    expect(byMessage('Login request').map((r) => value(r, 'body'))).toEqual([
      { password: '[REDACTED:password]', user: 'alice' },
      { password: '[REDACTED:password]', user: 'alice' },
    ]);
  });
});

describe('verbosity and format', () => {
  it('at -v=0 in text, logs only the V(0) records and the errors, as klog text', async () => {
    const service = await startService('text', 0);
    try {
      expect(await call(service, 'POST', '/api/pods', { namespace: 'ns', name: 'p', node: 'n' })).toBe(201);
      expect(await call(service, 'GET', '/api/pods/ns/q', undefined, {})).toBe(404);
      await new Promise((r) => setTimeout(r, 50));
      const { records, errors } = parseText(service.logs().trimEnd().split('\n'));
      expect(errors).toEqual([]);
      expect(records.map((r) => [r.severity, r.msg])).toEqual([
        ['I', 'Pod created'],
        ['E', 'Pod not found'],
      ]);
      expect(records[0].kv).toEqual([
        ['requestID', expect.stringMatching(/^call-\d+$/)],
        ['trace_id', expect.stringMatching(/^[0-9a-f]{32}$/)],
        ['span_id', expect.stringMatching(/^[0-9a-f]{16}$/)],
        ['trace_flags', '01'],
        ['pod', KRef('ns', 'p')],
        ['node', KRef('', 'n')],
      ]);
    } finally {
      await service.stop();
    }
  });
});
