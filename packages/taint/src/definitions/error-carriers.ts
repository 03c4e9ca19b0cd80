/**
 * A library whose errors carry the call that failed: an error caught from (or rejected by) a call of a
 * function or method `module` declares or exports holds the call's `arguments` (all when omitted), so
 * `catch (e) { log(e) }` around `axios.post(url, body, { headers: { Authorization: token } })` logs the token.
 */
export interface ErrorCarrier {
  /** Package name (`axios`; `got/dist/x` matches `got` too). */
  readonly module: string;
  /** Positions of the arguments the error holds; every argument when omitted. */
  readonly arguments?: readonly number[];
}

/**
 * The HTTP clients whose errors hold their request: axios (`AxiosError.config`: url, data, headers, auth), got
 * (`RequestError.options`), `@octokit/request` (`RequestError.request`: url and body; octokit redacts the
 * authorization header, a token passed in the body or URL stays), node-fetch and undici (the URL, in the
 * message). The global `fetch`'s `TypeError: fetch failed` holds no part of the request.
 */
export const DEFAULT_ERROR_CARRIERS: readonly ErrorCarrier[] = [
  { module: 'axios' },
  { module: 'got' },
  { module: '@octokit/request' },
  { module: 'node-fetch', arguments: [0] },
  { module: 'undici', arguments: [0] },
];

/** The carrier `module` (a package name or a file inside one) is, if any. */
export function findErrorCarrier(carriers: readonly ErrorCarrier[], module: string): ErrorCarrier | undefined {
  return carriers.find((c) => module === c.module || module.startsWith(`${c.module}/`) || module.includes(`/node_modules/${c.module}/`));
}
