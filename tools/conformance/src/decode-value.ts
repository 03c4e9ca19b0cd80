import { Format, KObj, KObjs, KObjSlice, KRef, marshalLog } from '@klog-ts/core';

/** A tagged value the runner does not know: the case cannot be replayed faithfully. */
export class UnknownTagError extends Error {
  override name = 'UnknownTagError';
}

const FLOATS: Record<string, number> = { NaN: Number.NaN, '+Inf': Infinity, '-Inf': -Infinity, '-0': -0 };

function kubeObject(ref: unknown): unknown {
  if (ref === null) return null;
  const { name = '', namespace = '' } = ref as { name?: string; namespace?: string };
  return { metadata: { name, namespace } };
}

/** A Go value with a String() method. */
class CaseStringer {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A Go value with a MarshalLog() method. */
class CaseMarshaler {
  readonly #value: unknown;
  constructor(value: unknown) {
    this.#value = value;
  }
  [marshalLog](): unknown {
    return this.#value;
  }
}

/** A Go value with both String() and MarshalLog(). */
class CaseStringerMarshaler {
  readonly #text: string;
  readonly #value: unknown;
  constructor(text: string, value: unknown) {
    this.#text = text;
    this.#value = value;
  }
  toString(): string {
    return this.#text;
  }
  [marshalLog](): unknown {
    return this.#value;
  }
}

/** A Go struct: fields kept in the recorded order. */
class CaseStruct {}

function decodeTag(tag: string, body: unknown): unknown {
  switch (tag) {
    case '$objref': {
      const { name = '', namespace = '' } = body as { name?: string; namespace?: string };
      return KRef(namespace, name);
    }
    case '$kobj': return KObj(kubeObject(body) as Parameters<typeof KObj>[0]);
    case '$kobjs': return KObjs(Array.isArray(body) ? body.map(kubeObject) : decodeValue(body));
    case '$kobjslice': return KObjSlice(Array.isArray(body) ? body.map(kubeObject) : decodeValue(body));
    case '$error': return new Error(String(body));
    case '$bytes': return typeof body === 'string' ? new Uint8Array(Buffer.from(body, 'utf8')) : Uint8Array.from(body as number[]);
    case '$stringer': return new CaseStringer(String(body));
    case '$marshaler': return new CaseMarshaler(decodeValue(body));
    case '$stringer_and_marshaler': {
      const { string, marshal } = body as { string: string; marshal: unknown };
      return new CaseStringerMarshaler(string, decodeValue(marshal));
    }
    case '$float': return typeof body === 'number' ? body : (FLOATS[String(body)] ?? Number(body));
    case '$int64': return BigInt(String(body));
    case '$struct': {
      const struct = new CaseStruct() as Record<string, unknown>;
      for (const [key, value] of body as [string, unknown][]) struct[key] = decodeValue(value);
      return struct;
    }
    case '$format': return Format(decodeValue(body));
    case '$time': return new Date(String(body));
    default: throw new UnknownTagError(`unknown tagged value ${tag}`);
  }
}

/**
 * Turns a tagged JSON value of the case encoding into the JavaScript value a klog-ts user would log:
 * `{"$objref":…}` → KRef, `{"$kobj":…}` → KObj of a Kubernetes object, `{"$float":"NaN"}` → NaN, …
 * Plain objects, arrays and numbers map as DESIGN.md says (an integral number is an int).
 */
export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0].startsWith('$')) return decodeTag(keys[0], (value as Record<string, unknown>)[keys[0]]);
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = decodeValue((value as Record<string, unknown>)[key]);
  return out;
}
