import rule from '../../src/rules/no-secret-logging.js';
import { createTypedRuleTester } from '../rule-tester.js';

const core = "import { infoS, errorS, V, background, KObj } from '@klog-ts/core';\nimport type { Logger } from '@klog-ts/core';\n";
const sanitizer = "import { secret, Secret } from '@klog-ts/sanitizer';\n";
const models = "import { Credentials, passthrough, loadSigningMaterial, describeUser } from './models.js';\nimport type { ApiClientConfig } from './models.js';\n";
const k8s = "import type { V1Secret } from '@kubernetes/client-node';\n";
const crypto = "import { createHash } from 'node:crypto';\n";

createTypedRuleTester().run('no-secret-logging', rule, {
  valid: [
    // Metadata about credentials is not a credential: secretName of a Kubernetes Secret, policies, counts, flags.
    `${core}${k8s}declare const s: V1Secret;\ninfoS('Secret mounted', 'secretName', s.metadata?.name, 'secret', KObj(s));`,
    `${core}declare const passwordPolicy: string, tokenCount: number, isSecret: boolean, nextToken: string, tokenExpiry: string;\ninfoS('Auth', 'policy', passwordPolicy, 'count', tokenCount, 'secret', isSecret, 'next', nextToken, 'expiry', tokenExpiry);`,
    // Sanitizers: hashing, .length, comparisons, typeof, redact-like helpers, full masking.
    `${core}${crypto}declare const password: string, input: string;\nfunction redactToken(t: string) { return t.slice(0, 2) + '***'; }\ninfoS('Login', 'hash', createHash('sha256').update(password).digest('hex'), 'len', password.length, 'match', password === input, 'kind', typeof password, 'masked', password.replace(/./g, '*'), 'short', redactToken(password));`,
    // A Secret wrapper renders redacted, even under a credential key.
    `${core}${sanitizer}declare const raw: string;\nconst wrapped: Secret<string> = secret(raw);\ninfoS('Login', 'password', wrapped);`,
    // An untagged field of a class with a tagged one; a credential-named boolean.
    `${core}${models}declare const c: Credentials;\nconst hasToken = c.pass !== '';\ninfoS('Login', 'user', c.user, 'hasToken', hasToken);`,
    // An enum member of a string enum (a clean type): a credential-like name holds one of a few constants.
    `${core}enum Mode { Plain = 'plain', Hashed = 'hashed' }\ndeclare const passwordMode: Mode;\nconst password = passwordMode;\ninfoS('Login', 'password', password);`,
    // Not sinks: an unrelated object with an info method, a local function, a method not in the definitions.
    "declare const password: string;\ndeclare const audit: { info(m: string): void };\naudit.info(password);\nfunction info(x: string) { return x; }\ninfo(password);",
    `${core}declare const password: string;\nbackground().withName(password.length > 3 ? 'long' : 'short');`,
    // Methods taken off an object that is no sink, destructured or assigned, are no sinks.
    "declare const apiToken: string;\ndeclare const audit: { log(m: string): void; note(m: string): void };\nconst { log } = audit;\nlog(apiToken);\nconst { note: write } = audit;\nwrite(apiToken);\nconst print = audit.note;\nprint(apiToken);",
    // A shadowed console is the project's own object, not the global sink.
    'declare const apiToken: string;\nconst console = { log(..._args: unknown[]) {} };\nconsole.log(apiToken);',
    // A constant literal value under a credential key is neutral; so is a sanitizer configured by option.
    { code: `${core}declare const password: string;\ninfoS('Config', 'password', '<unset>');\ninfoS('Login', 'p', scramble(password));\nfunction scramble(s: string) { return s; }`, options: [{ sanitizers: ['scramble'] }] },
    // Method names that are also Object.prototype members (`toLocaleString`) are no container writes.
    `${core}declare const n: number;\nlet shown = n.toLocaleString();\nshown = n.toFixed(2);\ninfoS('Shown', 'value', shown);`,
    // An unconditional reassignment hides the value before it: only the redacted value is logged.
    `${core}declare const apiToken: string;\nfunction redact(s: string) { return s === '' ? '' : '[redacted]'; }\nlet shown = apiToken;\nshown = redact(shown);\ninfoS('Session', 'token', shown);`,
    // An object holding a secret passes nothing through its key names, or as the receiver of a mapping.
    `${core}${models}declare const c: Credentials, all: Credentials[];\ninfoS('Fields', 'names', Object.keys(c).join(','), 'users', all.map((x) => x.user));`,
    // A credential-named object is a reference, not a credential: `volume.secret` names a Secret, through `?.` too.
    `${core}interface SecretVolumeSource { secretName: string; optional?: boolean }\ninterface Volume { name: string; secret?: SecretVolumeSource }\ninterface Session { token: { id: number; expiresAt: Date } }\ndeclare const vol: Volume, session: Session;\ninfoS('Volume mounted', 'volume', vol, 'secretName', vol.secret?.secretName, 'session', session);`,
    // A library's credential-named field holding a reference object (`V1SecretVolumeSource`) counts by what it holds.
    `${core}import type { V1Pod } from '@kubernetes/client-node';\ndeclare const pod: V1Pod;\nconst source = pod.spec?.volumes?.[0]?.secret;\ninfoS('Volume mounted', 'secretName', pod.spec?.volumes?.[0]?.secret?.secretName, 'source', source, 'secret', source);`,
    // An object of declared fields under a credential-like key counts by what it holds, as under a property name.
    `${core}declare const user: string;\ninfoS('Login', 'creds', { user, password: '***' });`,
    // A cross-file summary that returns clean data.
    `${core}${models}declare const u: { name: string; password: string };\ninfoS('User', 'who', describeUser(u));`,
  ],
  invalid: [
    {
      // A @datapolicy field of a class imported from another file.
      code: `${core}${models}declare const c: Credentials;\nbackground().info('Login', 'user', c.user, 'pass', c.pass);`,
      errors: [
        {
          messageId: 'secretLogged',
          data: { sink: 'background().info', source: "'pass' (tagged @datapolicy password)", path: '' },
          line: 6,
          column: 1,
        },
      ],
    },
    {
      // The whole object holds a tagged field.
      code: `${core}${models}declare const c: Credentials;\ninfoS('Login', 'creds', c);`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'pass' (tagged @datapolicy password)", path: ', held by this object' } }],
    },
    {
      // A JSDoc @datapolicy tag on an imported interface's property.
      code: `${core}${models}declare const cfg: ApiClientConfig;\nfunction f(logger: Logger) { logger.V(2).info('Client', 'endpoint', cfg.endpoint, 'auth', cfg.bearer); }`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'logger.V(2).info', source: "'bearer' (tagged @datapolicy token)", path: '' } }],
    },
    {
      // A credential-like variable, to the global console.
      code: "const dbPassword = process.env['DB_PASS'] ?? '';\nconsole.log('connecting', dbPassword);",
      errors: [{ messageId: 'secretLogged', data: { sink: 'console.log', source: "'dbPassword' (a credential-like name)", path: '' } }],
    },
    {
      // console's methods taken off the object: destructured (under their own name and renamed), assigned, bound.
      code: "declare const apiToken: string;\nconst { log } = console;\nlog(apiToken);\nconst { warn: write } = console;\nwrite(apiToken);\nconst print = console.info;\nprint(apiToken);\nconst dbg = console.debug.bind(console);\ndbg(apiToken);",
      errors: [
        { messageId: 'secretLogged', data: { sink: 'log', source: "'apiToken' (a credential-like name)", path: '' }, line: 3 },
        { messageId: 'secretLogged', data: { sink: 'write', source: "'apiToken' (a credential-like name)", path: '' }, line: 5 },
        { messageId: 'secretLogged', data: { sink: 'print', source: "'apiToken' (a credential-like name)", path: '' }, line: 7 },
        { messageId: 'secretLogged', data: { sink: 'dbg', source: "'apiToken' (a credential-like name)", path: '' }, line: 9 },
      ],
    },
    {
      // klog's Exit family logs its operands before exiting, as the Fatal family does.
      code: `import { exit, exitf, exitln, fatal } from '@klog-ts/core';\ndeclare const password: string;\nexit('bad', password);\nexitf('bad %s', password);\nexitln(password);\nfatal(password);`,
      errors: [
        { messageId: 'secretLogged', data: { sink: 'exit', source: "'password' (a credential-like name)", path: '' }, line: 3 },
        { messageId: 'secretLogged', data: { sink: 'exitf', source: "'password' (a credential-like name)", path: '' }, line: 4 },
        { messageId: 'secretLogged', data: { sink: 'exitln', source: "'password' (a credential-like name)", path: '' }, line: 5 },
        { messageId: 'secretLogged', data: { sink: 'fatal', source: "'password' (a credential-like name)", path: '' }, line: 6 },
      ],
    },
    {
      // Through an alias, a template and an Error built from it.
      code: `${core}declare const password: string;\nconst p = password;\nconst line = \`bad login \${p}\`;\nerrorS(new Error(line), 'Login failed');`,
      errors: [
        {
          messageId: 'secretLogged',
          data: { sink: 'errorS', source: "'password' (a credential-like name)", path: ", assigned to 'p' → assigned to 'line' → held by new Error()" },
          line: 6,
        },
      ],
    },
    {
      // Destructuring from a request body; a later write into a `let`.
      code: `${core}declare const req: { body: { user: string; password: string } };\nconst { password: pw } = req.body;\nlet last = '';\nlast = pw;\ninfoS('Login', 'attempt', last);`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'password' (a credential-like name)", path: ", destructured into 'pw' → written to 'last'" } }],
    },
    {
      // What reveal() returns; a branded Secret type.
      code: `${core}${sanitizer}declare const s: Secret<string>;\ntype Branded<T> = T & { readonly __brand: 'secret' };\ntype Secret2 = Branded<string>;\ninfoS('Token', 'value', s.reveal());`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'s.reveal()'", path: '' } }],
    },
    {
      code: "type Secret<T> = T & { readonly __brand: 'secret' };\ndeclare const value: Secret<string>;\nconsole.error('oops', value);",
      errors: [{ messageId: 'secretLogged', data: { sink: 'console.error', source: 'a value of type Secret', path: '' } }],
    },
    {
      // A value logged under a credential-like key.
      code: `${core}export function login(input: string) { infoS('Login', 'password', input); }`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "a value under the key 'password'", path: '' } }],
    },
    {
      // A credential-like key is taken at its word for any value that is not neutral, whatever the trace sees of it.
      code: `${core}declare const s: string;\nconst shown = s.trim();\ninfoS('Ok', 'password', s);\ninfoS('Ok', 'password', shown);`,
      errors: [
        { messageId: 'secretLogged', data: { sink: 'infoS', source: "a value under the key 'password'", path: '' }, line: 5 },
        { messageId: 'secretLogged', data: { sink: 'infoS', source: "a value under the key 'password'", path: '' }, line: 6 },
      ],
    },
    {
      // withValues is a sink itself: the binding reaches every later line.
      code: `${core}declare const req: { headers: Record<string, string | undefined> };\nconst auth = req.headers.authorization;\nbackground().withValues('auth', auth);`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'background().withValues', source: "'authorization' (a credential-like name)", path: ", assigned to 'auth'" } }],
    },
    {
      // pino, with an object key; a credential read by a credential-like header name.
      code: "import pino from 'pino';\nconst log = pino();\ndeclare const headers: Map<string, string>;\nlog.info({ user: 'a', token: headers.get('x-api-key') });",
      errors: [{ messageId: 'secretLogged', data: { sink: 'log.info', source: "'token' (a credential-like name)", path: ', held by an object literal' } }],
    },
    {
      // Function bodies are followed across files, with parameters bound to the arguments.
      code: `${core}${models}declare const apiKey: string;\ninfoS('Loaded', 'material', loadSigningMaterial(), 'echo', passthrough(apiKey));`,
      errors: [
        {
          messageId: 'secretLogged',
          data: { sink: 'infoS', source: "'SIGNING_KEY' (a credential-like name)", path: ', returned from loadSigningMaterial()' },
        },
      ],
    },
    {
      code: `${core}${models}declare const apiKey: string;\ninfoS('Loaded', 'echo', passthrough(apiKey));`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'apiKey' (a credential-like name)", path: ", passed to passthrough() as 'value' → returned from passthrough()" } }],
    },
    {
      // A structural klog-style logger (a wrapper or a stub) and the package V(n).
      code: `${core}declare const wrapped: { infoS(m: string, ...kv: unknown[]): void; errorS(e: unknown, m: string, ...kv: unknown[]): void; info(m: string, ...kv: unknown[]): void };\ndeclare const secretKey: string;\nwrapped.info('x', 'k', secretKey);\nV(2).infoS('y', 'k', secretKey);`,
      errors: [
        { messageId: 'secretLogged', data: { sink: 'wrapped.info', source: "'secretKey' (a credential-like name)", path: '' }, line: 5 },
        { messageId: 'secretLogged', data: { sink: 'V(2).infoS', source: "'secretKey' (a credential-like name)", path: '' }, line: 6 },
      ],
    },
    {
      // Options add names and sinks to the checker's definitions.
      code: "import { record } from 'audit-log';\ndeclare const pin: string;\nrecord('login', pin);",
      options: [{ sources: { names: ['pin'] }, sinks: [{ module: 'audit-log', methods: ['record'] }] }],
      errors: [{ messageId: 'secretLogged', data: { sink: 'record', source: "'pin' (a credential-like name)", path: '' } }],
    },
    {
      // A conditional reassignment hides nothing.
      code: `${core}declare const apiToken: string, verbose: boolean;\nfunction redact(s: string) { return s === '' ? '' : '[redacted]'; }\nlet shown = apiToken;\nif (!verbose) shown = redact(shown);\ninfoS('Session', 'value', shown);`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'apiToken' (a credential-like name)", path: ", assigned to 'shown'" } }],
    },
    {
      // A credential-named field holding a string, in a type of the program, logged whole.
      code: `${core}interface Conn { host: string; password?: string }\ndeclare const conn: Conn;\ninfoS('Connecting', 'conn', conn);`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'password' (a credential-like name)", path: ', held by this object' } }],
    },
    {
      // An object holding a tagged field, serialized by a library call.
      code: `${core}${models}declare const c: Credentials;\ninfoS('Login', 'creds', JSON.stringify(c));`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'pass' (tagged @datapolicy password)", path: ', held by this object → through stringify()' } }],
    },
    {
      // A JSDoc tag on a variable; a renamed sink import and a renamed decorator import.
      code: "import { infoS as logInfo } from '@klog-ts/core';\nimport { datapolicy as tagged } from '@klog-ts/sanitizer';\nclass Device { serial = ''; @tagged('security-key') pairingKey = ''; }\ndeclare const d: Device, words: string[];\n/** @datapolicy security-key */\nconst recovery = words.join(' ');\nlogInfo('Paired', 'key', d.pairingKey);\nlogInfo('Restored', 'recovery', recovery);",
      errors: [
        { messageId: 'secretLogged', data: { sink: 'logInfo', source: "'pairingKey' (tagged @datapolicy security-key)", path: '' }, line: 7 },
        { messageId: 'secretLogged', data: { sink: 'logInfo', source: "'recovery' (tagged @datapolicy security-key)", path: '' }, line: 8 },
      ],
    },
    {
      // A callback parameter of a library method receives the receiver's elements.
      code: `${core}declare const tokens: string[];\ntokens.forEach((t) => infoS('Token', 'value', t));`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'tokens' (a credential-like name)", path: ", element passed to 't'" } }],
    },
    {
      // The environment logged whole.
      code: `${core}infoS('Start', 'env', JSON.stringify(process.env));`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'process.env' (a credential-like name)", path: ', through stringify()' } }],
    },
    {
      // A field write judged by its key, as an object literal's property; an encoding is no protection.
      code: `${core}declare const pw: string;\nconst user: Record<string, string> = {};\nuser.password = Buffer.from(pw).toString('base64');\ninfoS('Stored', 'user', user);`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'password' (a credential-like name)", path: ", written to 'user'" } }],
    },
    {
      // A Secret's data: its kind's name says what its fields hold.
      code: `${core}import type { V1Secret } from '@kubernetes/client-node';\ndeclare const s: V1Secret;\ninfoS('Synced', 'data', s.data);`,
      errors: [{ messageId: 'secretLogged', data: { sink: 'infoS', source: "'V1Secret.data' (a credential-like name)", path: '' } }],
    },
    {
      // A registration with the runtime sanitizer is a source; so is a value once wrapped in secret().
      code: `${core}import { registerDataPolicy, secret } from '@klog-ts/sanitizer';\nclass Manifest { constructor(readonly name: string, readonly data: string) {} }\nregisterDataPolicy(Manifest, { data: 'security-key' });\ndeclare const m: Manifest, raw: string;\nconst wrapped = secret(raw);\ninfoS('Synced', 'name', m.name, 'data', m.data);\ninfoS('Raw', 'value', raw, 'w', wrapped);`,
      errors: [
        { messageId: 'secretLogged', data: { sink: 'infoS', source: "'data' (tagged @datapolicy security-key)", path: '' }, line: 8 },
        { messageId: 'secretLogged', data: { sink: 'infoS', source: "'raw' (tagged @datapolicy secret)", path: '' }, line: 9 },
      ],
    },
    {
      // A wrapper forwarding its arguments with apply.
      code: `${core}declare const apiToken: string;\nconsole.log.apply(console, ['token', apiToken]);`,
      errors: [{ messageId: 'secretLogged' }],
    },
  ],
});
