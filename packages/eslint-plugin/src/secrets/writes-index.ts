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

/** Finds the writes to variables, one walk per function or file that declares some, on first use. */
export class WritesIndex {
  readonly #byScope = new Map<ts.Node, Map<ts.Symbol, Write[]>>();
  readonly #checker: ts.TypeChecker;

  constructor(checker: ts.TypeChecker) {
    this.#checker = checker;
  }

  /** The writes to the variable `decl` declares, anywhere in the function (or file) that declares it. */
  writesTo(decl: ts.VariableDeclaration): readonly Write[] {
    const symbol = this.#checker.getSymbolAtLocation(decl.name);
    if (!symbol) return [];
    const scope = ts.findAncestor(decl.parent, (n) => ts.isFunctionLike(n) || ts.isSourceFile(n)) ?? decl.getSourceFile();
    let writes = this.#byScope.get(scope);
    if (!writes) {
      writes = this.#collect(scope);
      this.#byScope.set(scope, writes);
    }
    return writes.get(symbol) ?? [];
  }

  #collect(scope: ts.Node): Map<ts.Symbol, Write[]> {
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
    ts.forEachChild(scope, visit);
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

function functionOf(node: ts.Node): ts.Node | undefined {
  return ts.findAncestor(node.parent, (a) => ts.isFunctionLike(a));
}

/**
 * `x = value;` as a statement of a block that also holds `use`, before it and in the same function: it runs
 * on every path to `use`, so it hides every value `x` had before it.
 */
function hidesEarlierValues(write: Write, use: ts.Node): boolean {
  const assignment = write.at;
  if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const statement = assignment.parent;
  if (!ts.isExpressionStatement(statement) || statement.end > use.getStart()) return false;
  const block = statement.parent;
  const holdsUse = (ts.isBlock(block) || ts.isSourceFile(block)) && block.pos <= use.pos && use.end <= block.end;
  return holdsUse && functionOf(statement) === functionOf(use);
}

/**
 * The values a variable may hold at `use` (anywhere when `use` is undefined): its initializer and its
 * writes that may run before the use, except those an unconditional reassignment in between hides
 * (`x = redact(x); log(x)` logs the redacted value only).
 */
export function reachingWrites(initial: readonly Write[], writes: readonly Write[], use: ts.Node | undefined): Write[] {
  if (use === undefined) return [...initial, ...writes];
  const before = writes.filter((w) => mayRunBefore(w.at, use));
  const killer = before.filter((w) => hidesEarlierValues(w, use)).at(-1);
  if (!killer) return [...initial, ...before];
  // Writes after the killer, or in another function (a closure may run in between), still reach the use.
  return before.filter((w) => w === killer || w.at.pos > killer.at.end || functionOf(w.at) !== functionOf(use));
}
