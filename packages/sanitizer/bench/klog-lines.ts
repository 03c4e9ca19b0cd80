import type { Logger } from '@klog-ts/core';
import type { WorkloadId } from './variants.js';
import { KObj, latencyAt, w2Credentials, w2Pod, W3_MESSAGE, w3Request, w3WithSecrets } from './workloads.js';

/**
 * Writes `lines` lines of a workload through a klog-ts logger. Each workload has its own loop (and call
 * site), as in `pnpm bench`, so one object's shape does not reach another's inline caches.
 */
export function klogLines(logger: Logger, workload: WorkloadId, lines: number): void {
  switch (workload) {
    case 'W3':
      for (let n = 0; n < lines; n++) {
        w3Request.timing.db.rows = n;
        logger.infoS(W3_MESSAGE, 'request', w3Request, 'attempt', n, 'ok', true);
      }
      return;
    case 'W3+secrets':
      for (let n = 0; n < lines; n++) {
        w3WithSecrets.timing.db.rows = n;
        // eslint-disable-next-line @klog-ts/no-secret-logging -- the workload carries secrets on purpose: the sanitizer's variants redact them.
        logger.infoS(W3_MESSAGE, 'request', w3WithSecrets, 'attempt', n, 'ok', true);
      }
      return;
    case 'W2+tagged':
      for (let n = 0; n < lines; n++) {
        // eslint-disable-next-line @klog-ts/no-secret-logging -- the workload is a tagged instance, redacted by the sanitizer.
        logger.infoS('Pod status updated', 'pod', KObj(w2Pod), 'node', 'node-1', 'attempt', n, 'latency', latencyAt(n), 'ok', true, 'credentials', w2Credentials);
      }
  }
}
