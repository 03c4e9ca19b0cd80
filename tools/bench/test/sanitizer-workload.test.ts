import { describe, expect, it } from 'vitest';
import { w3Request } from '../../../packages/sanitizer/bench/workloads.js';
import { REQUEST } from '../src/workload-data.js';

// The sanitizer's benchmark (run by the hook) reports its ratios against "W3": it must be this W3.
describe("the sanitizer benchmark's W3", () => {
  it("is pnpm bench's W3, value for value", () => {
    expect(w3Request).toEqual(REQUEST);
  });
});
