import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/key-naming.js';
import { isLowerCamelCase, toLowerCamelCase } from '../../src/util/lower-camel-case.js';
import { createRuleTester } from '../rule-tester.js';

const core = "import { infoS, errorS, background } from '@klog-ts/core';\n";

createRuleTester().run('key-naming', rule, {
  valid: [
    `${core}infoS('Pod started', 'pod', p, 'podName', n, 'hostIP', h, 'err', e);`,
    // An acronym may lead.
    `${core}infoS('Request', 'URL', u, 'IP', ip, 'IPs', ips, 'URLPath', p, 'IPv4', a);`,
    `${core}errorS(err, 'Request failed', 'statusCode', 500, 'k8sVersion', v);`,
    // The message and the error are not keys.
    `${core}errorS('Not_A_Key', 'Message', 'key', v);`,
    // A value that looks like a bad key is a value.
    `${core}infoS('Pod started', 'pod', 'Pod_Name');`,
    // Allowed by option.
    { code: `${core}infoS('Request', 'http.method', m);`, options: [{ allow: ['http.method'] }] },
    // A key from a constant variable is judged by its value, not by the variable's name.
    `${core}const POD_KEY = 'pod';\ninfoS('Pod started', POD_KEY, p);`,
    // Dynamic keys are kv-pairs' business, not this rule's.
    `${core}infoS('Request', k, v);`,
    // Not a klog-ts call.
    "other.infoS('Request', 'Bad_Key', 1);",
  ],
  invalid: [
    {
      code: `${core}infoS('Pod started', 'pod_name', n);`,
      errors: [
        {
          messageId: 'notLowerCamelCase',
          data: { key: 'pod_name' },
          suggestions: [{ messageId: 'rename', data: { suggested: 'podName' }, output: `${core}infoS('Pod started', 'podName', n);` }],
        },
      ],
    },
    {
      code: `${core}background().withValues("PodName", n).info('Synced', 'POD_NAMESPACE', ns, 'Pod', p);`,
      errors: [
        {
          messageId: 'notLowerCamelCase',
          data: { key: 'PodName' },
          suggestions: [
            {
              messageId: 'rename',
              data: { suggested: 'podName' },
              output: `${core}background().withValues("podName", n).info('Synced', 'POD_NAMESPACE', ns, 'Pod', p);`,
            },
          ],
        },
        {
          messageId: 'notLowerCamelCase',
          data: { key: 'POD_NAMESPACE' },
          suggestions: [
            {
              messageId: 'rename',
              data: { suggested: 'podNamespace' },
              output: `${core}background().withValues("PodName", n).info('Synced', 'podNamespace', ns, 'Pod', p);`,
            },
          ],
        },
        {
          messageId: 'notLowerCamelCase',
          data: { key: 'Pod' },
          suggestions: [
            { messageId: 'rename', data: { suggested: 'pod' }, output: `${core}background().withValues("PodName", n).info('Synced', 'POD_NAMESPACE', ns, 'pod', p);` },
          ],
        },
      ],
    },
    {
      // A key from a constant: reported at the use, with no suggestion (the constant may be shared).
      code: `${core}const KEY = 'request-id';\ninfoS('Request', KEY, id);`,
      errors: [{ messageId: 'notLowerCamelCase', data: { key: 'request-id' }, line: 3, suggestions: [] }],
    },
    {
      // No lowerCamelCase spelling exists for a key with no letters to keep.
      code: `${core}infoS('Request', '_', x, 'URL_path', u);`,
      errors: [
        { messageId: 'notLowerCamelCase', data: { key: '_' }, suggestions: [] },
        {
          messageId: 'notLowerCamelCase',
          data: { key: 'URL_path' },
          suggestions: [{ messageId: 'rename', data: { suggested: 'URLPath' }, output: `${core}infoS('Request', '_', x, 'URLPath', u);` }],
        },
      ],
    },
    {
      code: `${core}infoS('Request', 'POd', x);`,
      options: [{ allow: ['pod_name'] }],
      errors: [
        {
          messageId: 'notLowerCamelCase',
          data: { key: 'POd' },
          suggestions: [{ messageId: 'rename', data: { suggested: 'pOd' }, output: `${core}infoS('Request', 'pOd', x);` }],
        },
      ],
    },
  ],
});

describe('isLowerCamelCase', () => {
  it.each(['pod', 'podName', 'hostIP', 'URL', 'IPs', 'URLPath', 'IPv4', 'x509Cert'])('accepts %s', (key) => {
    expect(isLowerCamelCase(key)).toBe(true);
  });
  it.each(['Pod', 'PodName', 'pod_name', 'pod-name', 'POd', 'P', '', '1pod', 'pöd'])('rejects %j', (key) => {
    expect(isLowerCamelCase(key)).toBe(false);
  });
});

describe('toLowerCamelCase', () => {
  it.each([
    ['pod_name', 'podName'],
    ['POD_NAME', 'podName'],
    ['Pod-Name', 'podName'],
    ['pod_IP', 'podIP'],
    ['x-request-id', 'xRequestId'],
  ])('%s → %s', (key, expected) => {
    expect(toLowerCamelCase(key)).toBe(expected);
  });
  it('has no answer for a key without letters or digits', () => {
    expect(toLowerCamelCase('__')).toBeUndefined();
  });
});
