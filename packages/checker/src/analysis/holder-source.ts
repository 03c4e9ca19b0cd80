import { ts } from 'ts-morph';
import type { Definitions } from '../definitions/index.js';
import { datapolicyOf, isCleanType, secretTypeOf } from '../typescript/index.js';
import type { Source } from './taint.js';

const MAX_DEPTH = 3;

function isProjectDeclaration(decl: ts.Node | undefined): boolean {
  if (decl === undefined) return false;
  const file = decl.getSourceFile();
  return !file.isDeclarationFile && !file.fileName.includes('/node_modules/');
}

// Strings, byte arrays, `any`/`unknown`, and arrays of them: what a credential is stored as.
function isValueLike(type: ts.Type, checker: ts.TypeChecker): boolean {
  if (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
  if (type.isUnion()) return type.types.some((t) => !isCleanType(ts, t) && isValueLike(t, checker));
  if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference).some((t) => isValueLike(t, checker));
  const name = type.getSymbol()?.name;
  return name === 'Uint8Array' || name === 'Buffer';
}

/**
 * Whether a value of `type` holds a secret somewhere inside (an object holding a secret is a secret when
 * logged whole): a `@datapolicy` field, a branded `Secret` field, or (for types declared in the project) a
 * credential-named field holding a string-like value, up to three levels deep, through arrays and unions.
 */
export function holderSource(type: ts.Type, checker: ts.TypeChecker, defs: Definitions, at: ts.Node): Source | undefined {
  const seen = new Set<ts.Type>();
  const visit = (t: ts.Type, depth: number): Source | undefined => {
    if (depth > MAX_DEPTH || seen.has(t) || isCleanType(ts, t)) return undefined;
    seen.add(t);
    const secret = secretTypeOf(t, defs);
    if (secret === 'wrapper') return undefined;
    if (secret === 'branded' && depth > 0) return { kind: 'secret-type', name: t.aliasSymbol?.name ?? 'Secret', node: at };
    if (t.isUnionOrIntersection()) {
      for (const part of t.types) {
        const hit = visit(part, depth);
        if (hit !== undefined) return hit;
      }
      return undefined;
    }
    if (checker.isArrayType(t) || checker.isTupleType(t)) {
      for (const arg of checker.getTypeArguments(t as ts.TypeReference)) {
        // An element of a branded Secret type is a secret, even in an array logged whole (`Secret<string>[]`).
        if (secretTypeOf(arg, defs) === 'branded') return { kind: 'secret-type', name: arg.aliasSymbol?.name ?? 'Secret', node: at };
        const hit = visit(arg, depth);
        if (hit !== undefined) return hit;
      }
      return undefined;
    }
    if (!(t.flags & ts.TypeFlags.Object)) return undefined;
    for (const prop of checker.getPropertiesOfType(t)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (decl === undefined) continue;
      const policy = datapolicyOf(ts, decl, checker);
      if (policy !== undefined) return { kind: 'datapolicy', name: prop.name, node: decl, policy };
      // Object literals are traced property by property by the taint engine; here only declared shapes count.
      if (!isProjectDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isShorthandPropertyAssignment(decl)) continue;
      const propType = checker.getTypeOfSymbolAtLocation(prop, at);
      if (ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl) || isCleanType(ts, propType)) continue;
      const propSecret = secretTypeOf(propType, defs);
      if (propSecret === 'wrapper') continue;
      if (propSecret === 'branded') return { kind: 'secret-type', name: prop.name, node: decl };
      // A credential-named field counts by its name when it holds a value; an object under such a name
      // (`volume.secret`, a reference) counts only if something inside it does.
      if (defs.isCredentialName(prop.name.replace(/^#/, '')) && isValueLike(propType, checker)) {
        return { kind: 'credential-name', name: prop.name, node: decl };
      }
      const hit = visit(propType, depth + 1);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
  return visit(type, 0);
}
