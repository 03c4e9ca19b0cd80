import * as ts from 'typescript';

/** A write into a variable, or into the container it holds (`x = e`, `x.p = e`, `x.push(e)`). */
export interface Write {
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

/** Container methods that store some of their arguments: which ones. */
const MUTATORS = new Map<string, (args: readonly ts.Expression[]) => readonly ts.Expression[]>([
  ['push', (args) => args],
  ['unshift', (args) => args],
  ['add', (args) => args],
  ['set', (args) => args.slice(1)],
  ['append', (args) => args.slice(1)],
]);

function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let current = node;
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = current.expression;
  return ts.isIdentifier(current) ? current : undefined;
}

/** Finds the writes to variables, one walk per source file, on first use. */
export class WritesIndex {
  readonly #byFile = new Map<ts.SourceFile, Map<ts.Symbol, Write[]>>();
  readonly #checker: ts.TypeChecker;

  constructor(checker: ts.TypeChecker) {
    this.#checker = checker;
  }

  /** The writes to the variable `decl` declares, anywhere in its file. */
  writesTo(decl: ts.VariableDeclaration): readonly Write[] {
    const symbol = this.#checker.getSymbolAtLocation(decl.name);
    if (!symbol) return [];
    const file = decl.getSourceFile();
    let writes = this.#byFile.get(file);
    if (!writes) {
      writes = this.#collect(file);
      this.#byFile.set(file, writes);
    }
    return writes.get(symbol) ?? [];
  }

  #collect(file: ts.SourceFile): Map<ts.Symbol, Write[]> {
    const writes = new Map<ts.Symbol, Write[]>();
    const add = (target: ts.Identifier | undefined, value: ts.Expression, at: ts.Node): void => {
      const symbol = target && this.#checker.getSymbolAtLocation(target);
      if (!symbol) return;
      const list = writes.get(symbol) ?? [];
      list.push({ value, at });
      writes.set(symbol, list);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)) {
        add(rootIdentifier(node.left), node.right, node);
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const stored = MUTATORS.get(node.expression.name.text);
        const target = rootIdentifier(node.expression.expression);
        if (stored && target) for (const arg of stored(node.arguments)) add(target, arg, node);
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(file, visit);
    return writes;
  }
}

/**
 * Whether a write can happen before a use: it comes first in the text, or they sit in different
 * functions (a closure runs whenever), or a loop around the use also holds the write.
 */
export function mayRunBefore(write: ts.Node, use: ts.Node): boolean {
  if (write.getStart() < use.getStart()) return true;
  const functionOf = (node: ts.Node) => ts.findAncestor(node.parent, (a) => ts.isFunctionLike(a));
  if (functionOf(write) !== functionOf(use)) return true;
  for (let node: ts.Node | undefined = use.parent; node && !ts.isFunctionLike(node); node = node.parent) {
    if (ts.isIterationStatement(node, false) && node.pos <= write.pos && write.end <= node.end) return true;
  }
  return false;
}
