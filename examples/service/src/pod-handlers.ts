import { fromContext, KObj, KObjSlice, KRef } from '@klog-ts/core';
import { readJSONBody, sendJSON, stringField } from './http-io.js';
import { PodConflictError, PodNotFoundError } from './pod-store.js';
import type { RequestContext } from './request-context.js';

/** GET /api/pods[?namespace=ns]: lists pods (V(2): who asked for what). */
export function listPods({ res, url, pods }: RequestContext): void {
  const namespace = url.searchParams.get('namespace') ?? undefined;
  const list = pods.list(namespace);
  fromContext().V(2).infoS('Listing pods', 'namespace', namespace ?? '', 'count', list.length, 'pods', KObjSlice(list));
  sendJSON(res, 200, list);
}

/** POST /api/pods {namespace, name, node}: creates a pod; a pod that exists already is a conflict. */
export async function createPod({ req, res, pods }: RequestContext): Promise<void> {
  const logger = fromContext();
  const body = await readJSONBody(req);
  const namespace = stringField(body, 'namespace');
  const name = stringField(body, 'name');
  const node = stringField(body, 'node');
  try {
    const pod = pods.create(namespace, name, node);
    logger.infoS('Pod created', 'pod', KObj(pod), 'node', KRef('', node));
    sendJSON(res, 201, pod);
  } catch (err) {
    if (!(err instanceof PodConflictError)) throw err;
    logger.errorS(err, 'Failed to create pod', 'pod', KRef(namespace, name));
    sendJSON(res, 409, { error: err.message });
  }
}

/** GET /api/pods/:namespace/:name, and DELETE of the same: a missing pod is logged as an error. */
export function podByName(deleting: boolean) {
  return ({ res, pods }: RequestContext, namespace: string, name: string): void => {
    const logger = fromContext();
    try {
      const pod = deleting ? pods.delete(namespace, name) : pods.get(namespace, name);
      if (deleting) logger.infoS('Pod deleted', 'pod', KObj(pod));
      else logger.V(2).infoS('Pod found', 'pod', KObj(pod), 'node', KRef('', pod.spec.nodeName), 'phase', pod.status.phase);
      sendJSON(res, 200, pod);
    } catch (err) {
      if (!(err instanceof PodNotFoundError)) throw err;
      if (deleting) logger.errorS(err, 'Failed to delete pod', 'pod', KRef(namespace, name));
      else logger.errorS(err, 'Pod not found', 'pod', KRef(namespace, name));
      sendJSON(res, 404, { error: err.message });
    }
  };
}
