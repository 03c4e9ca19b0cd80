import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

/**
 * Whether a value of this type can never carry a secret's content: booleans (comparisons, coercions),
 * numbers (`.length`, counts), `void`, `null`, symbols, enum members, and functions. `any` and `unknown` are not clean.
 */
export function isCleanType(ts: TypeScript, type: ts.Type): boolean {
  const clean =
    ts.TypeFlags.BooleanLike |
    ts.TypeFlags.NumberLike |
    ts.TypeFlags.BigIntLike |
    ts.TypeFlags.Void |
    ts.TypeFlags.Undefined |
    ts.TypeFlags.Null |
    ts.TypeFlags.Never |
    ts.TypeFlags.ESSymbolLike |
    ts.TypeFlags.EnumLike;
  if (type.flags & clean) return true;
  if (type.isUnion()) return type.types.every((t) => isCleanType(ts, t));
  if (type.flags & ts.TypeFlags.Object) {
    // A function or class constructor: it has call or construct signatures and is not also a data object.
    const callable = type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0;
    return callable && type.getProperties().every((p) => p.flags & ts.SymbolFlags.Method || p.name === 'prototype');
  }
  return false;
}
