import { SANITIZING_PROPERTIES } from '../definitions/index.js';
import { datapolicyOf, elementContainer, isFromLibrary, memberOf, nameText, readsPrecisely, returnedExpressions, returningFunction, secretContainerField, siblingKeys, skipOuter, storedElements, type Member } from '../typescript/index.js';
import type * as ts from 'typescript';
import { fromParam, fromSource, step, through, union, withoutHeld, type Taint } from './taint.js';
import type { TaintEngine } from './taint-engine.js';

/** `a.b`: `.length`-like reads are clean; `this.x` is its field; otherwise a field-sensitive member read. */
export function propertyTaint(engine: TaintEngine, expr: ts.PropertyAccessExpression): Taint | undefined {
  const { ts } = engine;
  const key = nameText(ts, expr.name);
  if (key === undefined || SANITIZING_PROPERTIES.includes(key)) return undefined;
  if (expr.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const decl = engine.checker.getSymbolAtLocation(expr.name)?.valueDeclaration;
    if (decl !== undefined && !isFromLibrary(decl)) return engine.declarationTaint(decl);
  }
  return memberTaint(engine, expr.expression, key, expr);
}

/** `a["key"]` reads a member; `a[i]` reads an element of the whole container. */
export function elementTaint(engine: TaintEngine, expr: ts.ElementAccessExpression): Taint | undefined {
  const { ts } = engine;
  const arg = expr.argumentExpression;
  if (ts.isStringLiteralLike(arg)) {
    if (SANITIZING_PROPERTIES.includes(arg.text)) return undefined;
    return memberTaint(engine, expr.expression, arg.text, expr);
  }
  // An element is judged by its own type, not by the fields its container's type holds.
  return through(withoutHeld(engine.taintOf(expr.expression)), step(expr, 'element read'));
}

/**
 * The taint of `obj.key`, field-sensitive: a tag or credential name on the property, the object literal or
 * constructor arguments that built `obj`, the property's declaration; only an undeclared property (index
 * signature, `any`, library type) falls back to whatever the whole object holds.
 */
export function memberTaint(engine: TaintEngine, obj: ts.Expression, key: string, at: ts.Node): Taint | undefined {
  const member = memberOf(engine.checker, obj, key);
  // A field is judged by its own name and type, not by what else its object's type holds (a User's token is
  // not in its name; `process.env.HOME` is not `process.env.PRIVATE_KEY`).
  const whole = (): Taint | undefined => withoutHeld(engine.taintOf(obj));
  return memberRead(engine, member, key, at, () => constructedMember(engine, obj, key), whole);
}

/**
 * Reading `key` of an object whose property is `member`: a source by its tag or name; else
 * what its declarations hold and, unless an object literal declares it, what `built` says built it. A
 * field declared in the project is read precisely; an undeclared one (index signature, `any`, library
 * type) may be anything the object holds (`whole`).
 */
export function memberRead(
  engine: TaintEngine,
  member: Member,
  key: string,
  at: ts.Node,
  built: () => Taint | undefined,
  whole: () => Taint | undefined,
): Taint | undefined {
  const { ts } = engine;
  const named = memberSource(engine, member, key, at);
  if (named !== undefined) return named;
  const known = member.decls.filter((d) => !isFromLibrary(d));
  const parts: (Taint | undefined)[] = known.map((d) => engine.declarationTaint(d));
  if (!readsPrecisely(ts, known)) {
    const from = built();
    parts.push(through(from ?? (known.length === 0 ? whole() : undefined), step(at, `property '${key}' read`)));
  }
  return union(parts);
}

/** Field `key` of the elements stored in `container`, when they are all known (container-elements.ts). */
export function elementsMember(engine: TaintEngine, container: ts.Expression, key: string, hops = 0): Taint | undefined {
  const stored = storedElements(engine, container);
  return stored === undefined ? undefined : union(stored.map((v) => constructedMember(engine, v, key, hops + 1)));
}

/**
 * A member that is a source by itself: a datapolicy tag on one of its declarations, or a credential-like
 * key (isNamedSecret, judged by the member's type: an object under such a key counts by what it holds).
 */
export function memberSource(engine: TaintEngine, member: Member, key: string, at: ts.Node): Taint | undefined {
  const { ts } = engine;
  for (const d of member.decls) {
    const policy = datapolicyOf(ts, d, engine.checker);
    if (policy !== undefined) return fromSource({ kind: 'datapolicy', name: key, node: d, policy });
    const contained = secretContainerField(ts, engine.checker, engine.defs, d, key, member.type);
    if (contained !== undefined) return fromSource({ kind: 'credential-name', name: contained, node: at });
  }
  return engine.nameSource(key, at, undefined, member.type);
}

/** What the field a parameter destructures (`{ host }`, `{ ...rest }`) reads from the argument `arg`. */
export function fieldTaint(engine: TaintEngine, arg: ts.Expression, field: ts.BindingElement): Taint | undefined {
  const { ts } = engine;
  if (field.dotDotDotToken !== undefined) {
    return engine.spreadTaint(arg, siblingKeys(ts, field), arg);
  }
  const key = nameText(ts, field.propertyName ?? field.name);
  return key === undefined ? engine.taintOf(arg) : memberTaint(engine, arg, key, arg);
}

// What built `obj`, field by field: an object literal, `new C(args)`, what a getter or project function
// returns (its parameters substituted by the call's arguments), or the elements stored in the container
// `obj` was read from, following `const` variables a few hops.
function constructedMember(engine: TaintEngine, obj: ts.Expression, key: string, hops = 0): Taint | undefined {
  const { ts } = engine;
  if (hops > 4) return undefined;
  const expr = skipOuter(ts, obj);
  if (ts.isObjectLiteralExpression(expr)) return literalMember(engine, expr, key);
  // `xs[i].key`, `m.get(k).key`, `for (const x of xs) x.key`: that field of what was stored in the container.
  const container = elementContainer(engine, expr);
  if (container !== undefined) return elementsMember(engine, container, key, hops);
  if (ts.isIdentifier(expr)) {
    const decl = engine.checker.getSymbolAtLocation(expr)?.valueDeclaration;
    if (decl === undefined || !ts.isVariableDeclaration(decl) || decl.initializer === undefined) return undefined;
    return constructedMember(engine, decl.initializer, key, hops + 1);
  }
  if (ts.isAwaitExpression(expr)) return constructedMember(engine, expr.expression, key, hops + 1);
  if (ts.isNewExpression(expr)) return newMember(engine, expr, key);
  const fn = returningFunction(ts, engine.checker, expr);
  if (fn === undefined) return undefined;
  const parts = returnedExpressions(ts, fn).map((r) => constructedMember(engine, r, key, hops + 1));
  const taint = union(parts);
  if (!ts.isCallExpression(expr)) return taint;
  return engine.substitute(taint, fn, engine.byArguments(expr.arguments), expr);
}

function newMember(engine: TaintEngine, expr: ts.NewExpression, key: string): Taint | undefined {
  const { ts } = engine;
  const ctor = engine.declOfCall(expr);
  if (ctor === undefined || !ts.isConstructorDeclaration(ctor)) return undefined;
  const args = expr.arguments ?? [];
  const field = ctor.parent.members.find((m) => nameText(ts, m.name) === key);
  const paramProp = ctor.parameters.find((p) => nameText(ts, p.name) === key && ts.getModifiers(p) !== undefined);
  const values: (Taint | undefined)[] = [];
  if (paramProp !== undefined) values.push(fromParam(paramProp));
  if (field !== undefined && ts.isPropertyDeclaration(field)) values.push(engine.declarationTaint(field));
  const taint = union(values);
  if (taint === undefined) return undefined;
  return engine.substitute(taint, ctor, engine.byArguments(args), expr);
}

// `{ ...base, key: v }.key`: the last property of that name, or what the spreads hold.
function literalMember(engine: TaintEngine, literal: ts.ObjectLiteralExpression, key: string): Taint | undefined {
  const { ts } = engine;
  for (const prop of [...literal.properties].reverse()) {
    if (ts.isSpreadAssignment(prop)) {
      const inner = memberTaint(engine, prop.expression, key, prop);
      if (inner !== undefined) return inner;
    } else if (nameText(ts, prop.name) === key) {
      return engine.declarationTaint(prop);
    }
  }
  return undefined;
}
