import rule from '../../src/rules/structured.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

// klog API klog-ts does not have yet, from a module listed in settings (as a project's re-export would be).
const next = { '@klog-ts': { modules: ['./klog-next.js'] } };
const imports = "import { info, infof, infoln, warning, warningf, error, errorf, V, infoS, errorS } from '@klog-ts/core';\n";

createRuleTester().run('structured', rule, {
  valid: [
    `${imports}infoS('Pod started', 'pod', name);`,
    `${imports}errorS(err, 'Pod failed', 'pod', name);`,
    `${imports}V(2).infoS('Pod started');`,
    `${imports}V(2).enabled();`,
    // A Logger's info is structured (logr's Info(msg, kv...)), not legacy.
    `import { background } from '@klog-ts/core';\nconst logger = background();\nlogger.info('Pod started', 'pod', name);`,
    `import { background } from '@klog-ts/core';\nbackground().V(2).info('Pod started');`,
    // Same names, other modules: not klog-ts.
    "import { info, infof } from './my-log.js';\ninfo('x'); infof('%s', x);",
    "import { warning } from 'node:process';\nwarning('x');",
    // A local function that shadows nothing imported.
    'function infof(f: string) { return f; }\ninfof("%d");',
    // console and unrelated receivers.
    "console.info('x'); console.error('y');",
    // A shadowing parameter is not the import.
    `${imports}function f(info: (s: string) => void) { info('x'); }`,
    // flushAndExit, the structured replacement's second half, logs nothing; nor does process.exit.
    "import { errorS, flushAndExit, EXIT_FLUSH_TIMEOUT_MS } from '@klog-ts/core';\nerrorS(e, 'Failed to start');\nflushAndExit(EXIT_FLUSH_TIMEOUT_MS, 1);\nprocess.exit(1);",
    // A local function named like klog's is not klog's.
    "function fatal(msg: string): never { throw new Error(msg); }\nfatal('x');",
    // klog's structured call-depth variant is structured.
    { code: "import { infoSDepth } from './klog-next.js';\ninfoSDepth(1, 'Pod started', 'pod', p);", settings: next },
  ],
  invalid: [
    {
      code: `${imports}info('Pod started');`,
      errors: [{ messageId: 'unstructured', data: { call: 'info', replacement: 'infoS' }, line: 2, column: 1 }],
    },
    {
      code: `${imports}infof('Pod %s started', name);`,
      errors: [{ messageId: 'unstructured', data: { call: 'infof', replacement: 'infoS' } }],
    },
    { code: `${imports}infoln('a', 'b');`, errors: [{ messageId: 'unstructured', data: { call: 'infoln', replacement: 'infoS' } }] },
    { code: `${imports}warning('Disk low');`, errors: [{ messageId: 'unstructured', data: { call: 'warning', replacement: 'infoS' } }] },
    { code: `${imports}warningf('Disk %d%% full', n);`, errors: [{ messageId: 'unstructured', data: { call: 'warningf', replacement: 'infoS' } }] },
    { code: `${imports}error(err);`, errors: [{ messageId: 'unstructured', data: { call: 'error', replacement: 'errorS' } }] },
    { code: `${imports}errorf('Failed: %v', err);`, errors: [{ messageId: 'unstructured', data: { call: 'errorf', replacement: 'errorS' } }] },
    {
      code: `${imports}V(4).info('Pod started ', name);`,
      errors: [{ messageId: 'unstructured', data: { call: 'V(n).info', replacement: 'V(n).infoS' } }],
    },
    {
      // A verbose logger held in a variable.
      code: `${imports}const v = V(4);\nif (v.enabled()) v.info('Details');`,
      errors: [{ messageId: 'unstructured', data: { call: 'V(n).info', replacement: 'V(n).infoS' }, line: 3 }],
    },
    {
      // Namespace import and an alias.
      code: "import * as klog from '@klog-ts/core';\nimport { infof as logf } from '@klog-ts/core';\nklog.errorf('x %v', e);\nlogf('y');",
      errors: [
        { messageId: 'unstructured', data: { call: 'errorf', replacement: 'errorS' }, line: 3 },
        { messageId: 'unstructured', data: { call: 'infof', replacement: 'infoS' }, line: 4 },
      ],
    },
    {
      // klog's Fatal (exit status 255) and Exit (1) families: errorS, then flushAndExit.
      code: "import { fatal, fatalf, fatalln, exit, exitf, exitln } from '@klog-ts/core';\nfatal('x'); fatalf('%d', 1); fatalln('x');\nexit('x'); exitf('%d', 1); exitln('x');",
      errors: [
        { messageId: 'unstructuredExit', data: { call: 'fatal', replacement: 'errorS', status: 255 }, line: 2, column: 1 },
        { messageId: 'unstructuredExit', data: { call: 'fatalf', replacement: 'errorS', status: 255 }, line: 2, column: 13 },
        { messageId: 'unstructuredExit', data: { call: 'fatalln', replacement: 'errorS', status: 255 }, line: 2, column: 30 },
        { messageId: 'unstructuredExit', data: { call: 'exit', replacement: 'errorS', status: 1 }, line: 3, column: 1 },
        { messageId: 'unstructuredExit', data: { call: 'exitf', replacement: 'errorS', status: 1 }, line: 3, column: 12 },
        { messageId: 'unstructuredExit', data: { call: 'exitln', replacement: 'errorS', status: 1 }, line: 3, column: 28 },
      ],
    },
    {
      // Through a namespace import, and renamed.
      code: "import * as klog from '@klog-ts/core';\nimport { exitln as die } from '@klog-ts/core';\nklog.fatal(e);\ndie('bad flags');",
      errors: [
        { messageId: 'unstructuredExit', data: { call: 'fatal', replacement: 'errorS', status: 255 }, line: 3 },
        { messageId: 'unstructuredExit', data: { call: 'exitln', replacement: 'errorS', status: 1 }, line: 4 },
      ],
    },
    {
      // klog's call-depth variants, recognised by name for when klog-ts has them (here from a module that provides them).
      code: "import { fatalDepth, infoDepth, warningDepth, errorDepth, exitDepth, V } from './klog-next.js';\nfatalDepth(1, 'x');\ninfoDepth(1, 'x'); warningDepth(1, 'x'); errorDepth(1, e); exitDepth(1, 'x'); V(2).infoDepth(1, 'x');",
      settings: next,
      errors: [
        { messageId: 'unstructuredExit', data: { call: 'fatalDepth', replacement: 'errorSDepth', status: 255 } },
        { messageId: 'unstructured', data: { call: 'infoDepth', replacement: 'infoSDepth' } },
        { messageId: 'unstructured', data: { call: 'warningDepth', replacement: 'infoSDepth' } },
        { messageId: 'unstructured', data: { call: 'errorDepth', replacement: 'errorSDepth' } },
        { messageId: 'unstructuredExit', data: { call: 'exitDepth', replacement: 'errorSDepth', status: 1 } },
        { messageId: 'unstructured', data: { call: 'V(n).infoDepth', replacement: 'V(n).infoSDepth' } },
      ],
    },
    {
      // A module named in settings (a local re-export of klog-ts).
      code: "import { infof } from './logging.js';\ninfof('x');",
      settings: { '@klog-ts': { modules: ['./logging.js'] } },
      errors: [{ messageId: 'unstructured' }],
    },
  ],
});

createTypedRuleTester().run('structured (typed)', rule, {
  valid: [`${imports}infoS('Pod started');`],
  invalid: [
    {
      code: `${imports}infof('Pod %s', 'a');`,
      errors: [{ messageId: 'unstructured', data: { call: 'infof', replacement: 'infoS' } }],
    },
  ],
});
