import type { AnyValueMap } from '@opentelemetry/api-logs';
import { errorText, keyText, type Entry } from '@klog-ts/core/sink';
import { anyValue, newMap } from './any-value.js';

/** Where a pair whose key the bridge writes itself goes: logrus's rule, as in the pino backend, so nothing is lost. */
const CLASH_PREFIX = 'fields.';

function hasError(entry: Entry): boolean {
  return entry.isError && entry.err !== null && entry.err !== undefined;
}

function className(err: object): string | undefined {
  try {
    const name: unknown = (Object.getPrototypeOf(err) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The entry's error as OpenTelemetry's `exception.*` attributes (semantic conventions). */
function addException(attributes: AnyValueMap, err: unknown): void {
  if (typeof err === 'object' && err !== null) {
    const type = className(err);
    if (type !== undefined) attributes['exception.type'] = type;
  }
  attributes['exception.message'] = errorText(err);
  try {
    const stack: unknown = err instanceof Error ? err.stack : undefined;
    if (typeof stack === 'string') attributes['exception.stacktrace'] = stack;
  } catch {
    // A throwing stack getter: the type and message are still there.
  }
}

/** The attributes the bridge itself writes for an entry: `v`, `logger`, the caller and the error. */
function ownAttributes(entry: Entry): AnyValueMap {
  const attributes = newMap();
  if (entry.severity !== 'E' && entry.severity !== 'F') attributes.v = entry.verbosity;
  if (entry.name !== undefined) attributes.logger = entry.name;
  if (entry.caller !== undefined) {
    attributes['code.file.path'] = entry.caller.file;
    attributes['code.line.number'] = entry.caller.line;
  }
  if (hasError(entry)) addException(attributes, entry.err);
  return attributes;
}

function addPairs(attributes: AnyValueMap, own: AnyValueMap, kv: readonly unknown[], skip: ReadonlySet<string>): void {
  for (let i = 0; i < kv.length; i += 2) {
    let key = keyText(kv[i]);
    if (skip.has(key)) continue;
    if (key in own) key = CLASH_PREFIX + key;
    // Among klog's own pairs the last one wins, as in klog.
    Object.defineProperty(attributes, key, { value: i + 1 < kv.length ? anyValue(kv[i + 1]) : '(MISSING)', enumerable: true, writable: true, configurable: true });
  }
}

/**
 * An entry's attributes: the bound pairs (as they were when bound), then the call's pairs, then what the
 * bridge writes itself (`v` for info entries, `logger`, `code.file.path` and `code.line.number`, and the
 * error as `exception.type`, `exception.message`, `exception.stacktrace`); a pair with one of those keys is
 * renamed `fields.<key>`. `skip` holds keys left out (the trace ids, which the record carries itself).
 */
export function recordAttributes(entry: Entry, skip: ReadonlySet<string>): AnyValueMap {
  const own = ownAttributes(entry);
  const attributes = newMap();
  for (const list of entry.bound?.values ?? []) addPairs(attributes, own, list, skip);
  addPairs(attributes, own, entry.kv, skip);
  return Object.assign(attributes, own);
}
