import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

/**
 * The operand whose content an expression is, unchanged: parentheses, type assertions, `!`, `satisfies`,
 * `await` and spreads; undefined for other expressions.
 */
export function transparentOperand(ts: TypeScript, expr: ts.Expression): ts.Expression | undefined {
  if (
    ts.isParenthesizedExpression(expr) ||
    ts.isAsExpression(expr) ||
    ts.isTypeAssertionExpression(expr) ||
    ts.isNonNullExpression(expr) ||
    ts.isSatisfiesExpression(expr) ||
    ts.isAwaitExpression(expr) ||
    ts.isSpreadElement(expr)
  ) {
    return expr.expression;
  }
  return undefined;
}

/**
 * The operands whose content a binary expression's value may be: both sides of `+`, `||` and `??` (and
 * their assignments), the right of `&&`, `=` and `,`; none of comparisons, arithmetic, `instanceof`, `in`.
 */
export function contentOperands(ts: TypeScript, expr: ts.BinaryExpression): readonly ts.Expression[] {
  switch (expr.operatorToken.kind) {
    case ts.SyntaxKind.PlusToken:
    case ts.SyntaxKind.PlusEqualsToken:
    case ts.SyntaxKind.BarBarToken:
    case ts.SyntaxKind.QuestionQuestionToken:
    case ts.SyntaxKind.BarBarEqualsToken:
    case ts.SyntaxKind.QuestionQuestionEqualsToken:
      return [expr.left, expr.right];
    case ts.SyntaxKind.AmpersandAmpersandToken:
    case ts.SyntaxKind.EqualsToken:
    case ts.SyntaxKind.CommaToken:
      return [expr.right];
    default:
      return [];
  }
}
