import rule from '../../src/rules/message-style.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

const core = "import { infoS, errorS, V, background } from '@klog-ts/core';\nimport type { Logger } from '@klog-ts/core';\n";
const legacy = "import { info, infof, infoln, warning, warningf, error, errorf, errorln, V } from '@klog-ts/core';\n";

createRuleTester().run('message-style', rule, {
  valid: [
    `${core}infoS('Pod started', 'pod', p);`,
    `${core}errorS(err, 'Pod failed');`,
    // A message from a const, and a constant concatenation.
    `${core}const MSG = 'Pod started';\ninfoS(MSG, 'pod', p);\ninfoS('Pod ' + 'started');`,
    // A template literal without substitutions is constant.
    `${core}infoS(\`Pod started\`);`,
    // A message from another module cannot be checked without types.
    `${core}import { messages } from './messages.js';\ninfoS(messages.started);`,
    // Starts with a digit, a quote or an acronym; an ellipsis is not a final period; a literal percent.
    `${core}infoS('10 pods ready');\ninfoS('"kubectl apply" finished');\ninfoS('URL parsed');\ninfoS('Waiting...');\ninfoS('Disk is 90% full');\ninfoS('Sale 50%off');\ninfoS('Escaped %%s');`,
    // The error is not the message: errorS(err, msg).
    `${core}function f(logger: Logger) { logger.error(e, 'Request failed'); logger.errorS(\`\${e}\`, 'Request failed'); }`,
    // withValues has no message; legacy calls are the structured rule's business.
    `${core}import { infof } from '@klog-ts/core';\nbackground().withValues('pod', p);\ninfof('pod %s started.', p);`,
    // A spread hides the message.
    `${core}infoS(...args);`,
    // Printf-style calls format their first argument; print-style ones without a specifier are fine; a
    // message that is not constant, or a literal percent, is no specifier.
    `${legacy}infof('%d pods', n);\nV(1).infof('%d pods', n);\nerrorf('Failed: %v', e);\nwarningf('%s', s);`,
    `${legacy}info('Pods: ', n);\ninfo(...args);\nerror(\`\${pct}%d\`);\ninfo('90% full', '50%off', '%%d');`,
    // The lowercase and period checks are for structured messages: print-style operands are not one.
    `${legacy}info('pod started.');`,
    // Not klog-ts.
    "console.info('lowercase message.');\nwinston.info(`user ${id}`);",
  ],
  invalid: [
    {
      code: `${core}infoS(\`Pod \${name} started\`);`,
      errors: [{ messageId: 'nonConstant', line: 3, column: 7 }],
    },
    {
      code: `${core}let msg = 'Pod started';\nif (x) msg = 'Pod stopped';\ninfoS(msg);`,
      errors: [{ messageId: 'nonConstant' }],
    },
    {
      code: `${core}errorS(err, 'Failed: ' + err.message);`,
      errors: [{ messageId: 'nonConstant' }],
    },
    {
      code: `${core}infoS(42);`,
      errors: [{ messageId: 'nonConstant' }],
    },
    {
      code: `${core}infoS('pod started', 'pod', p);`,
      errors: [
        {
          messageId: 'lowercaseStart',
          data: { message: 'pod started' },
          suggestions: [{ messageId: 'capitalize', output: `${core}infoS('Pod started', 'pod', p);` }],
        },
      ],
    },
    {
      code: `${core}V(2).infoS("Pod started.");`,
      errors: [
        {
          messageId: 'trailingPeriod',
          data: { message: 'Pod started.' },
          suggestions: [{ messageId: 'removePeriod', output: `${core}V(2).infoS("Pod started");` }],
        },
      ],
    },
    {
      // Both problems on one message; each suggestion fixes one.
      code: `${core}function f(logger: Logger) { logger.V(1).info('synced.'); }`,
      errors: [
        {
          messageId: 'lowercaseStart',
          suggestions: [{ messageId: 'capitalize', output: `${core}function f(logger: Logger) { logger.V(1).info('Synced.'); }` }],
        },
        {
          messageId: 'trailingPeriod',
          suggestions: [{ messageId: 'removePeriod', output: `${core}function f(logger: Logger) { logger.V(1).info('synced'); }` }],
        },
      ],
    },
    {
      // A template literal without substitutions is fixed like a string literal.
      code: `${core}infoS(\`pod started.\`);`,
      errors: [
        { messageId: 'lowercaseStart', suggestions: [{ messageId: 'capitalize', output: `${core}infoS(\`Pod started.\`);` }] },
        { messageId: 'trailingPeriod', suggestions: [{ messageId: 'removePeriod', output: `${core}infoS(\`pod started\`);` }] },
      ],
    },
    {
      // A first letter outside the BMP is capitalized as one code point.
      code: `${core}infoS('\u{10428}ord synced');`,
      errors: [{ messageId: 'lowercaseStart', suggestions: [{ messageId: 'capitalize', output: `${core}infoS('\u{10400}ord synced');` }] }],
    },
    {
      // From a const: reported, without a suggestion (the fix belongs at the declaration).
      code: `${core}const MSG = 'pod started';\ninfoS(MSG);`,
      errors: [{ messageId: 'lowercaseStart', suggestions: [] }],
    },
    {
      code: `${core}errorS(err, 'Failed to sync pod %s', name);\ninfoS('Took %+v', d);\ninfoS('Value %5.2f', v);\ninfoS('Obj %j', o);`,
      errors: [
        { messageId: 'formatSpecifier', data: { message: 'Failed to sync pod %s', specifier: '%s' }, line: 3 },
        { messageId: 'formatSpecifier', data: { message: 'Took %+v', specifier: '%+v' }, line: 4 },
        { messageId: 'formatSpecifier', data: { message: 'Value %5.2f', specifier: '%5.2f' }, line: 5 },
        { messageId: 'formatSpecifier', data: { message: 'Obj %j', specifier: '%j' }, line: 6 },
      ],
    },
    {
      code: `${core}background().withName('x').error(e, \`failed \${n}\`);`,
      errors: [{ messageId: 'nonConstant' }],
    },
    {
      // Print-style calls print their operands as written: info('%d', 1) writes "%d1" (logcheck's parameters check).
      code: `${legacy}info('%d', 1);\ninfoln('%d', 1);\nV(1).info('%d', 1);\nV(1).infoln('Pod', '%s', p);\nerror('%d', 1);\nerrorln('%d', 1);\nwarning('Took %v', d);`,
      errors: [
        { messageId: 'printFormatSpecifier', data: { call: 'info', specifier: '%d', message: '%d' }, line: 2, column: 6 },
        { messageId: 'printFormatSpecifier', data: { call: 'infoln', specifier: '%d', message: '%d' }, line: 3 },
        { messageId: 'printFormatSpecifier', data: { call: 'V(n).info', specifier: '%d', message: '%d' }, line: 4 },
        { messageId: 'printFormatSpecifier', data: { call: 'V(n).infoln', specifier: '%s', message: '%s' }, line: 5, column: 20 },
        { messageId: 'printFormatSpecifier', data: { call: 'error', specifier: '%d', message: '%d' }, line: 6 },
        { messageId: 'printFormatSpecifier', data: { call: 'errorln', specifier: '%d', message: '%d' }, line: 7 },
        { messageId: 'printFormatSpecifier', data: { call: 'warning', specifier: '%v', message: 'Took %v' }, line: 8 },
      ],
    },
    {
      // From a const, and on klog's Fatal and Exit families (not fatalf/exitf, which format).
      code: "import { info, fatal, fatalf, exitln, exitf } from '@klog-ts/core';\nconst FORMAT = 'Pod %s';\ninfo(FORMAT, p);\nfatal('Exiting: %v', e);\nexitln('Bad flag %q', f);\nfatalf('Exiting: %v', e);\nexitf('Bad flag %q', f);",
      errors: [
        { messageId: 'printFormatSpecifier', data: { call: 'info', specifier: '%s', message: 'Pod %s' }, line: 3 },
        { messageId: 'printFormatSpecifier', data: { call: 'fatal', specifier: '%v', message: 'Exiting: %v' }, line: 4 },
        { messageId: 'printFormatSpecifier', data: { call: 'exitln', specifier: '%q', message: 'Bad flag %q' }, line: 5 },
      ],
    },
    {
      // klog's call-depth functions, by name (through a module that provides them).
      code: "import { infoDepth } from './klog-next.js';\ninfoDepth(1, 'Pod %s', p);",
      settings: { '@klog-ts': { modules: ['./klog-next.js'] } },
      errors: [{ messageId: 'printFormatSpecifier', data: { call: 'infoDepth', specifier: '%s', message: 'Pod %s' }, line: 2 }],
    },
  ],
});

createTypedRuleTester().run('message-style (typed)', rule, {
  valid: [`${core}declare const messages: { readonly started: 'Pod started' };\ninfoS(messages.started);`],
  invalid: [
    {
      code: `${core}declare const messages: { started: string };\ninfoS(messages.started);`,
      errors: [{ messageId: 'nonConstant' }],
    },
    {
      code: `${core}declare const messages: { readonly started: 'pod started' };\ninfoS(messages.started);`,
      errors: [{ messageId: 'lowercaseStart', suggestions: [] }],
    },
  ],
});
