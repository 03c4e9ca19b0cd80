import { KObj } from '@klog-ts/core';
import { datapolicy } from '../src/index.js';

/** W3's message, as in `pnpm bench`. */
export const W3_MESSAGE = 'Request served';

/**
 * W3 of `pnpm bench`, value for value (`REQUEST` in tools/bench/src/workload-data.ts; tools/bench's
 * tests fail if the two drift apart): one nested object, 3 levels, 15 leaves, 6 objects, and nothing in it
 * that looks secret (no secret key name, no string a detector matches). `timing.db.rows` changes per line.
 */
export const w3Request = {
  method: 'GET',
  path: '/api/v1/namespaces/default/pods',
  status: 200,
  client: { ip: '10.244.1.17', port: 51234, tls: { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', resumed: false } },
  timing: { queueMs: 0.42, handlerMs: 3.75, db: { queries: 2, rows: 17, cached: true } },
  user: { name: 'system:serviceaccount:kube-system:replicaset-controller', groups: 3 },
};

/**
 * The three credentials of W3 with secrets, as they must never appear in a redacted line. Made of
 * parts, so that no credential-shaped literal sits in the source: a bearer token, a JWT (in a session
 * cookie) and a GitHub token (a password, as git's HTTPS credentials are).
 */
export const W3_SECRETS = {
  bearer: ['8f14e45f', 'ceea167a', '5a36dedd', '4bea2543'].join(''),
  jwt: ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJhbGljZSJ9', 'c2lnbmF0dXJlLW5vdC1yZWFs'].join('.'),
  github: ['ghp', 'a1B2c3D4e5F6'.repeat(3)].join('_'),
} as const;

/**
 * W3 with secrets: W3's size (3 levels, 15 leaves, 6 objects; the harness checks it against
 * {@link w3Request} before timing) with 3 leaves that are credentials. Each is reachable by one of
 * {@link w3Paths}, by a default key name (`authorization`, `cookie`, `password`) and by a string detector
 * (bearer, JWT, GitHub token), so every redaction variant replaces exactly 3 values per line.
 * `timing.db.rows` changes per line.
 */
export const w3WithSecrets = {
  method: 'GET',
  path: '/api/v1/namespaces/default/pods',
  status: 200,
  headers: { host: 'api.example.com', authorization: `Bearer ${W3_SECRETS.bearer}`, cookie: `session=${W3_SECRETS.jwt}` },
  client: { ip: '10.244.1.17', port: 51234 },
  timing: { queueMs: 0.42, handlerMs: 3.75, db: { queries: 2, rows: 17, cached: true } },
  user: { name: 'alice', password: W3_SECRETS.github },
};

/** The 3 redaction paths of the path variants (one wildcard), for klog-ts and pino alike. */
export const w3Paths: readonly string[] = ['request.headers.authorization', 'request.headers.cookie', '*.user.password'];

/** A class with one `@datapolicy` field, for W2's tagged instance. */
export class Credentials {
  user: string;
  @datapolicy('password') password: string;

  constructor(user: string, password: string) {
    this.user = user;
    this.password = password;
  }
}

/** W2's values: `pod` as KObj (at every call, as service code does), `node`, `attempt`, `latency`, `ok`; plus a tagged instance. */
export const w2Pod = { metadata: { name: 'web-7d4b9c6f5-x2x9k', namespace: 'default' } };
export const W2_PASSWORD = 'hunter2';
export const w2Credentials = new Credentials('alice', W2_PASSWORD);

/** A float that changes with the line, so no output can be cached (as in `pnpm bench`). */
export function latencyAt(line: number): number {
  return 0.25 + (line % 1000) * 0.013;
}

export { KObj };
