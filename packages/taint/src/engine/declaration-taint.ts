import { callbackContainer, callbackInput, datapolicyOf, declarationName, fieldValues, initialValue, isEntryKey, isFromLibrary, memberOf, nameText, reachingWrites, siblingKeys, tupleElements, writtenKey } from '../typescript/index.js';
import type * as ts from 'typescript';
import { thrownIn } from './call-taint.js';
import { elementsMember, memberRead, memberSource, memberTaint } from './member-taint.js';
import { fromParam, fromSource, step, through, union, withoutHeld, type Source, type Taint } from './taint.js';
import type { TaintEngine } from './taint-engine.js';

/**
 * What a declaration holds: a datapolicy tag or a credential-like name makes it a source; otherwise its
 * initializer, writes, callers (parameters), destructured container, class field writes or getter returns.
 */
export function computeDeclaration(engine: TaintEngine, decl: ts.Node): Taint | undefined {
  const { ts } = engine;
  const name = nameText(ts, declarationName(decl));
  const policy = datapolicyOf(ts, decl, engine.checker);
  if (policy !== undefined) {
    return fromSource({ kind: 'datapolicy', name: name ?? policy, node: decl, policy } satisfies Source);
  }
  if (ts.isVariableDeclaration(decl)) {
    const named = engine.variableNameSource(decl);
    const held = variableTaint(engine, decl, undefined);
    return named === undefined ? held : union([named, held?.flow === undefined ? undefined : held]);
  }
  if (ts.isParameter(decl)) return engine.nameSource(name, decl, undefined) ?? parameterTaint(engine, decl);
  if (ts.isBindingElement(decl)) return engine.nameSource(name, decl, undefined) ?? bindingTaint(engine, decl);
  if (ts.isPropertyAssignment(decl)) {
    const value = engine.taintOf(decl.initializer);
    return engine.nameSource(name, decl, decl.initializer) ?? through(value, step(decl, `stored in property '${name}'`));
  }
  if (ts.isShorthandPropertyAssignment(decl)) {
    const valueSymbol = engine.checker.getShorthandAssignmentValueSymbol(decl);
    const valueDecl = valueSymbol?.valueDeclaration;
    return engine.nameSource(name, decl, undefined) ?? (valueDecl === undefined ? undefined : engine.declarationTaint(valueDecl));
  }
  if (ts.isPropertyDeclaration(decl)) {
    const source = engine.nameSource(name, decl, decl.initializer);
    if (source !== undefined) return source;
    const values = fieldValues(ts, decl, engine.calls.subclassesOf(decl.parent));
    return union(values.map((v) => through(engine.taintOf(v), step(v, `stored in field '${name}'`))));
  }
  if (ts.isGetAccessorDeclaration(decl)) return engine.nameSource(name, decl, undefined) ?? engine.summaryOf(decl);
  if (ts.isPropertySignature(decl)) return engine.nameSource(name, decl, undefined);
  if (ts.isEnumMember(decl) || ts.isFunctionLike(decl) || ts.isClassLike(decl)) return undefined;
  return undefined;
}

/**
 * What a variable holds at `use` (anywhere when undefined): its initializer or loop element, and the writes
 * that can run before the use (earlier in the same function, or anywhere when a loop or closure is involved),
 * minus what an unconditional reassignment before the use overwrote.
 */
export function variableTaint(engine: TaintEngine, decl: ts.VariableDeclaration, use: ts.Node | undefined): Taint | undefined {
  const { ts } = engine;
  if (ts.isCatchClause(decl.parent)) return through(thrownIn(engine, decl.parent.parent.tryBlock), step(decl, `caught as '${nameText(ts, decl.name) ?? 'error'}'`));
  const name = nameText(ts, decl.name);
  // The initializer (or loop element) is a write at the declaration, which a reassignment may hide.
  const initial = initialValue(ts, decl);
  const reaching = reachingWrites(ts, initial === undefined ? [] : [{ value: initial.value, at: decl }], engine.writes.writesTo(decl), use);
  return union(
    reaching.map((w) => {
      const note = w.at !== decl ? `written to '${name}'` : initial?.element === true ? `element assigned to '${name}'` : `assigned to '${name}'`;
      // A loop element is judged by its own type, not by the fields its container's type holds.
      const key = writtenKey(ts, w);
      const value = (): Taint | undefined => (key === undefined ? undefined : engine.nameSource(key.key, key.node, w.value)) ?? engine.taintOf(w.value);
      const taint = w.at === decl && initial?.element === true ? withoutHeld(engine.taintOf(w.value)) : value();
      return through(taint, step(w.at, note));
    }),
  );
}

function parameterTaint(engine: TaintEngine, decl: ts.ParameterDeclaration): Taint | undefined {
  const { ts } = engine;
  const fn = decl.parent;
  const initializer = decl.initializer === undefined ? undefined : engine.taintOf(decl.initializer);
  // A callback of a library method receives what that method passes (callbackInput): a rejection is what the receiver throws.
  const call = fn.parent;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(call) && call.arguments.includes(fn)) {
    const callee = engine.declOfCall(call);
    if (callee === undefined || isFromLibrary(callee)) {
      const input = callbackInput(ts, call, decl);
      const from = input === undefined ? undefined : input.as === 'rejection' ? thrownIn(engine, input.from) : engine.taintOf(input.from);
      const passed = input && through(input.as === 'element' ? withoutHeld(from) : from, step(decl, input.note));
      return union([passed, initializer]);
    }
  }
  return union([fromParam(decl), initializer]);
}

function bindingTaint(engine: TaintEngine, decl: ts.BindingElement): Taint | undefined {
  const { ts } = engine;
  const pattern = decl.parent;
  const container = pattern.parent;
  const containerTaint = (): Taint | undefined => {
    if (ts.isVariableDeclaration(container)) {
      const initial = initialValue(ts, container);
      return initial === undefined ? undefined : engine.taintOf(initial.value);
    }
    if (ts.isParameter(container)) return engine.declarationTaint(container);
    if (ts.isBindingElement(container)) return engine.declarationTaint(container);
    return undefined;
  };
  // `const [user, token] = await Promise.all([loadUser(), getToken()])`: each element is its own position.
  if (ts.isArrayBindingPattern(pattern) && decl.dotDotDotToken === undefined && ts.isVariableDeclaration(container) && container.initializer !== undefined) {
    const held = tupleElements(ts, container.initializer, pattern.elements.indexOf(decl));
    if (held !== undefined) return through(union(held.map((e) => engine.taintOf(e))), step(decl, `destructured into '${nameText(ts, decl.name) ?? '…'}'`));
  }
  // `for (const [key, value] of map)`, `Object.entries(o)`: keys are names, not contents.
  if (isEntryKey(ts, engine.checker, decl)) return undefined;
  // `const { password, ...rest } = user`: rest holds the other fields only.
  if (ts.isObjectBindingPattern(pattern) && decl.dotDotDotToken !== undefined && ts.isVariableDeclaration(container) && container.initializer !== undefined) {
    return engine.spreadTaint(container.initializer, siblingKeys(ts, decl), decl);
  }
  // `({ host, ...rest }: Opts) =>`: each field depends on that field of what callers pass.
  if (ts.isParameter(container) && ts.isObjectBindingPattern(pattern)) {
    const key = decl.dotDotDotToken === undefined ? nameText(ts, decl.propertyName ?? decl.name) : undefined;
    const note = step(decl, `destructured into '${nameText(ts, decl.name) ?? '…'}'`);
    if (key === undefined) return through(narrowToField(engine.declarationTaint(container), container, decl), note);
    const member = memberOf(engine.checker, container, key);
    // A library callback's element (`xs.forEach(({ id }) => ...)`) is read like `x.id` of one element.
    const list = callbackContainer(engine, container);
    if (list !== undefined) return through(memberRead(engine, member, key, decl, () => elementsMember(engine, list, key), () => engine.declarationTaint(container)), note);
    return memberSource(engine, member, key, decl) ?? through(narrowToField(engine.declarationTaint(container), container, decl), note);
  }
  if (ts.isObjectBindingPattern(pattern) && decl.dotDotDotToken === undefined) {
    const key = nameText(ts, decl.propertyName ?? decl.name);
    if (key !== undefined && ts.isVariableDeclaration(container) && container.initializer !== undefined) {
      return through(memberTaint(engine, container.initializer, key, decl), step(decl, `destructured into '${nameText(ts, decl.name) ?? '…'}'`));
    }
  }
  return through(containerTaint(), step(decl, `destructured into '${nameText(ts, decl.name) ?? '…'}'`));
}

// The parameter's symbolic taint replaced by the one field of it a binding reads; concrete flows stay.
function narrowToField(taint: Taint | undefined, param: ts.ParameterDeclaration, field: ts.BindingElement): Taint | undefined {
  const steps = taint?.params.get(param);
  if (taint === undefined || steps === undefined) return taint;
  const params = new Map([...taint.params].filter(([p]) => p !== param));
  params.set(field, steps);
  return { flow: taint.flow, params };
}
