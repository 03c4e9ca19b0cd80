import { describe, expect, it } from 'vitest';
import { measureAllocation } from '../src/measure-allocation.js';

describe('measureAllocation', () => {
  it('sees a loop that allocates an escaping object per call', async () => {
    const kept: object[] = new Array<object>(1024);
    const allocation = await measureAllocation((calls) => {
      for (let i = 0; i < calls; i++) kept[i & 1023] = { i };
    }, 200_000);
    expect(allocation.allocates).toBe(true);
    expect(allocation.bytesPerCall).toBeGreaterThanOrEqual(8);
  });

  it('reports nothing for a loop that allocates nothing', async () => {
    let total = 0;
    const allocation = await measureAllocation((calls) => {
      for (let i = 0; i < calls; i++) total += i & 1;
    }, 200_000);
    expect(total).toBeGreaterThan(0);
    expect(allocation).toMatchObject({ allocates: false, collections: 0 });
    expect(allocation.bytesPerCall).toBeLessThan(0.5);
  });
});
