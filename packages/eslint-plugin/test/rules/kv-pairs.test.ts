import rule from '../../src/rules/kv-pairs.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

const core = "import { infoS, errorS, V, background, KObj } from '@klog-ts/core';\nimport type { Logger } from '@klog-ts/core';\n";

createRuleTester().run('kv-pairs', rule, {
  valid: [
    `${core}infoS('Pod started', 'pod', KObj(pod), 'attempt', 3);`,
    `${core}errorS(err, 'Pod failed', 'pod', KObj(pod));`,
    `${core}errorS(err, 'Pod failed');`,
    `${core}V(2).infoS('Sync done', 'count', n);`,
    // A key from a constant variable, and a constant concatenation.
    `${core}const POD_KEY = 'pod';\ninfoS('Pod started', POD_KEY, name, 'node' + 'Name', n);`,
    // A property of a const object is read through the object, whatever variables share the property's name.
    `${core}let pod = p;\nconst KEYS = { pod: 'pod' };\ninfoS('Pod started', KEYS.pod, pod);`,
    // Through const declarations only: a const whose initializer reads other consts.
    `${core}const PREFIX = 'pod';\nconst KEY = \`\${PREFIX}Name\`;\ninfoS('Pod started', KEY, name);`,
    // A key imported from another module cannot be checked without types: no report.
    `${core}import { keys } from './keys.js';\ninfoS('Pod started', keys.pod, name);`,
    // A spread hides the rest of the list.
    `${core}infoS('Pod started', 'pod', name, ...extra);`,
    `${core}infoS('Pod started', 'pod', ...pair);`,
    `${core}infoS(...args);`,
    // Same key on two different loggers, and after a reassignment.
    `${core}const a = background().withValues('pod', p);\nconst b = background();\nb.infoS('Synced', 'pod', q);`,
    `${core}let l = background().withValues('pod', p);\nl = background();\nl.infoS('Synced', 'pod', q);`,
    `${core}function f(logger: Logger) { logger.withValues('pod', p).withName('sync').info('Synced', 'node', n); }`,
    // The error position is not a key.
    `${core}function f(logger: Logger) { logger.error(err, 'Failed', 'pod', p); }`,
    // Not klog-ts: a winston-style logger in a file that does not use klog-ts.
    "const logger = createLogger();\nlogger.info('user logged in', { id });",
    "console.log('a', 'b', 'c');",
    // Keys that only look odd to a human: ASCII punctuation is fine.
    `${core}infoS('Request', 'http.method', m, 'x-request-id', id);`,
  ],
  invalid: [
    {
      code: `${core}infoS('Pod started', 'pod');`,
      errors: [{ messageId: 'missingValue', data: { key: "'pod'" }, line: 3, column: 22 }],
    },
    {
      code: `${core}errorS(err, 'Pod failed', 'pod', p, 'node');`,
      errors: [{ messageId: 'missingValue', data: { key: "'node'" } }],
    },
    {
      code: `${core}let key = 'pod';\nif (x) key = 'node';\ninfoS('Pod started', key, name);`,
      errors: [{ messageId: 'nonConstantKey', data: { key: 'key' }, line: 5 }],
    },
    {
      // A `let` or `var` is a variable, even one that is never reassigned (and logcheck wants literals).
      code: `${core}let key = 'pod';\nvar other = 'node';\ninfoS('Pod started', key, name, other, n);`,
      errors: [
        { messageId: 'nonConstantKey', data: { key: 'key' }, line: 5 },
        { messageId: 'nonConstantKey', data: { key: 'other' }, line: 5 },
      ],
    },
    {
      // A const that reads a variable is not constant either.
      code: `${core}let suffix = 'Name';\nconst KEY = 'pod' + suffix;\ninfoS('Pod started', KEY, name);`,
      errors: [{ messageId: 'nonConstantKey', data: { key: 'KEY' } }],
    },
    {
      code: `${core}infoS('Pod started', \`pod-\${i}\`, name);`,
      errors: [{ messageId: 'nonConstantKey' }],
    },
    {
      code: `${core}function f(k: string) { infoS('Pod started', k, 1); }`,
      errors: [{ messageId: 'nonConstantKey', data: { key: 'k' } }],
    },
    {
      code: `${core}infoS('Pod started', 42, name);`,
      errors: [{ messageId: 'nonStringKey', data: { key: '42' } }],
    },
    {
      code: `${core}infoS('Pod started', 'pöd', name, 'pod name', n, '', e);`,
      errors: [
        { messageId: 'nonAsciiKey', data: { key: 'pöd' } },
        { messageId: 'nonAsciiKey', data: { key: 'pod name' } },
        { messageId: 'nonAsciiKey', data: { key: '' } },
      ],
    },
    {
      code: `${core}const POD = 'pod';\ninfoS('Pod started', 'pod', a, POD, b);`,
      errors: [{ messageId: 'duplicateKey', data: { key: 'pod' }, line: 4, column: 32 }],
    },
    {
      // Against withValues bindings: through a variable, through a chain, and on withValues itself.
      code: `${core}const podLog = background().withValues('pod', p);\npodLog.withName('sync').info('Synced', 'pod', q);\npodLog.withValues('pod', r);\nbackground().withValues('node', n).V(2).infoS('Done', 'node', m);`,
      errors: [
        { messageId: 'duplicateBoundKey', data: { key: 'pod' }, line: 4 },
        { messageId: 'duplicateBoundKey', data: { key: 'pod' }, line: 5 },
        { messageId: 'duplicateBoundKey', data: { key: 'node' }, line: 6 },
      ],
    },
    {
      // withCallDepth derives a logger, as withName does.
      code: `${core}background().withCallDepth(1).info('Synced', 'pod');`,
      errors: [{ messageId: 'missingValue', data: { key: "'pod'" } }],
    },
    {
      // withValues is itself checked.
      code: `${core}function f(logger: Logger) { return logger.withValues('pod', p, 'node'); }`,
      errors: [{ messageId: 'missingValue', data: { key: "'node'" } }],
    },
    {
      // A logger recognised by its name, in a file that uses klog-ts.
      code: `${core}class C { logger = background(); run() { this.logger.infoS('Run', 'a', 1, 'a', 2); } }`,
      errors: [{ messageId: 'duplicateKey', data: { key: 'a' } }],
    },
    {
      // Name-only receiver in a file without klog imports, but with a klog-only method: still klog-ts.
      code: "requestLogger.infoS('Served', 'status');",
      errors: [{ messageId: 'missingValue' }],
    },
  ],
});

createRuleTester().run('kv-pairs (strictConstantKeys)', rule, {
  valid: [
    // Keys written in place: a string literal, a template without substitutions, under an assertion.
    { code: `${core}infoS('Pod started', 'pod', p, \`node\`, n, 'zone' as const, z);`, options: [{ strictConstantKeys: true }] },
    // Values are not keys.
    { code: `${core}const POD = 'pod';\ninfoS('Pod started', 'pod', POD);`, options: [{ strictConstantKeys: true }] },
  ],
  invalid: [
    {
      code: `${core}const POD_KEY = 'pod';\ninfoS('Pod started', POD_KEY, p, 'node' + 'Name', n);`,
      options: [{ strictConstantKeys: true }],
      errors: [
        { messageId: 'nonLiteralKey', data: { key: 'POD_KEY' } },
        { messageId: 'nonLiteralKey', data: { key: "'node' + 'Name'" } },
      ],
    },
    {
      // A key imported from another module, unknown without types, is not written in place either.
      code: `${core}import { keys } from './keys.js';\ninfoS('Pod started', keys.pod, p);`,
      options: [{ strictConstantKeys: true }],
      errors: [{ messageId: 'nonLiteralKey', data: { key: 'keys.pod' } }],
    },
    {
      // The other reports are unchanged.
      code: `${core}function f(k: string) { infoS('Pod started', k, 1, 2, 3); }`,
      options: [{ strictConstantKeys: true }],
      errors: [
        { messageId: 'nonConstantKey', data: { key: 'k' } },
        { messageId: 'nonStringKey', data: { key: '2' } },
      ],
    },
  ],
});

createTypedRuleTester().run('kv-pairs (typed)', rule, {
  valid: [
    // Under typed linting a key of a string literal type is constant, wherever it was declared.
    `${core}declare const keys: { readonly pod: 'pod' };\ninfoS('Pod started', keys.pod, 1);`,
    `${core}enum Key { Pod = 'pod' }\ninfoS('Pod started', Key.Pod, 1);`,
    // A receiver whose type is not klog-style is not a logger, whatever its name.
    "declare const logger: { info(msg: string, meta: object): void };\nlogger.info('user logged in', { id: 1 });",
  ],
  invalid: [
    {
      // A string literal type is constant, but not written in place.
      code: `${core}declare const keys: { readonly pod: 'pod' };\ninfoS('Pod started', keys.pod, 1);`,
      options: [{ strictConstantKeys: true }],
      errors: [{ messageId: 'nonLiteralKey', data: { key: 'keys.pod' } }],
    },
    {
      // Under types too, a `let` holds a string, not the literal it started with.
      code: `${core}let key = 'pod';\ninfoS('Pod started', key, 1);`,
      errors: [{ messageId: 'nonConstantKey', data: { key: 'key' } }],
    },
    {
      code: `${core}declare const keys: { pod: string };\ninfoS('Pod started', keys.pod, 1);`,
      errors: [{ messageId: 'nonConstantKey', data: { key: 'keys.pod' } }],
    },
    {
      // A logger recognised by type alone: no import of the value, an unusual name.
      code: `${core}declare const sink: Logger;\nsink.info('Synced', 'pod');`,
      errors: [{ messageId: 'missingValue' }],
    },
  ],
});
