// Pins which own fields of an array, a typed array or a String object are fields rather than items
// (src/named-keys.ts): the scanner looks at `list.owner`, and leaves `list[0]` to the item walk.
import { describe, expect, it } from 'vitest';
import { createSanitizer, registerDataPolicy } from '../src/index.js';
import { namedKeys } from '../src/named-keys.js';

function arrayWith(fields: Record<string, unknown>, items: unknown[] = ['x', 'y']): unknown[] {
  return Object.assign([...items], fields);
}

describe('named keys of a list', () => {
  it('are none for a list of items only, or an empty list', () => {
    expect(namedKeys(['a', 'b'])).toStrictEqual([]);
    expect(namedKeys([])).toStrictEqual([]);
    expect(namedKeys(new Uint8Array([1, 2]))).toStrictEqual([]);
    expect(namedKeys(new String('ab'))).toStrictEqual([]);
    // Indices from every first digit, 0 to 9 and beyond.
    expect(namedKeys(Array.from({ length: 12 }, (_, i) => i))).toStrictEqual([]);
  });

  it('are the fields after the items', () => {
    expect(namedKeys(arrayWith({ owner: 'o', token: 't' }))).toStrictEqual(['owner', 'token']);
    expect(namedKeys(Object.assign(new Uint8Array([1]), { owner: 'o' }))).toStrictEqual(['owner']);
    expect(namedKeys(Object.assign(new String('ab'), { owner: 'o' }))).toStrictEqual(['owner']);
    expect(namedKeys(Object.assign({}, { owner: 'o', 0: 'zero' }))).toStrictEqual(['owner']);
  });

  it('include keys that only look like indices, each right after the items', () => {
    for (const name of ['01', '-1', '1.5', '1e3', ' 1', '/', ':', 'a', '4294967295', '9007199254740993']) {
      expect(namedKeys(arrayWith({ [name]: 1, owner: 'o' }))).toStrictEqual([name, 'owner']);
    }
  });

  it('leave out the largest index, 4294967294', () => {
    expect(namedKeys(arrayWith({ 4294967294: 'last', owner: 'o' }))).toStrictEqual(['owner']);
  });
});

describe('a field policy on an Array subclass', () => {
  it('redacts a field whose name is a number but not an index, as any other field', () => {
    class Batch extends Array<string> {}
    const unregister = registerDataPolicy(Batch, { '1.5': 'token', owner: 'password' });
    try {
      const batch = Object.assign(Batch.from(['a']), { '1.5': 'half-secret', owner: 'owner-secret' });
      const copy = createSanitizer().sanitize(batch);
      expect([copy[0], copy['1.5' as never], (copy as unknown as { owner: string }).owner]).toStrictEqual(['a', '[REDACTED:token]', '[REDACTED:password]']);
    } finally {
      unregister();
    }
  });
});
