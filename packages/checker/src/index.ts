/** `@klog-ts/checker`: the taint analysis from secret sources to logging sinks, its formatters and config. */
export * from './definitions/index.js';
