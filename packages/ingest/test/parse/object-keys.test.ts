import { describe, expect, it } from 'vitest';
import { KRef } from '@klog-ts/core';
import { parseJSON, parseText } from '@klog-ts/ingest';

const H = 'I0307 09:05:03.012345   12345 main.go:331] ';
const kv = (text: string, objectKeys?: string[]) => parseText(`${H}"m" ${text}`, { year: 2024, objectKeys }).kv;

describe('object references under known object keys', () => {
  it('reads "ns/name" and "name" in text as references, and their plurals as lists', () => {
    expect(kv('pod="kube-system/coredns" node="n1" pods=["a/b",null] ingresses=["x/y"] replicaSet=""')).toEqual([
      ['pod', KRef('kube-system', 'coredns')],
      ['node', KRef('', 'n1')],
      ['pods', [KRef('a', 'b'), null]],
      ['ingresses', [KRef('x', 'y')]],
      ['replicaSet', KRef('', '')],
    ]);
  });

  it('keeps other keys, and text that cannot be a reference, as printed', () => {
    expect(kv('podName="kube-system/coredns" pod="not a ref" object=<\n\t{"a": 1}\n > pods=3')).toEqual([
      ['podName', 'kube-system/coredns'],
      ['pod', 'not a ref'],
      ['object', '{"a": 1}\n'],
      ['pods', 3],
    ]);
  });

  it('reads KObjs-style lists of objects in text', () => {
    expect(kv('pods=[{"name":"p","namespace":"ns"},{"name":"n"}]')).toEqual([['pods', [KRef('ns', 'p'), KRef('', 'n')]]]);
  });

  it('takes the keys given instead of the default ones', () => {
    expect(kv('widget="ns/w" pod="ns/p"', ['widget'])).toEqual([
      ['widget', KRef('ns', 'w')],
      ['pod', 'ns/p'],
    ]);
  });

  it('in JSON, reads {"name","namespace"} as a reference and leaves strings and other objects alone', () => {
    const record = parseJSON('{"ts":1,"msg":"m","v":0,"pod":{"name":"p","namespace":"ns"},"node":"n1","service":{"name":"s","port":80},"nodes":[{"name":"a"},null]}');
    expect(record.kv).toEqual([
      ['pod', KRef('ns', 'p')],
      ['node', 'n1'],
      ['service', { name: 's', port: 80 }],
      ['nodes', [KRef('', 'a'), null]],
    ]);
  });
});
