import type { ObjectRef, Severity } from '@klog-ts/core';

/** A value of a JSON document, as `JSON.parse` returns it. */
export type JSONValue = string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };

/**
 * A value read back from a log record. Strings, numbers, booleans, `null`, arrays and objects are what the
 * record printed; an integer too large for a double exactly is a `bigint`; the value of a known object key
 * (`pod`, `node`, …) is an {@link ObjectRef}, and of a list key (`pods`) an array of them.
 */
export type LogValue = JSONValue | bigint | ObjectRef | (ObjectRef | null)[];

/** A key/value pair of a record, in the order the record printed it. */
export type KeyValue = readonly [key: string, value: LogValue];

/** Where a record was logged: `main.go:331` in a text header, `service/main.go:331` in JSON. */
export interface RecordCaller {
  readonly file: string;
  readonly line: number;
}

/** The two formats a record can be read from. */
export type RecordFormat = 'text' | 'json';

/**
 * One log record, read from klog's text format or Kubernetes' JSON format: the same shape for both, so a
 * pipeline can mix them. A field a format does not carry is `undefined` (JSON has no pid; text has no V level).
 */
export interface LogRecord {
  /** The format the record was read from. */
  readonly format: RecordFormat;
  /**
   * `I`, `W`, `E` or `F` from a text header. JSON records carry no severity: a record without `"v"` is an
   * error (`E`), any other is `I`. `undefined` for a text line without a header (`-skip_headers`).
   */
  readonly severity: Severity | undefined;
  /**
   * When it was logged, in epoch milliseconds with a fraction, at the format's precision: microseconds in
   * text (read in the local time zone, or UTC, with the year inferred), JSON's float64 `ts` as is.
   */
  readonly ts: number | undefined;
  /** The process id of a text header. */
  readonly pid: number | undefined;
  readonly caller: RecordCaller | undefined;
  /** The logger's name (`withName`), from `logger`. */
  readonly logger: string | undefined;
  /** The message. For an unstructured (legacy printf) record, its raw text. */
  readonly msg: string;
  /** The V level of a JSON info record. Text never prints it. */
  readonly v: number | undefined;
  /** The error text, from the `err` key. */
  readonly err: string | undefined;
  /** The other key/value pairs, in order. */
  readonly kv: readonly KeyValue[];
  /** True for a legacy record (`Infof`, `Warning`, …): a raw message and no key/value pairs. */
  readonly unstructured: boolean;
  /**
   * What the reader could not follow, verbatim: the record from the first character it could not read to its
   * end, continuation lines included (joined by LF). `undefined` for a record read whole. Only the lenient
   * reader (the default) returns such records; with `strict: true` they are ParseErrors instead.
   */
  readonly unparsed: string | undefined;
}
