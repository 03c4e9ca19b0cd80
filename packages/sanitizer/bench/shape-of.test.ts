import { describe, expect, it } from 'vitest';
import { shapeOf } from './shape-of.js';
import { w3Request, w3WithSecrets } from './workloads.js';

describe('shapeOf', () => {
  it('counts leaves, objects and levels', () => {
    expect(shapeOf('x')).toEqual({ leaves: 1, objects: 0, depth: 0 });
    expect(shapeOf({ a: 1, b: { c: [2, 3] } })).toEqual({ leaves: 3, objects: 3, depth: 3 });
  });

  it("gives W3 with secrets W3's shape: 15 leaves, 6 objects, 3 levels", () => {
    expect(shapeOf(w3Request)).toEqual({ leaves: 15, objects: 6, depth: 3 });
    expect(shapeOf(w3WithSecrets)).toEqual(shapeOf(w3Request));
  });
});
