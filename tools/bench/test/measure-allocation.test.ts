import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { measureAllocation, type Allocation } from '../src/measure-allocation.js';

const run = promisify(execFile);

describe('measureAllocation', () => {
  it('sees a loop that allocates an escaping object per call', async () => {
    const kept: object[] = new Array<object>(1024);
    const allocation = await measureAllocation((calls) => {
      for (let i = 0; i < calls; i++) kept[i & 1023] = { i };
    }, 200_000);
    expect(allocation.allocates).toBe(true);
    expect(allocation.bytesPerCall).toBeGreaterThanOrEqual(8);
  });

  it('reports nothing for a loop that allocates nothing (measured in a process of its own)', async () => {
    const child = join(import.meta.dirname, 'fixtures', 'allocation-child.ts');
    const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', child]);
    const allocation = JSON.parse(stdout) as Allocation & { total: number };
    expect(allocation.total).toBeGreaterThan(0);
    expect(allocation).toMatchObject({ allocates: false, collections: 0 });
    expect(allocation.bytesPerCall).toBeLessThan(0.1);
  });
});
