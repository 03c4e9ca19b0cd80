/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { datapolicy, installSanitizer, sanitize } from '../src/index.js';
import { everyOutput, resetFilterAfterEach } from './capture.js';

/** Classes as NestJS and TypeORM code declares them, compiled with TypeScript's `experimentalDecorators`. */
const SOURCE = `
class Account {
  user = 'alice';
  @datapolicy('password') password = 'pw-legacy-1';
  @datapolicy('token') static shared = 'tok-static-1';
}
class Admin extends Account {
  @datapolicy('token') apiToken = 'tok-legacy-1';
  role = 'admin';
}
class Assigned {
  @datapolicy('security-key') key: string;
  constructor(key: string) {
    this.key = key;
  }
}
`;

interface Compiled {
  Account: new () => { user: string; password: string };
  Admin: new () => { apiToken: string; password: string; role: string };
  Assigned: new (key: string) => { key: string };
}

/** SOURCE compiled by TypeScript with legacy decorators, evaluated with the sanitizer's `datapolicy` in scope. */
function compile(useDefineForClassFields: boolean): Compiled {
  const { outputText, diagnostics } = ts.transpileModule(SOURCE, {
    compilerOptions: { experimentalDecorators: true, useDefineForClassFields, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: true,
  });
  expect(diagnostics ?? []).toEqual([]);
  expect(outputText).toContain('__decorate(');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluates TypeScript's own output for the source above.
  const evaluate = new Function('datapolicy', `${outputText}\nreturn { Account, Admin, Assigned };`) as (decorator: typeof datapolicy) => Compiled;
  return evaluate(datapolicy);
}

describe('@datapolicy as a legacy (experimentalDecorators) property decorator', () => {
  resetFilterAfterEach();

  it.each([true, false])('tags the field through the prototype chain (useDefineForClassFields: %s), in every output', (define) => {
    const { Account, Admin, Assigned } = compile(define);
    expect({ ...sanitize(new Account()) }).toEqual({ user: 'alice', password: '[REDACTED:password]' });
    expect({ ...sanitize(new Admin()) }).toEqual({ user: 'alice', password: '[REDACTED:password]', apiToken: '[REDACTED:token]', role: 'admin' });
    expect(sanitize(new Assigned('key-legacy-1')).key).toBe('[REDACTED:security-key]');
    installSanitizer();
    const out = everyOutput((logger) => logger.infoS('Legacy', 'admin', new Admin(), 'assigned', new Assigned('key-legacy-2')));
    for (const written of Object.values(out)) {
      expect(written).not.toMatch(/pw-legacy-1|tok-legacy-1|key-legacy-2/);
      expect(written).toContain('"role":"admin"');
    }
  });

  it('has no effect on a static field, as with standard decorators', () => {
    const { Account } = compile(true);
    expect((Account as unknown as { shared: string }).shared).toBe('tok-static-1');
    expect(sanitize({ shared: (Account as unknown as { shared: string }).shared })).toEqual({ shared: 'tok-static-1' });
  });

  it('rejects a method or an accessor, as the standard decorator does', () => {
    const legacy = datapolicy('token') as unknown as (target: object, key: string, descriptor?: PropertyDescriptor) => void;
    expect(() => legacy({}, 'method', { value: () => 1, writable: true, enumerable: false, configurable: true })).toThrow('@datapolicy(token) applies to class fields only, not to a method');
    expect(() => legacy({}, 'accessor', { get: () => 1, enumerable: false, configurable: true })).toThrow('@datapolicy(token) applies to class fields only, not to an accessor');
  });

  it("type-checks as a legacy property decorator against the package's declared types", () => {
    const source = (name: string): string => fileURLToPath(new URL(name, import.meta.url));
    const file = source('./legacy-decorated.ts');
    const text = `import { datapolicy } from '../src/datapolicy.js';\n${SOURCE.replace(/\nclass /g, '\nexport class ')}`;
    // Only the decorator's own module and its kinds are loaded (noResolve): the check stays fast.
    const options: ts.CompilerOptions = {
      experimentalDecorators: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
      noResolve: true,
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) => (name === file ? ts.createSourceFile(name, text, version) : getSourceFile(name, version));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === file || fileExists(name);
    const program = ts.createProgram([file, source('../src/datapolicy.ts'), source('../src/kinds.ts')], options, host);
    const messages = ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual([]);
  });
});
