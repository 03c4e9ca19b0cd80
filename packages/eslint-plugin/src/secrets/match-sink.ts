import type { Definitions, SinkRole } from '@klog-ts/checker/definitions';
import { findSink, KLOG_BINDING_METHODS, KLOG_LOG_METHODS, KLOG_MODULE, STRUCTURAL_LOGGER_MARKERS } from '@klog-ts/checker/definitions';
import { calleeName, declarationsOf, importedName, modulesOf } from '@klog-ts/checker/typescript';
import * as ts from 'typescript';
import { structuredShape } from '../util/klog-api.js';

/** A call that logs (or binds) its arguments. */
export interface SinkCall {
  readonly call: ts.CallExpression;
  readonly method: string;
  readonly role: SinkRole;
  /** Index of the first key of a klog key/value list; `undefined` for calls without one. */
  readonly kvStart: number | undefined;
}

const KLOG_METHODS = new Set([...KLOG_LOG_METHODS, ...KLOG_BINDING_METHODS]);

/** Inside `declare module 'x'`, unless a `declare global` block nearer in makes it a global again. */
function isInAmbientModule(decl: ts.Node): boolean {
  const scope = ts.findAncestor(decl.parent, ts.isModuleDeclaration);
  if (!scope) return false;
  if (scope.flags & ts.NodeFlags.GlobalAugmentation) return false;
  return ts.isStringLiteral(scope.name) || isInAmbientModule(scope);
}

/** `console` and the like: an identifier declared only by global declaration files. */
function isGlobalObject(node: ts.Expression, checker: ts.TypeChecker): node is ts.Identifier {
  if (!ts.isIdentifier(node)) return false;
  const decls = declarationsOf(ts, node, checker);
  return decls.length > 0 && decls.every((d) => d.getSourceFile().isDeclarationFile && !isInAmbientModule(d));
}

function isKlogStyle(receiver: ts.Expression, checker: ts.TypeChecker): boolean {
  const type = checker.getApparentType(checker.getTypeAtLocation(receiver));
  return STRUCTURAL_LOGGER_MARKERS.every((m) => type.getProperty(m) !== undefined);
}

/**
 * Where a klog-ts call's key/value list starts: structured package functions, and structured methods of a
 * `Logger` (a receiver with `withValues`) or of a `Verbose`; legacy calls have none.
 */
function klogKvStart(call: ts.CallExpression, method: string, checker: ts.TypeChecker): number | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !isKlogStyle(callee.expression, checker)) {
    return structuredShape('package', method)?.kv;
  }
  const receiverType = checker.getApparentType(checker.getTypeAtLocation(callee.expression));
  return structuredShape(receiverType.getProperty('withValues') ? 'logger' : 'verbose', method)?.kv;
}

/**
 * Whether a call is a logging sink of the definitions: a function or method declared by a sink module
 * (found through the callee's declarations, so aliases, re-exports, namespace imports and `V(n)` chains
 * work), a method of a global sink object (`console`), or a klog method on any object whose type has the
 * structural logger markers (`infoS`, `errorS`).
 */
export function matchSink(call: ts.CallExpression, checker: ts.TypeChecker, defs: Definitions): SinkCall | undefined {
  const callee = call.expression;
  const method = ts.isIdentifier(callee) ? importedName(ts, callee, checker) : calleeName(ts, callee);
  if (method === undefined || !defs.sinkMethods.has(method)) return undefined;
  const make = (role: SinkRole, klog: boolean): SinkCall => ({
    call,
    method,
    role,
    kvStart: klog ? klogKvStart(call, method, checker) : undefined,
  });
  if (ts.isPropertyAccessExpression(callee) && isGlobalObject(callee.expression, checker)) {
    const hit = findSink(defs.sinks, callee.expression.text, method, { global: true });
    if (hit) return make(hit.role, false);
  }
  const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  for (const decl of declarationsOf(ts, nameNode, checker)) {
    for (const module of modulesOf(ts, decl)) {
      const hit = findSink(defs.sinks, module, method);
      if (hit) return make(hit.role, module === KLOG_MODULE);
    }
  }
  if (ts.isPropertyAccessExpression(callee) && KLOG_METHODS.has(method) && isKlogStyle(callee.expression, checker)) {
    return make(KLOG_BINDING_METHODS.includes(method) ? 'binding' : 'log', true);
  }
  return undefined;
}
