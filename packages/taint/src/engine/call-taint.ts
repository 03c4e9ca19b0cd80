import { ACCUMULATOR_METHODS, KEYED_GETTERS, MAPPING_METHODS, PRODUCER_VERBS, splitIdentifier } from '../definitions/index.js';
import { calleeName, carriedByError, functionName, isFromLibrary, isFullMask, isPromiseReject, libraryCarriers, secretTypeOf } from '../typescript/index.js';
import type * as ts from 'typescript';
import { asContent, asHeld, fromParam, fromSource, step, through, union, withoutHeld, withoutParams, type Taint } from './taint.js';
import { parameterOf, type ParamRef } from './param-ref.js';
import type { TaintEngine } from './taint-engine.js';

/**
 * A call: sanitizers and masking stop taint, `reveal()` on a `Secret` and keyed getters of credential names
 * are sources, project functions use their summary, library calls propagate by name (definitions/library-flows.ts).
 */
export function callTaint(engine: TaintEngine, call: ts.CallExpression): Taint | undefined {
  const { ts } = engine;
  const callee = call.expression;
  const name = calleeName(ts, callee);
  if (name !== undefined && engine.defs.isSanitizer(name)) return undefined;
  if (engine.neutral.isSanitizedChain(callee)) return undefined;
  const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  if (name !== undefined && receiver !== undefined) {
    if (isFullMask(ts, call)) return undefined;
    if (engine.defs.revealMethodNames.includes(name) && secretTypeOf(engine.checker.getTypeAtLocation(receiver), engine.defs) !== undefined) {
      return fromSource({ kind: 'secret-reveal', name: receiver.getText(), node: call });
    }
    const key = call.arguments[0];
    if (KEYED_GETTERS.has(name) && key !== undefined && ts.isStringLiteralLike(key) && engine.defs.isCredentialName(key.text)) {
      return fromSource({ kind: 'credential-name', name: key.text, node: call });
    }
  }
  const producer = producerSource(engine, name, call);
  // Calling a function parameter returns what the function passed for it returns (a callback's summary).
  if (ts.isIdentifier(callee)) {
    const decl = engine.checker.getSymbolAtLocation(callee)?.valueDeclaration;
    if (decl !== undefined && ts.isParameter(decl)) return union([producer, through(fromParam(decl), step(call, `returned by callback '${callee.text}'`))]);
  }
  const decl = engine.declOfCall(call);
  if (decl !== undefined && !isFromLibrary(decl) && ts.isFunctionLike(decl)) {
    let result = engine.substitute(engine.summaryOf(decl), decl, engine.byArguments(call.arguments), call);
    if (receiver !== undefined && result !== undefined && result.params.size > 0) result = viaReceiver(engine, result, receiver);
    const returned = through(result, step(call, `returned from ${functionName(ts, decl) ?? 'a function'}()`));
    return returned?.flow !== undefined ? returned : (producer ?? returned);
  }
  return union([producer, libraryCallTaint(engine, call, name, receiver)]);
}

// `getToken()`, `fetchApiKey()`: a function named for producing a credential returns one.
function producerSource(engine: TaintEngine, name: string | undefined, call: ts.CallExpression): Taint | undefined {
  if (name === undefined || !engine.defs.isCredentialName(name)) return undefined;
  const words = splitIdentifier(name);
  if (words.length > 1 && !PRODUCER_VERBS.has(words[0] ?? '')) return undefined;
  return fromSource({ kind: 'credential-name', name: `${name}()`, node: call });
}

// Parameters of the receiver's own constructor or methods left in a method's result (through its fields)
// are resolved against that receiver: its construction, or the method calls made on the same variable.
function viaReceiver(engine: TaintEngine, taint: Taint, receiver: ts.Expression): Taint | undefined {
  const { ts } = engine;
  const ownerOf = (p: ParamRef): ts.SignatureDeclaration => parameterOf(ts, p).parent;
  const fieldParams = [...taint.params.keys()].filter((p) => ts.isConstructorDeclaration(ownerOf(p)) || ts.isMethodDeclaration(ownerOf(p)));
  if (fieldParams.length === 0) return taint;
  const parts: (Taint | undefined)[] = [withoutParams(taint, (p) => fieldParams.includes(p))];
  if (fieldParams.some((p) => ts.isConstructorDeclaration(ownerOf(p)))) parts.push(engine.taintOf(receiver));
  const target = ts.isIdentifier(receiver) ? engine.checker.getSymbolAtLocation(receiver) : undefined;
  for (const param of fieldParams) {
    const method = ownerOf(param);
    if (!ts.isMethodDeclaration(method)) continue;
    const only: Taint = { flow: undefined, params: new Map([[param, taint.params.get(param) ?? []]]) };
    const calls = engine.calls.callersOf(method).filter((c) => {
      if (target === undefined) return true; // unknown receiver: every call of the method counts
      const callee = c.expression;
      return ts.isPropertyAccessExpression(callee) && engine.checker.getSymbolAtLocation(callee.expression) === target;
    });
    for (const call of calls) parts.push(engine.substitute(only, method, engine.byArguments(call.arguments ?? []), call));
  }
  return union(parts);
}

function libraryCallTaint(engine: TaintEngine, call: ts.CallExpression, name: string | undefined, receiver: ts.Expression | undefined): Taint | undefined {
  const { ts } = engine;
  if (name === undefined) return undefined;
  const parts: (Taint | undefined)[] = [];
  const callback = call.arguments[0];
  if (receiver !== undefined && MAPPING_METHODS.has(name) && callback !== undefined && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) {
    const summary = engine.summaryOf(callback);
    parts.push(engine.substitute(summary, callback, (i) => (i === 0 ? withoutHeld(engine.taintOf(receiver)) : undefined), call));
    if (name === 'then') return through(union(parts), step(call, 'resolved by then()'));
    return union(parts);
  }
  // `xs.reduce((acc, x) => ..., init)`: what the callback returns (its parameters are the elements and the
  // accumulator, see callbackInput), or the initial value when there are no elements.
  if (receiver !== undefined && ACCUMULATOR_METHODS.has(name) && callback !== undefined && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) {
    const initial = call.arguments[1];
    return through(union([engine.summaryOf(callback), initial === undefined ? undefined : engine.taintOf(initial)]), step(call, `through ${name}()`));
  }
  parts.push(...libraryCarriers(ts, call, name, receiver).map((e) => engine.taintOf(e)));
  return through(asContent(union(parts)), step(call, `through ${name}()`));
}

/** `new X(args)`: the object holds its arguments (an `Error` built from a secret carries it). */
export function newTaint(engine: TaintEngine, expr: ts.NewExpression): Taint | undefined {
  const { ts } = engine;
  const name = calleeName(ts, expr.expression);
  if (name !== undefined && engine.defs.isSanitizer(name)) return undefined;
  const args = expr.arguments ?? [];
  return through(union(args.map((a) => engine.taintOf(a))), step(expr, `held by new ${name ?? 'object'}()`));
}

/**
 * What a block can throw: its `throw` expressions, and what the project functions it calls throw (their
 * parameters substituted by the call's arguments). Nested functions are not entered.
 */
export function thrownIn(engine: TaintEngine, block: ts.Node): Taint | undefined {
  const { ts } = engine;
  const parts: (Taint | undefined)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isCatchClause(node)) return;
    if (ts.isThrowStatement(node)) parts.push(engine.taintOf(node.expression));
    // `Promise.reject(reason)` throws its reason where it is awaited or caught.
    if (ts.isCallExpression(node) && isPromiseReject(ts, node)) parts.push(...node.arguments.slice(0, 1).map((a) => engine.taintOf(a)));
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      // An HTTP client's error holds its request (held: `e.message` and `e.response.status` are clean).
      const carried = union(carriedByError(ts, node, engine.checker, engine.defs).map((a) => engine.taintOf(a)));
      parts.push(through(asHeld(carried), step(node, `held by the error of ${calleeName(ts, node.expression) ?? 'a call'}()`)));
      const decl = engine.declOfCall(node);
      if (decl !== undefined && !isFromLibrary(decl) && ts.isFunctionLike(decl) && !ts.isConstructorDeclaration(decl)) {
        const args = node.arguments ?? [];
        const thrown = engine.thrownBy(decl);
        parts.push(through(engine.substitute(thrown, decl, engine.byArguments(args), node), step(node, `thrown by ${functionName(ts, decl) ?? 'a function'}()`)));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(block);
  return union(parts);
}
