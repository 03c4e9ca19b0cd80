import { setOwn } from './copy-object.js';
import { redactedStack } from './error-stack.js';
import { UNREADABLE } from './kinds.js';
import type { Fields, Scanner } from './scanner.js';

/** Non-enumerable own properties of an Error that still hold data, and are written by some sink. */
const ERROR_EXTRAS = ['message', 'cause', 'errors'] as const;

type Members = Record<string, unknown>;

/**
 * An Error: its own enumerable fields (axios keeps `config.headers` there), then `message`, `cause` and
 * `errors` as fields too (tags and key names apply), then `stack`, which the pino backend writes.
 */
export function scanError(scanner: Scanner, value: Error, fields: Fields): unknown {
  const withFields = scanner.record(value as unknown as Members, fields, Object.keys);
  if (typeof withFields !== 'object') return withFields;
  let out = withFields as Error;
  for (const key of ERROR_EXTRAS) {
    if (!Object.hasOwn(value, key) || Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    let before: unknown;
    let after: unknown;
    try {
      before = (value as unknown as Members)[key];
      after = scanner.member(value, key, before, fields);
    } catch {
      // The getter itself threw.
      after = scanner.redact(UNREADABLE);
    }
    if (after !== before) {
      if (out === value) out = scanner.copyOf(value);
      setOwn(out, key, after);
    }
  }
  return scanStack(scanner, value, out, fields);
}

/**
 * The stack, once anything else was redacted, must not give it back: the copy's is rebuilt (see
 * redactedStack). With detectors on it goes through them even when nothing else changed; a tag or key
 * name for `stack` applies to it as to a field. Unchanged, it is not read (V8 formats it on first read).
 */
function scanStack(scanner: Scanner, value: Error, out: Error, fields: Fields): unknown {
  const changed = out !== value;
  if (!Object.hasOwn(value, 'stack') || (!changed && !scanner.detects && scanner.ruleFor('stack', fields) === undefined)) return out;
  let stack: unknown;
  let after: unknown;
  try {
    stack = value.stack;
    after = scanner.member(value, 'stack', changed && typeof stack === 'string' ? redactedStack(stack, value, out) : stack, fields);
  } catch {
    after = scanner.redact(UNREADABLE);
  }
  if (after === stack) return out;
  const copy = changed ? out : scanner.copyOf(value);
  setOwn(copy, 'stack', after);
  return copy;
}
