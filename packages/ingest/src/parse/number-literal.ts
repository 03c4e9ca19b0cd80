import { formatFloatF } from '@klog-ts/core/format';

const NUMBER = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A JSON number literal as a JavaScript value: a number, or a bigint for an integer whose digits a double
 * would not print back (Go's int64 and uint64 values above 2^53), so no digit is lost. An integer literal
 * that is how Go prints a float64 (`1e21` in JSON is 22 digits) stays a number. `undefined` if not a number.
 */
export function parseNumberLiteral(text: string): number | bigint | undefined {
  const match = NUMBER.exec(text);
  if (match === null) return undefined;
  const n = Number(text);
  if (match[1] !== undefined || match[2] !== undefined || Number.isSafeInteger(n)) return n;
  return formatFloatF(n) === text ? n : BigInt(text);
}
