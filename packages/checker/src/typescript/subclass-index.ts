import { ts } from 'ts-morph';

type ClassLike = ts.ClassLikeDeclaration;

/**
 * The project's classes that extend another (collected during the one walk over the files), so that a
 * field's writes include those in subclasses (`this.dsn = ...` in the constructor of a derived class).
 */
export class SubclassIndex {
  private readonly derived: ClassLike[] = [];
  private byBase: Map<ClassLike, ClassLike[]> | undefined;

  constructor(private readonly checker: ts.TypeChecker) {}

  add(cls: ClassLike): void {
    if (cls.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword) === true) this.derived.push(cls);
  }

  /** The classes that extend `cls`, directly or not. */
  subclassesOf(cls: ClassLike): ClassLike[] {
    this.byBase ??= this.index();
    const found: ClassLike[] = [];
    const queue = [cls];
    for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
      for (const sub of this.byBase.get(c) ?? []) {
        if (found.includes(sub)) continue; // a cycle in invalid code
        found.push(sub);
        queue.push(sub);
      }
    }
    return found;
  }

  // Resolved once, on the first question: most runs never ask.
  private index(): Map<ClassLike, ClassLike[]> {
    const byBase = new Map<ClassLike, ClassLike[]>();
    for (const cls of this.derived) {
      const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
      const base = clause?.types[0] === undefined ? undefined : this.baseDeclaration(clause.types[0].expression);
      if (base !== undefined) byBase.set(base, [...(byBase.get(base) ?? []), cls]);
    }
    return byBase;
  }

  private baseDeclaration(expr: ts.Expression): ClassLike | undefined {
    let symbol = this.checker.getSymbolAtLocation(expr);
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.find(ts.isClassLike);
  }
}
