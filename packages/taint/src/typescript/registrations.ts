import type * as ts from 'typescript';
import { SANITIZER_MODULE } from '../definitions/datapolicy.js';
import { calleeName, isFromLibrary } from './ast-helpers.js';
import { importedName } from './imported-name.js';
import { modulesOf } from './modules-of.js';
import type { TypeScript } from './typescript-api.js';

/**
 * What a program registers with the runtime sanitizer, read as sources by the engine (so a field the
 * runtime redacts is not logged on its own unseen): `registerDataPolicy(Class, { field: kind })` tags fields,
 * `registerDataPolicy(Class, kind)` the whole object, and `secret(x)` (a `Secret` wrapper) says `x` is one.
 */
interface Registered {
  readonly program: ts.Program;
  readonly fields: Map<ts.Symbol, ReadonlyMap<string, string>>;
  readonly wholes: Map<ts.Symbol, string>;
  readonly wrapped: Map<ts.Symbol, string>;
}

const byChecker = new WeakMap<ts.TypeChecker, Registered>();

/** Reads a program's registrations once; later lookups through its type checker see them. */
export function scanRegistrations(ts: TypeScript, program: ts.Program): void {
  const checker = program.getTypeChecker();
  // A language service may hand out the same checker for a program rebuilt after an edit: scan that again.
  if (byChecker.get(checker)?.program === program) return;
  const found: Registered = { program, fields: new Map(), wholes: new Map(), wrapped: new Map() };
  byChecker.set(checker, found);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) note(ts, node, checker, found);
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (!isFromLibrary(file)) visit(file);
}

function note(ts: TypeScript, call: ts.CallExpression, checker: ts.TypeChecker, found: Registered): void {
  const name = ts.isIdentifier(call.expression) ? importedName(ts, call.expression, checker) : calleeName(ts, call.expression);
  if ((name !== 'registerDataPolicy' && name !== 'secret') || !fromSanitizer(ts, call, checker)) return;
  const [target, policy] = call.arguments;
  const symbol = target === undefined ? undefined : resolved(ts, checker.getSymbolAtLocation(target), checker);
  if (symbol === undefined || policy === undefined && name === 'registerDataPolicy') return;
  if (name === 'secret') {
    found.wrapped.set(symbol, policy !== undefined && ts.isStringLiteralLike(policy) ? policy.text : 'secret');
  } else if (policy !== undefined && ts.isStringLiteralLike(policy)) {
    found.wholes.set(symbol, policy.text);
  } else if (policy !== undefined && ts.isObjectLiteralExpression(policy)) {
    const fields = new Map<string, string>();
    for (const prop of policy.properties) {
      if (ts.isPropertyAssignment(prop) && ts.isStringLiteralLike(prop.initializer) && prop.name !== undefined && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) {
        fields.set(prop.name.text, prop.initializer.text);
      }
    }
    found.fields.set(symbol, fields);
  }
}

function fromSanitizer(ts: TypeScript, call: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const decl = checker.getResolvedSignature(call)?.declaration;
  return decl !== undefined && modulesOf(ts, decl).some((m) => m === SANITIZER_MODULE || m.includes('/sanitizer/src/'));
}

function resolved(ts: TypeScript, symbol: ts.Symbol | undefined, checker: ts.TypeChecker): ts.Symbol | undefined {
  return symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

// The class or interface declaring a field (a constructor's parameter property too).
function ownerSymbol(ts: TypeScript, decl: ts.Node, checker: ts.TypeChecker): ts.Symbol | undefined {
  const owner = ts.isParameter(decl) ? decl.parent.parent : (decl.parent as ts.Node | undefined);
  if (owner === undefined || !(ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) || owner.name === undefined) return undefined;
  return checker.getSymbolAtLocation(owner.name);
}

/**
 * The kind a registration gives a declaration: a field of a class registered with a field map
 * (`registerDataPolicy(V1Secret, { data: 'security-key' })`), or a variable or parameter passed to `secret(...)`.
 */
export function registeredPolicy(ts: TypeScript, decl: ts.Node, checker: ts.TypeChecker): string | undefined {
  const found = byChecker.get(checker);
  if (found === undefined) return undefined;
  const wrapped = (ts.isVariableDeclaration(decl) || ts.isParameter(decl)) && ts.isIdentifier(decl.name) ? checker.getSymbolAtLocation(decl.name) : undefined;
  const kind = wrapped === undefined ? undefined : found.wrapped.get(wrapped);
  if (kind !== undefined || ts.isVariableDeclaration(decl)) return kind;
  const name = (decl as { name?: ts.Node }).name;
  if (found.fields.size === 0 || name === undefined || !ts.isIdentifier(name)) return undefined;
  const owner = ownerSymbol(ts, decl, checker);
  return owner === undefined ? undefined : found.fields.get(owner)?.get(name.text);
}

/** The kind a type is registered with as a whole (`registerDataPolicy(SigningKey, 'security-key')`). */
export function registeredWhole(type: ts.Type, checker: ts.TypeChecker): { name: string; kind: string } | undefined {
  const found = byChecker.get(checker);
  const symbol = type.getSymbol();
  const kind = symbol === undefined ? undefined : found?.wholes.get(symbol);
  return kind === undefined || symbol === undefined ? undefined : { name: symbol.name, kind };
}
