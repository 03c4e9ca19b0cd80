/** A pod as `@kubernetes/client-node` shapes it, reduced to what the service keeps. */
export interface Pod {
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly spec: { readonly nodeName: string };
  readonly status: { readonly phase: 'Pending' | 'Running' };
}

/** A request that names a pod that exists already, or one that does not exist. */
export class PodConflictError extends Error {
  override name = 'PodConflictError';
}

export class PodNotFoundError extends Error {
  override name = 'PodNotFoundError';
}

/** The fake cluster: pods by `namespace/name`, in memory. */
export class PodStore {
  readonly #pods = new Map<string, Pod>();

  create(namespace: string, name: string, nodeName: string): Pod {
    const key = `${namespace}/${name}`;
    if (this.#pods.has(key)) throw new PodConflictError(`pods "${name}" already exists in namespace "${namespace}"`);
    const pod: Pod = { metadata: { name, namespace }, spec: { nodeName }, status: { phase: 'Running' } };
    this.#pods.set(key, pod);
    return pod;
  }

  get(namespace: string, name: string): Pod {
    const pod = this.#pods.get(`${namespace}/${name}`);
    if (pod === undefined) throw new PodNotFoundError(`pods "${name}" not found in namespace "${namespace}"`);
    return pod;
  }

  delete(namespace: string, name: string): Pod {
    const pod = this.get(namespace, name);
    this.#pods.delete(`${namespace}/${name}`);
    return pod;
  }

  /** The pods of one namespace, or of all. */
  list(namespace: string | undefined): Pod[] {
    return [...this.#pods.values()].filter((pod) => namespace === undefined || pod.metadata.namespace === namespace);
  }
}
