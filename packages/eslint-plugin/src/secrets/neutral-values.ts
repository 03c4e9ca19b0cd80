import type { Definitions } from '@klog-ts/checker/definitions';
import { calleeName, declarationOf, isCleanType, isFullMask, isLiteral, reachingWrites, secretTypeOf, skipOuter } from '@klog-ts/checker/typescript';
import * as ts from 'typescript';
import type { WritesIndex } from '@klog-ts/checker/typescript';

/**
 * Values whose content is clean whatever name or key they are stored under: literals, booleans and
 * numbers, `Secret` wrappers, sanitizer calls and chains, full masking, and variables all of whose
 * reaching values are such.
 */
export class NeutralValues {
  readonly #checker: ts.TypeChecker;
  readonly #defs: Definitions;
  readonly #writes: WritesIndex;
  // `x = redact(x)` asks whether `x` is neutral while deciding whether `x` is: such a cycle is not neutral.
  readonly #active = new Set<ts.Node>();

  constructor(checker: ts.TypeChecker, defs: Definitions, writes: WritesIndex) {
    this.#checker = checker;
    this.#defs = defs;
    this.#writes = writes;
  }

  /** Whether `value` is neutral. */
  isNeutral(value: ts.Expression): boolean {
    const v = skipOuter(ts, value);
    if (isLiteral(ts, v)) return true;
    const type = this.#checker.getTypeAtLocation(v);
    // A `Secret` wrapper renders redacted, whatever key it is logged under.
    if (isCleanType(ts, type) || secretTypeOf(type, this.#defs) === 'wrapper') return true;
    if (ts.isAwaitExpression(v)) return this.isNeutral(v.expression);
    if (ts.isCallExpression(v)) {
      const name = calleeName(ts, v.expression);
      if (name !== undefined && this.#defs.isSanitizer(name)) return true;
      if (isFullMask(ts, v)) return true;
      return this.isSanitizedChain(v.expression);
    }
    if (!ts.isIdentifier(v)) return false;
    const decl = declarationOf(ts, v, this.#checker);
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || decl.initializer === value) return false;
    // Every value that reaches this use is neutral (a `const` has one).
    const reaching = reachingWrites(ts, [{ value: decl.initializer, at: decl }], this.#writes.writesTo(decl), v);
    return reaching.length > 0 && reaching.every((w) => w.value !== value && this.#neutralOnce(w.value));
  }

  /** `createHash('sha256').update(x).digest('hex')`: a call in the receiver chain is a sanitizer. */
  isSanitizedChain(expr: ts.Expression): boolean {
    for (let e = skipOuter(ts, expr); ts.isCallExpression(e) || ts.isPropertyAccessExpression(e); e = skipOuter(ts, e.expression)) {
      const name = ts.isCallExpression(e) ? calleeName(ts, e.expression) : undefined;
      if (name !== undefined && this.#defs.isSanitizer(name)) return true;
    }
    return false;
  }

  #neutralOnce(value: ts.Expression): boolean {
    if (this.#active.has(value)) return false;
    this.#active.add(value);
    try {
      return this.isNeutral(value);
    } finally {
      this.#active.delete(value);
    }
  }
}
