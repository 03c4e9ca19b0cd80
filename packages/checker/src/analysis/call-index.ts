import { ts } from 'ts-morph';
import { calleeName, functionName } from '../typescript/index.js';

type CallLike = ts.CallExpression | ts.NewExpression;

/**
 * Every call and `new` in the project, indexed by the name it calls (filled during the one walk over the
 * files), so that the callers of a function are found by name first and confirmed by the type checker.
 */
export class CallIndex {
  private readonly byName = new Map<string, CallLike[]>();
  private readonly callers = new Map<ts.Node, CallLike[]>();

  constructor(private readonly checker: ts.TypeChecker) {}

  add(call: CallLike): void {
    const name = calleeName(ts, call.expression);
    if (name === undefined) return;
    const list = this.byName.get(name);
    if (list === undefined) this.byName.set(name, [call]);
    else list.push(call);
  }

  /** The calls (or `new` expressions, for a constructor) that invoke `fn`. */
  callersOf(fn: ts.SignatureDeclaration): readonly CallLike[] {
    const cached = this.callers.get(fn);
    if (cached !== undefined) return cached;
    const name = functionName(ts, fn);
    const found = (name === undefined ? [] : (this.byName.get(name) ?? [])).filter((call) => {
      if (ts.isConstructorDeclaration(fn) !== ts.isNewExpression(call)) return false;
      const decl = this.checker.getResolvedSignature(call)?.declaration;
      return decl === fn;
    });
    this.callers.set(fn, found);
    return found;
  }
}
