import type * as ts from 'typescript';
import { isFullMaskPattern } from '../definitions/full-mask.js';
import { MASKING_METHODS } from '../definitions/sanitizers.js';
import { calleeName } from './ast-helpers.js';
import type { TypeScript } from './typescript-api.js';

/** Whether a call masks every character: `s.replace(/./g, '*')`, a masking method with a full-mask regex and a literal. */
export function isFullMask(ts: TypeScript, call: ts.CallExpression): boolean {
  const name = calleeName(ts, call.expression);
  const [pattern, replacement] = call.arguments;
  if (name === undefined || !MASKING_METHODS.includes(name) || pattern === undefined || replacement === undefined) return false;
  return ts.isRegularExpressionLiteral(pattern) && ts.isStringLiteralLike(replacement) && isFullMaskPattern(pattern.text);
}
