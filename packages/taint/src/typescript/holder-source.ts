import type * as ts from 'typescript';
import { LIBRARY_REDACTIONS } from '../definitions/library-redactions.js';
import type { Definitions } from '../definitions/resolve-definitions.js';
import { datapolicyOf } from './datapolicy-of.js';
import { isCleanType } from './is-clean-type.js';
import { isValueType } from './is-field-object.js';
import { isNamedSecret } from './is-named-secret.js';
import { modulesOf } from './modules-of.js';
import { registeredWhole } from './registrations.js';
import { secretContainerField } from './secret-container.js';
import { secretTypeOf } from './secret-type-of.js';
import type { TypeScript } from './typescript-api.js';

/** A secret a type holds inside: the field (or element type) that makes it one, and how. */
export interface HeldSecret {
  readonly kind: 'datapolicy' | 'secret-type' | 'credential-name';
  readonly name: string;
  /** The field's declaration, or the logged expression for a secret element type. */
  readonly node: ts.Node;
  readonly policy?: string;
}

const MAX_DEPTH = 3;

/**
 * Whether an expression names an existing object, whose type may hold a secret field it then carries
 * along (into `JSON.stringify(user)`, a spread, an object literal): a variable, a member, a call's or
 * `new`'s result, `this`. Literals are traced part by part instead.
 */
export function isHolderExpression(ts: TypeScript, expr: ts.Expression): boolean {
  switch (expr.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
    case ts.SyntaxKind.ThisKeyword:
      return true;
    default:
      return false;
  }
}

/**
 * Whether a value of `type` holds a secret somewhere inside (an object holding a secret is a secret when
 * logged whole): a `@datapolicy` field, a branded `Secret` field or element (`Secret<string>[]`), or a field
 * (declared by the program or a library) whose credential-like name makes it a secret
 * (isNamedSecret: an object under such a name counts by what it holds), three levels deep, through arrays,
 * tuples and unions. `at` is where the type is read, for instantiated field types. A field its library
 * redacts (LIBRARY_REDACTIONS: Octokit's `RequestError.request` headers' `authorization`) is not held.
 */
export function holderSource(ts: TypeScript, type: ts.Type, checker: ts.TypeChecker, defs: Definitions, at: ts.Node): HeldSecret | undefined {
  // A type seen under a library's redaction is seen again outside it, where its fields count in full.
  const seen = new Set<ts.Type>();
  const seenRedacted = new Set<ts.Type>();
  const visit = (t: ts.Type, depth: number, redacted: readonly string[] | undefined): HeldSecret | undefined => {
    const visited = redacted === undefined ? seen : seenRedacted;
    if (depth > MAX_DEPTH || visited.has(t) || isCleanType(ts, t)) return undefined;
    visited.add(t);
    const secret = secretTypeOf(t, defs);
    if (secret === 'wrapper') return undefined;
    if (secret === 'branded' && depth > 0) return { kind: 'secret-type', name: t.aliasSymbol?.name ?? 'Secret', node: at };
    if (t.isUnionOrIntersection()) return first(t.types, (part) => visit(part, depth, redacted));
    if (checker.isArrayType(t) || checker.isTupleType(t)) {
      return first(checker.getTypeArguments(t as ts.TypeReference), (arg) =>
        // An element of a branded Secret type is a secret, even in an array logged whole.
        secretTypeOf(arg, defs) === 'branded' ? { kind: 'secret-type', name: arg.aliasSymbol?.name ?? 'Secret', node: at } : visit(arg, depth, redacted),
      );
    }
    if (!(t.flags & ts.TypeFlags.Object) || isValueType(t)) return undefined;
    const whole = registeredWhole(t, checker);
    if (whole !== undefined) return { kind: 'datapolicy', name: whole.name, node: at, policy: whole.kind };
    return first(checker.getPropertiesOfType(t), (prop) => {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (decl === undefined || redacted?.includes(prop.name.toLowerCase())) return undefined;
      const policy = datapolicyOf(ts, decl, checker);
      if (policy !== undefined) return { kind: 'datapolicy', name: prop.name, node: decl, policy };
      // Object literals are traced property by property by the engines; here only declared shapes count, a
      // library's as the program's (a `User` of @kubernetes/client-node holds its `token`).
      // So are a JavaScript object's expando fields (`user.password = hash(p)`), written where the engines see them.
      if (ts.isPropertyAssignment(decl) || ts.isShorthandPropertyAssignment(decl) || isExpando(ts, decl)) return undefined;
      if (ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl)) return undefined;
      const propType = checker.getTypeOfSymbolAtLocation(prop, at);
      if (isCleanType(ts, propType)) return undefined;
      const propSecret = secretTypeOf(propType, defs);
      if (propSecret === 'wrapper') return undefined;
      if (propSecret === 'branded') return { kind: 'secret-type', name: prop.name, node: decl };
      if (isNamedSecret(ts, checker, defs, prop.name, propType, 'property')) return { kind: 'credential-name', name: prop.name, node: decl };
      const contained = secretContainerField(ts, checker, defs, decl, prop.name, propType);
      if (contained !== undefined) return { kind: 'credential-name', name: contained, node: decl };
      return visit(propType, depth + 1, libraryRedacted(ts, decl, prop.name) ?? redacted);
    });
  };
  return visit(type, 0, undefined);
}

/** The fields a library redacts under the property `name` that `decl` declares (see LIBRARY_REDACTIONS). */
function libraryRedacted(ts: TypeScript, decl: ts.Declaration, name: string): readonly string[] | undefined {
  const owner = decl.parent as ts.Node | undefined;
  if (owner === undefined || !(ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) || owner.name === undefined) return undefined;
  const type = owner.name.text;
  const entry = LIBRARY_REDACTIONS.find((r) => r.property === name && r.type === type);
  return entry !== undefined && modulesOf(ts, decl).includes(entry.module) ? entry.fields : undefined;
}

function first<T, R>(items: readonly T[], pick: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const hit = pick(item);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

// `u.password = x` declaring `password` on `const u = {}` (JavaScript infers such fields).
function isExpando(ts: TypeScript, decl: ts.Declaration): boolean {
  const parent = decl.parent as ts.Node | undefined;
  return (ts.isPropertyAccessExpression(decl) || ts.isElementAccessExpression(decl)) && parent !== undefined && ts.isBinaryExpression(parent) && parent.left === decl;
}
