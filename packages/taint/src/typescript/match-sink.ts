import type * as ts from 'typescript';
import {
  findSink,
  KLOG_BINDING_METHODS,
  KLOG_LOG_METHODS,
  KLOG_MODULE,
  KLOG_VERBOSITY_METHOD,
  STRUCTURAL_LOGGER_MARKERS,
  type SinkDefinition,
  type SinkRole,
} from '../definitions/sinks.js';
import { structuredShape } from '../definitions/klog-calls.js';
import type { Definitions } from '../definitions/resolve-definitions.js';
import { declarationsOf, nameText, skipOuter } from './ast-helpers.js';
import { importedName } from './imported-name.js';
import { modulesOf } from './modules-of.js';
import type { TypeScript } from './typescript-api.js';

/** A call that logs (or binds) its arguments. */
export interface SinkCall {
  readonly call: ts.CallExpression;
  /** The sink method called, through aliases: `infoS` for `log(...)` after `import { infoS as log }`. */
  readonly method: string;
  readonly role: SinkRole;
  /** The definition that matched; undefined for a klog-style logger recognised by its shape. */
  readonly sink: SinkDefinition | undefined;
  /** For klog-style key/value calls, the index of the first key; undefined for other calls. */
  readonly kvStart: number | undefined;
}

const KLOG_METHODS = new Set([...KLOG_LOG_METHODS, ...KLOG_BINDING_METHODS]);

/** What a call invokes: the method's name, its declarations, and the object it is called on (if any). */
interface Target {
  readonly method: string;
  readonly decls: readonly ts.Declaration[];
  readonly receiver: ts.Expression | undefined;
}

function methodTarget(ts: TypeScript, callee: ts.PropertyAccessExpression, checker: ts.TypeChecker): Target {
  return { method: callee.name.text, decls: declarationsOf(ts, callee.name, checker), receiver: callee.expression };
}

// `debug(...)` after `const debug = console.debug.bind(console)`, `const print = console.log` or
// `const { warn } = console`: the call is the aliased method's. Only `const` aliases, which cannot change.
function aliasTarget(ts: TypeScript, id: ts.Identifier, checker: ts.TypeChecker): Target | undefined {
  const decl = checker.getSymbolAtLocation(id)?.valueDeclaration;
  const variable = decl !== undefined && ts.isBindingElement(decl) ? decl.parent.parent : decl;
  if (variable === undefined || !ts.isVariableDeclaration(variable) || variable.initializer === undefined) return undefined;
  if (!(ts.getCombinedNodeFlags(variable) & ts.NodeFlags.Const)) return undefined;
  let init = skipOuter(ts, variable.initializer);
  if (decl !== undefined && ts.isBindingElement(decl)) {
    const key = decl.dotDotDotToken === undefined ? nameText(ts, decl.propertyName ?? decl.name) : undefined;
    if (key === undefined || !ts.isObjectBindingPattern(decl.parent)) return undefined;
    const prop = checker.getApparentType(checker.getTypeAtLocation(init)).getProperty(key);
    return { method: key, decls: prop?.declarations ?? [], receiver: init };
  }
  if (ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'bind') init = skipOuter(ts, init.expression.expression);
  return ts.isPropertyAccessExpression(init) ? methodTarget(ts, init, checker) : undefined;
}

function targetOf(ts: TypeScript, callee: ts.Expression, checker: ts.TypeChecker): Target | undefined {
  if (ts.isPropertyAccessExpression(callee)) return methodTarget(ts, callee, checker);
  if (!ts.isIdentifier(callee)) return undefined;
  // `import { infoS as log }`: the sink is known by its exported name.
  return aliasTarget(ts, callee, checker) ?? { method: importedName(ts, callee, checker), decls: declarationsOf(ts, callee, checker), receiver: undefined };
}

// Inside `declare module 'x'` (or a namespace in one), unless a `declare global` block nearer in makes it a global again.
function isInAmbientModule(ts: TypeScript, decl: ts.Node): boolean {
  const scope = ts.findAncestor(decl.parent, ts.isModuleDeclaration);
  if (scope === undefined || scope.flags & ts.NodeFlags.GlobalAugmentation) return false;
  return ts.isStringLiteral(scope.name) || isInAmbientModule(ts, scope);
}

/** `console` and the like: an identifier declared only by global declaration files. */
function isGlobalObject(ts: TypeScript, node: ts.Expression, checker: ts.TypeChecker): node is ts.Identifier {
  if (!ts.isIdentifier(node)) return false;
  const decls = declarationsOf(ts, node, checker);
  return decls.length > 0 && decls.every((d) => d.getSourceFile().isDeclarationFile && !isInAmbientModule(ts, d));
}

function hasMarkers(checker: ts.TypeChecker, receiver: ts.Expression, markers: readonly string[]): boolean {
  const type = checker.getApparentType(checker.getTypeAtLocation(receiver));
  return markers.every((m) => type.getProperty(m) !== undefined);
}

// A klog-style logger: its type has `infoS` and `errorS`; `log.V(2)` logs like `log` whatever type V returns.
function isStructuralLogger(ts: TypeScript, receiver: ts.Expression, checker: ts.TypeChecker): boolean {
  const gated = ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === KLOG_VERBOSITY_METHOD;
  return hasMarkers(checker, gated ? receiver.expression.expression : receiver, STRUCTURAL_LOGGER_MARKERS);
}

// Where a klog call's key/value list starts: structured package functions, structured methods of a `Logger`
// (a receiver with `withValues`) or of a `Verbose`; legacy calls have none.
function klogKvStart(target: Target, checker: ts.TypeChecker): number | undefined {
  const { receiver, method } = target;
  if (receiver === undefined || !hasMarkers(checker, receiver, STRUCTURAL_LOGGER_MARKERS)) return structuredShape('package', method)?.kv;
  return structuredShape(hasMarkers(checker, receiver, KLOG_BINDING_METHODS) ? 'logger' : 'verbose', method)?.kv;
}

/**
 * Whether a call is a logging sink: a method or function of a sink module (found through the callee's
 * declarations, so aliases, re-exports, `V(n)` chains and namespace imports work), a method of a global
 * sink object (`console`, also reached as `this.console.log`), or a klog-style method on any object whose
 * type has `infoS` and `errorS` (or on its `V(n)`), or a call of a value whose call signature a `callable`
 * sink declares (a `debug` instance); `const` aliases of such methods
 * (`const debug = console.debug.bind(console)`, `const { warn } = console`) are followed.
 */
export function matchSink(ts: TypeScript, call: ts.CallExpression, checker: ts.TypeChecker, defs: Definitions): SinkCall | undefined {
  const target = targetOf(ts, call.expression, checker);
  if (target === undefined || !defs.sinkMethods.has(target.method)) return callableSink(ts, call, checker, defs);
  const { method, decls, receiver } = target;
  const make = (hit: { sink: SinkDefinition | undefined; role: SinkRole }, klog: boolean): SinkCall => ({
    call,
    method,
    ...hit,
    kvStart: klog ? klogKvStart(target, checker) : undefined,
  });

  if (receiver !== undefined && isGlobalObject(ts, receiver, checker)) {
    const hit = findSink(defs.sinks, receiver.text, method, { global: true });
    if (hit !== undefined) return make(hit, false);
  }
  for (const decl of decls) {
    // A global object's methods reached another way (`this.console.log`, `const c = console`): the method
    // is declared by the global's interface (`Console`) in a declaration file.
    const owner = decl.parent;
    if (decl.getSourceFile().isDeclarationFile && (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && owner.name !== undefined) {
      const global = owner.name.text.charAt(0).toLowerCase() + owner.name.text.slice(1);
      const hit = findSink(defs.sinks, global, method, { global: true });
      if (hit !== undefined) return make(hit, false);
    }
    for (const module of modulesOf(ts, decl)) {
      const hit = findSink(defs.sinks, module, method);
      if (hit !== undefined) return make(hit, module === KLOG_MODULE);
    }
  }
  if (receiver !== undefined && KLOG_METHODS.has(method) && isStructuralLogger(ts, receiver, checker)) {
    return make({ sink: undefined, role: KLOG_BINDING_METHODS.includes(method) ? 'binding' : 'log' }, true);
  }
  return callableSink(ts, call, checker, defs);
}

// A call of a value whose call signature a `callable` sink's module declares (a `debug` instance). Only a
// signature returning void logs: `createDebug('app')`, which makes the logger, returns it. The callee's type
// is read, not the call resolved: this runs for every call that is not a sink by name.
function callableSink(ts: TypeScript, call: ts.CallExpression, checker: ts.TypeChecker, defs: Definitions): SinkCall | undefined {
  if (!defs.sinks.some((s) => s.callable === true)) return undefined;
  for (const signature of checker.getTypeAtLocation(call.expression).getCallSignatures()) {
    const decl = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
    if (decl?.kind !== ts.SyntaxKind.CallSignature || !(checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Void)) continue;
    for (const module of modulesOf(ts, decl)) {
      const hit = findSink(defs.sinks, module, '', { callable: true });
      if (hit !== undefined) return { call, method: call.expression.getText(), ...hit, kvStart: undefined };
    }
  }
  return undefined;
}
