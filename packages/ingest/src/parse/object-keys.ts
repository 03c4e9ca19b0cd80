import { KRef, type ObjectRef } from '@klog-ts/core';
import type { LogValue } from './log-record.js';

/**
 * The keys whose value is a Kubernetes object reference (`KObj`/`KRef`): the object's kind in lowerCamelCase,
 * as the structured-logging guidelines ask. Their plural (`pods`) holds a list of references (`KObjSlice`).
 */
export const DEFAULT_OBJECT_KEYS: readonly string[] = [
  'apiService', 'certificateSigningRequest', 'claim', 'clusterRole', 'clusterRoleBinding', 'configMap',
  'controllerRevision', 'cronJob', 'csiDriver', 'csiNode', 'customResourceDefinition', 'daemonSet', 'deployment',
  'endpointSlice', 'endpoints', 'event', 'horizontalPodAutoscaler', 'ingress', 'ingressClass', 'job', 'lease',
  'limitRange', 'mutatingWebhookConfiguration', 'networkPolicy', 'node', 'object', 'owner', 'persistentVolume',
  'persistentVolumeClaim', 'pod', 'podDisruptionBudget', 'podTemplate', 'priorityClass', 'pv', 'pvc', 'replicaSet',
  'replicationController', 'resourceClaim', 'resourceQuota', 'role', 'roleBinding', 'runtimeClass', 'secret',
  'service', 'serviceAccount', 'statefulSet', 'storageClass', 'validatingWebhookConfiguration', 'volumeAttachment',
];

/** How a key's value is read: one reference, a list of references, or as printed. */
export type ObjectKeyKind = 'ref' | 'list' | undefined;

/**
 * The key of a list of objects of a kind: `pods`, `ingresses`, `networkPolicies`; none for a kind that is
 * already plural (`endpoints`).
 */
export function pluralOf(key: string): string | undefined {
  if (/[^s]s$/.test(key)) return undefined;
  if (/[^aeiou]y$/.test(key)) return `${key.slice(0, -1)}ies`;
  return /(?:s|x|ch|sh)$/.test(key) ? `${key}es` : `${key}s`;
}

/** A compiled set of object keys; plurals are derived (`pods`, `endpointSlices`, `ingresses`). */
export class ObjectKeys {
  readonly #kinds = new Map<string, 'ref' | 'list'>();

  constructor(keys: Iterable<string> = DEFAULT_OBJECT_KEYS) {
    for (const key of keys) this.#kinds.set(key, 'ref');
    for (const key of keys) {
      const plural = pluralOf(key);
      if (plural !== undefined && !this.#kinds.has(plural)) this.#kinds.set(plural, 'list');
    }
  }

  kindOf(key: string): ObjectKeyKind {
    return this.#kinds.get(key);
  }
}

// Object names and namespaces hold no whitespace and no `/`: other text under an object key (an error
// message, klog.Format's multi-line JSON) is kept as a string.
const REF_TEXT = /^[^\s/]*(?:\/[^\s/]*)?$/;

/** `ns/name` (klog's text form) as a reference, or undefined if the text cannot be one. */
export function refFromText(text: string): ObjectRef | undefined {
  if (!REF_TEXT.test(text)) return undefined;
  const slash = text.indexOf('/');
  return slash === -1 ? KRef('', text) : KRef(text.slice(0, slash), text.slice(slash + 1));
}

function isRefShape(value: unknown): value is { name: string; namespace?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { name, namespace, ...rest } = value as Record<string, unknown>;
  return typeof name === 'string' && (namespace === undefined || typeof namespace === 'string') && Object.keys(rest).length === 0;
}

/** The reference a value stands for: text (`"ns/name"`) only when read from the text format. */
function toRef(value: LogValue, fromText: boolean): ObjectRef | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string') return fromText ? refFromText(value) : undefined;
  if (isRefShape(value)) return KRef(value.namespace ?? '', value.name);
  return undefined;
}

/**
 * The value of an object key as references: `{"name","namespace"}` becomes an ObjectRef, and so does
 * `"ns/name"` read from text (where a KObj and a string print alike); a list of them (`["ns/a",null]`)
 * becomes an array of ObjectRef or null. Anything else is kept as printed: a JSON string stays a string.
 */
export function objectValue(kind: 'ref' | 'list', value: LogValue, fromText: boolean): LogValue {
  if (kind === 'ref') return toRef(value, fromText) ?? value;
  if (!Array.isArray(value)) return value;
  const refs: (ObjectRef | null)[] = [];
  for (const item of value as LogValue[]) {
    const ref = toRef(item, fromText);
    if (ref === undefined) return value;
    refs.push(ref);
  }
  return refs;
}
