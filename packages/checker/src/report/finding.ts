import type { SourceKind } from '@klog-ts/taint/engine';

/** The rule every finding belongs to (SARIF `ruleId`, baseline key). */
export const RULE_ID = 'klog/secret-logging';

/** A position in a file: absolute path, 1-based line and column. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One hop of the path from a source to a sink. */
export interface PathStep extends Location {
  readonly note: string;
}

/** A code path that could log a secret: one per sink call, at the line where the call starts. */
export interface Finding extends Location {
  readonly ruleId: typeof RULE_ID;
  /** The sink call as written (`logger.V(2).infoS`, `console.log`). */
  readonly sink: string;
  /** `log` for a logging call, `binding` for `withValues`/`child`, which binds values to later lines. */
  readonly role: 'log' | 'binding';
  readonly source: Location & { readonly kind: SourceKind; readonly name: string; readonly policy?: string };
  /** Source first, sink last. */
  readonly path: readonly PathStep[];
  readonly message: string;
  /** The trimmed text of the sink's first line: with the source name, the line-insensitive baseline key. */
  readonly snippet: string;
}

/** A problem with the analysed project that does not stop the analysis (type errors, bad suppressions). */
export interface ProjectDiagnostic {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly code: string;
  readonly message: string;
}
