import type { ObjectFilter } from '../filter/filter-stage.js';
import { formatPlain } from '../go/fmt-value.js';
import { UNSAFE_RAW } from './line-safety.js';
import { quote } from '../go/quote.js';
import type { Entry } from '../logger/entry.js';
import type { Encoder } from '../logger/encoder.js';
import { memoizeString } from '../util/memoize-string.js';
import { FormattedPairs } from './formatted-pairs.js';
import { PairList } from './pair-list.js';
import { TextHeader } from './text-header.js';
import { textValue } from './text-value.js';

const MISSING = '(MISSING)';

/** Messages are constants: each is quoted once. */
const quoteMessage = memoizeString(quote);

/** Options of klog's text format. */
export interface TextEncoderOptions {
  /** Print the `Lmmdd hh:mm:ss.uuuuuu pid file:line] ` header (klog's `-skip_headers=false`). Default true. */
  headers?: boolean;
  /** Print `dir/file:line` instead of `file:line` (klog's `-add_dir_header`). Default false. */
  addDirHeader?: boolean;
  /** The pid printed in headers. Default `process.pid`. */
  pid?: number;
  /**
   * Write keys, object references, multi-line values and legacy messages exactly as klog does, line breaks
   * and control characters included, so that a value can forge a record (CWE-117). Default false.
   */
  unsafeRawText?: boolean;
}

/**
 * A key as klog writes it: a string verbatim, anything else with Go's `%s` (`%!s(int=1)`). One that holds a
 * line break or a control character is quoted instead (strconv.Quote), unless `raw`: klog would write it
 * across lines, and the reader can then take the key back exactly.
 */
function keyText(key: unknown, raw: boolean): string {
  const text = typeof key === 'string' ? key : formatPlain(key, 's');
  return raw || !UNSAFE_RAW.test(text) ? text : quote(text);
}

/** Adds a key/value list to `pairs` as `key`, `" key=value"`; a dangling key gets `"(MISSING)"`. */
function addList(pairs: PairList | FormattedPairs, kv: readonly unknown[], objects: ObjectFilter | undefined, raw: boolean): void {
  for (let i = 0; i < kv.length; i += 2) {
    const key = keyText(kv[i], raw);
    pairs.add(key, ` ${key}=${textValue(i + 1 < kv.length ? kv[i + 1] : MISSING, objects, raw)}`);
  }
}

/**
 * A legacy message, raw as klog writes it (with a line feed added if missing), unless it holds a line
 * break or a control character before its last character: then it is quoted, on one line, as klog writes
 * every structured message (`raw` keeps klog's layout).
 */
function legacyText(message: string, raw: boolean): string {
  const body = message.endsWith('\n') ? message.slice(0, -1) : message;
  return raw || !UNSAFE_RAW.test(body) ? `${body}\n` : `${quote(body)}\n`;
}

/** Whether any key of the line repeats (then klog's duplicate rule applies); a non-string key counts as one. */
function keysRepeat(entry: Entry, hasErr: boolean, bound: FormattedPairs | undefined): boolean {
  const named = entry.name !== undefined;
  if (bound !== undefined) {
    if (bound.hasRepeatedKey || (hasErr && bound.keys.includes('err')) || (named && bound.keys.includes('logger'))) return true;
  }
  const kv = entry.kv;
  for (let i = 0; i < kv.length; i += 2) {
    const key = kv[i];
    if (typeof key !== 'string') return true;
    if ((hasErr && key === 'err') || (named && key === 'logger') || bound?.keys.includes(key) === true) return true;
    for (let j = 0; j < i; j += 2) if (kv[j] === key) return true;
  }
  return false;
}

/** klog's text format (the format of `--logging-format=text`), byte for byte. */
export class TextEncoder implements Encoder {
  readonly format = 'text';
  readonly #header: TextHeader | undefined;
  readonly #raw: boolean;

  constructor(options: TextEncoderOptions = {}) {
    this.#header = options.headers === false ? undefined : new TextHeader(options.pid ?? process.pid, options.addDirHeader ?? false);
    this.#raw = options.unsafeRawText === true;
  }

  encode(entry: Entry, objects?: ObjectFilter): string {
    const header = this.#header?.format(entry.severity, entry.timeMs, entry.timeNs, entry.caller) ?? '';
    const raw = this.#raw;
    if (entry.legacy) {
      if (entry.kv.length === 0) return header + legacyText(entry.message, raw);
      // Pairs from the context values hook: written as klog writes a legacy call made through a logger with
      // values, a quoted message (without its final line feed) and the pairs.
      entry = { ...entry, message: entry.message.endsWith('\n') ? entry.message.slice(0, -1) : entry.message };
    }
    const hasErr = entry.isError && entry.err !== null && entry.err !== undefined;
    // Bound values were formatted when they were bound.
    const bound = entry.bound?.text;
    if (!keysRepeat(entry, hasErr, bound)) {
      // The usual line: every key once, so the pairs go straight into the text.
      let out = header + quoteMessage(entry.message);
      if (hasErr) out += ` err=${textValue(entry.err, objects, raw)}`;
      if (entry.name !== undefined) out += ` logger=${textValue(entry.name, undefined, raw)}`;
      if (bound !== undefined) out += bound.joined;
      const kv = entry.kv;
      for (let i = 0; i < kv.length; i += 2) out += ` ${keyText(kv[i], raw)}=${textValue(i + 1 < kv.length ? kv[i + 1] : MISSING, objects, raw)}`;
      return `${out}\n`;
    }
    const pairs = new PairList();
    if (hasErr) pairs.add('err', ` err=${textValue(entry.err, objects, raw)}`);
    if (entry.name !== undefined) pairs.add('logger', ` logger=${textValue(entry.name, undefined, raw)}`);
    // Duplicates are resolved per line, in order, over all of them.
    if (bound !== undefined) pairs.addAll(bound.keys, bound.texts);
    addList(pairs, entry.kv, objects, raw);
    return `${header}${quoteMessage(entry.message)}${pairs.toString()}\n`;
  }

  /** klog's text format pads an odd list with `"(MISSING)"` instead of reporting it. */
  hasBindNotice(): boolean {
    return false;
  }

  bindNotice(): string {
    return '';
  }
}

/**
 * Bound values formatted when they are bound: the parent's pairs plus this list's (duplicates are not
 * resolved yet: that depends on the line they join).
 */
export function textBoundPairs(parent: FormattedPairs | undefined, list: readonly unknown[], objects: ObjectFilter | undefined, raw: boolean): FormattedPairs {
  const pairs = new FormattedPairs(parent);
  addList(pairs, list, objects, raw);
  return pairs;
}
