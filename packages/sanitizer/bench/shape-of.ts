/** The size of a logged value: its leaves (non-object values), its objects (arrays included) and its depth. */
export interface Shape {
  leaves: number;
  objects: number;
  depth: number;
}

/** The shape of a tree of plain objects and arrays (W3's object: 15 leaves, 6 objects, 3 levels). */
export function shapeOf(value: unknown): Shape {
  if (typeof value !== 'object' || value === null) return { leaves: 1, objects: 0, depth: 0 };
  const shape: Shape = { leaves: 0, objects: 1, depth: 1 };
  for (const child of Object.values(value)) {
    const inner = shapeOf(child);
    shape.leaves += inner.leaves;
    shape.objects += inner.objects;
    shape.depth = Math.max(shape.depth, inner.depth + 1);
  }
  return shape;
}
