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
      // Every package-level logging call, and the package V itself (logcheck: klog.V is no function for contextual code).
      code: `${core}function sync() { infoS('Synced'); V(1).info('x'); const v = V(2); }`,
      options: [{ mode: 'always' }],
      errors: [
        { messageId: 'globalLogger', data: { method: 'infoS' } },
        { messageId: 'globalLogger', data: { method: 'info' }, column: 36 },
        { messageId: 'globalLogger', data: { method: 'V' }, column: 36 },
        { messageId: 'globalLogger', data: { method: 'V' }, column: 62 },
      ],
    },
    {
      // klog's Fatal and Exit families log through the global logger; flushAndExit logs nothing (logcheck allows
      // klog.FlushAndExit in contextual code).
      code: "import { fatal, exitf, flushAndExit } from '@klog-ts/core';\nfatal('x'); exitf('%v', e); flushAndExit(10_000, 1);",
      options: [{ mode: 'always' }],
      errors: [
        { messageId: 'globalLogger', data: { method: 'fatal' }, column: 1 },
        { messageId: 'globalLogger', data: { method: 'exitf' }, column: 13 },
      ],
    },
    {
      // klog's call-depth functions, by name (from a module that provides them), in `always` mode.
      code: "import { infoSDepth, errorDepth } from './klog-next.js';\ninfoSDepth(1, 'Done'); errorDepth(1, e);",
      settings: { '@klog-ts': { modules: ['./klog-next.js'] } },
      options: [{ mode: 'always' }],
      errors: [
        { messageId: 'globalLogger', data: { method: 'infoSDepth' } },
        { messageId: 'globalLogger', data: { method: 'errorDepth' } },
      ],
    },
  ],
});

const helpers = `${core}/** @logcheck context Use handleErrorWithLogger instead. */\nexport function handleError(err: unknown): void {}\n`;

createRuleTester().run('contextual (@logcheck context)', rule, {
  valid: [
    // No logger available: only `always` reports a marked helper.
    `${helpers}handleError(e);`,
    // Unmarked helpers, a tag in a comment that is not JSDoc, and a tag of another name.
    `${core}export function handleError(err: unknown): void {}\nfunction f(logger: Logger) { handleError(e); }`,
    `${core}/* @logcheck context */\nfunction h() {}\nfunction f(logger: Logger) { h(); }`,
    `${core}/** @logcheckContext */\nfunction h() {}\nfunction f(logger: Logger) { h(); }`,
    // Only a JSDoc tag is one: an unknown keyword in a line or plain block comment, or in an email address, is not reported.
    `${core}// @logcheck xyz\n/* @logcheck xyz */\n/** Ask admin@logcheck.example */\nfunction h() {}`,
    // Without types, a helper of another module is unknown.
    `${core}import { handleError } from './runtime-helpers.js';\nfunction f(logger: Logger) { handleError(e); }`,
  ],
  invalid: [
    {
      // A logger is in scope: the helper writes through the global logger instead.
      code: `${helpers}function sync(logger: Logger) { handleError(e); }`,
      errors: [{ messageId: 'notForContextualCode', data: { name: 'handleError', why: 'Use handleErrorWithLogger instead.' }, line: 5 }],
    },
    {
      // `always`: wherever it is called. The default explanation; a const arrow function; a tag among others.
      code: `${helpers}/** @logcheck context */\nfunction bar() {}\n/**\n * Logs.\n * @logcheck context Log through a Logger.\n * @param x what\n */\nconst baz = (x: number) => x;\nhandleError(e); bar(); baz(1);`,
      options: [{ mode: 'always' }],
      errors: [
        { messageId: 'notForContextualCode', data: { name: 'handleError', why: 'Use handleErrorWithLogger instead.' } },
        { messageId: 'notForContextualCode', data: { name: 'bar', why: 'it should not be used in code which supports contextual logging.' } },
        { messageId: 'notForContextualCode', data: { name: 'baz', why: 'Log through a Logger.' } },
      ],
    },
    {
      // Inside withLogger, the contextual logger is available.
      code: `${helpers}import { withLogger } from '@klog-ts/core';\nwithLogger(background(), () => handleError(e));`,
      errors: [{ messageId: 'notForContextualCode' }],
    },
    {
      // logcheck's "unknown logcheck keyword in comment", whatever the rule's mode.
      code: `${core}/** @logcheck xyz */\nfunction foo() {}\n/**\n * @logcheck\n */\nfunction bar() {}`,
      errors: [
        { messageId: 'unknownKeyword', data: { keyword: 'xyz' }, line: 3 },
        { messageId: 'unknownKeyword', data: { keyword: '' }, line: 5 },
      ],
    },
  ],
});

createTypedRuleTester().run('contextual (typed)', rule, {
  valid: [
    // An unmarked helper of another file.
    `${core}import { handleErrorWithLogger } from './runtime-helpers.js';\nfunction f(logger: Logger) { handleErrorWithLogger(e); }`,
    // The type says the logger may be missing, though nothing is written on the variable.
    `${core}declare function maybeLogger(): Logger | undefined;\nconst logger = maybeLogger();\ninfoS('Synced');`,
  ],
  invalid: [
    {
      // Types find the tag where the helper is declared: another file, an interface method, a namespace import.
      code: `${core}import { handleError, type ErrorHandler } from './runtime-helpers.js';\nimport * as runtime from './runtime-helpers.js';\ndeclare const h: ErrorHandler;\nhandleError(e); h.handle(e); runtime.handleError(e);`,
      options: [{ mode: 'always' }],
      errors: [
        { messageId: 'notForContextualCode', data: { name: 'handleError', why: 'Use handleErrorWithLogger instead in code which supports contextual logging.' }, column: 1 },
        { messageId: 'notForContextualCode', data: { name: 'handle', why: 'it should not be used in code which supports contextual logging.' }, column: 17 },
        { messageId: 'notForContextualCode', data: { name: 'handleError', why: 'Use handleErrorWithLogger instead in code which supports contextual logging.' }, column: 30 },
      ],
    },
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
