import { ObjectRef } from '@klog-ts/core';
import { isRefList } from './is-ref-list.js';
import type { LogRecord, LogValue } from './log-record.js';

/**
 * The text a value is compared as: strings as they are, references as `ns/name` (a list of them as klog
 * prints it, `["ns/a","ns/b"]`), the rest as JSON.
 */
export function valueText(value: LogValue | undefined): string {
  if (typeof value === 'string') return value;
  if (value instanceof ObjectRef) return value.toString();
  if (typeof value === 'bigint') return value.toString();
  if (isRefList(value)) return JSON.stringify(value.map((ref) => (ref === null ? null : ref.toString())));
  return JSON.stringify(value, (_key, nested: unknown) => (typeof nested === 'bigint' ? nested.toString() : nested)) ?? '';
}

function pairValues(record: LogRecord, key: string): LogValue[] {
  const values: LogValue[] = [];
  for (const [k, v] of record.kv) if (k === key) values.push(v);
  return values;
}

/** `pod.namespace`, `obj.a.b`: a path into references and objects. */
function descend(value: LogValue, path: readonly string[]): LogValue[] {
  let current: LogValue[] = [value];
  for (const step of path) {
    const next: LogValue[] = [];
    for (const v of current) {
      if (v instanceof ObjectRef) {
        if (step === 'name') next.push(v.name);
        else if (step === 'namespace') next.push(v.namespace);
      } else if (Array.isArray(v)) {
        for (const item of v as LogValue[]) next.push(...descend(item, [step]));
      } else if (typeof v === 'object' && v !== null && Object.hasOwn(v, step)) {
        next.push((v as Record<string, LogValue>)[step]);
      }
    }
    current = next;
  }
  return current;
}

/** The namespaces of every reference in the record: `namespace=kube-system` matches `pod="kube-system/x"`. */
function refNamespaces(record: LogRecord): string[] {
  const namespaces: string[] = [];
  for (const [, value] of record.kv) {
    if (value instanceof ObjectRef) namespaces.push(value.namespace);
    else if (Array.isArray(value)) for (const item of value) if (item instanceof ObjectRef) namespaces.push(item.namespace);
  }
  return namespaces;
}

/** The values a key names in a record: a field, a pair (every one with that key), or a path into one. */
export function valuesOf(record: LogRecord, key: string): LogValue[] {
  switch (key) {
    case 'msg': return [record.msg];
    case 'logger': return record.logger === undefined ? [] : [record.logger];
    case 'v': return record.v === undefined ? [] : [record.v];
    case 'severity': return record.severity === undefined ? [] : [record.severity];
    case 'pid': return record.pid === undefined ? [] : [record.pid];
    case 'caller': return record.caller === undefined ? [] : [`${record.caller.file}:${record.caller.line}`];
    case 'unparsed': return record.unparsed === undefined ? pairValues(record, 'unparsed') : [record.unparsed, ...pairValues(record, 'unparsed')];
    case 'err': return record.err === undefined ? pairValues(record, 'err') : [record.err, ...pairValues(record, 'err')];
    case 'namespace': return [...pairValues(record, 'namespace'), ...refNamespaces(record)];
  }
  const values = pairValues(record, key);
  const dot = key.indexOf('.');
  if (values.length > 0 || dot === -1) return values;
  const path = key.slice(dot + 1).split('.');
  return pairValues(record, key.slice(0, dot)).flatMap((value) => descend(value, path));
}
