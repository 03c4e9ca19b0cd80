import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';
import type { WritesIndex } from './writes-index.js';

/** What the program-level helpers need of an engine: the compiler API that built the nodes, its type checker, and its writes. */
export interface ProgramView {
  readonly ts: TypeScript;
  readonly checker: ts.TypeChecker;
  readonly writes: WritesIndex;
}
