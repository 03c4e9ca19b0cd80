// Library behaviour the taint engine relies on, by method or function name.

// Library methods whose result carries their receiver's content.
export const RECEIVER_METHODS = new Set([
  'toString', 'valueOf', 'toJSON', 'toLocaleString', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase',
  'toLocaleUpperCase', 'toLocaleLowerCase', 'slice', 'substring', 'substr', 'split', 'join', 'concat', 'padStart',
  'padEnd', 'repeat', 'at', 'charAt', 'normalize', 'replace', 'replaceAll', 'filter', 'flat', 'find', 'findLast',
  'reverse', 'sort', 'toSorted', 'toReversed', 'values', 'entries', 'get', 'subarray', 'pop', 'shift', 'finally',
  'catch', 'match', 'with', 'getAll',
]);

// Library functions and methods whose result carries their arguments' content.
export const ARGUMENT_FUNCTIONS = new Set([
  'String', 'stringify', 'encodeURIComponent', 'encodeURI', 'escape', 'btoa', 'atob', 'from', 'of', 'values',
  'entries', 'assign', 'fromEntries', 'structuredClone', 'resolve', 'all', 'allSettled', 'race', 'any', 'format',
  'inspect', 'sprintf', 'concat', 'join', 'Array', 'Object',
]);

// Library methods that call their first argument with the receiver's content and return its result.
export const MAPPING_METHODS = new Set(['then', 'map', 'flatMap']);

// Library methods that call their first argument with the receiver's elements: which parameter gets them.
export const CALLBACK_PARAM: ReadonlyMap<string, number> = new Map([
  ['forEach', 0], ['map', 0], ['flatMap', 0], ['filter', 0], ['find', 0], ['findLast', 0], ['findIndex', 0], ['some', 0],
  ['every', 0], ['then', 0], ['reduce', 1], ['reduceRight', 1], ['sort', 0], ['toSorted', 0],
]);

// Verbs of functions whose result is the thing their name says: `getToken()`, `fetchApiKey()`.
export const PRODUCER_VERBS = new Set([
  'get', 'fetch', 'load', 'read', 'create', 'generate', 'issue', 'sign', 'mint', 'refresh', 'obtain', 'retrieve',
  'decrypt', 'make', 'acquire', 'reveal',
]);

// Library getters that return the value stored under a name: `headers.get('authorization')`.
export const KEYED_GETTERS = new Set(['get', 'getHeader', 'header', 'getItem', 'getAll', 'getenv']);
