import rule from '../../src/rules/structured.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

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
