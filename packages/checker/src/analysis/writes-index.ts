import { ts } from 'ts-morph';
import { enclosingScope, nameText } from '../typescript/index.js';

/** A write into a variable or into the container it holds. */
export interface Write {
  readonly target: ts.Identifier;
  readonly value: ts.Expression;
  readonly at: ts.Node;
}

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** Container mutators and which of their arguments they store. */
export const MUTATORS: ReadonlyMap<string, (args: readonly ts.Expression[]) => readonly ts.Expression[]> = new Map([
  ['push', (a: readonly ts.Expression[]) => a],
  ['unshift', (a: readonly ts.Expression[]) => a],
  ['add', (a: readonly ts.Expression[]) => a],
  ['set', (a: readonly ts.Expression[]) => a.slice(1)],
  ['splice', (a: readonly ts.Expression[]) => a.slice(2)],
  ['append', (a: readonly ts.Expression[]) => a.slice(1)],
]);

// `x`, `x.a.b`, `x[i]`: the variable at the root of a write target.
function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let n = node;
  while (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) n = n.expression;
  return ts.isIdentifier(n) ? n : undefined;
}

function collect(scope: ts.Node): Map<string, Write[]> {
  const writes = new Map<string, Write[]>();
  const add = (target: ts.Identifier | undefined, value: ts.Expression | undefined, at: ts.Node): void => {
    if (target === undefined || value === undefined) return;
    const list = writes.get(target.text) ?? [];
    list.push({ target, value, at });
    writes.set(target.text, list);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)) {
      add(rootIdentifier(node.left), node.right, node);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = nameText(ts, node.expression.name) ?? '';
      const stored = MUTATORS.get(method);
      if (stored !== undefined) for (const arg of stored(node.arguments)) add(rootIdentifier(node.expression.expression), arg, node);
      if (method === 'assign' && node.arguments.length > 1 && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'Object') {
        const [target, ...sources] = node.arguments;
        for (const s of sources) add(target === undefined ? undefined : rootIdentifier(target), s, node);
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return writes;
}

/**
 * Finds the writes to local variables and to the containers they hold (`x = e`, `x += e`, `x.p = e`,
 * `x.push(e)`, `m.set(k, e)`, `Object.assign(x, e)`), one walk per scope, cached.
 */
export class WritesIndex {
  private readonly byScope = new Map<ts.Node, Map<string, Write[]>>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** Writes to the variable declared by `decl` (found in the function or file that declares it). */
  writesTo(decl: ts.VariableDeclaration): Write[] {
    if (!ts.isIdentifier(decl.name)) return [];
    const scope = enclosingScope(ts, decl);
    let writes = this.byScope.get(scope);
    if (writes === undefined) {
      writes = collect(scope);
      this.byScope.set(scope, writes);
    }
    const symbol = this.checker.getSymbolAtLocation(decl.name);
    const candidates = writes.get(decl.name.text) ?? [];
    return candidates.filter((w) => this.checker.getSymbolAtLocation(w.target) === symbol);
  }
}
