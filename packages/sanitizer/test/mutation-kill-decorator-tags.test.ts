// Pins where decorator tags are kept and found (src/decorator-tags.ts): the metadata protocol shared with other
// copies of the package, instances built outside their class's chain (every tagged field, and fail closed when
// the instance cannot say what built it), compilers that give no metadata (every field, arrays, instances
// without a constructor, one plan per class), and a class tagged by both kinds of decorators.
import { describe, expect, it } from 'vitest';
import { createSanitizer, datapolicy } from '../src/index.js';
import { planFor } from '../src/plan.js';
import { registry } from '../src/registry-slot.js';

/** A standard field decorator's context as a compiler without decorator metadata passes it. */
function noMetadataContext(name: string, initializers: ((this: unknown) => void)[]): ClassFieldDecoratorContext {
  return {
    kind: 'field',
    name,
    static: false,
    private: false,
    metadata: undefined,
    addInitializer: (fn: (this: unknown) => void) => initializers.push(fn),
  } as unknown as ClassFieldDecoratorContext;
}

describe('decorator tags', () => {
  it('an ordinary instance of a decorated class is not tagged one by one', () => {
    class Login {
      @datapolicy('password') password = 'p';
    }
    const login = new Login();
    expect(registry.instancesTagged).toBe(false);
    expect({ ...createSanitizer().sanitize(login) }).toStrictEqual({ password: '[REDACTED:password]' });
  });

  it('an instance of a subclass of a decorated class is not tagged one by one (its metadata inherits the class\'s)', () => {
    class Account {
      @datapolicy('password') password = 'p';
    }
    class Admin extends Account {
      @datapolicy('token') token = 't';
    }
    const admin = new Admin();
    expect(registry.instanceTags.has(admin)).toBe(false);
    expect({ ...createSanitizer().sanitize(admin) }).toStrictEqual({ password: '[REDACTED:password]', token: '[REDACTED:token]' });
  });

  it('are read from a class\'s metadata under the shared symbols (a class compiled with another copy)', () => {
    class Foreign {
      pin = '1234';
      user = 'u';
    }
    const metadata = { [Symbol.for('klog-ts.sanitizer.datapolicy')]: new Map([['pin', Object.freeze(['password'])]]) };
    Object.defineProperty(Foreign, Symbol.for('Symbol.metadata'), { value: metadata });
    expect({ ...createSanitizer().sanitize(new Foreign()) }).toStrictEqual({ pin: '[REDACTED:password]', user: 'u' });
  });

  it('an instance built outside the chain gets every tagged field of its class', () => {
    class Pair {
      @datapolicy('password') password = 'p';
      @datapolicy('token') token = 't';
      user = 'u';
    }
    class Unrelated {}
    const built = Reflect.construct(Pair, [], Unrelated) as object;
    expect({ ...createSanitizer().sanitize(built) }).toStrictEqual({ password: '[REDACTED:password]', token: '[REDACTED:token]', user: 'u' });
    // The parent's metadata does not get a subclass's tags.
    class Child extends Pair {
      @datapolicy('token') override user = 'v';
    }
    expect({ ...createSanitizer().sanitize(new Pair()) }).toStrictEqual({ password: '[REDACTED:password]', token: '[REDACTED:token]', user: 'u' });
    expect({ ...createSanitizer().sanitize(new Child()) }).toStrictEqual({ password: '[REDACTED:password]', token: '[REDACTED:token]', user: '[REDACTED:token]' });
  });

  it('an instance whose constructor cannot be read is tagged (fail closed)', () => {
    class Login {
      @datapolicy('password') password = 'p';
    }
    function Opaque(): void {}
    Object.defineProperty(Opaque.prototype, 'constructor', {
      get(): never {
        throw new Error('no constructor');
      },
    });
    const built = Reflect.construct(Login, [], Opaque) as object;
    expect(Object.getPrototypeOf(built)).toBe(Opaque.prototype);
    const out = createSanitizer().sanitize(built);
    expect(Object.getPrototypeOf(out)).toBe(Opaque.prototype);
    expect({ ...out }).toStrictEqual({ password: '[REDACTED:password]' });
  });
});

describe('decorator tags without metadata (tagged from the first instance)', () => {
  it('every tagged field of the class, and one plan for it once its instances are known', () => {
    const initializers: ((this: unknown) => void)[] = [];
    class Account {
      pin = '1234';
      key = 'k';
      user = 'u';
    }
    datapolicy('password')(undefined, noMetadataContext('pin', initializers));
    datapolicy('token')(undefined, noMetadataContext('key', initializers));
    const first = new Account();
    for (const init of initializers) init.call(first);
    expect({ ...createSanitizer().sanitize(first) }).toStrictEqual({ pin: '[REDACTED:password]', key: '[REDACTED:token]', user: 'u' });
    const plan = planFor(Account.prototype);
    const second = new Account();
    for (const init of initializers) init.call(second);
    expect(planFor(Account.prototype)).toBe(plan);
    expect({ ...createSanitizer().sanitize(second) }).toStrictEqual({ pin: '[REDACTED:password]', key: '[REDACTED:token]', user: 'u' });
  });

  it('an instance without a constructor is left alone', () => {
    const initializers: ((this: unknown) => void)[] = [];
    datapolicy('password')(undefined, noMetadataContext('pin', initializers));
    const bare = Object.assign(Object.create(null) as object, { pin: '1' });
    for (const init of initializers) expect(() => init.call(bare)).not.toThrow();
    expect(createSanitizer().sanitize(bare)).toBe(bare);
  });

  it('an Array subclass: its tagged field is found on arrays from then on', () => {
    const initializers: ((this: unknown) => void)[] = [];
    class Batch extends Array<unknown> {}
    datapolicy('token')(undefined, noMetadataContext('owner', initializers));
    const batch = Object.assign(new Batch(), { owner: 'o' });
    batch.push('item');
    for (const init of initializers) init.call(batch);
    const out = createSanitizer().sanitize(batch);
    expect([...out]).toStrictEqual(['item']);
    expect((out as unknown as { owner: string }).owner).toBe('[REDACTED:token]');
  });

  it('a standard decorator with metadata on an Array subclass too', () => {
    class Batch extends Array<unknown> {
      @datapolicy('token') owner = 'o';
    }
    const batch = new Batch();
    batch.push('item');
    const out = createSanitizer().sanitize(batch);
    expect([...out]).toStrictEqual(['item']);
    expect((out as unknown as { owner: string }).owner).toBe('[REDACTED:token]');
  });

  it('a class with standard tags and legacy tags on the same prototype: both apply', () => {
    class Mixed {
      @datapolicy('password') password = 'p';
      apiKey = 'k';
      user = 'u';
    }
    datapolicy('api-key')(Mixed.prototype, 'apiKey');
    expect({ ...createSanitizer().sanitize(new Mixed()) }).toStrictEqual({ password: '[REDACTED:password]', apiKey: '[REDACTED:api-key]', user: 'u' });
  });

  it('two legacy tags on one prototype: both apply', () => {
    class Legacy {
      a = 'a';
      b = 'b';
      c = 'c';
    }
    datapolicy('token')(Legacy.prototype, 'a');
    datapolicy('password')(Legacy.prototype, 'b');
    expect({ ...createSanitizer().sanitize(new Legacy()) }).toStrictEqual({ a: '[REDACTED:token]', b: '[REDACTED:password]', c: 'c' });
  });
});
