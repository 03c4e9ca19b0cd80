import type ts from 'typescript';

/** The logging methods and functions whose call sites are written in. */
export declare const LOGGING_CALLS: ReadonlySet<string>;
/** Writes each logging call's `file:line` into the call; see insert-call-sites.mjs. */
export declare function insertCallSites(typescript: typeof ts, source: string, file: string): string;
