import { formatCallerJSON, type CallSite } from '../caller/call-site.js';
import type { ObjectFilter } from '../filter/filter-stage.js';
import type { BindContext, Encoder } from '../logger/encoder.js';
import type { Entry } from '../logger/entry.js';
import { epochMillis } from './epoch-millis.js';
import { jsonErrorText, jsonField } from './json-field.js';
import { zapConstant, zapString } from './zap-string.js';

const ODD_MESSAGE = 'odd number of arguments passed as key-value pairs for logging';
const NON_STRING_KEY_MESSAGE = 'non-string key argument passed to logging, ignoring all later arguments';

/** What stopped a key/value list early, as zapr reports it in a record of its own (`"ignored key":…`). */
type KVProblem = { readonly message: string; readonly field: string } | undefined;

/**
 * Encodes a key/value list as `,"k":v` fields into `fields`, the way zapr's handleFields does: it stops at
 * a dangling key or at the first non-string key, and returns that problem.
 */
function problemOf(kv: readonly unknown[], i: number, now: string, objects: ObjectFilter | undefined): KVProblem {
  const key = kv[i];
  if (i === kv.length - 1) return { message: ODD_MESSAGE, field: jsonField('ignored key', key, now, objects) };
  return typeof key === 'string' ? undefined : { message: NON_STRING_KEY_MESSAGE, field: jsonField('invalid key', key, now, objects) };
}

/** The fields of a list, up to its first problem. */
function encodeFields(kv: readonly unknown[], now: string, objects: ObjectFilter | undefined): string {
  let fields = '';
  for (let i = 0; i + 1 < kv.length; i += 2) {
    const key = kv[i];
    if (typeof key !== 'string') break;
    fields += `,${jsonField(key, kv[i + 1], now, objects)}`;
  }
  return fields;
}

/**
 * Bound values as fields, encoded when they are bound, as zap encodes With() fields: the parent's fields
 * plus this list's. `timeMs` is when: a bound Date is written as that moment (component-base's time encoder).
 */
export function jsonBoundFields(parent: string, list: readonly unknown[], timeMs: number, objects: ObjectFilter | undefined): string {
  return parent + encodeFields(list, epochMillis(timeMs, 0), objects);
}

/** An even length and string keys: nothing to report. */
function isWellFormed(kv: readonly unknown[]): boolean {
  if (kv.length % 2 === 1) return false;
  for (let i = 0; i < kv.length; i += 2) if (typeof kv[i] !== 'string') return false;
  return true;
}

/** The first problem in a list, if any (rare: only lists with an odd length or a non-string key). */
function firstProblem(kv: readonly unknown[], now: string, objects: ObjectFilter | undefined): KVProblem {
  for (let i = 0; i < kv.length; i += 2) {
    const problem = problemOf(kv, i, now, objects);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** The Kubernetes JSON format (`--logging-format=json`: component-base's zap logger), byte for byte. */
export class JSONEncoder implements Encoder {
  readonly format = 'json';

  #prefix(ts: string, name: string | undefined, caller: CallSite | undefined, message: string): string {
    let out = `{"ts":${ts}`;
    if (name !== undefined) out += `,"logger":${zapString(name)}`;
    if (caller !== undefined) out += `,"caller":${zapConstant(formatCallerJSON(caller))}`;
    return `${out},"msg":${zapConstant(message)}`;
  }

  #notice(problem: NonNullable<KVProblem>, ts: string, name: string | undefined, caller: CallSite | undefined, bound: string): string {
    return `${this.#prefix(ts, name, caller, problem.message)}${bound},${problem.field}}\n`;
  }

  encode(entry: Entry, objects?: ObjectFilter): string {
    const ts = epochMillis(entry.timeMs, entry.timeNs);
    // Legacy printf-style messages lose one trailing line feed.
    const message = entry.legacy && entry.message.endsWith('\n') ? entry.message.slice(0, -1) : entry.message;
    // Bound values were encoded when they were bound.
    const bound = entry.bound?.json ?? '';
    const kv = entry.kv;
    let out = this.#prefix(ts, entry.name, entry.caller, message) + bound;
    if (entry.severity !== 'E') out += `,"v":${entry.verbosity}`;
    out += encodeFields(kv, ts, objects);
    // Only a malformed list (odd, or a non-string key) needs the notice record.
    const problem = isWellFormed(kv) ? undefined : firstProblem(kv, ts, objects);
    if (entry.isError && entry.err !== null && entry.err !== undefined) out += `,"err":${jsonErrorText(entry.err)}`;
    out += '}\n';
    return problem === undefined ? out : this.#notice(problem, ts, entry.name, entry.caller, bound) + out;
  }

  hasBindNotice(list: readonly unknown[]): boolean {
    return !isWellFormed(list);
  }

  bindNotice(list: readonly unknown[], context: BindContext): string {
    const ts = epochMillis(context.timeMs, context.timeNs);
    const problem = firstProblem(list, ts, context.objects);
    if (problem === undefined) return '';
    return this.#notice(problem, ts, context.name, context.caller, context.bound?.json ?? '');
  }
}
