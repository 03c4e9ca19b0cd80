import * as ts from 'typescript';

/** A regex source that matches any one character (or any run): every character gets replaced. */
const ANY_CHARACTER = /^(?:\.|\[\\s\\S\]|\[\\S\\s\]|\[\\d\\D\]|\[\\w\\W\]|\\w|\\S|\[\^[^\]]*\])[+*]?$/;

/**
 * Whether `s.replace(/./g, '*')`-like masking hides every character: a global regex that matches any
 * character, replaced by a literal. (The definitions name the masking methods; the pattern needs the AST.)
 */
export function isFullMask(call: ts.CallExpression): boolean {
  const [pattern, replacement] = call.arguments;
  if (!pattern || !replacement || !ts.isRegularExpressionLiteral(pattern) || !ts.isStringLiteralLike(replacement)) {
    return false;
  }
  const match = /^\/(.*)\/([a-z]*)$/s.exec(pattern.text);
  return match !== null && (match[2] ?? '').includes('g') && ANY_CHARACTER.test(match[1] ?? '');
}
