import { callbackContainer, callbackInput, datapolicyOf, declarationName, fieldValues, initialValue, isEntryKey, isFromLibrary, memberOf, nameText, reachingWrites, siblingKeys, tupleElements } from '@klog-ts/taint/typescript';
import { ts } from 'ts-morph';
import { thrownIn } from './call-taint.js';
import { elementsMember, memberRead, memberSource, memberTaint } from './member-taint.js';
import { fromParam, fromSource, step, through, union, type Source, type Taint } from './taint.js';
import type { TaintEngine } from './taint-engine.js';
import { tsApi } from './ts-api.js';

/**
 * What a declaration holds: a datapolicy tag or a credential-like name makes it a source; otherwise its
 * initializer, writes, callers (parameters), destructured container, class field writes or getter returns.
 */
export function computeDeclaration(engine: TaintEngine, decl: ts.Node): Taint | undefined {
  const name = nameText(tsApi, declarationName(decl));
  const policy = datapolicyOf(tsApi, decl, engine.checker);
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
    const values = fieldValues(tsApi, decl, engine.classes.subclassesOf(decl.parent));
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
  if (ts.isCatchClause(decl.parent)) return through(thrownIn(engine, decl.parent.parent.tryBlock), step(decl, `caught as '${nameText(tsApi, decl.name) ?? 'error'}'`));
  const name = nameText(tsApi, decl.name);
  // The initializer (or loop element) is a write at the declaration, which a reassignment may hide.
  const initial = initialValue(tsApi, decl);
  const reaching = reachingWrites(tsApi, initial === undefined ? [] : [{ value: initial.value, at: decl }], engine.writes.writesTo(decl), use);
  return union(
    reaching.map((w) => {
      const note = w.at !== decl ? `written to '${name}'` : initial?.element === true ? `element assigned to '${name}'` : `assigned to '${name}'`;
      return through(engine.taintOf(w.value), step(w.at, note));
    }),
  );
}

function parameterTaint(engine: TaintEngine, decl: ts.ParameterDeclaration): Taint | undefined {
  const fn = decl.parent;
  const initializer = decl.initializer === undefined ? undefined : engine.taintOf(decl.initializer);
  // A callback of a library method receives what that method passes (callbackInput): a rejection is what the receiver throws.
  const call = fn.parent;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(call) && call.arguments.includes(fn)) {
    const callee = engine.declOfCall(call);
    if (callee === undefined || isFromLibrary(callee)) {
      const input = callbackInput(tsApi, call, decl);
      const passed = input && through(input.as === 'rejection' ? thrownIn(engine, input.from) : engine.taintOf(input.from), step(decl, input.note));
      return union([passed, initializer]);
    }
  }
  return union([fromParam(decl), initializer]);
}

function bindingTaint(engine: TaintEngine, decl: ts.BindingElement): Taint | undefined {
  const pattern = decl.parent;
  const container = pattern.parent;
  const containerTaint = (): Taint | undefined => {
    if (ts.isVariableDeclaration(container)) {
      const initial = initialValue(tsApi, container);
      return initial === undefined ? undefined : engine.taintOf(initial.value);
    }
    if (ts.isParameter(container)) return engine.declarationTaint(container);
    if (ts.isBindingElement(container)) return engine.declarationTaint(container);
    return undefined;
  };
  // `const [user, token] = await Promise.all([loadUser(), getToken()])`: each element is its own position.
  if (ts.isArrayBindingPattern(pattern) && decl.dotDotDotToken === undefined && ts.isVariableDeclaration(container) && container.initializer !== undefined) {
    const held = tupleElements(tsApi, container.initializer, pattern.elements.indexOf(decl));
    if (held !== undefined) return through(union(held.map((e) => engine.taintOf(e))), step(decl, `destructured into '${nameText(tsApi, decl.name) ?? '…'}'`));
  }
  // `for (const [key, value] of map)`, `Object.entries(o)`: keys are names, not contents.
  if (isEntryKey(tsApi, engine.checker, decl)) return undefined;
  // `const { password, ...rest } = user`: rest holds the other fields only.
  if (ts.isObjectBindingPattern(pattern) && decl.dotDotDotToken !== undefined && ts.isVariableDeclaration(container) && container.initializer !== undefined) {
    return engine.spreadTaint(container.initializer, siblingKeys(tsApi, decl), decl);
  }
  // `({ host, ...rest }: Opts) =>`: each field depends on that field of what callers pass.
  if (ts.isParameter(container) && ts.isObjectBindingPattern(pattern)) {
    const key = decl.dotDotDotToken === undefined ? nameText(tsApi, decl.propertyName ?? decl.name) : undefined;
    const note = step(decl, `destructured into '${nameText(tsApi, decl.name) ?? '…'}'`);
    if (key === undefined) return through(narrowToField(engine.declarationTaint(container), container, decl), note);
    const member = memberOf(engine.checker, container, key);
    // A library callback's element (`xs.forEach(({ id }) => ...)`) is read like `x.id` of one element.
    const list = callbackContainer(engine, container);
    if (list !== undefined) return through(memberRead(engine, member, key, decl, () => elementsMember(engine, list, key), () => engine.declarationTaint(container)), note);
    return memberSource(engine, member, key, decl) ?? through(narrowToField(engine.declarationTaint(container), container, decl), note);
  }
  if (ts.isObjectBindingPattern(pattern) && decl.dotDotDotToken === undefined) {
    const key = nameText(tsApi, decl.propertyName ?? decl.name);
    if (key !== undefined && ts.isVariableDeclaration(container) && container.initializer !== undefined) {
      return memberTaint(engine, container.initializer, key, decl);
    }
  }
  return through(containerTaint(), step(decl, `destructured into '${nameText(tsApi, decl.name) ?? '…'}'`));
}

// The parameter's symbolic taint replaced by the one field of it a binding reads; concrete flows stay.
function narrowToField(taint: Taint | undefined, param: ts.ParameterDeclaration, field: ts.BindingElement): Taint | undefined {
  const steps = taint?.params.get(param);
  if (taint === undefined || steps === undefined) return taint;
  const params = new Map([...taint.params].filter(([p]) => p !== param));
  params.set(field, steps);
  return { flow: taint.flow, params };
}
