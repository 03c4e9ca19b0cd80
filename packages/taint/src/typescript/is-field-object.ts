import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

// Byte buffers are values (a key's bytes), and key handles are the key itself, though their types are objects
// with fields (a KeyObject's `type` and `asymmetricKeyType` say nothing of what it holds).
const VALUE_TYPES = new Set(['Uint8Array', 'Buffer', 'KeyObject', 'CryptoKey']);

function isRecord(ts: TypeScript, type: ts.Type, checker: ts.TypeChecker): boolean {
  if (!(type.flags & ts.TypeFlags.Object) || checker.isArrayType(type) || checker.isTupleType(type)) return false;
  if (VALUE_TYPES.has(type.getSymbol()?.name ?? '') || checker.getIndexInfosOfType(type).length > 0) return false;
  // Data fields, not only methods: `Map`, `Promise` and other containers hold values their fields do not show.
  return checker.getPropertiesOfType(type).some((p) => !(p.flags & ts.SymbolFlags.Method));
}

/**
 * Whether a value of this type is an object whose content is its declared fields (`{ secretName, items }`),
 * `null` and `undefined` aside: not a string, bytes, a key handle, an array, a map-like index signature, a container
 * whose fields are methods, `any`, `unknown` or a type parameter, which hold what they hold as a value.
 */
export function isFieldObject(ts: TypeScript, type: ts.Type, checker: ts.TypeChecker): boolean {
  const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)));
  return parts.length > 0 && parts.every((t) => isRecord(ts, t, checker));
}
