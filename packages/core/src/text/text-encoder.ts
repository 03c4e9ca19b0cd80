import type { ObjectFilter } from '../filter/filter-stage.js';
import { formatPlain } from '../go/fmt-value.js';
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
}

/**
 * A key as klog writes it: a string verbatim, anything else with Go's `%s` (`%!s(int=1)`). A line feed
 * inside that `%s` rendering (from a nested string) is escaped so a mistaken key cannot split the record.
 */
function keyText(key: unknown): string {
  return typeof key === 'string' ? key : formatPlain(key, 's').replace(/\n/g, '\\n');
}

/** Adds a key/value list to `pairs` as `key`, `" key=value"`; a dangling key gets `"(MISSING)"`. */
function addList(pairs: PairList | FormattedPairs, kv: readonly unknown[], objects: ObjectFilter | undefined): void {
  for (let i = 0; i < kv.length; i += 2) {
    const key = keyText(kv[i]);
    pairs.add(key, ` ${key}=${textValue(i + 1 < kv.length ? kv[i + 1] : MISSING, objects)}`);
  }
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

  constructor(options: TextEncoderOptions = {}) {
    this.#header = options.headers === false ? undefined : new TextHeader(options.pid ?? process.pid, options.addDirHeader ?? false);
  }

  encode(entry: Entry, objects?: ObjectFilter): string {
    const header = this.#header?.format(entry.severity, entry.timeMs, entry.timeNs, entry.caller) ?? '';
    if (entry.legacy) {
      return entry.message.endsWith('\n') ? header + entry.message : `${header}${entry.message}\n`;
    }
    const hasErr = entry.isError && entry.err !== null && entry.err !== undefined;
    // Bound values were formatted when they were bound.
    const bound = entry.bound?.text;
    if (!keysRepeat(entry, hasErr, bound)) {
      // The usual line: every key once, so the pairs go straight into the text.
      let out = header + quoteMessage(entry.message);
      if (hasErr) out += ` err=${textValue(entry.err, objects)}`;
      if (entry.name !== undefined) out += ` logger=${textValue(entry.name)}`;
      if (bound !== undefined) out += bound.joined;
      const kv = entry.kv;
      for (let i = 0; i < kv.length; i += 2) out += ` ${kv[i] as string}=${textValue(i + 1 < kv.length ? kv[i + 1] : MISSING, objects)}`;
      return `${out}\n`;
    }
    const pairs = new PairList();
    if (hasErr) pairs.add('err', ` err=${textValue(entry.err, objects)}`);
    if (entry.name !== undefined) pairs.add('logger', ` logger=${textValue(entry.name)}`);
    // Duplicates are resolved per line, in order, over all of them.
    if (bound !== undefined) pairs.addAll(bound.keys, bound.texts);
    addList(pairs, entry.kv, objects);
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
export function textBoundPairs(parent: FormattedPairs | undefined, list: readonly unknown[], objects: ObjectFilter | undefined): FormattedPairs {
  const pairs = new FormattedPairs(parent);
  addList(pairs, list, objects);
  return pairs;
}
