// How library functions and methods move content, by name: what the taint analyses of the checker and the
// ESLint plugin assume of code they cannot read.

/** Container methods that store some of their arguments, and the index of the first one they store. */
export const CONTAINER_MUTATORS: ReadonlyMap<string, number> = new Map([
  ['push', 0],
  ['unshift', 0],
  ['add', 0],
  ['set', 1],
  ['splice', 2],
  ['append', 1],
]);
