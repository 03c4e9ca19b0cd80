import type * as ts from 'typescript';
import type { Definitions } from '../definitions/resolve-definitions.js';

/**
 * `wrapper`: the sanitizer's `Secret<T>` (a class or interface with a reveal-like method), which renders
 * redacted when logged; `branded`: a type named `Secret` that is the raw value (`T & { __brand }`).
 */
export type SecretTypeKind = 'wrapper' | 'branded';

function hasRevealMethod(type: ts.Type, defs: Definitions): boolean {
  return defs.revealMethodNames.some((m) => type.getProperty(m) !== undefined);
}

/** Classifies a type as a `Secret` (or a union containing one), or returns undefined. */
export function secretTypeOf(type: ts.Type, defs: Definitions): SecretTypeKind | undefined {
  const alias = type.aliasSymbol?.name;
  if (alias !== undefined && defs.secretTypeNames.includes(alias)) return hasRevealMethod(type, defs) ? 'wrapper' : 'branded';
  if (type.isUnion()) {
    let found: SecretTypeKind | undefined;
    for (const t of type.types) {
      const kind = secretTypeOf(t, defs);
      if (kind === 'branded') return kind;
      found ??= kind;
    }
    return found;
  }
  if (type.isIntersection()) {
    for (const t of type.types) if (secretTypeOf(t, defs) !== undefined) return 'branded';
    return undefined;
  }
  const name = type.getSymbol()?.name;
  if (name !== undefined && defs.secretTypeNames.includes(name)) return hasRevealMethod(type, defs) ? 'wrapper' : 'branded';
  return undefined;
}
