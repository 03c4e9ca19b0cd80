import type { Definitions } from '@klog-ts/checker/definitions';
import { datapolicyOf, isCleanType, isFromLibrary, secretTypeOf } from '@klog-ts/checker/typescript';
import * as ts from 'typescript';
import type { Source } from './flow.js';

const MAX_DEPTH = 3;

/** Strings, byte arrays, `any`/`unknown`, and arrays of them: what a credential is stored as. */
function isValueLike(type: ts.Type, checker: ts.TypeChecker): boolean {
  if (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
  if (type.isUnion()) return type.types.some((t) => !isCleanType(ts, t) && isValueLike(t, checker));
  if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference).some((t) => isValueLike(t, checker));
  const name = type.getSymbol()?.name;
  return name === 'Uint8Array' || name === 'Buffer';
}

/**
 * Whether a value of `type` holds a secret inside (an object holding a secret is a secret when logged
 * whole): a `@datapolicy` field, a branded `Secret` field, or (for types declared in the program, not
 * libraries) a credential-named field holding a string-like value, three levels deep, through arrays and unions.
 */
export function holderSource(type: ts.Type, checker: ts.TypeChecker, defs: Definitions, at: ts.Node): Source | undefined {
  const seen = new Set<ts.Type>();
  const visit = (t: ts.Type, depth: number): Source | undefined => {
    if (depth > MAX_DEPTH || seen.has(t) || isCleanType(ts, t)) return undefined;
    seen.add(t);
    const secret = secretTypeOf(t, defs);
    if (secret === 'wrapper') return undefined;
    if (secret === 'branded' && depth > 0) return { kind: 'secret-type', name: t.aliasSymbol?.name ?? 'Secret' };
    if (t.isUnionOrIntersection()) return first(t.types, (part) => visit(part, depth));
    if (checker.isArrayType(t) || checker.isTupleType(t)) {
      return first(checker.getTypeArguments(t as ts.TypeReference), (arg) => visit(arg, depth));
    }
    if (!(t.flags & ts.TypeFlags.Object)) return undefined;
    return first(checker.getPropertiesOfType(t), (prop) => {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (!decl) return undefined;
      const policy = datapolicyOf(ts, decl, checker);
      if (policy !== undefined) return { kind: 'datapolicy', name: prop.name, policy };
      // Object literals are traced property by property; here only declared shapes of the program count.
      if (isFromLibrary(decl) || ts.isPropertyAssignment(decl) || ts.isShorthandPropertyAssignment(decl)) return undefined;
      if (ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl)) return undefined;
      const propType = checker.getTypeOfSymbolAtLocation(prop, at);
      if (isCleanType(ts, propType)) return undefined;
      const propSecret = secretTypeOf(propType, defs);
      if (propSecret === 'wrapper') return undefined;
      if (propSecret === 'branded') return { kind: 'secret-type', name: prop.name };
      // As the checker's holderSource: a credential-named field counts by its name when it holds a value; an
      // object under such a name (`volume.secret`, a reference) only if something inside it does.
      if (defs.isCredentialName(prop.name.replace(/^#/, '')) && isValueLike(propType, checker)) {
        return { kind: 'credential-name', name: prop.name };
      }
      return visit(propType, depth + 1);
    });
  };
  return visit(type, 0);
}

function first<T, R>(items: readonly T[], pick: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const hit = pick(item);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
