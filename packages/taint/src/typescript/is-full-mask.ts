import type * as ts from 'typescript';
import { isFullMaskPattern } from '../definitions/full-mask.js';
import { MASKING_METHODS } from '../definitions/sanitizers.js';
import { calleeName } from './ast-helpers.js';
import type { TypeScript } from './typescript-api.js';

/**
 * Whether a call masks every character: `s.replace(/./g, '*')` or `s.replace(new RegExp('.', 'g'), '*')`, a
 * masking method with a full-mask regex (a literal, or `RegExp` of literal source and flags) and a literal.
 */
export function isFullMask(ts: TypeScript, call: ts.CallExpression): boolean {
  const name = calleeName(ts, call.expression);
  const [pattern, replacement] = call.arguments;
  if (name === undefined || !MASKING_METHODS.includes(name) || pattern === undefined || replacement === undefined) return false;
  if (!ts.isStringLiteralLike(replacement)) return false;
  if (ts.isRegularExpressionLiteral(pattern)) return isFullMaskPattern(pattern.text);
  return isFullMaskPattern(constructedRegExp(ts, pattern) ?? '');
}

// `new RegExp('.', 'g')` (or without `new`) as the literal it builds, `/./g`, when source and flags are literals.
function constructedRegExp(ts: TypeScript, expr: ts.Expression): string | undefined {
  if (!(ts.isNewExpression(expr) || ts.isCallExpression(expr)) || !ts.isIdentifier(expr.expression) || expr.expression.text !== 'RegExp') return undefined;
  const [source, flags] = expr.arguments ?? [];
  if (source === undefined || !ts.isStringLiteralLike(source) || (flags !== undefined && !ts.isStringLiteralLike(flags))) return undefined;
  return `/${source.text}/${flags?.text ?? ''}`;
}
