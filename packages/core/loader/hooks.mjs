// @ts-check
/**
 * Node module hooks (registered by ../register.mjs): after the source of a TypeScript or JavaScript module
 * in the application is read, write its logging calls' call sites in. Register it before any TypeScript
 * loader (tsx), so that it sees the source as written and the line numbers are the real ones.
 */
import { Buffer } from 'node:buffer';
import { fileURLToPath, URL } from 'node:url';
import ts from 'typescript';
import { insertCallSites } from './insert-call-sites.mjs';

const SOURCE = /\.[cm]?[jt]sx?$/;

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.startsWith('file:') || url.includes('/node_modules/') || !SOURCE.test(new URL(url).pathname) || result.source === undefined || result.source === null) {
    return result;
  }
  const source = typeof result.source === 'string' ? result.source : Buffer.from(result.source).toString('utf8');
  try {
    return { ...result, source: insertCallSites(ts, source, fileURLToPath(url)) };
  } catch {
    // A file the parser cannot read is loaded as it is: the caller is then captured at run time.
    return result;
  }
}
