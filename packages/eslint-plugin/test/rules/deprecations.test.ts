import rule from '../../src/rules/deprecations.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('deprecations', rule, {
  valid: [
    "import { KObjSlice } from '@klog-ts/core';\nKObjSlice(pods);",
    "import * as klog from '@klog-ts/core';\nklog.KObjSlice(pods);",
    // KObjs from elsewhere, and a local function of that name.
    "import { KObjs } from './compat.js';\nKObjs(pods);",
    'function KObjs(x: unknown[]) { return x; }\nKObjs([]);',
    // A property named KObjs on something that is not the klog namespace.
    'const helpers = { KObjs: (x: unknown) => x };\nhelpers.KObjs(1);',
    // klog's Fatal and Exit families are not deprecated (logcheck's deprecations check knows only KObjs): the
    // structured rule reports them as unstructured, and flushAndExit is their structured replacement's end.
    "import { fatal, fatalf, fatalln, exit, exitf, exitln, flushAndExit } from '@klog-ts/core';\nfatal(e); fatalf('%v', e); fatalln(e); exit(e); exitf('%v', e); exitln(e); flushAndExit(10_000, 1);",
    "import * as klog from '@klog-ts/core';\nklog.fatal(e);\nklog.exit(e);\nklog.flushAndExit(klog.EXIT_FLUSH_TIMEOUT_MS, 255);",
  ],
  invalid: [
    {
      code: "import { infoS, KObjs } from '@klog-ts/core';\ninfoS('Pods synced', 'pods', KObjs(pods));",
      output: "import { infoS, KObjSlice } from '@klog-ts/core';\ninfoS('Pods synced', 'pods', KObjSlice(pods));",
      errors: [{ messageId: 'deprecated', data: { name: 'KObjs', replacement: 'KObjSlice' }, line: 2, column: 30 }],
    },
    {
      // Every reference and the import are fixed in one pass.
      code: "import { KObjs } from '@klog-ts/core';\nconst a = KObjs(x);\nconst b = KObjs(y);\nconst fn = KObjs;",
      output: "import { KObjSlice } from '@klog-ts/core';\nconst a = KObjSlice(x);\nconst b = KObjSlice(y);\nconst fn = KObjSlice;",
      errors: [{ messageId: 'deprecated', line: 2 }, { messageId: 'deprecated', line: 3 }, { messageId: 'deprecated', line: 4 }],
    },
    {
      // KObjSlice already imported: drop the KObjs specifier.
      code: "import { KObjs, KObjSlice, infoS } from '@klog-ts/core';\ninfoS('Synced', 'pods', KObjs(p), 'nodes', KObjSlice(n));",
      output: "import { KObjSlice, infoS } from '@klog-ts/core';\ninfoS('Synced', 'pods', KObjSlice(p), 'nodes', KObjSlice(n));",
      errors: [{ messageId: 'deprecated' }],
    },
    {
      // ...imported under another name, from another declaration: the lone specifier's import goes.
      code: "import { KObjSlice as slice } from '@klog-ts/core';\nimport { KObjs } from '@klog-ts/core';\nslice(a); KObjs(b);",
      output: "import { KObjSlice as slice } from '@klog-ts/core';\n\nslice(a); slice(b);",
      errors: [{ messageId: 'deprecated', line: 3 }],
    },
    {
      // An alias keeps its local name.
      code: "import { KObjs as objs } from '@klog-ts/core';\nobjs(pods);",
      output: "import { KObjSlice as objs } from '@klog-ts/core';\nobjs(pods);",
      errors: [{ messageId: 'deprecated', line: 2 }],
    },
    {
      code: "import * as klog from '@klog-ts/core';\nklog.infoS('Synced', 'pods', klog.KObjs(pods));\nklog['KObjs'](x);",
      output: "import * as klog from '@klog-ts/core';\nklog.infoS('Synced', 'pods', klog.KObjSlice(pods));\nklog['KObjs'](x);",
      errors: [{ messageId: 'deprecated', line: 2 }, { messageId: 'deprecated', line: 3 }],
    },
    {
      // An unused import is reported (and fixed) at the import.
      code: "import { KObjs, infoS } from '@klog-ts/core';\ninfoS('x');",
      output: "import { KObjSlice, infoS } from '@klog-ts/core';\ninfoS('x');",
      errors: [{ messageId: 'deprecated', line: 1, column: 10 }],
    },
    {
      // A shorthand property keeps its key and a re-export its exported name: the fix changes no public shape.
      code: "import { KObjs } from '@klog-ts/core';\nexport const helpers = { KObjs };\nexport { KObjs };",
      output: "import { KObjSlice } from '@klog-ts/core';\nexport const helpers = { KObjs: KObjSlice };\nexport { KObjSlice as KObjs };",
      errors: [{ messageId: 'deprecated', line: 2 }, { messageId: 'deprecated', line: 3 }],
    },
    {
      // ...also when the fix reuses an existing KObjSlice import.
      code: "import { KObjs, KObjSlice } from '@klog-ts/core';\nexport const helpers = { KObjs, KObjSlice };",
      output: "import { KObjSlice } from '@klog-ts/core';\nexport const helpers = { KObjs: KObjSlice, KObjSlice };",
      errors: [{ messageId: 'deprecated', line: 2 }],
    },
    {
      // The new name is taken where it would be used: report without a fix.
      code: "import { KObjs } from '@klog-ts/core';\nfunction f(KObjSlice: number) { return KObjs([KObjSlice]); }",
      output: null,
      errors: [{ messageId: 'deprecated', line: 2 }],
    },
  ],
});
