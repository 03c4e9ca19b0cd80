import type * as ts from 'typescript';
import { calleeName, functionName, isFromLibrary, nameText } from '../typescript/ast-helpers.js';
import { SubclassIndex } from '../typescript/subclass-index.js';
import type { TypeScript } from '../typescript/typescript-api.js';

export type CallLike = ts.CallExpression | ts.NewExpression;

/**
 * What the engine sees of a function's callers and a class's subclasses: `program` (klog-check) is told
 * every file by its one walk over the program; `file` (the ESLint rule, which does not walk the program)
 * indexes the file of the function or class asked about, on demand, so that the callers in that file are
 * seen and those in other files are not.
 */
export type Sight = 'program' | 'file';

/**
 * Every call and `new` in sight, indexed by the name it calls, so that the callers of a function are found
 * by name first and confirmed by the type checker; and the classes that extend another.
 */
export class CallIndex {
  private readonly byName = new Map<string, CallLike[]>();
  private readonly callers = new Map<ts.Node, CallLike[]>();
  private readonly classes: SubclassIndex;
  private readonly indexed = new Set<ts.SourceFile>();

  constructor(
    private readonly ts: TypeScript,
    private readonly checker: ts.TypeChecker,
    private readonly sight: Sight,
  ) {
    this.classes = new SubclassIndex(ts, checker);
  }

  /** Notes a node of a walk over the program (a call, a `new`, a class); other nodes are ignored. */
  add(node: ts.Node): void {
    const { ts } = this;
    if (ts.isClassLike(node)) this.classes.add(node);
    if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
    const name = calleeName(ts, node.expression);
    if (name === undefined) return;
    const list = this.byName.get(name);
    if (list === undefined) this.byName.set(name, [node]);
    else list.push(node);
  }

  /** The classes in sight that extend `cls`, directly or not. */
  subclassesOf(cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
    this.see(cls);
    return this.classes.subclassesOf(cls).filter((sub) => this.inSight(sub, cls));
  }

  /**
   * The calls in sight (or `new` expressions, for a constructor) that invoke `fn`; for a callback passed to
   * a project function (`withConnection((dsn) => ...)`), the calls that function makes of the parameter
   * receiving it.
   */
  callersOf(fn: ts.SignatureDeclaration): readonly CallLike[] {
    const { ts } = this;
    const cached = this.callers.get(fn);
    if (cached !== undefined) return cached;
    this.see(fn);
    const name = functionName(ts, fn);
    const found = (name === undefined ? [] : (this.byName.get(name) ?? [])).filter((call) => {
      if (ts.isConstructorDeclaration(fn) !== ts.isNewExpression(call) || !this.inSight(call, fn)) return false;
      const decl = this.checker.getResolvedSignature(call)?.declaration;
      return decl === fn;
    });
    const param = this.receivingParameter(fn);
    const paramName = param === undefined ? undefined : nameText(ts, param.name);
    if (param !== undefined && paramName !== undefined) {
      this.see(param);
      const symbol = this.checker.getSymbolAtLocation(param.name);
      const calls = (this.byName.get(paramName) ?? []).filter((c) => this.inSight(c, param));
      found.push(...calls.filter((c) => ts.isIdentifier(c.expression) && this.checker.getSymbolAtLocation(c.expression) === symbol));
    }
    this.callers.set(fn, found);
    return found;
  }

  // With sight `file`, indexes the file of `node` the first time it is asked about.
  private see(node: ts.Node): void {
    if (this.sight === 'program') return;
    const file = node.getSourceFile();
    if (this.indexed.has(file)) return;
    this.indexed.add(file);
    const visit = (n: ts.Node): void => {
      this.add(n);
      this.ts.forEachChild(n, visit);
    };
    visit(file);
  }

  // With sight `file`, only what is in the file of the declaration asked about counts, whatever other files
  // were indexed for other questions: the answer does not depend on the order of the questions.
  private inSight(found: ts.Node, asked: ts.Node): boolean {
    return this.sight === 'program' || found.getSourceFile() === asked.getSourceFile();
  }

  // The parameter of a project function that a function expression is passed to, if it is an argument.
  private receivingParameter(fn: ts.SignatureDeclaration): ts.ParameterDeclaration | undefined {
    const { ts } = this;
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
