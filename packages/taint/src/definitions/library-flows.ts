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

/** Library methods whose result carries their receiver's content. */
export const RECEIVER_METHODS = new Set([
  'toString', 'valueOf', 'toJSON', 'toLocaleString', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase',
  'toLocaleUpperCase', 'toLocaleLowerCase', 'slice', 'substring', 'substr', 'split', 'join', 'concat', 'padStart',
  'padEnd', 'repeat', 'at', 'charAt', 'normalize', 'replace', 'replaceAll', 'filter', 'flat', 'find', 'findLast',
  'reverse', 'sort', 'toSorted', 'toReversed', 'values', 'entries', 'get', 'subarray', 'pop', 'shift', 'finally',
  'catch', 'match', 'with', 'getAll',
]);

/** Library functions and methods whose result carries their arguments' content (`JSON.parse(JSON.stringify(x))` is a deep copy of x). */
export const ARGUMENT_FUNCTIONS = new Set([
  'String', 'stringify', 'encodeURIComponent', 'encodeURI', 'escape', 'btoa', 'atob', 'from', 'of', 'values',
  'entries', 'assign', 'fromEntries', 'structuredClone', 'resolve', 'all', 'allSettled', 'race', 'any', 'format',
  'inspect', 'sprintf', 'concat', 'join', 'Array', 'Object', 'parse',
]);

/** Library functions that return an object's key names, not its values: nothing passes through them. */
export const KEY_LISTERS = new Set(['keys', 'getOwnPropertyNames']);

/** Library methods that call their first argument with the receiver's content and return its result. */
export const MAPPING_METHODS = new Set(['then', 'map', 'flatMap']);

/** Library methods that call their first argument with the receiver's elements: which parameter gets them. */
export const CALLBACK_PARAM: ReadonlyMap<string, number> = new Map([
  ['forEach', 0], ['map', 0], ['flatMap', 0], ['filter', 0], ['find', 0], ['findLast', 0], ['findIndex', 0], ['some', 0],
  ['every', 0], ['then', 0], ['reduce', 1], ['reduceRight', 1], ['sort', 0], ['toSorted', 0],
]);

/** Library methods that return one element of their receiver: `m.get(k)`, `xs.find(...)`, `xs.at(-1)`. */
export const ELEMENT_GETTERS = new Set(['get', 'at', 'find', 'findLast', 'pop', 'shift']);

/** Library methods that return (a view of) some of their receiver's elements: `m.values()`, `xs.filter(...)`. */
export const ELEMENT_VIEWS = new Set(['values', 'filter', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed']);

/** Library methods whose callback gets an accumulator first: the initial value (second argument) or an element. */
export const ACCUMULATOR_METHODS = new Set(['reduce', 'reduceRight']);

/** Promise methods whose callback at this argument position receives the rejection reason. */
export const REJECTION_CALLBACK: ReadonlyMap<string, number> = new Map([['catch', 0], ['then', 1]]);

/** Verbs of functions whose result is the thing their name says: `getToken()`, `fetchApiKey()`. */
export const PRODUCER_VERBS = new Set([
  'get', 'fetch', 'load', 'read', 'create', 'generate', 'issue', 'sign', 'mint', 'refresh', 'obtain', 'retrieve',
  'decrypt', 'make', 'acquire', 'reveal',
]);

/** Library getters that return the value stored under a name: `headers.get('authorization')`. */
export const KEYED_GETTERS = new Set(['get', 'getHeader', 'header', 'getItem', 'getAll', 'getenv']);
