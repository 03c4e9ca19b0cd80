// Pins the process-wide registry slot (src/registry-slot.ts): the error a copy of the package gives when the
// slot holds something that is not a registry (both sentences).
import { describe, expect, it, vi } from 'vitest';
import { registry } from '../src/registry-slot.js';

/** The process-wide slot every copy of the package shares. */
const SLOT = Symbol.for('klog-ts.sanitizer.registry');

describe('the registry slot', () => {
  it('a slot that is not a registry (null) makes another copy refuse to load, with the whole message', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, SLOT)!;
    expect(descriptor.value).toBe(registry);
    Reflect.deleteProperty(globalThis, SLOT);
    Object.defineProperty(globalThis, SLOT, { value: null, configurable: true });
    try {
      vi.resetModules();
      await expect(import('../src/registry-slot.js')).rejects.toThrow(
        '@klog-ts/sanitizer: another copy of the package uses registry version undefined; this copy uses version 1. ' +
          'Copies must share one registry so that none misses a registered secret: install a single version of @klog-ts/sanitizer.',
      );
    } finally {
      Reflect.deleteProperty(globalThis, SLOT);
      Object.defineProperty(globalThis, SLOT, descriptor);
    }
  });

});
