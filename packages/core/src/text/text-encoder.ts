import { formatPlain } from '../go/fmt-value.js';
import { quote } from '../go/quote.js';
import type { Entry } from '../logger/entry.js';
import type { Encoder } from '../logger/encoder.js';
import { PairList } from './pair-list.js';
import { TextHeader } from './text-header.js';
import { textValue } from './text-value.js';

const MISSING = '(MISSING)';

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
function addList(pairs: PairList, kv: readonly unknown[]): void {
  for (let i = 0; i < kv.length; i += 2) {
    const key = keyText(kv[i]);
    pairs.add(key, ` ${key}=${textValue(i + 1 < kv.length ? kv[i + 1] : MISSING)}`);
  }
}

/** klog's text format (the format of `--logging-format=text`), byte for byte. */
export class TextEncoder implements Encoder {
  readonly format = 'text';
  readonly #header: TextHeader | undefined;

  constructor(options: TextEncoderOptions = {}) {
    this.#header = options.headers === false ? undefined : new TextHeader(options.pid ?? process.pid, options.addDirHeader ?? false);
  }

  encode(entry: Entry): string {
    const header = this.#header?.format(entry.severity, entry.timeMs, entry.timeNs, entry.caller) ?? '';
    if (entry.legacy) {
      return entry.message.endsWith('\n') ? header + entry.message : `${header}${entry.message}\n`;
    }
    const pairs = new PairList(true);
    if (entry.isError && entry.err !== null && entry.err !== undefined) pairs.add('err', ` err=${textValue(entry.err)}`);
    if (entry.name !== undefined) pairs.add('logger', ` logger=${textValue(entry.name)}`);
    // Bound values are formatted once per logger; duplicates are resolved per line, in order.
    if (entry.bound !== undefined) pairs.addAll(entry.bound.encodedFor(this, formatBound));
    addList(pairs, entry.kv);
    return `${header}${quote(entry.message)}${pairs.toString()}\n`;
  }

  bindWarnings(): string {
    return '';
  }
}

/** Bound values pre-formatted, duplicates not yet resolved (that depends on the line they join). */
function formatBound(lists: readonly (readonly unknown[])[]): PairList {
  const pairs = new PairList(false);
  for (const list of lists) addList(pairs, list);
  return pairs;
}
