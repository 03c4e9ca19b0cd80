import type * as ts from 'typescript';
import { calleeName } from './ast-helpers.js';
import { initialValue } from './initial-value.js';
import type { TypeScript } from './typescript-api.js';

// Whether a destructured `[k, v]` iterates over entries: a Map, or an `entries()` call.
function isEntryIteration(ts: TypeScript, checker: ts.TypeChecker, container: ts.Node): boolean {
  const initial = ts.isVariableDeclaration(container) ? initialValue(ts, container) : undefined;
  if (initial?.element !== true) return false;
  const iterated = initial.value;
  if (ts.isCallExpression(iterated) && calleeName(ts, iterated.expression) === 'entries') return true;
  const name = checker.getTypeAtLocation(iterated).getSymbol()?.name;
  return name === 'Map' || name === 'ReadonlyMap';
}

/** Whether a binding is the key of an iterated entry (`k` in `for (const [k, v] of map)`): a name, not content. */
export function isEntryKey(ts: TypeScript, checker: ts.TypeChecker, decl: ts.BindingElement): boolean {
  const pattern = decl.parent;
  return ts.isArrayBindingPattern(pattern) && pattern.elements.indexOf(decl) === 0 && pattern.elements.length === 2 && isEntryIteration(ts, checker, pattern.parent);
}
