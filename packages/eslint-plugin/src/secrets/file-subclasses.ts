import { SubclassIndex } from '@klog-ts/taint/typescript';
import * as ts from 'typescript';

/**
 * The subclasses of a class declared in the class's own file (the shared SubclassIndex, filled one file
 * at a time on demand): a lint rule follows declarations, and a base class does not name its subclasses, so
 * those in other files stay out of sight rather than costing a walk over the program.
 */
export class FileSubclasses {
  readonly #index: SubclassIndex;
  readonly #indexed = new Set<ts.SourceFile>();

  constructor(checker: ts.TypeChecker) {
    this.#index = new SubclassIndex(ts, checker);
  }

  /** The classes in `cls`'s file that extend it, directly or not. */
  subclassesOf(cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
    const file = cls.getSourceFile();
    if (!this.#indexed.has(file)) {
      this.#indexed.add(file);
      const visit = (node: ts.Node): void => {
        if (ts.isClassLike(node)) this.#index.add(node);
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    return this.#index.subclassesOf(cls);
  }
}
