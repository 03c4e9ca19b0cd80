import type * as ts from 'typescript';
import type { Definitions } from '../definitions/resolve-definitions.js';
import { calleeName, declarationOf, isLiteral, skipOuter } from './ast-helpers.js';
import { isCleanType } from './is-clean-type.js';
import { isFullMask } from './is-full-mask.js';
import { reachingWrites } from './reaching-writes.js';
import { secretTypeOf } from './secret-type-of.js';
import type { TypeScript } from './typescript-api.js';
import type { WritesIndex } from './writes-index.js';

/**
 * Values whose content is clean whatever name or key they are stored under: literals, booleans and
 * numbers, `Secret` wrappers, sanitizer calls and chains, full masking, conditionals and fallbacks whose
 * every branch is such, and variables all of whose reaching values are such.
 */
export class NeutralValues {
  // `x = redact(x)` asks whether `x` is neutral while deciding whether `x` is: such a cycle is not neutral.
  private readonly active = new Set<ts.Node>();

  constructor(
    private readonly ts: TypeScript,
    private readonly checker: ts.TypeChecker,
    private readonly defs: Definitions,
    private readonly writes: WritesIndex,
  ) {}

  /** Whether `value` is neutral. */
  isNeutral(value: ts.Expression): boolean {
    const { ts } = this;
    const v = skipOuter(ts, value);
    if (isLiteral(ts, v)) return true;
    const type = this.checker.getTypeAtLocation(v);
    // A `Secret` wrapper renders redacted, whatever key it is logged under.
    if (isCleanType(ts, type) || secretTypeOf(type, this.defs) === 'wrapper') return true;
    if (ts.isAwaitExpression(v)) return this.isNeutral(v.expression);
    // `debug ? redact(t) : '-'`, `name ?? '<unset>'`: the value is one of the branches.
    if (ts.isConditionalExpression(v)) return this.isNeutral(v.whenTrue) && this.isNeutral(v.whenFalse);
    if (ts.isBinaryExpression(v) && isFallback(ts, v.operatorToken.kind)) return this.isNeutral(v.left) && this.isNeutral(v.right);
    if (ts.isCallExpression(v)) {
      const name = calleeName(ts, v.expression);
      if (name !== undefined && this.defs.isSanitizer(name)) return true;
      if (isFullMask(ts, v)) return true;
      return this.isSanitizedChain(v.expression);
    }
    if (!ts.isIdentifier(v)) return false;
    const decl = declarationOf(ts, v, this.checker);
    if (decl === undefined || !ts.isVariableDeclaration(decl) || decl.initializer === undefined || decl.initializer === value) return false;
    // Every value that reaches this use is neutral (a `const` has one).
    const reaching = reachingWrites(ts, [{ value: decl.initializer, at: decl }], this.writes.writesTo(decl), v);
    return reaching.length > 0 && reaching.every((w) => w.value !== value && this.neutralOnce(w.value));
  }

  /** `createHash('sha256').update(x).digest('hex')`: a call in the receiver chain is a sanitizer. */
  isSanitizedChain(expr: ts.Expression): boolean {
    const { ts } = this;
    for (let e = skipOuter(ts, expr); ts.isCallExpression(e) || ts.isPropertyAccessExpression(e); e = skipOuter(ts, e.expression)) {
      const name = ts.isCallExpression(e) ? calleeName(ts, e.expression) : undefined;
      if (name !== undefined && this.defs.isSanitizer(name)) return true;
    }
    return false;
  }

  private neutralOnce(value: ts.Expression): boolean {
    if (this.active.has(value)) return false;
    this.active.add(value);
    try {
      return this.isNeutral(value);
    } finally {
      this.active.delete(value);
    }
  }
}

function isFallback(ts: TypeScript, kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.AmpersandAmpersandToken;
}
