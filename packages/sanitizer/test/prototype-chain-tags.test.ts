/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { inherits } from 'node:util';
import { describe, expect, it } from 'vitest';
import { datapolicy, installSanitizer, sanitize } from '../src/index.js';
import { everyOutput, resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

describe('decorator tags are found along the whole prototype chain', () => {
  resetFilterAfterEach();

  it('through util.inherits and ES5-style subclasses', () => {
    function Inherited(this: { user: string; password: string }): void {
      this.user = 'bob';
      this.password = 'pw-inherits';
    }
    inherits(Inherited, Credentials);
    function Es5(this: { password: string }): void {
      this.password = 'pw-es5';
    }
    Es5.prototype = Object.create(Credentials.prototype) as object;
    const inherited = new (Inherited as unknown as new () => object)();
    const es5 = new (Es5 as unknown as new () => object)();
    installSanitizer();
    const clean = sanitize({ inherited, es5 });
    expect({ ...clean.inherited }).toEqual({ user: 'bob', password: '[REDACTED:password]' });
    expect({ ...clean.es5 }).toEqual({ password: '[REDACTED:password]' });
    const out = everyOutput((logger) => logger.infoS('Legacy classes', 'inherited', inherited, 'es5', es5));
    for (const written of Object.values(out)) expect(written).not.toMatch(/pw-inherits|pw-es5/);
  });

  it('through Object.create(instance), and the nearest definition of a field wins', () => {
    const derived = Object.create(new Credentials()) as Credentials;
    derived.password = 'pw-derived';
    expect(sanitize(derived).password).toBe('[REDACTED:password]');
    class Retagged extends Credentials {
      @datapolicy('token') override password = 'tok-retagged';
    }
    function Child(this: { password: string }): void {
      this.password = 'tok-child';
    }
    Child.prototype = Object.create(Retagged.prototype) as object;
    expect(sanitize(new (Child as unknown as new () => { password: string })()).password).toBe('[REDACTED:token]');
  });

  it('for an instance built by Reflect.construct with a new.target outside the tagged class', () => {
    class Unrelated {}
    const built = Reflect.construct(Credentials, ['carol', 'pw-reflect'], Unrelated) as object;
    expect(built).toBeInstanceOf(Unrelated);
    installSanitizer();
    expect({ ...sanitize(built) }).toEqual({ user: 'carol', password: '[REDACTED:password]' });
    const out = everyOutput((logger) => logger.infoS('Reflected', 'built', built));
    for (const written of Object.values(out)) expect(written).not.toContain('pw-reflect');
    // Built the ordinary way, the class's chain finds its tags: nothing is recorded per instance.
    expect(sanitize(new Credentials('dave', 'pw-normal')).password).toBe('[REDACTED:password]');
  });
});
