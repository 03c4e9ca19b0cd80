/**
 * Where klog-ts's structured calls keep their message and key/value list, per receiver: the package
 * (`import { infoS } from '@klog-ts/core'`), a package `Verbose` (the result of the package's `V(n)`), and
 * a `Logger` (logr's shape; its `V(n)` is a `Logger` again). Sink matching reads the key/value start here,
 * the ESLint rules the message and the pairs.
 */
export type KlogReceiver = 'package' | 'verbose' | 'logger';

/** Argument positions of a structured call; `msg` is -1 when the call has no message (`withValues`). */
export interface CallShape {
  readonly msg: number;
  readonly kv: number;
}

const infoShape: CallShape = { msg: 0, kv: 1 };
const errorShape: CallShape = { msg: 1, kv: 2 };
const withValuesShape: CallShape = { msg: -1, kv: 0 };

/** Structured calls per receiver: `infoS(msg, ...kv)`, `errorS(err, msg, ...kv)`, `withValues(...kv)`. */
export const STRUCTURED_CALLS: Readonly<Record<KlogReceiver, Readonly<Record<string, CallShape>>>> = {
  package: { infoS: infoShape, errorS: errorShape },
  verbose: { infoS: infoShape, errorS: errorShape },
  logger: { info: infoShape, infoS: infoShape, error: errorShape, errorS: errorShape, withValues: withValuesShape },
};

/** The structured shape of `method` on `receiver`, if it is a structured logging call. */
export function structuredShape(receiver: KlogReceiver, method: string): CallShape | undefined {
  return Object.hasOwn(STRUCTURED_CALLS[receiver], method) ? STRUCTURED_CALLS[receiver][method] : undefined;
}
