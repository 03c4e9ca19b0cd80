/**
 * The example service's workload for the ingestion tests: requests that make it log pods created, found,
 * deleted and not found, errors, unauthorized requests, logins and health checks, across namespaces.
 */
import { expect } from 'vitest';
import type { LogFormat } from '@klog-ts/core';
import { startServiceProcess } from './run-service.js';

export const TOKEN = 'e2e-token-7d2b41c0';
export const PASSWORD = 'e2e-password-91ac';
const AUTH = { authorization: `Bearer ${TOKEN}` };

/** One request of the workload, and what the service must log for it (besides "Request completed"). */
export interface Step {
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

export const WORKLOAD: readonly Step[] = [
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

async function drive(url: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const step of WORKLOAD) {
    const response = await fetch(`${url}${step.path}`, { method: step.method, headers: step.headers, body: step.body === undefined ? undefined : JSON.stringify(step.body) });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

/**
 * Runs the example service as its own process in `format` at -v=2, drives it through the workload, checks
 * each response's status and the exit code, and returns what it logged.
 */
export async function workloadLogs(format: LogFormat): Promise<string> {
  const service = await startServiceProcess([`--logging-format=${format}`, '-v=2'], { SERVICE_API_TOKEN: TOKEN, SERVICE_ALICE_PASSWORD: PASSWORD });
  let statuses: number[];
  try {
    statuses = await drive(service.url);
  } finally {
    expect(await service.stop()).toBe(0);
  }
  expect(statuses).toEqual(WORKLOAD.map((step) => step.status));
  return service.logs();
}
