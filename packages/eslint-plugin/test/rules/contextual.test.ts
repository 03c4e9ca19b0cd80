import rule from '../../src/rules/contextual.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

const core = "import { infoS, errorS, infof, V, background } from '@klog-ts/core';\nimport type { Logger } from '@klog-ts/core';\n";

createRuleTester().run('contextual', rule, {
  valid: [
    // No logger in scope: the default mode has nothing to suggest.
    `${core}function sync() { infoS('Synced'); }`,
    // Logging through the logger.
    `${core}function sync(logger: Logger) { logger.infoS('Synced'); logger.V(2).info('Details'); }`,
    // A logger declared after the call is not available to it.
    `${core}function sync() { infoS('Starting'); const logger = background(); logger.info('Started'); }`,
    // A logger in another function's scope.
    `${core}function a(logger: Logger) { logger.info('A'); }\nfunction b() { infoS('B'); }`,
    // Non-logging package functions.
    `${core}import { KObj } from '@klog-ts/core';\nfunction f(logger: Logger) { logger.info('Pod', 'pod', KObj(p)); background(); V(2).enabled(); }`,
    // A parameter named like a logger in a file without klog-ts is not a klog Logger... and no klog call either.
    'function f(logger: { info(m: string): void }) { info("x"); }',
    { code: `${core}infoS('Module loaded');`, options: [{ mode: 'available' }] },
    // A callback of some other function is not a contextual scope; withLogger from elsewhere is not klog-ts's.
    `${core}setTimeout(() => infoS('Tick'), 10);`,
    `${core}import { withLogger } from './other.js';\nwithLogger(x, () => infoS('Tick'));`,
    // A function or a class named like a logger makes one; it is not a logger in scope.
    `${core}function currentLogger(): Logger { return background(); }\nclass AuditLogger {}\nexport function sync() { infoS('Synced'); }`,
    // A logger that may be missing is not available: `logger.infoS` would not compile, `logger?.infoS` drops the line.
    `${core}function sync(logger?: Logger) { infoS('Synced'); }\nfunction run(log: Logger | undefined) { infoS('Run'); }\nlet requestLogger: Logger | null = null;\nexport function serve() { infoS('Served'); }`,
  ],
  invalid: [
    {
      code: `${core}function sync(logger: Logger) { infoS('Synced', 'pod', p); }`,
      errors: [
        {
          messageId: 'useLogger',
          data: { method: 'infoS', logger: 'logger' },
          suggestions: [
            { messageId: 'callLogger', data: { replacement: 'logger.infoS' }, output: `${core}function sync(logger: Logger) { logger.infoS('Synced', 'pod', p); }` },
          ],
        },
      ],
    },
    {
      // A logger derived in scope, a verbose call, and a legacy call (no Logger equivalent: no suggestion).
      code: `${core}function sync() {\n  const log = background().withName('sync');\n  V(2).infoS('Details');\n  infof('Done %d', n);\n}`,
      errors: [
        {
          messageId: 'useLogger',
          data: { method: 'infoS', logger: 'log' },
          line: 5,
          suggestions: [
            { messageId: 'callLogger', data: { replacement: 'log.V' }, output: `${core}function sync() {\n  const log = background().withName('sync');\n  log.V(2).infoS('Details');\n  infof('Done %d', n);\n}` },
          ],
        },
        { messageId: 'useLogger', data: { method: 'infof', logger: 'log' }, line: 6, suggestions: [] },
      ],
    },
    {
      // A module-level logger counts, through a namespace import.
      code: "import * as klog from '@klog-ts/core';\nconst logger = klog.background().withName('controller');\nexport function run() { klog.errorS(err, 'Failed'); }",
      errors: [
        {
          messageId: 'useLogger',
          data: { method: 'errorS', logger: 'logger' },
          suggestions: [
            {
              messageId: 'callLogger',
              data: { replacement: 'logger.errorS' },
              output: "import * as klog from '@klog-ts/core';\nconst logger = klog.background().withName('controller');\nexport function run() { logger.errorS(err, 'Failed'); }",
            },
          ],
        },
      ],
    },
    {
      // A logger that may be missing is passed over for one that is there.
      code: `${core}function sync(logger: Logger, parent?: Logger) { infoS('Synced'); }`,
      errors: [
        {
          messageId: 'useLogger',
          data: { method: 'infoS', logger: 'logger' },
          suggestions: [
            { messageId: 'callLogger', data: { replacement: 'logger.infoS' }, output: `${core}function sync(logger: Logger, parent?: Logger) { logger.infoS('Synced'); }` },
          ],
        },
      ],
    },
    {
      // The innermost logger wins.
      code: `${core}function outer(logger: Logger) { return (child: Logger) => errorS(e, 'Failed'); }`,
      errors: [
        {
          messageId: 'useLogger',
          data: { method: 'errorS', logger: 'child' },
          suggestions: [
            { messageId: 'callLogger', data: { replacement: 'child.errorS' }, output: `${core}function outer(logger: Logger) { return (child: Logger) => child.errorS(e, 'Failed'); }` },
          ],
        },
      ],
    },
    {
      // Inside withLogger(...), fromContext() is the contextual logger: the fix imports it.
      code: `${core}import { withLogger } from '@klog-ts/core';\nwithLogger(background().withName('job'), async () => { infoS('Job started'); });`,
      errors: [
        {
          messageId: 'useContextLogger',
          data: { method: 'infoS', logger: 'fromContext()' },
          suggestions: [
            {
              messageId: 'callLogger',
              data: { replacement: 'fromContext().infoS' },
              output: `${core.replace('background }', 'background, fromContext }')}import { withLogger } from '@klog-ts/core';\nwithLogger(background().withName('job'), async () => { fromContext().infoS('Job started'); });`,
            },
          ],
        },
      ],
    },
    {
      // ...through a namespace import, in a nested function, with a verbose call.
      code: "import * as klog from '@klog-ts/core';\nklog.withLogger(klog.createLogger(), () => { function step() { klog.V(3).infoS('Step'); } step(); });",
      errors: [
        {
          messageId: 'useContextLogger',
          suggestions: [
            {
              messageId: 'callLogger',
              data: { replacement: 'fromContext().V' },
              output: "import * as klog from '@klog-ts/core';\nklog.withLogger(klog.createLogger(), () => { function step() { klog.fromContext().V(3).infoS('Step'); } step(); });",
            },
          ],
        },
      ],
    },
    {
      code: `${core}function sync() { infoS('Synced'); V(1).info('x'); }`,
      options: [{ mode: 'always' }],
      errors: [
        { messageId: 'globalLogger', data: { method: 'infoS' } },
        { messageId: 'globalLogger', data: { method: 'info' } },
      ],
    },
  ],
});

createTypedRuleTester().run('contextual (typed)', rule, {
  valid: [
    // The type says the logger may be missing, though nothing is written on the variable.
    `${core}declare function maybeLogger(): Logger | undefined;\nconst logger = maybeLogger();\ninfoS('Synced');`,
  ],
  invalid: [
    {
      code: `${core}declare function currentLogger(): Logger;\nconst current = currentLogger();\ninfoS('Synced');`,
      errors: [
        {
          messageId: 'useLogger',
          data: { method: 'infoS', logger: 'current' },
          suggestions: [
            {
              messageId: 'callLogger',
              data: { replacement: 'current.infoS' },
              output: `${core}declare function currentLogger(): Logger;\nconst current = currentLogger();\ncurrent.infoS('Synced');`,
            },
          ],
        },
      ],
    },
  ],
});
