import rule from '../../src/rules/inherited-stringer.js';
import { createTypedRuleTester } from '../rule-tester.js';

const core = "import { infoS, background } from '@klog-ts/core';\n";
// Kubernetes' metav1.TypeMeta: a generated String() that covers only its own two fields.
const typeMeta = `${core}class TypeMeta {\n  kind = '';\n  apiVersion = '';\n  toString(): string { return \`\${this.kind}/\${this.apiVersion}\`; }\n}\n`;

createTypedRuleTester().run('inherited-stringer', rule, {
  valid: [
    // The class's own toString; a subclass that adds no field (metav1.Time's case); one that overrides toString.
    `${typeMeta}infoS('Starting', 'meta', new TypeMeta());`,
    `${typeMeta}class Simple extends TypeMeta {}\ninfoS('Starting', 'config', new Simple());`,
    `${typeMeta}class Own extends TypeMeta {\n  port = 0;\n  override toString(): string { return \`\${super.toString()} port=\${this.port}\`; }\n}\ninfoS('Starting', 'config', new Own());`,
    // Methods and accessors are no fields; ECMAScript private fields are never logged.
    `${typeMeta}class Helpers extends TypeMeta {\n  #cache = 1;\n  size(): number { return this.#cache; }\n  get full(): string { return this.kind; }\n}\ninfoS('Starting', 'config', new Helpers());`,
    // No Stringer in the chain: the value is logged as its fields (Go JSON of the instance).
    `${core}class Base { a = 1; }\nclass Derived extends Base { b = 2; }\ninfoS('Starting', 'config', new Derived());`,
    // Error's toString is the built-in one: an error renders as its message.
    `${core}class HttpError extends Error { status = 500; }\ninfoS('Failed', 'error', new HttpError('x'));`,
    // A copy of the fields has no toString; console is not klog-ts; a legacy call has no key/value pairs.
    `${typeMeta}class Config extends TypeMeta { realField = 0; }\ninfoS('Starting', 'config', { ...new Config() });\nconsole.log('config', new Config());`,
  ],
  invalid: [
    {
      // logcheck's stringer test: KubeletConfig embedding TypeMeta logged as &TypeMeta{...}.
      code: `${typeMeta}class Config extends TypeMeta { realField = 0; }\ninfoS('Starting', 'config', new Config());`,
      errors: [
        {
          messageId: 'inheritedStringer',
          data: { type: 'Config', method: 'toString', base: 'TypeMeta', fields: '`realField`' },
          line: 8,
          column: 29,
        },
      ],
    },
    {
      // Fields added anywhere below the class that defines toString; parameter properties; through withValues,
      // a Logger's info, and a possibly undefined value.
      code: `${typeMeta}class Mid extends TypeMeta { a = 1; }\nclass Leaf extends Mid {\n  constructor(public b: number, readonly c: string, private d: boolean) { super(); }\n}\ndeclare const leaf: Leaf | undefined;\nbackground().withValues('leaf', leaf).info('Synced', 'mid', new Mid());`,
      errors: [
        { messageId: 'inheritedStringer', data: { type: 'Leaf', method: 'toString', base: 'TypeMeta', fields: '`b`, `c`, `d`, …' } },
        { messageId: 'inheritedStringer', data: { type: 'Mid', method: 'toString', base: 'TypeMeta', fields: '`a`' } },
      ],
    },
    {
      // Each member of a union is checked.
      code: `${typeMeta}class Config extends TypeMeta { realField = 0; }\ndeclare const either: TypeMeta | Config | string;\ninfoS('Starting', 'config', either);`,
      errors: [{ messageId: 'inheritedStringer', data: { type: 'Config', method: 'toString', base: 'TypeMeta', fields: '`realField`' }, line: 9 }],
    },
    {
      // The log marshaler (klog-ts's logr.Marshaler), which the JSON format prefers to toString.
      code: `${core}declare const marshalLog: unique symbol;\nclass Ref { name = ''; [marshalLog](): unknown { return this.name; } }\nclass PodRef extends Ref { uid = ''; }\ninfoS('Synced', 'pod', new PodRef());`,
      errors: [{ messageId: 'inheritedStringer', data: { type: 'PodRef', method: '[marshalLog]', base: 'Ref', fields: '`uid`' } }],
    },
  ],
});
