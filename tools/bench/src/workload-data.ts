import { KObj, type ObjectRef } from '@klog-ts/core';

/**
 * The values every library logs, so that all of them do the same work. `pod` goes through `KObj` on every
 * call (as service code does); `attempt` and `latency` change per line so no output can be cached.
 */
export const MESSAGE = 'Pod status updated';
export const NESTED_MESSAGE = 'Request served';

const pod = { metadata: { name: 'web-7d4b9c6f5-x2x9z', namespace: 'default' } };
export const NODE = 'worker-node-3';

/** A fresh ObjectRef for the pod, as `KObj(pod)` at a call site. */
export function podRef(): ObjectRef {
  return KObj(pod);
}

/** A non-integral latency that varies with the line. */
export function latencyAt(i: number): number {
  return 0.25 + (i % 1000) * 0.013;
}

/** A constant float for W5: a varying double passed to a call would itself allocate a HeapNumber. */
export const W5_LATENCY = 0.375;
/** W5 passes an existing ref, so that the call site allocates nothing of its own. */
export const W5_POD = podRef();

/** W4's three bound pairs, as an object (pino, winston, bunyan) and as a klog key/value list. */
export const BOUND = { controller: 'replicaset-controller', worker: 3, traceId: '4bf92f3577b34da6a3ce929d0e0e4736' } as const;
export const BOUND_KV: readonly unknown[] = Object.entries(BOUND).flat();

/** W3's value: three levels, fifteen leaves. `timing.db.rows` is set per line so no output can be cached. */
export const REQUEST = {
  method: 'GET',
  path: '/api/v1/namespaces/default/pods',
  status: 200,
  client: { ip: '10.244.1.17', port: 51234, tls: { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', resumed: false } },
  timing: { queueMs: 0.42, handlerMs: 3.75, db: { queries: 2, rows: 17, cached: true } },
  user: { name: 'system:serviceaccount:kube-system:replicaset-controller', groups: 3 },
};
