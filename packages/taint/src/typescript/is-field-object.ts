import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

// Byte buffers are values (a key's bytes), and key handles are the key itself, though their types are objects
// with fields (a KeyObject's `type` and `asymmetricKeyType` say nothing of what it holds); a URL is a value too,
// whose `password` is there only when one flowed into it.
const VALUE_TYPES = new Set(['Uint8Array', 'Buffer', 'KeyObject', 'CryptoKey', 'URL', 'URLSearchParams']);

/** Whether a type is a value (bytes, a key handle, a URL) whose fields are parts of it, not things it holds. */
export function isValueType(type: ts.Type): boolean {
  return VALUE_TYPES.has(type.getSymbol()?.name ?? '');
}

function isRecord(ts: TypeScript, type: ts.Type, checker: ts.TypeChecker): boolean {
  if (!(type.flags & ts.TypeFlags.Object) || checker.isArrayType(type) || checker.isTupleType(type)) return false;
  if (isValueType(type) || checker.getIndexInfosOfType(type).length > 0) return false;
  // Data fields, not only methods: `Map`, `Set`, `Promise` and other containers hold values their fields
  // (`size`) do not show; an iterable is such a container.
  const props = checker.getPropertiesOfType(type);
  if (props.some((p) => p.escapedName.toString().startsWith('__@iterator'))) return false;
  return props.some((p) => !(p.flags & ts.SymbolFlags.Method));
}

/**
 * Whether a value of this type is an object whose content is its declared fields (`{ secretName, items }`), or
 * an array of such objects,
 * `null` and `undefined` aside: not a string, bytes, a key handle, an array, a map-like index signature, a container
 * whose fields are methods, `any`, `unknown` or a type parameter, which hold what they hold as a value.
 */
export function isFieldObject(ts: TypeScript, type: ts.Type, checker: ts.TypeChecker): boolean {
  const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)));
  return parts.length > 0 && parts.every((t) => isRecord(ts, t, checker) || isRecordList(ts, t, checker));
}

// `secrets: V1ObjectReference[]`: a list of such objects counts by what its elements hold, as one would.
function isRecordList(ts: TypeScript, type: ts.Type, checker: ts.TypeChecker): boolean {
  if (!checker.isArrayType(type)) return false;
  const [element] = checker.getTypeArguments(type as ts.TypeReference);
  return element !== undefined && isRecord(ts, element, checker);
}
