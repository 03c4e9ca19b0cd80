import { marshalLog } from '../protocols/marshal-log.js';
import { panicText } from '../protocols/panic-text.js';
import { goTypeName } from '../go/go-type-name.js';
import { isKMetadata, KObj, ObjectRef, type KMetadata, type ObjectRefJSON } from './object-ref.js';

/** The processed form of a KObjSlice: the references (null entries kept), or klog's error text. */
export type KObjSliceItems = { refs: (ObjectRef | null)[] | null; error?: undefined } | { refs?: undefined; error: string };

/**
 * A list of Kubernetes objects logged as references, processed only when the entry is written
 * (klog's KObjSlice). Text: `["ns/a","ns/b"]`; JSON: an array of `{"name","namespace"}`; `null` items stay
 * `null`. An argument that is not an array, or an item KObj cannot read, logs klog's error text instead.
 */
export class ObjectRefList {
  readonly #list: unknown;

  constructor(list: unknown) {
    this.#list = list;
  }

  /** The references, or the error text for an unsuitable argument. Never throws. */
  items(): KObjSliceItems {
    const list = this.#list;
    if (list === null || list === undefined) return { refs: null };
    if (!Array.isArray(list)) return { error: `<KObjSlice needs a slice, got type ${goTypeName(list)}>` };
    const refs: (ObjectRef | null)[] = [];
    try {
      for (const item of list as unknown[]) {
        if (item === null || item === undefined) refs.push(null);
        else if (item instanceof ObjectRef) refs.push(item);
        else if (isKMetadata(item)) refs.push(KObj(item));
        else return { error: `<KObjSlice needs a slice of values implementing KMetadata, got type ${goTypeName(item)}>` };
      }
    } catch (thrown) {
      return { error: `<panic: ${panicText(thrown)}>` };
    }
    return { refs };
  }

  /** The text form: `["ns/a",null]` with klog's unescaped references, `null`, or the quoted error. */
  toString(): string {
    const { refs, error } = this.items();
    if (error !== undefined) return error;
    if (refs === null) return 'null';
    return `[${refs.map((ref) => (ref === null ? 'null' : `"${ref.toString()}"`)).join(',')}]`;
  }

  /** The log marshaler: the JSON shapes of the references (the JSON format's array), or the error text. */
  [marshalLog](): (ObjectRefJSON | null)[] | string | null {
    const { refs, error } = this.items();
    if (error !== undefined) return error;
    return refs === null ? null : refs.map((ref) => (ref === null ? null : ref.toJSON()));
  }
}

/** A lazily processed list of object references (klog's KObjSlice). Prefer it to {@link KObjs}. */
export function KObjSlice(list: readonly (KMetadata | ObjectRef | null | undefined)[] | null | undefined): ObjectRefList;
export function KObjSlice(list: unknown): ObjectRefList;
export function KObjSlice(list: unknown): ObjectRefList {
  return new ObjectRefList(list);
}

/**
 * The references of a list of objects, computed now (klog's KObjs). `null` when the argument is not an
 * array or an item is not a Kubernetes object (or cannot even be inspected). Never throws.
 * @deprecated Use {@link KObjSlice}: it does the work only when the entry is written.
 */
export function KObjs(list: unknown): ObjectRef[] | null {
  if (!Array.isArray(list)) return null;
  const refs: ObjectRef[] = [];
  try {
    for (const item of list as unknown[]) {
      if (item instanceof ObjectRef) refs.push(item);
      else if (isKMetadata(item)) refs.push(KObj(item));
      else return null;
    }
  } catch {
    // It runs at the call site, before the logger can catch anything: a throwing Proxy must not escape.
    return null;
  }
  return refs;
}
