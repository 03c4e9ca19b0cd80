import rule from '../../src/rules/verbosity.js';
import { createRuleTester } from '../rule-tester.js';

const core = "import { V, infoS, background } from '@klog-ts/core';\nimport type { Logger } from '@klog-ts/core';\n";

createRuleTester().run('verbosity', rule, {
  valid: [
    `${core}V(2).infoS('Synced');`,
    `${core}function f(logger: Logger) { logger.V(4).info('Synced'); }`,
    // The package's Verbose.errorS respects verbosity (klog.V(2).ErrorS).
    `${core}V(2).errorS(err, 'Sync failed');`,
    // A level from a variable is not checked: a parameter, or a `let` even if never reassigned (logcheck's V(zeroVar)).
    `${core}function f(level: number) { V(level).infoS('Synced'); }`,
    `${core}let level = 0;\nV(level).infoS('Synced');`,
    // V(n) kept in a variable, tested and logged through; enabled() outside an if condition, or in a callback.
    `${core}const v = V(2);\nif (v.enabled()) v.infoS('Synced');`,
    `${core}function f(logger: Logger) { if (logger.enabled()) logger.info('Synced'); return V(2).enabled(); }`,
    `${core}if (items.some(() => V(2).enabled())) x();`,
    // Each check has its option.
    { code: `${core}V(0).infoS('Synced');\nV(-1).infoS('Synced');`, options: [{ verbosityZero: false }] },
    { code: `${core}function f(logger: Logger) { logger.V(2).error(err, 'Sync failed'); }`, options: [{ verbosityError: false }] },
    { code: `${core}if (V(2).enabled()) V(2).infoS('Synced');`, options: [{ ifEnabled: false }] },
    // error on a Logger without V, and on a name-alike that is not a Logger.
    `${core}function f(logger: Logger) { logger.withName('x').error(err, 'Failed'); }`,
    'const v = { V(n: number) { return n; } };\nv.V(0);',
    // Not klog-ts's V.
    "import { V } from './vectors.js';\nV(0);",
  ],
  invalid: [
    {
      code: `${core}V(0).infoS('Synced', 'pod', p);`,
      errors: [
        {
          messageId: 'vZero',
          line: 3,
          column: 1,
          suggestions: [{ messageId: 'removeV', output: `${core}infoS('Synced', 'pod', p);` }],
        },
      ],
    },
    {
      // No suggestion when the file does not import the replacement.
      code: `${core}V(0).errorS(err, 'Sync failed');\nconst ZERO = 0;\nif (V(ZERO).enabled()) x();`,
      errors: [
        { messageId: 'vZero', line: 3, suggestions: [] },
        { messageId: 'storeVerbose', line: 5 },
        { messageId: 'vZero', line: 5, suggestions: [] },
      ],
    },
    {
      code: `${core}function f(logger: Logger) { logger.V(0).info('Synced'); }`,
      errors: [
        {
          messageId: 'vZero',
          suggestions: [{ messageId: 'removeV', output: `${core}function f(logger: Logger) { logger.info('Synced'); }` }],
        },
      ],
    },
    {
      code: `${core}V(-1).infoS('Synced');\nbackground().V(-2);`,
      errors: [
        { messageId: 'negativeVerbosity', data: { level: -1 } },
        { messageId: 'negativeVerbosity', data: { level: -2 } },
      ],
    },
    {
      code: `${core}function f(logger: Logger) { logger.V(2).error(err, 'Sync failed'); logger.V(3).withName('x').errorS(err, 'Oops'); }`,
      errors: [
        {
          messageId: 'errorIgnoresVerbosity',
          data: { method: 'error' },
          suggestions: [
            {
              messageId: 'removeV',
              output: `${core}function f(logger: Logger) { logger.error(err, 'Sync failed'); logger.V(3).withName('x').errorS(err, 'Oops'); }`,
            },
          ],
        },
        {
          messageId: 'errorIgnoresVerbosity',
          data: { method: 'errorS' },
          suggestions: [
            {
              messageId: 'removeV',
              output: `${core}function f(logger: Logger) { logger.V(2).error(err, 'Sync failed'); logger.withName('x').errorS(err, 'Oops'); }`,
            },
          ],
        },
      ],
    },
    {
      // logcheck's if-Enabled check: V(n) in the condition, and again in the block.
      code: `${core}if (V(2).enabled()) {\n  V(2).infoS('Details');\n}`,
      errors: [{ messageId: 'storeVerbose', data: { call: 'V' }, line: 3, column: 5 }],
    },
    {
      // On a Logger, through a namespace import, and anywhere in the condition.
      code: `import * as klog from '@klog-ts/core';\nfunction f(logger: klog.Logger) {\n  if (logger.withName('x').V(4).enabled() && ready) logger.V(4).info('Details');\n  if (!klog.V(3).enabled()) return;\n}`,
      errors: [
        { messageId: 'storeVerbose', data: { call: "logger.withName('x').V" }, line: 3 },
        { messageId: 'storeVerbose', data: { call: 'klog.V' }, line: 4 },
      ],
    },
    {
      // Through a variable: reported, but the fix belongs at the declaration.
      code: `${core}const debug = background().V(4);\ndebug.error(err, 'Sync failed');`,
      errors: [{ messageId: 'errorIgnoresVerbosity', line: 4, suggestions: [] }],
    },
  ],
});
