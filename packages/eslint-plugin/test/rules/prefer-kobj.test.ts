import rule from '../../src/rules/prefer-kobj.js';
import { createRuleTester, createTypedRuleTester } from '../rule-tester.js';

const core = "import { infoS, KObj, KObjSlice, KRef, background } from '@klog-ts/core';\n";
const k8s = "import type { V1Pod, V1PodList, V1Secret } from '@kubernetes/client-node';\n";

createRuleTester().run('prefer-kobj', rule, {
  valid: [
    `${core}infoS('Pod started', 'pod', KObj(pod), 'node', KRef('', nodeName), 'pods', KObjSlice(pods));`,
    // Without types an identifier is unknown.
    `${core}infoS('Pod started', 'pod', pod);`,
    // metadata without a name, and a name without metadata.
    `${core}infoS('List', 'list', { metadata: { resourceVersion: '1' } }, 'ref', { name: 'a', namespace: 'b' });`,
    // The key is not a value; a value under the message position is not checked here.
    `${core}infoS('Pod', 'pod', 'name');`,
    // A reassigned variable is not followed.
    `${core}let p = { metadata: { name: 'a' } };\np = other;\ninfoS('Pod', 'pod', p);`,
  ],
  invalid: [
    {
      code: `${core}infoS('Pod started', 'pod', { metadata: { name: 'web', namespace: 'prod' } });`,
      errors: [
        {
          messageId: 'preferKObj',
          data: { helper: 'KObj' },
          suggestions: [
            {
              messageId: 'wrap',
              data: { helper: 'KObj' },
              output: `${core}infoS('Pod started', 'pod', KObj({ metadata: { name: 'web', namespace: 'prod' } }));`,
            },
          ],
        },
      ],
    },
    {
      // Through a const; the fix adds KObj to the existing import.
      code: "import { infoS } from '@klog-ts/core';\nconst pod = { metadata: { name: 'web' }, spec: {} };\ninfoS('Pod started', 'pod', pod);",
      errors: [
        {
          messageId: 'preferKObj',
          suggestions: [
            {
              messageId: 'wrap',
              data: { helper: 'KObj' },
              output: "import { infoS, KObj } from '@klog-ts/core';\nconst pod = { metadata: { name: 'web' }, spec: {} };\ninfoS('Pod started', 'pod', KObj(pod));",
            },
          ],
        },
      ],
    },
    {
      // A list of objects: KObjSlice, through a namespace import.
      code: "import * as klog from '@klog-ts/core';\nconst a = { metadata: { name: 'a' } };\nklog.background().withValues('pods', [a, { metadata: { name: 'b' } }]);",
      errors: [
        {
          messageId: 'preferKObj',
          data: { helper: 'KObjSlice' },
          suggestions: [
            {
              messageId: 'wrap',
              data: { helper: 'KObjSlice' },
              output: "import * as klog from '@klog-ts/core';\nconst a = { metadata: { name: 'a' } };\nklog.background().withValues('pods', klog.KObjSlice([a, { metadata: { name: 'b' } }]));",
            },
          ],
        },
      ],
    },
  ],
});

createTypedRuleTester().run('prefer-kobj (typed)', rule, {
  valid: [
    `${core}${k8s}declare const pod: V1Pod;\ninfoS('Pod started', 'pod', KObj(pod), 'node', pod.spec?.nodeName, 'name', pod.metadata?.name);`,
    // A list object has metadata without a name.
    `${core}${k8s}declare const list: V1PodList;\ninfoS('Listed', 'list', list.metadata, 'count', list.items.length);`,
    // A Kubernetes Secret's name is not the secret: secretName is fine.
    `${core}${k8s}declare const secret: V1Secret;\ninfoS('Secret mounted', 'secretName', secret.metadata?.name);`,
    `${core}declare const ref: { name: string; namespace: string };\ninfoS('Ref', 'ref', ref);`,
    // Not a klog-ts call.
    `${k8s}declare const pod: V1Pod;\nconsole.log('pod', pod);`,
  ],
  invalid: [
    {
      code: `${core}${k8s}declare const pod: V1Pod | undefined;\ninfoS('Pod started', 'pod', pod);`,
      errors: [
        {
          messageId: 'preferKObj',
          data: { helper: 'KObj' },
          suggestions: [
            { messageId: 'wrap', data: { helper: 'KObj' }, output: `${core}${k8s}declare const pod: V1Pod | undefined;\ninfoS('Pod started', 'pod', KObj(pod));` },
          ],
        },
      ],
    },
    {
      code: `${core}${k8s}declare const list: V1PodList;\nbackground().V(2).info('Listed', 'pods', list.items);`,
      errors: [
        {
          messageId: 'preferKObj',
          data: { helper: 'KObjSlice' },
          suggestions: [
            { messageId: 'wrap', data: { helper: 'KObjSlice' }, output: `${core}${k8s}declare const list: V1PodList;\nbackground().V(2).info('Listed', 'pods', KObjSlice(list.items));` },
          ],
        },
      ],
    },
    {
      // No klog import to extend: the fix adds one.
      code: `${k8s}import type { Logger } from '@klog-ts/core';\ndeclare const logger: Logger;\ndeclare const secret: V1Secret;\nlogger.info('Secret synced', 'secret', secret);`,
      errors: [
        {
          messageId: 'preferKObj',
          suggestions: [
            {
              messageId: 'wrap',
              data: { helper: 'KObj' },
              output: `import { KObj } from '@klog-ts/core';\n${k8s}import type { Logger } from '@klog-ts/core';\ndeclare const logger: Logger;\ndeclare const secret: V1Secret;\nlogger.info('Secret synced', 'secret', KObj(secret));`,
            },
          ],
        },
      ],
    },
  ],
});
