import { ts } from 'ts-morph';
import { SANITIZING_PROPERTIES } from '../definitions/index.js';
import { datapolicyOf, isFromLibrary, nameText, returnedExpressions, skipOuter } from '../typescript/index.js';
import { fromParam, fromSource, step, through, union, type Taint } from './taint.js';
import type { TaintEngine } from './taint-engine.js';

/** `a.b`: `.length`-like reads are clean; `this.x` is its field; otherwise a field-sensitive member read. */
export function propertyTaint(engine: TaintEngine, expr: ts.PropertyAccessExpression): Taint | undefined {
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
  const arg = expr.argumentExpression;
  if (ts.isStringLiteralLike(arg)) {
    if (SANITIZING_PROPERTIES.includes(arg.text)) return undefined;
    return memberTaint(engine, expr.expression, arg.text, expr);
  }
  return through(engine.taintOf(expr.expression), step(expr, 'element read'));
}

/**
 * The taint of `obj.key`, field-sensitive: a tag or credential name on the property, the object literal or
 * constructor arguments that built `obj`, the property's declaration; only an undeclared property (index
 * signature, `any`, library type) falls back to whatever the whole object holds.
 */
export function memberTaint(engine: TaintEngine, obj: ts.Expression, key: string, at: ts.Node): Taint | undefined {
  const type = engine.checker.getTypeAtLocation(obj);
  const prop = engine.checker.getPropertyOfType(engine.checker.getApparentType(engine.checker.getNonNullableType(type)), key);
  const decls = prop?.declarations ?? [];
  const known = decls.filter((d) => !isFromLibrary(d));
  const parts: (Taint | undefined)[] = [];
  for (const d of decls) {
    const policy = datapolicyOf(ts, d, engine.checker);
    if (policy !== undefined) return fromSource({ kind: 'datapolicy', name: key, node: d, policy });
  }
  const nameHit = engine.nameSource(key, at, undefined);
  if (nameHit !== undefined) return nameHit;
  for (const d of known) parts.push(engine.declarationTaint(d));
  const precise = known.length > 0 && known.every((d) => ts.isPropertyAssignment(d) || ts.isShorthandPropertyAssignment(d) || ts.isGetAccessorDeclaration(d) || ts.isMethodDeclaration(d));
  if (!precise) {
    // A declared field is read precisely from what built the object; an undeclared one (index signature,
    // `any`, library type) may be anything the object holds.
    const built = constructedMember(engine, obj, key);
    const whole = built === undefined && known.length === 0 ? engine.taintOf(obj) : undefined;
    parts.push(through(built ?? whole, step(at, `property '${key}' read`)));
  }
  return union(parts);
}

// What built `obj`, field by field: an object literal, `new C(args)`, or what a getter or project function
// returns (its parameters substituted by the call's arguments), following `const` variables a few hops.
function constructedMember(engine: TaintEngine, obj: ts.Expression, key: string, hops = 0): Taint | undefined {
  if (hops > 4) return undefined;
  const expr = skipOuter(ts, obj);
  if (ts.isObjectLiteralExpression(expr)) return literalMember(engine, expr, key);
  if (ts.isIdentifier(expr)) {
    const decl = engine.checker.getSymbolAtLocation(expr)?.valueDeclaration;
    if (decl === undefined || !ts.isVariableDeclaration(decl) || decl.initializer === undefined) return undefined;
    return constructedMember(engine, decl.initializer, key, hops + 1);
  }
  if (ts.isAwaitExpression(expr)) return constructedMember(engine, expr.expression, key, hops + 1);
  if (ts.isNewExpression(expr)) return newMember(engine, expr, key);
  const fn = returningFunction(engine, expr);
  if (fn === undefined) return undefined;
  const parts = returnedExpressions(ts, fn).map((r) => constructedMember(engine, r, key, hops + 1));
  const taint = union(parts);
  if (!ts.isCallExpression(expr)) return taint;
  return engine.substitute(taint, fn, (i, rest) => engine.argumentTaint(expr.arguments, i, rest), expr);
}

function newMember(engine: TaintEngine, expr: ts.NewExpression, key: string): Taint | undefined {
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
  return engine.substitute(taint, ctor, (i, rest) => engine.argumentTaint(args, i, rest), expr);
}

// The project getter (`a.creds`) or function (`make()`) whose result an expression is.
function returningFunction(engine: TaintEngine, expr: ts.Expression): ts.SignatureDeclaration | undefined {
  let decl: ts.Declaration | undefined;
  if (ts.isCallExpression(expr)) decl = engine.declOfCall(expr);
  else if (ts.isPropertyAccessExpression(expr)) decl = engine.checker.getSymbolAtLocation(expr.name)?.valueDeclaration;
  if (decl === undefined || isFromLibrary(decl)) return undefined;
  return ts.isFunctionLike(decl) && (!ts.isPropertyAccessExpression(expr) || ts.isGetAccessorDeclaration(decl)) ? decl : undefined;
}

// `{ ...base, key: v }.key`: the last property of that name, or what the spreads hold.
function literalMember(engine: TaintEngine, literal: ts.ObjectLiteralExpression, key: string): Taint | undefined {
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
