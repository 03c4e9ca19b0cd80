import { marshalLog } from '../protocols/marshal-log.js';
import { panicText } from '../protocols/panic-text.js';

/** The JSON shape of an object reference: `namespace` is omitted when empty (Go's `omitempty`). */
export interface ObjectRefJSON {
  /** The object's `metadata.name`. */
  name: string;
  /** The object's `metadata.namespace`; absent for cluster-scoped objects. */
  namespace?: string;
}

/**
 * A reference to a Kubernetes object: `"ns/name"` in the text format, `{"name","namespace"}` in JSON.
 * Build one with {@link KObj} or {@link KRef}. Use the object's kind in lowerCamelCase as the key
 * (`pod`, `node`, `replicaSet`).
 */
export class ObjectRef {
  constructor(
    readonly name: string,
    readonly namespace = '',
  ) {}

  /** `ns/name`, or `name` when the namespace is empty (klog's ObjectRef.String). */
  toString(): string {
    return this.namespace === '' ? this.name : `${this.namespace}/${this.name}`;
  }

  /** `{"name","namespace"}`, as the JSON format writes it. */
  toJSON(): ObjectRefJSON {
    return this.namespace === '' ? { name: this.name } : { name: this.name, namespace: this.namespace };
  }

  /** The log marshaler: the JSON shape. */
  [marshalLog](): ObjectRefJSON {
    return this.toJSON();
  }
}

/** The shape KObj reads: `@kubernetes/client-node` objects (`metadata`) or getter-style objects. */
export type KMetadata =
  | { metadata?: { name?: string; namespace?: string } | undefined }
  | { getName(): string; getNamespace(): string };

/** A metadata field as text: strings as they are, numbers and booleans printed, anything else `''`. */
function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' ? String(value) : '';
}

function readMetadata(obj: object): ObjectRef {
  if (typeof (obj as { getName?: unknown }).getName === 'function') {
    const getters = obj as { getName(): unknown; getNamespace?: () => unknown };
    const namespace = typeof getters.getNamespace === 'function' ? getters.getNamespace() : '';
    return new ObjectRef(fieldText(getters.getName()), fieldText(namespace));
  }
  const metadata = (obj as { metadata?: { name?: unknown; namespace?: unknown } | null }).metadata;
  if (metadata === undefined || metadata === null) return new ObjectRef('');
  return new ObjectRef(fieldText(metadata.name), fieldText(metadata.namespace));
}

/** True for values KObj can read: an object with `metadata` or with `getName()`. */
export function isKMetadata(value: unknown): value is KMetadata {
  if (typeof value !== 'object' || value === null) return false;
  return (
    typeof (value as { getName?: unknown }).getName === 'function' ||
    typeof (value as { metadata?: unknown }).metadata === 'object'
  );
}

/**
 * The reference of a Kubernetes object (klog's KObj): reads `metadata.name` and `metadata.namespace`
 * (as on `@kubernetes/client-node` objects), or calls `getName()`/`getNamespace()`. `null`/`undefined`
 * give an empty reference. Never throws: a throwing getter becomes the name `<panic: …>`.
 */
export function KObj(obj: KMetadata | null | undefined): ObjectRef {
  if (obj === null || obj === undefined || typeof obj !== 'object') return new ObjectRef('');
  try {
    return readMetadata(obj);
  } catch (thrown) {
    return new ObjectRef(`<panic: ${panicText(thrown)}>`);
  }
}

/** A reference from a namespace and a name (klog's KRef). An empty namespace means cluster-scoped. */
export function KRef(namespace: string, name: string): ObjectRef {
  return new ObjectRef(name, namespace);
}
