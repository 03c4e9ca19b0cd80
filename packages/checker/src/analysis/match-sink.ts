import { ts } from 'ts-morph';
import {
  findSink,
  KLOG_BINDING_METHODS,
  KLOG_LOG_METHODS,
  KLOG_MODULE,
  STRUCTURAL_LOGGER_MARKERS,
  type Definitions,
  type SinkRole,
} from '../definitions/index.js';
import { declarationsOf, importedName, modulesOf } from '../typescript/index.js';

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

function calleeNameNode(callee: ts.Expression): ts.Identifier | ts.PrivateIdentifier | undefined {
  if (ts.isIdentifier(callee)) return callee;
  if (ts.isPropertyAccessExpression(callee)) return callee.name;
  return undefined;
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
  const type = checker.getApparentType(checker.getTypeAtLocation(receiver));
  return STRUCTURAL_LOGGER_MARKERS.every((m) => type.getProperty(m) !== undefined);
}

function display(callee: ts.Expression): string {
  const text = callee.getText().replace(/\s+/g, '');
  return text.length > 60 ? `…${text.slice(-59)}` : text;
}

/**
 * Whether a call is a logging sink: a method or function of a sink module (found through the callee's
 * declarations, so aliases, re-exports, `V(n)` chains and namespace imports work), a method of a global
 * sink object (`console`), or a klog-style method on any object whose type has `infoS` and `errorS`.
 */
export function matchSink(call: ts.CallExpression, checker: ts.TypeChecker, defs: Definitions): SinkCall | undefined {
  const callee = call.expression;
  const nameNode = calleeNameNode(callee);
  if (nameNode === undefined) return undefined;
  // `import { infoS as log }`: the sink is known by its exported name.
  const method = ts.isIdentifier(callee) ? importedName(ts, callee, checker) : nameNode.text;
  if (!defs.sinkMethods.has(method)) return undefined;
  const make = (role: SinkRole, klog: boolean): SinkCall => ({
    call,
    method,
    display: display(callee),
    role,
    kvStart: klog ? KV_START.get(method) : undefined,
  });

  if (ts.isPropertyAccessExpression(callee) && isGlobalObject(callee.expression, checker)) {
    const hit = findSink(defs.sinks, callee.expression.getText(), method, { global: true });
    if (hit !== undefined) return make(hit.role, false);
  }
  for (const decl of declarationsOf(ts, nameNode, checker)) {
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
  if (ts.isPropertyAccessExpression(callee) && KLOG_METHODS.has(method) && isStructuralLogger(callee.expression, checker)) {
    return make(KLOG_BINDING_METHODS.includes(method) ? 'binding' : 'log', true);
  }
  return undefined;
}
