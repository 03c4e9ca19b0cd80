import { calleeName, functionName, isFromLibrary, nameText } from '@klog-ts/taint/typescript';
import { ts } from 'ts-morph';
import { tsApi } from './ts-api.js';

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
    const name = calleeName(tsApi, call.expression);
    if (name === undefined) return;
    const list = this.byName.get(name);
    if (list === undefined) this.byName.set(name, [call]);
    else list.push(call);
  }

  /**
   * The calls (or `new` expressions, for a constructor) that invoke `fn`; for a callback passed to a project
   * function (`withConnection((dsn) => ...)`), the calls that function makes of the parameter receiving it.
   */
  callersOf(fn: ts.SignatureDeclaration): readonly CallLike[] {
    const cached = this.callers.get(fn);
    if (cached !== undefined) return cached;
    const name = functionName(tsApi, fn);
    const found = (name === undefined ? [] : (this.byName.get(name) ?? [])).filter((call) => {
      if (ts.isConstructorDeclaration(fn) !== ts.isNewExpression(call)) return false;
      const decl = this.checker.getResolvedSignature(call)?.declaration;
      return decl === fn;
    });
    const param = this.receivingParameter(fn);
    const paramName = param === undefined ? undefined : nameText(tsApi, param.name);
    if (param !== undefined && paramName !== undefined) {
      const symbol = this.checker.getSymbolAtLocation(param.name);
      found.push(...(this.byName.get(paramName) ?? []).filter((c) => ts.isIdentifier(c.expression) && this.checker.getSymbolAtLocation(c.expression) === symbol));
    }
    this.callers.set(fn, found);
    return found;
  }

  // The parameter of a project function that a function expression is passed to, if it is an argument.
  private receivingParameter(fn: ts.SignatureDeclaration): ts.ParameterDeclaration | undefined {
    const call = fn.parent;
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !(ts.isCallExpression(call) || ts.isNewExpression(call))) return undefined;
    const index = call.arguments?.indexOf(fn) ?? -1;
    const callee = this.checker.getResolvedSignature(call)?.declaration;
    if (index < 0 || callee === undefined || isFromLibrary(callee) || !ts.isFunctionLike(callee)) return undefined;
    const params = callee.parameters;
    const last = params[params.length - 1];
    return params[index] ?? (last?.dotDotDotToken !== undefined ? last : undefined);
  }
}
