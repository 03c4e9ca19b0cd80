import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObjectRef } from '@klog-ts/core';
import { DEFAULT_OBJECT_KEYS, parseJSON } from '@klog-ts/ingest';
import { pluralOf } from '../../src/parse/object-keys.js';
import { entry } from './arbitraries.js';
import { logEntry } from './log-entry.js';

interface Schema {
  properties: Record<string, { $ref?: string }>;
}

const schema = JSON.parse(readFileSync(new URL('../../schema/klog-json-record.schema.json', import.meta.url), 'utf8')) as Schema;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function valid(line: string): boolean {
  return validate(JSON.parse(line));
}

describe('the JSON Schema of Kubernetes JSON records (schema/klog-json-record.schema.json)', () => {
  it('accepts every record the logger writes (300 random entries)', () => {
    fc.assert(
      fc.property(entry, (e) => {
        for (const line of logEntry(e, 'json').trimEnd().split('\n')) expect(valid(line), `${line}\n${JSON.stringify(validate.errors)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a line from pino (no ts)', '{"level":30,"time":1,"msg":"hello"}'],
    ['a time as text', '{"ts":"2024-03-07T09:05:03Z","msg":"hello"}'],
    ['no message', '{"ts":1,"v":0}'],
    ['a negative V level', '{"ts":1,"msg":"m","v":-1}'],
    ['a caller without a line', '{"ts":1,"caller":"main.go","msg":"m","v":0}'],
    ['an error that is not text', '{"ts":1,"msg":"m","err":{"code":1}}'],
    ['a pod logged as a plain string', '{"ts":1,"msg":"m","v":0,"pod":"kube-system/coredns"}'],
    ['a reference with extra fields', '{"ts":1,"msg":"m","v":0,"node":{"name":"n","uid":"u"}}'],
    ['a list of pods holding a string', '{"ts":1,"msg":"m","v":0,"pods":[{"name":"a"},"b"]}'],
  ])('rejects %s', (_what, line) => {
    expect(valid(line)).toBe(false);
  });

  it('names exactly the object keys the parser knows, and their plurals', () => {
    const refKeys = Object.keys(schema.properties).filter((key) => schema.properties[key].$ref === '#/$defs/objectRef');
    const listKeys = Object.keys(schema.properties).filter((key) => schema.properties[key].$ref === '#/$defs/objectRefList');
    expect(refKeys.sort()).toEqual([...DEFAULT_OBJECT_KEYS].sort());
    expect(listKeys.sort()).toEqual(DEFAULT_OBJECT_KEYS.map(pluralOf).filter((key) => key !== undefined).sort());
    for (const key of refKeys) expect(parseJSON(`{"ts":1,"msg":"m","v":0,"${key}":{"name":"a"}}`).kv[0][1]).toBeInstanceOf(ObjectRef);
    for (const key of listKeys) expect(parseJSON(`{"ts":1,"msg":"m","v":0,"${key}":[{"name":"a"},null]}`).kv[0][1]).toEqual([new ObjectRef('a'), null]);
  });
});
