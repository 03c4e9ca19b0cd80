import { ts } from 'ts-morph';
import { MASKING_METHODS, SANITIZING_PROPERTIES, splitIdentifier, type Definitions } from '../definitions/index.js';
import { calleeName, declarationName, functionName, isFullMask, isLiteral, nameText, skipOuter } from './ast-helpers.js';
import { classWrites } from './class-writes.js';
import { datapolicyOf } from './datapolicy-of.js';
import { holderSource } from './holder-source.js';
import { isCleanType } from './is-clean-type.js';
import { secretTypeOf } from './secret-type-of.js';
import { fromParam, fromSource, through, union, withoutParams, type Source, type Step, type Taint } from './taint.js';
import type { WritesIndex } from './writes-index.js';

// Library methods whose result carries their receiver's content.
const RECEIVER_METHODS = new Set([
  'toString', 'valueOf', 'toJSON', 'toLocaleString', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase',
  'toLocaleUpperCase', 'toLocaleLowerCase', 'slice', 'substring', 'substr', 'split', 'join', 'concat', 'padStart',
  'padEnd', 'repeat', 'at', 'charAt', 'normalize', 'replace', 'replaceAll', 'filter', 'flat', 'find', 'findLast',
  'reverse', 'sort', 'toSorted', 'toReversed', 'values', 'entries', 'get', 'subarray', 'pop', 'shift', 'finally',
  'catch', 'match', 'with', 'getAll',
]);

// Library functions and methods whose result carries their arguments' content.
const ARGUMENT_FUNCTIONS = new Set([
  'String', 'stringify', 'encodeURIComponent', 'encodeURI', 'escape', 'btoa', 'atob', 'from', 'of', 'values',
  'entries', 'assign', 'fromEntries', 'structuredClone', 'resolve', 'all', 'allSettled', 'race', 'any', 'format',
  'inspect', 'sprintf', 'concat', 'join', 'Array', 'Object',
]);

// Library methods that call their first argument with the receiver's content and return its result.
const MAPPING_METHODS = new Set(['then', 'map', 'flatMap']);

// Library methods that call their first argument with the receiver's elements: which parameter gets them.
const CALLBACK_PARAM: Readonly<Record<string, number>> = {
  forEach: 0, map: 0, flatMap: 0, filter: 0, find: 0, findLast: 0, findIndex: 0, some: 0, every: 0, then: 0,
  reduce: 1, reduceRight: 1, sort: 0, toSorted: 0,
};

// Verbs of functions whose result is the thing their name says: `getToken()`, `fetchApiKey()`.
const PRODUCER_VERBS = new Set([
  'get', 'fetch', 'load', 'read', 'create', 'generate', 'issue', 'sign', 'mint', 'refresh', 'obtain', 'retrieve',
  'decrypt', 'make', 'acquire', 'reveal',
]);

// Library getters that return the value stored under a name: `headers.get('authorization')`.
const KEYED_GETTERS = new Set(['get', 'getHeader', 'header', 'getItem', 'getAll', 'getenv']);

const MAX_DEPTH = 120;

// Expressions that name an existing object (whose type may hold a secret field).
const HOLDER_EXPRESSIONS = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.ElementAccessExpression,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.ThisKeyword,
]);

// Whether a write can happen before a use: it comes first in the text, or a loop around the use also holds
// the write, or they are in different functions (a closure can run at any time).
function mayRunBefore(write: ts.Node, use: ts.Node): boolean {
  if (write.getStart() < use.getStart()) return true;
  const fnOf = (n: ts.Node): ts.Node | undefined => ts.findAncestor(n.parent, (a) => ts.isFunctionLike(a));
  if (fnOf(write) !== fnOf(use)) return true;
  for (let n: ts.Node | undefined = use.parent; n !== undefined && !ts.isFunctionLike(n); n = n.parent) {
    if (ts.isIterationStatement(n, false) && n.pos <= write.pos && write.end <= n.end) return true;
  }
  return false;
}

function step(node: ts.Node, note: string): Step {
  return { node, note };
}

function extend(taint: Taint | undefined, steps: readonly Step[]): Taint | undefined {
  let t = taint;
  for (const s of steps) t = through(t, s);
  return t;
}

function isFromLibrary(node: ts.Node): boolean {
  const file = node.getSourceFile();
  return file.isDeclarationFile || file.fileName.includes('/node_modules/');
}

/**
 * Demand-driven backward taint: what secret (if any) an expression may carry, following TypeScript's own
 * symbols through declarations, assignments, containers, object literals, calls (function summaries with
 * parameters substituted by arguments), class fields and getters. Results are memoized per node.
 */
export class TaintEngine {
  private readonly memo = new Map<ts.Node, Taint | null>();
  private readonly declMemo = new Map<ts.Node, Taint | null>();
  private readonly summaries = new Map<ts.Node, Taint | null>();
  private readonly throwSummaries = new Map<ts.Node, Taint | null>();
  private readonly holders = new Map<ts.Type, Source | null>();
  private readonly active = new Set<ts.Node>();
  private depth = 0;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly defs: Definitions,
    private readonly writes: WritesIndex,
  ) {}

  /** The taint of an expression, or undefined when it cannot carry a secret. */
  taintOf(expr: ts.Expression): Taint | undefined {
    return this.cached(this.memo, expr, () => this.compute(expr));
  }

  /** Substitutes the parameters of `fn` in `taint` by what `argTaint(i)` says the i-th argument carries. */
  substitute(
    taint: Taint | undefined,
    fn: ts.SignatureDeclaration,
    argTaint: (index: number, rest: boolean) => Taint | undefined,
    at: ts.Node,
  ): Taint | undefined {
    if (taint === undefined || taint.params.size === 0) return taint;
    const own = (p: ts.ParameterDeclaration): boolean => p.parent === fn;
    const parts: (Taint | undefined)[] = [withoutParams(taint, own)];
    const name = functionName(fn) ?? 'function';
    for (const [param, steps] of taint.params) {
      if (!own(param)) continue;
      const index = fn.parameters.indexOf(param);
      const passed = through(argTaint(index, param.dotDotDotToken !== undefined), step(at, `passed to ${name}() as '${nameText(param.name) ?? `#${index}`}'`));
      parts.push(extend(passed, steps));
    }
    return union(parts);
  }

  /** Taint of the i-th argument of a call (all remaining arguments for a rest parameter). */
  argumentTaint(args: readonly ts.Expression[], index: number, rest: boolean): Taint | undefined {
    const picked = rest ? args.slice(index) : args.slice(index, index + 1);
    // A spread argument may land on any parameter at or after its position.
    const spread = args.slice(0, index).filter(ts.isSpreadElement);
    return union([...picked, ...spread].map((a) => this.taintOf(a)));
  }

  private cached(memo: Map<ts.Node, Taint | null>, node: ts.Node, compute: () => Taint | undefined): Taint | undefined {
    const hit = memo.get(node);
    if (hit !== undefined) return hit ?? undefined;
    if (this.active.has(node) || this.depth > MAX_DEPTH) return undefined;
    this.active.add(node);
    this.depth++;
    let result: Taint | undefined;
    try {
      result = compute();
    } finally {
      this.depth--;
      this.active.delete(node);
    }
    memo.set(node, result ?? null);
    return result;
  }

  // Clean content: a boolean, number, function... or a Secret wrapper, which renders redacted.
  private isClean(node: ts.Node): boolean {
    const type = this.checker.getTypeAtLocation(node);
    return isCleanType(type) || secretTypeOf(type, this.defs) === 'wrapper';
  }

  private compute(expr: ts.Expression): Taint | undefined {
    if (isLiteral(expr)) return undefined;
    const type = this.checker.getTypeAtLocation(expr);
    if (isCleanType(type)) return undefined;
    const secret = secretTypeOf(type, this.defs);
    if (secret === 'wrapper') return undefined;
    const inner = this.computeSyntax(expr);
    if (inner?.flow !== undefined) return inner;
    if (secret === 'branded') {
      const name = type.aliasSymbol?.name ?? 'Secret';
      return union([fromSource({ kind: 'secret-type', name, node: expr }), inner]);
    }
    // An object whose type holds a secret carries it into whatever it is passed to (JSON.stringify, spreads).
    if (HOLDER_EXPRESSIONS.has(expr.kind)) {
      const held = this.holderOf(type, expr);
      if (held !== undefined) return union([through(fromSource(held), step(expr, 'held by this object')), inner]);
    }
    return inner;
  }

  private holderOf(type: ts.Type, at: ts.Node): Source | undefined {
    const hit = this.holders.get(type);
    if (hit !== undefined) return hit ?? undefined;
    const source = holderSource(type, this.checker, this.defs, at);
    this.holders.set(type, source ?? null);
    return source;
  }

  private computeSyntax(expr: ts.Expression): Taint | undefined {
    if (
      ts.isParenthesizedExpression(expr) ||
      ts.isAsExpression(expr) ||
      ts.isTypeAssertionExpression(expr) ||
      ts.isNonNullExpression(expr) ||
      ts.isSatisfiesExpression(expr) ||
      ts.isAwaitExpression(expr) ||
      ts.isSpreadElement(expr)
    ) {
      return this.taintOf(expr.expression);
    }
    if (ts.isIdentifier(expr)) return this.identifierTaint(expr);
    if (ts.isPropertyAccessExpression(expr)) return this.propertyTaint(expr);
    if (ts.isElementAccessExpression(expr)) return this.elementTaint(expr);
    if (ts.isCallExpression(expr)) return this.callTaint(expr);
    if (ts.isNewExpression(expr)) return this.newTaint(expr);
    if (ts.isObjectLiteralExpression(expr)) return this.objectTaint(expr);
    if (ts.isArrayLiteralExpression(expr)) return union(expr.elements.map((e) => this.taintOf(e)));
    if (ts.isTemplateExpression(expr)) return union(expr.templateSpans.map((s) => this.taintOf(s.expression)));
    if (ts.isTaggedTemplateExpression(expr)) {
      const tag = calleeName(expr.tag);
      if (tag !== undefined && this.defs.isSanitizer(tag)) return undefined;
      return ts.isTemplateExpression(expr.template) ? this.taintOf(expr.template) : undefined;
    }
    if (ts.isBinaryExpression(expr)) return this.binaryTaint(expr);
    if (ts.isConditionalExpression(expr)) return union([this.taintOf(expr.whenTrue), this.taintOf(expr.whenFalse)]);
    return undefined;
  }

  private binaryTaint(expr: ts.BinaryExpression): Taint | undefined {
    switch (expr.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken:
      case ts.SyntaxKind.PlusEqualsToken:
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.BarBarEqualsToken:
      case ts.SyntaxKind.QuestionQuestionEqualsToken:
        return union([this.taintOf(expr.left), this.taintOf(expr.right)]);
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.EqualsToken:
      case ts.SyntaxKind.CommaToken:
        return this.taintOf(expr.right);
      default:
        return undefined; // comparisons, arithmetic, instanceof, in
    }
  }

  private identifierTaint(id: ts.Identifier): Taint | undefined {
    let symbol = this.checker.getSymbolAtLocation(id);
    if (symbol === undefined) return undefined;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (decl === undefined) return undefined;
    if (ts.isVariableDeclaration(decl) && datapolicyOf(decl) === undefined && !this.isCredentialDeclaration(decl)) {
      return this.variableTaint(decl, id);
    }
    return this.declarationTaint(decl);
  }

  private isCredentialDeclaration(decl: ts.VariableDeclaration): boolean {
    return this.nameSource(nameText(decl.name), decl, decl.initializer) !== undefined;
  }

  /** A name-based source, unless the declared value is provably clean or sanitized. */
  private nameSource(name: string | undefined, node: ts.Node, value: ts.Expression | undefined): Taint | undefined {
    if (name === undefined || !this.defs.isCredentialName(name)) return undefined;
    if (this.isClean(node)) return undefined;
    if (value !== undefined && this.isNeutral(value)) return undefined;
    return fromSource({ kind: 'credential-name', name, node });
  }

  /** The taint of whatever a declaration holds. */
  declarationTaint(decl: ts.Node): Taint | undefined {
    return this.cached(this.declMemo, decl, () => this.computeDeclaration(decl));
  }

  private computeDeclaration(decl: ts.Node): Taint | undefined {
    const name = nameText(declarationName(decl));
    const policy = datapolicyOf(decl);
    if (policy !== undefined) {
      return fromSource({ kind: 'datapolicy', name: name ?? policy, node: decl, policy } satisfies Source);
    }
    if (ts.isVariableDeclaration(decl)) return this.nameSource(name, decl, decl.initializer) ?? this.variableTaint(decl, undefined);
    if (ts.isParameter(decl)) return this.nameSource(name, decl, undefined) ?? this.parameterTaint(decl, name);
    if (ts.isBindingElement(decl)) return this.nameSource(name, decl, undefined) ?? this.bindingTaint(decl);
    if (ts.isPropertyAssignment(decl)) {
      const value = this.taintOf(decl.initializer);
      return this.nameSource(name, decl, decl.initializer) ?? through(value, step(decl, `stored in property '${name}'`));
    }
    if (ts.isShorthandPropertyAssignment(decl)) {
      const valueSymbol = this.checker.getShorthandAssignmentValueSymbol(decl);
      const valueDecl = valueSymbol?.valueDeclaration;
      return this.nameSource(name, decl, undefined) ?? (valueDecl === undefined ? undefined : this.declarationTaint(valueDecl));
    }
    if (ts.isPropertyDeclaration(decl)) {
      const source = this.nameSource(name, decl, decl.initializer);
      if (source !== undefined) return source;
      const values = [...(decl.initializer === undefined ? [] : [decl.initializer]), ...classWrites(decl.parent, name ?? '')];
      return union(values.map((v) => through(this.taintOf(v), step(v, `stored in field '${name}'`))));
    }
    if (ts.isGetAccessorDeclaration(decl)) return this.nameSource(name, decl, undefined) ?? this.summaryOf(decl);
    if (ts.isPropertySignature(decl)) return this.nameSource(name, decl, undefined);
    if (ts.isEnumMember(decl) || ts.isFunctionLike(decl) || ts.isClassLike(decl)) return undefined;
    return undefined;
  }

  /**
   * What a variable holds at `use` (anywhere when undefined): its initializer or loop element, and the writes
   * that can run before the use (earlier in the same function, or anywhere when a loop or closure is involved).
   */
  private variableTaint(decl: ts.VariableDeclaration, use: ts.Node | undefined): Taint | undefined {
    if (ts.isCatchClause(decl.parent)) return through(this.thrownIn(decl.parent.parent.tryBlock), step(decl, `caught as '${nameText(decl.name) ?? 'error'}'`));
    const name = nameText(decl.name);
    const list = decl.parent;
    const loop = ts.isVariableDeclarationList(list) ? list.parent : undefined;
    const parts: (Taint | undefined)[] = [];
    if (loop !== undefined && ts.isForOfStatement(loop)) {
      parts.push(through(this.taintOf(loop.expression), step(decl, `element assigned to '${name}'`)));
    } else if (decl.initializer !== undefined) {
      parts.push(through(this.taintOf(decl.initializer), step(decl, `assigned to '${name}'`)));
    }
    for (const w of this.writes.writesTo(decl)) {
      if (use !== undefined && !mayRunBefore(w.at, use)) continue;
      parts.push(through(this.taintOf(w.value), step(w.at, `written to '${name}'`)));
    }
    return union(parts);
  }

  private parameterTaint(decl: ts.ParameterDeclaration, name: string | undefined): Taint | undefined {
    const fn = decl.parent;
    const index = fn.parameters.indexOf(decl);
    const initializer = decl.initializer === undefined ? undefined : this.taintOf(decl.initializer);
    // A callback of an array or promise method receives the receiver's content.
    const call = fn.parent;
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(call) && call.arguments.includes(fn)) {
      const method = calleeName(call.expression);
      if (method !== undefined && CALLBACK_PARAM[method] === index && ts.isPropertyAccessExpression(call.expression) && isFromLibrary(this.declOfCall(call) ?? call)) {
        return union([through(this.taintOf(call.expression.expression), step(decl, `element passed to '${name}'`)), initializer]);
      }
      if (this.declOfCall(call) === undefined || isFromLibrary(this.declOfCall(call) ?? call)) return initializer;
    }
    return union([fromParam(decl), initializer]);
  }

  private declOfCall(call: ts.CallExpression | ts.NewExpression): ts.Declaration | undefined {
    return this.checker.getResolvedSignature(call)?.declaration;
  }

  private bindingTaint(decl: ts.BindingElement): Taint | undefined {
    const pattern = decl.parent;
    const container = pattern.parent;
    const containerTaint = (): Taint | undefined => {
      if (ts.isVariableDeclaration(container)) {
        const loop = ts.isVariableDeclarationList(container.parent) ? container.parent.parent : undefined;
        if (loop !== undefined && ts.isForOfStatement(loop)) return this.taintOf(loop.expression);
        return container.initializer === undefined ? undefined : this.taintOf(container.initializer);
      }
      if (ts.isParameter(container)) return this.declarationTaint(container);
      if (ts.isBindingElement(container)) return this.declarationTaint(container);
      return undefined;
    };
    if (ts.isObjectBindingPattern(pattern) && decl.dotDotDotToken === undefined) {
      const key = nameText(decl.propertyName ?? decl.name);
      if (key !== undefined && ts.isVariableDeclaration(container) && container.initializer !== undefined) {
        return this.memberTaint(container.initializer, key, decl);
      }
    }
    return through(containerTaint(), step(decl, `destructured into '${nameText(decl.name) ?? '…'}'`));
  }

  /**
   * The taint of `obj.key`: the property's declaration when the type checker knows it (field-sensitive),
   * else the whole object's taint.
   */
  private memberTaint(obj: ts.Expression, key: string, at: ts.Node): Taint | undefined {
    const type = this.checker.getTypeAtLocation(obj);
    const prop = this.checker.getPropertyOfType(this.checker.getApparentType(this.checker.getNonNullableType(type)), key);
    const decls = prop?.declarations ?? [];
    const known = decls.filter((d) => !isFromLibrary(d));
    const parts: (Taint | undefined)[] = [];
    for (const d of decls) {
      const policy = datapolicyOf(d);
      if (policy !== undefined) return fromSource({ kind: 'datapolicy', name: key, node: d, policy });
    }
    const nameHit = this.nameSource(key, at, undefined);
    if (nameHit !== undefined) return nameHit;
    for (const d of known) parts.push(this.declarationTaint(d));
    const precise = known.length > 0 && known.every((d) => ts.isPropertyAssignment(d) || ts.isShorthandPropertyAssignment(d) || ts.isGetAccessorDeclaration(d) || ts.isMethodDeclaration(d));
    if (!precise) {
      // A declared field is read precisely from what built the object; an undeclared one (index signature,
      // `any`, library type) may be anything the object holds.
      const built = this.constructedMember(obj, key);
      const whole = built === undefined && known.length === 0 ? this.taintOf(obj) : undefined;
      parts.push(through(built ?? whole, step(at, `property '${key}' read`)));
    }
    return union(parts);
  }

  // When `obj` is (a variable holding) `new C(args)`, the field `key` as set from the constructor's arguments.
  private constructedMember(obj: ts.Expression, key: string): Taint | undefined {
    let expr = skipOuter(obj);
    for (let hops = 0; hops < 4 && ts.isIdentifier(expr); hops++) {
      const decl = this.checker.getSymbolAtLocation(expr)?.valueDeclaration;
      if (decl === undefined || !ts.isVariableDeclaration(decl) || decl.initializer === undefined) return undefined;
      expr = skipOuter(decl.initializer);
    }
    if (ts.isObjectLiteralExpression(expr)) return this.literalMember(expr, key);
    if (!ts.isNewExpression(expr)) return undefined;
    const ctor = this.declOfCall(expr);
    if (ctor === undefined || !ts.isConstructorDeclaration(ctor)) return undefined;
    const args = expr.arguments ?? [];
    const field = ctor.parent.members.find((m) => nameText(m.name) === key);
    const paramProp = ctor.parameters.find((p) => nameText(p.name) === key && ts.getModifiers(p) !== undefined);
    const values: (Taint | undefined)[] = [];
    if (paramProp !== undefined) values.push(fromParam(paramProp));
    if (field !== undefined && ts.isPropertyDeclaration(field)) values.push(this.declarationTaint(field));
    const taint = union(values);
    if (taint === undefined) return undefined;
    return this.substitute(taint, ctor, (i, rest) => this.argumentTaint(args, i, rest), expr);
  }

  // `{ ...base, key: v }.key`: the last property of that name, or what the spreads hold.
  private literalMember(literal: ts.ObjectLiteralExpression, key: string): Taint | undefined {
    for (const prop of [...literal.properties].reverse()) {
      if (ts.isSpreadAssignment(prop)) {
        const inner = this.memberTaint(prop.expression, key, prop);
        if (inner !== undefined) return inner;
      } else if (nameText(prop.name) === key) {
        return this.declarationTaint(prop);
      }
    }
    return undefined;
  }

  private propertyTaint(expr: ts.PropertyAccessExpression): Taint | undefined {
    const key = nameText(expr.name);
    if (key === undefined || SANITIZING_PROPERTIES.includes(key)) return undefined;
    if (expr.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const decl = this.checker.getSymbolAtLocation(expr.name)?.valueDeclaration;
      if (decl !== undefined && !isFromLibrary(decl)) return this.declarationTaint(decl);
    }
    return this.memberTaint(expr.expression, key, expr);
  }

  private elementTaint(expr: ts.ElementAccessExpression): Taint | undefined {
    const arg = expr.argumentExpression;
    if (ts.isStringLiteralLike(arg)) {
      if (SANITIZING_PROPERTIES.includes(arg.text)) return undefined;
      return this.memberTaint(expr.expression, arg.text, expr);
    }
    return through(this.taintOf(expr.expression), step(expr, 'element read'));
  }

  private objectTaint(expr: ts.ObjectLiteralExpression): Taint | undefined {
    const parts: (Taint | undefined)[] = [];
    for (const prop of expr.properties) {
      if (ts.isSpreadAssignment(prop)) {
        parts.push(through(this.taintOf(prop.expression), step(prop, 'spread into an object')));
      } else if (ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) {
        parts.push(through(this.declarationTaint(prop), step(prop, 'held by an object literal')));
      } else if (ts.isGetAccessorDeclaration(prop)) {
        parts.push(this.declarationTaint(prop));
      }
      if (parts.some((p) => p?.flow !== undefined)) break;
    }
    return union(parts);
  }

  /** A value whose content is clean whatever name it is stored under: literals, sanitized or boolean values. */
  isNeutral(value: ts.Expression): boolean {
    const v = skipOuter(value);
    if (isLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v) || this.isClean(v)) return true;
    if (ts.isCallExpression(v)) {
      const name = calleeName(v.expression);
      if (name !== undefined && this.defs.isSanitizer(name)) return true;
      if (name !== undefined && MASKING_METHODS.includes(name) && isFullMask(v)) return true;
      if (ts.isPropertyAccessExpression(v.expression)) return this.isSanitizedChain(v.expression.expression);
    }
    if (ts.isAwaitExpression(v)) return this.isNeutral(v.expression);
    if (ts.isIdentifier(v)) {
      const decl = this.checker.getSymbolAtLocation(v)?.valueDeclaration;
      if (decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) {
        return decl.initializer !== value && this.isNeutral(decl.initializer);
      }
    }
    return false;
  }

  // `createHash('sha256').update(x).digest('hex')`: some call in the receiver chain is a sanitizer.
  private isSanitizedChain(expr: ts.Expression): boolean {
    let e = skipOuter(expr);
    while (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e)) {
      if (ts.isCallExpression(e)) {
        const name = calleeName(e.expression);
        if (name !== undefined && this.defs.isSanitizer(name)) return true;
      }
      e = skipOuter(e.expression);
    }
    return false;
  }

  private callTaint(call: ts.CallExpression): Taint | undefined {
    const callee = call.expression;
    const name = calleeName(callee);
    if (name !== undefined && this.defs.isSanitizer(name)) return undefined;
    if (this.isSanitizedChain(callee)) return undefined;
    const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    if (name !== undefined && receiver !== undefined) {
      if (MASKING_METHODS.includes(name) && isFullMask(call)) return undefined;
      if (this.defs.revealMethodNames.includes(name) && secretTypeOf(this.checker.getTypeAtLocation(receiver), this.defs) !== undefined) {
        return fromSource({ kind: 'secret-reveal', name: receiver.getText(), node: call });
      }
      const key = call.arguments[0];
      if (KEYED_GETTERS.has(name) && key !== undefined && ts.isStringLiteralLike(key) && this.defs.isCredentialName(key.text)) {
        return fromSource({ kind: 'credential-name', name: key.text, node: call });
      }
    }
    const producer = this.producerSource(name, call);
    const decl = this.declOfCall(call);
    if (decl !== undefined && !isFromLibrary(decl) && ts.isFunctionLike(decl)) {
      let result = this.substitute(this.summaryOf(decl), decl, (i, rest) => this.argumentTaint(call.arguments, i, rest), call);
      if (receiver !== undefined && result !== undefined && result.params.size > 0) result = this.viaReceiver(result, receiver);
      const returned = through(result, step(call, `returned from ${functionName(decl) ?? 'a function'}()`));
      return returned?.flow !== undefined ? returned : (producer ?? returned);
    }
    return union([producer, this.libraryCallTaint(call, name, receiver)]);
  }

  // `getToken()`, `fetchApiKey()`: a function named for producing a credential returns one.
  private producerSource(name: string | undefined, call: ts.CallExpression): Taint | undefined {
    if (name === undefined || !this.defs.isCredentialName(name)) return undefined;
    const words = splitIdentifier(name);
    if (words.length > 1 && !PRODUCER_VERBS.has(words[0] ?? '')) return undefined;
    return fromSource({ kind: 'credential-name', name: `${name}()`, node: call });
  }

  // Constructor parameters left in a method's result are resolved against the receiver's construction.
  private viaReceiver(taint: Taint, receiver: ts.Expression): Taint | undefined {
    const ctorParams = [...taint.params.keys()].filter((p) => ts.isConstructorDeclaration(p.parent));
    if (ctorParams.length === 0) return taint;
    const whole = this.taintOf(receiver);
    return union([withoutParams(taint, (p) => ctorParams.includes(p)), ...(whole === undefined ? [] : [whole])]);
  }

  private libraryCallTaint(call: ts.CallExpression, name: string | undefined, receiver: ts.Expression | undefined): Taint | undefined {
    if (name === undefined) return undefined;
    const parts: (Taint | undefined)[] = [];
    const callback = call.arguments[0];
    if (receiver !== undefined && MAPPING_METHODS.has(name) && callback !== undefined && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) {
      const summary = this.summaryOf(callback);
      parts.push(this.substitute(summary, callback, (i) => (i === 0 ? this.taintOf(receiver) : undefined), call));
      if (name === 'then') return through(union(parts), step(call, 'resolved by then()'));
      return union(parts);
    }
    if (receiver !== undefined && RECEIVER_METHODS.has(name)) parts.push(this.taintOf(receiver));
    if (ARGUMENT_FUNCTIONS.has(name) || (receiver !== undefined && (name === 'concat' || name === 'replace' || name === 'replaceAll'))) {
      const args = name === 'replace' || name === 'replaceAll' ? call.arguments.slice(1) : call.arguments;
      parts.push(...args.map((a) => this.taintOf(a)));
    }
    return through(union(parts), step(call, `through ${name}()`));
  }

  private newTaint(expr: ts.NewExpression): Taint | undefined {
    const name = calleeName(expr.expression);
    if (name !== undefined && this.defs.isSanitizer(name)) return undefined;
    const args = expr.arguments ?? [];
    return through(union(args.map((a) => this.taintOf(a))), step(expr, `held by new ${name ?? 'object'}()`));
  }

  /**
   * What a block can throw: its `throw` expressions, and what the project functions it calls throw (their
   * parameters substituted by the call's arguments). Nested functions are not entered.
   */
  private thrownIn(block: ts.Node): Taint | undefined {
    const parts: (Taint | undefined)[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isCatchClause(node)) return;
      if (ts.isThrowStatement(node)) parts.push(this.taintOf(node.expression));
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const decl = this.declOfCall(node);
        if (decl !== undefined && !isFromLibrary(decl) && ts.isFunctionLike(decl) && !ts.isConstructorDeclaration(decl)) {
          const args = node.arguments ?? [];
          const thrown = this.cached(this.throwSummaries, decl, () => ('body' in decl && decl.body !== undefined ? this.thrownIn(decl.body) : undefined));
          parts.push(through(this.substitute(thrown, decl, (i, rest) => this.argumentTaint(args, i, rest), node), step(node, `thrown by ${functionName(decl) ?? 'a function'}()`)));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(block);
    return union(parts);
  }

  /** What a function returns, with its own parameters left symbolic (a function summary). */
  summaryOf(fn: ts.SignatureDeclaration): Taint | undefined {
    return this.cached(this.summaries, fn, () => {
      if (!('body' in fn) || fn.body === undefined) return undefined;
      const body = fn.body as ts.Node;
      if (!ts.isBlock(body)) return this.taintOf(body as ts.Expression);
      const returns: (Taint | undefined)[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
        if (ts.isReturnStatement(node) && node.expression !== undefined) returns.push(this.taintOf(node.expression));
        ts.forEachChild(node, visit);
      };
      ts.forEachChild(body, visit);
      return union(returns);
    });
  }
}
