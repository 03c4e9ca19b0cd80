import { KObj, KObjSlice, KRef, type Logger } from '@klog-ts/core';

/** A pod as `@kubernetes/client-node` returns it (only the fields the demo uses). */
export interface Pod {
  metadata: { name: string; namespace: string; uid: string };
  spec: { nodeName: string };
  status: { phase: string; restartCount: number };
}

export const pods: Pod[] = [
  { metadata: { name: 'coredns-5d78c9869d-4xk2p', namespace: 'kube-system', uid: 'a1' }, spec: { nodeName: 'node-1' }, status: { phase: 'Running', restartCount: 0 } },
  { metadata: { name: 'web-7f9c6b5d4-qz8tn', namespace: 'shop', uid: 'b2' }, spec: { nodeName: 'node-2' }, status: { phase: 'Pending', restartCount: 3 } },
];

class ImagePullError extends Error {
  override name = 'ImagePullError';
}

/**
 * One pass of a toy ReplicaSet controller, logging the way Kubernetes controllers do: a named logger
 * with bound values, objects as KObj, errors in `err`, details behind V levels.
 */
export function reconcile(logger: Logger): void {
  const log = logger.withName('replicaset-controller').withValues('replicaSet', KRef('shop', 'web'), 'generation', 12);
  log.info('Starting reconcile', 'pods', KObjSlice(pods));
  for (const pod of pods) {
    const podLog = log.withValues('pod', KObj(pod));
    podLog.V(2).info('Checking pod', 'node', pod.spec.nodeName, 'phase', pod.status.phase);
    if (pod.status.phase === 'Pending') {
      podLog.error(new ImagePullError('Back-off pulling image "registry.example/web:1.4"'), 'Pod not ready', 'restarts', pod.status.restartCount, 'latency', 1.25);
    } else {
      podLog.info('Pod status updated', 'status', 'ready', 'restarts', pod.status.restartCount);
    }
  }
  log.V(4).info('Cache stats', 'hits', 1042, 'misses', 7);
  log.info('Reconcile finished', 'durationSeconds', 0.042, 'events', ['Scheduled', 'Pulled'], 'conditions', { ready: false, reason: 'ImagePullBackOff' });
  log.info('Applied patch', 'diff', '- replicas: 2\n+ replicas: 3\n');
}
