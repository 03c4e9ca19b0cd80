import { closeSync, openSync, writeSync } from 'node:fs';
import { createLogger, KObj, KRef, type LogFormat } from '@klog-ts/core';

const NAMESPACES = ['kube-system', 'default', 'monitoring', 'ingress-nginx', 'payments', 'search'];
const NODES = Array.from({ length: 20 }, (_, i) => `node-${i}`);

/**
 * Writes `bytes` of realistic controller logs (pods created, synced, deleted, V(2)/V(4) details, errors with
 * multi-line causes) in `format` to `path`, through the klog-ts logger itself. Deterministic: record n is
 * always the same. Returns how many records it wrote.
 */
export function generateLog(path: string, format: LogFormat, bytes: number): number {
  const fd = openSync(path, 'w');
  let buffer = '';
  let written = 0;
  let time = 1_709_802_303_012_345_678n;
  const logger = createLogger({
    format,
    verbosity: 4,
    pid: 4242,
    clock: () => time,
    output: {
      write: (text: string) => {
        buffer += text;
        if (buffer.length > 1 << 20) {
          written += writeSync(fd, buffer);
          buffer = '';
        }
      },
      flush: () => undefined,
    },
  }).withName('pod-controller');
  let n = 0;
  for (; written + buffer.length < bytes; n++) {
    time += 1_234_567n;
    const namespace = NAMESPACES[n % NAMESPACES.length];
    const pod = { metadata: { name: `app-${n % 997}-${(n * 7919) % 100_000}`, namespace } };
    const node = KRef('', NODES[n % NODES.length]);
    switch (n % 10) {
      case 0: case 1: case 2:
        logger.infoS('Pod status updated', 'pod', KObj(pod), 'node', node, 'phase', 'Running', 'restarts', n % 5);
        break;
      case 3: case 4:
        logger.V(2).infoS('Syncing pod', 'pod', KObj(pod), 'resourceVersion', String(100_000 + n), 'durationMs', (n % 1000) / 7);
        break;
      case 5: case 6:
        logger.V(4).infoS('Pod spec unchanged', 'pod', KObj(pod), 'labels', { app: `app-${n % 997}`, tier: 'backend' });
        break;
      case 7:
        logger.infoS('Pod created', 'pod', KObj(pod), 'node', node, 'containers', ['main', 'sidecar']);
        break;
      case 8:
        logger.errorS(new Error(n % 100 === 8 ? 'sync failed:\ncontext deadline exceeded' : 'the object has been modified'), 'Failed to update pod status', 'pod', KObj(pod));
        break;
      default:
        logger.withValues('requestID', `req-${n}`).V(1).infoS('Request completed', 'method', 'GET', 'path', `/api/v1/namespaces/${namespace}/pods`, 'status', 200);
    }
  }
  written += writeSync(fd, buffer);
  closeSync(fd);
  return n;
}
