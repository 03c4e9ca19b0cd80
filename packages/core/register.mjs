// @ts-check
/**
 * `node --import @klog-ts/core/register --import tsx app.ts`: writes each logging call's `file:line` into
 * the call at load time, so klog-ts records the caller without capturing a stack (see loader/hooks.mjs).
 * Needs the `typescript` package (to parse); put it before any TypeScript loader.
 */
import { register } from 'node:module';

register('./loader/hooks.mjs', import.meta.url);
