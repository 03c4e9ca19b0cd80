import type * as ts from 'typescript';
import { CONTAINER_MUTATORS } from '../definitions/library-flows.js';
import { enclosingScope, nameText } from './ast-helpers.js';
import type { TypeScript } from './typescript-api.js';

/** A write into a variable, or into the container it holds (`x = e`, `x.p = e`, `x.push(e)`). */
export interface Write {
  readonly value: ts.Expression;
  readonly at: ts.Node;
}

interface TargetedWrite extends Write {
  readonly target: ts.Identifier;
}

// `x`, `x.a.b`, `x[i]`: the variable at the root of a write target.
function rootIdentifier(ts: TypeScript, node: ts.Expression): ts.Identifier | undefined {
  let n = node;
  while (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) n = n.expression;
  return ts.isIdentifier(n) ? n : undefined;
}

function isAssignment(ts: TypeScript, kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsToken ||
    kind === ts.SyntaxKind.PlusEqualsToken ||
    kind === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    kind === ts.SyntaxKind.BarBarEqualsToken ||
    kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken
  );
}

/** The arguments a container mutator call stores (`m.set(k, v)` → `[v]`), or undefined for other methods. */
export function storedArguments<T>(method: string | undefined, args: readonly T[]): readonly T[] | undefined {
  const first = method === undefined ? undefined : CONTAINER_MUTATORS.get(method);
  return first === undefined ? undefined : args.slice(first);
}

function collect(ts: TypeScript, scope: ts.Node): Map<string, TargetedWrite[]> {
  const writes = new Map<string, TargetedWrite[]>();
  const add = (target: ts.Identifier | undefined, value: ts.Expression | undefined, at: ts.Node): void => {
    if (target === undefined || value === undefined) return;
    const list = writes.get(target.text) ?? [];
    list.push({ target, value, at });
    writes.set(target.text, list);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && isAssignment(ts, node.operatorToken.kind)) {
      add(rootIdentifier(ts, node.left), node.right, node);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = nameText(ts, node.expression.name);
      for (const arg of storedArguments(method, node.arguments) ?? []) add(rootIdentifier(ts, node.expression.expression), arg, node);
      const receiver = node.expression.expression;
      if (method === 'assign' && node.arguments.length > 1 && ts.isIdentifier(receiver) && receiver.text === 'Object') {
        const [target, ...sources] = node.arguments;
        for (const s of sources) add(target === undefined ? undefined : rootIdentifier(ts, target), s, node);
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return writes;
}

/**
 * Finds the writes to local variables and to the containers they hold (`x = e`, `x += e`, `x.p = e`,
 * `x.push(e)`, `m.set(k, e)`, `Object.assign(x, e)`), one walk per scope on first use.
 */
export class WritesIndex {
  private readonly byScope = new Map<ts.Node, Map<string, TargetedWrite[]>>();

  constructor(
    private readonly ts: TypeScript,
    private readonly checker: ts.TypeChecker,
  ) {}

  /** Writes to the variable declared by `decl` (found in the function, module or file that declares it). */
  writesTo(decl: ts.VariableDeclaration): Write[] {
    const { ts } = this;
    if (!ts.isIdentifier(decl.name)) return [];
    const scope = enclosingScope(ts, decl);
    let writes = this.byScope.get(scope);
    if (writes === undefined) {
      writes = collect(ts, scope);
      this.byScope.set(scope, writes);
    }
    const symbol = this.checker.getSymbolAtLocation(decl.name);
    if (symbol === undefined) return [];
    const candidates = writes.get(decl.name.text) ?? [];
    return candidates.filter((w) => this.checker.getSymbolAtLocation(w.target) === symbol);
  }
}
