import { ObjectRef } from '@klog-ts/core';
import type { LogRecord, LogValue } from '../parse/log-record.js';
import { valuesOf, valueText } from '../parse/record-values.js';

/** The row of `schema/clickhouse-logs.sql`, field for field (JSONEachRow; `time` is computed by the table). */
export interface ClickHouseRow {
  readonly ts: number;
  readonly severity: string;
  readonly verbosity: number | null;
  readonly message: string;
  readonly caller: string;
  readonly logger: string;
  readonly namespace: string;
  readonly pod: string;
  readonly node: string;
  readonly namespaces: string[];
  readonly err: string | null;
  readonly 'kv.key': string[];
  readonly 'kv.value': string[];
  readonly unparsed: string;
}

/** The reference under `key`, if the record has one there. */
function refOf(record: LogRecord, key: string): ObjectRef | undefined {
  for (const [k, value] of record.kv) if (k === key && value instanceof ObjectRef) return value;
  return undefined;
}

/** The first non-empty namespace of a reference in the record (a list's items too). */
function firstRefNamespace(record: LogRecord): string {
  for (const [, value] of record.kv) {
    const items: readonly LogValue[] = Array.isArray(value) ? value : [value];
    for (const item of items) if (item instanceof ObjectRef && item.namespace !== '') return item.namespace;
  }
  return '';
}

/**
 * A record as a row of klog-ts's ClickHouse table: the standardized keys in columns of their own (the
 * `pod` reference split into `pod` and `namespace`, the `node` reference's name), every other pair in `kv`
 * (values as `klog-ts query` compares them: strings as they are, references as `ns/name`, the rest as
 * JSON). `namespace` is the pod's, or else the record's `namespace` pair, or else the first namespace of a
 * reference; `namespaces` lists every namespace the record names, as `klog-ts query --where namespace=`
 * matches them.
 */
export function clickhouseRow(record: LogRecord): ClickHouseRow {
  const pod = refOf(record, 'pod');
  const nodeRef = refOf(record, 'node');
  const nodeText = record.kv.find(([key, value]) => key === 'node' && typeof value === 'string')?.[1] as string | undefined;
  const namespacePair = record.kv.find(([key, value]) => key === 'namespace' && typeof value === 'string' && value !== '')?.[1] as string | undefined;
  const keys: string[] = [];
  const values: string[] = [];
  for (const [key, value] of record.kv) {
    // The references that have columns of their own.
    if ((key === 'pod' && value === pod) || (key === 'node' && nodeRef !== undefined && value === nodeRef)) continue;
    keys.push(key);
    values.push(valueText(value));
  }
  return {
    ts: record.ts ?? 0,
    severity: record.severity ?? '',
    verbosity: record.v ?? null,
    message: record.msg,
    caller: record.caller === undefined ? '' : `${record.caller.file}:${record.caller.line}`,
    logger: record.logger ?? '',
    namespace: pod?.namespace ?? namespacePair ?? firstRefNamespace(record),
    pod: pod?.name ?? '',
    node: nodeRef?.name ?? nodeText ?? '',
    namespaces: [...new Set(valuesOf(record, 'namespace').map(valueText))],
    err: record.err ?? null,
    'kv.key': keys,
    'kv.value': values,
    unparsed: record.unparsed ?? '',
  };
}

/** The row as one line of JSONEachRow, ending in a line feed. */
export function clickhouseRowLine(record: LogRecord): string {
  return `${JSON.stringify(clickhouseRow(record))}\n`;
}
