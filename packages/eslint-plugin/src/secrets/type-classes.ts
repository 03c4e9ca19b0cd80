import type { Definitions } from '@klog-ts/checker/definitions';
import * as ts from 'typescript';

const CLEAN_FLAGS =
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.Void |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Null |
  ts.TypeFlags.Never |
  ts.TypeFlags.ESSymbolLike;

/**
 * Whether a value of this type can never carry a secret's content: booleans (comparisons, coercions),
 * numbers (`.length`, counts), `void`, `null`, symbols, and functions. `any` and `unknown` are not clean.
 */
export function isCleanType(type: ts.Type): boolean {
  if (type.flags & CLEAN_FLAGS) return true;
  if (type.isUnion()) return type.types.every(isCleanType);
  if (type.flags & ts.TypeFlags.Object) {
    const callable = type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0;
    return callable && type.getProperties().every((p) => p.flags & ts.SymbolFlags.Method || p.name === 'prototype');
  }
  return false;
}

/**
 * `wrapper`: the sanitizer's `Secret<T>` (a type named in the definitions with a reveal-like method), which
 * renders redacted when logged; `branded`: a type of that name that is the raw value (`T & { __brand }`).
 */
export type SecretTypeKind = 'wrapper' | 'branded';

/** Classifies a type as a `Secret` (or a union or intersection holding one), or returns `undefined`. */
export function secretTypeOf(type: ts.Type, defs: Definitions): SecretTypeKind | undefined {
  const kindOf = (named: ts.Type): SecretTypeKind =>
    defs.revealMethodNames.some((m) => named.getProperty(m) !== undefined) ? 'wrapper' : 'branded';
  const alias = type.aliasSymbol?.name;
  if (alias !== undefined && defs.secretTypeNames.includes(alias)) return kindOf(type);
  if (type.isUnion()) {
    let found: SecretTypeKind | undefined;
    for (const part of type.types) {
      const kind = secretTypeOf(part, defs);
      if (kind === 'branded') return kind;
      found ??= kind;
    }
    return found;
  }
  if (type.isIntersection()) return type.types.some((part) => secretTypeOf(part, defs) !== undefined) ? 'branded' : undefined;
  const name = type.getSymbol()?.name;
  return name !== undefined && defs.secretTypeNames.includes(name) ? kindOf(type) : undefined;
}
