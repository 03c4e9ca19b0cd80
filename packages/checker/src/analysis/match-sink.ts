import { ts } from 'ts-morph';
import {
  findSink,
  KLOG_BINDING_METHODS,
  KLOG_LOG_METHODS,
  KLOG_MODULE,
  KLOG_VERBOSITY_METHOD,
  STRUCTURAL_LOGGER_MARKERS,
  type Definitions,
  type SinkRole,
} from '../definitions/index.js';
import { declarationsOf, importedName, modulesOf, nameText, skipOuter } from '../typescript/index.js';

/** A call that logs (or binds) its arguments. */
export interface SinkCall {
  readonly call: ts.CallExpression;
  readonly method: string;
  /** The callee as written, shortened: `logger.V(2).infoS`, `console.log`. */
  readonly display: string;
  readonly role: SinkRole;
  /** For klog-style key/value calls, the index of the first key; undefined for other calls. */
  readonly kvStart: number | undefined;
}

const KV_START: ReadonlyMap<string, number> = new Map([['infoS', 1], ['info', 1], ['errorS', 2], ['error', 2], ['withValues', 0]]);
const KLOG_METHODS = new Set([...KLOG_LOG_METHODS, ...KLOG_BINDING_METHODS]);

/** What a call invokes: the method's name, its declarations, and the object it is called on (if any). */
interface Target {
  readonly method: string;
  readonly decls: readonly ts.Declaration[];
  readonly receiver: ts.Expression | undefined;
}

function methodTarget(callee: ts.PropertyAccessExpression, checker: ts.TypeChecker): Target {
  return { method: callee.name.text, decls: declarationsOf(ts, callee.name, checker), receiver: callee.expression };
}

// `debug(...)` after `const debug = console.debug.bind(console)`, `const print = console.log` or
// `const { warn } = console`: the call is the aliased method's. Only `const` aliases, which cannot change.
function aliasTarget(id: ts.Identifier, checker: ts.TypeChecker): Target | undefined {
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
  return ts.isPropertyAccessExpression(init) ? methodTarget(init, checker) : undefined;
}

function targetOf(callee: ts.Expression, checker: ts.TypeChecker): Target | undefined {
  if (ts.isPropertyAccessExpression(callee)) return methodTarget(callee, checker);
  if (!ts.isIdentifier(callee)) return undefined;
  // `import { infoS as log }`: the sink is known by its exported name.
  return aliasTarget(callee, checker) ?? { method: importedName(ts, callee, checker), decls: declarationsOf(ts, callee, checker), receiver: undefined };
}

function isGlobalObject(id: ts.Expression, checker: ts.TypeChecker): boolean {
  if (!ts.isIdentifier(id)) return false;
  const decls = declarationsOf(ts, id, checker);
  return decls.length > 0 && decls.every((d) => d.getSourceFile().isDeclarationFile && !isInModule(d));
}

// Inside `declare module 'x'` but not inside a `declare global` block (where @types/node declares `console`).
function isInModule(decl: ts.Node): boolean {
  for (let n: ts.Node | undefined = decl.parent; n !== undefined; n = n.parent) {
    if (ts.isModuleDeclaration(n)) return ts.isStringLiteral(n.name);
  }
  return false;
}

function isStructuralLogger(receiver: ts.Expression, checker: ts.TypeChecker): boolean {
  // `log.V(2).infoS(...)`: what the verbosity gate of a klog-style logger returns logs like the logger.
  const gated = ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === KLOG_VERBOSITY_METHOD;
  const logger = gated ? receiver.expression.expression : receiver;
  const type = checker.getApparentType(checker.getTypeAtLocation(logger));
  return STRUCTURAL_LOGGER_MARKERS.every((m) => type.getProperty(m) !== undefined);
}

function display(callee: ts.Expression): string {
  const text = callee.getText().replace(/\s+/g, '');
  return text.length > 60 ? `…${text.slice(-59)}` : text;
}

/**
 * Whether a call is a logging sink: a method or function of a sink module (found through the callee's
 * declarations, so aliases, re-exports, `V(n)` chains and namespace imports work), a method of a global
 * sink object (`console`), or a klog-style method on any object whose type has `infoS` and `errorS` (or on
 * its `V(n)`); `const` aliases of such methods (`const debug = console.debug.bind(console)`) are followed.
 */
export function matchSink(call: ts.CallExpression, checker: ts.TypeChecker, defs: Definitions): SinkCall | undefined {
  const callee = call.expression;
  const target = targetOf(callee, checker);
  if (target === undefined || !defs.sinkMethods.has(target.method)) return undefined;
  const { method, decls, receiver } = target;
  const make = (role: SinkRole, klog: boolean): SinkCall => ({
    call,
    method,
    display: display(callee),
    role,
    kvStart: klog ? KV_START.get(method) : undefined,
  });

  if (receiver !== undefined && isGlobalObject(receiver, checker)) {
    const hit = findSink(defs.sinks, receiver.getText(), method, { global: true });
    if (hit !== undefined) return make(hit.role, false);
  }
  for (const decl of decls) {
    // A global object's methods reached another way (`this.console.log`, `const c = console`): the method
    // is declared by the global's interface (`Console`) in a declaration file.
    const owner = decl.parent;
    if (decl.getSourceFile().isDeclarationFile && (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && owner.name !== undefined) {
      const global = owner.name.text.charAt(0).toLowerCase() + owner.name.text.slice(1);
      const hit = findSink(defs.sinks, global, method, { global: true });
      if (hit !== undefined) return make(hit.role, false);
    }
    for (const module of modulesOf(ts, decl)) {
      const hit = findSink(defs.sinks, module, method);
      if (hit !== undefined) return make(hit.role, module === KLOG_MODULE);
    }
  }
  if (receiver !== undefined && KLOG_METHODS.has(method) && isStructuralLogger(receiver, checker)) {
    return make(KLOG_BINDING_METHODS.includes(method) ? 'binding' : 'log', true);
  }
  return undefined;
}
