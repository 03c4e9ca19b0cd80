import { checkToken } from './check-token.js';
import { sendJSON } from './http-io.js';
import { login } from './login-handler.js';
import { createPod, listPods, podByName } from './pod-handlers.js';
import type { RequestContext } from './request-context.js';

interface Route {
  readonly method: string;
  readonly path: RegExp;
  /** Needs the API token. */
  readonly auth: boolean;
  readonly handle: (ctx: RequestContext, ...params: string[]) => void | Promise<void>;
}

const NAMED_POD = /^\/api\/pods\/([a-z0-9-]+)\/([a-z0-9.-]+)$/;

const ROUTES: readonly Route[] = [
  { method: 'GET', path: /^\/healthz$/, auth: false, handle: ({ res }) => sendJSON(res, 200, { status: 'ok' }) },
  { method: 'POST', path: /^\/api\/login$/, auth: false, handle: login },
  { method: 'GET', path: /^\/api\/pods$/, auth: false, handle: listPods },
  { method: 'POST', path: /^\/api\/pods$/, auth: true, handle: createPod },
  { method: 'GET', path: NAMED_POD, auth: false, handle: podByName(false) },
  { method: 'DELETE', path: NAMED_POD, auth: true, handle: podByName(true) },
];

/** Runs the route for the request, or answers 404. */
export async function route(ctx: RequestContext): Promise<void> {
  for (const { method, path, auth, handle } of ROUTES) {
    const match = path.exec(ctx.url.pathname);
    if (match === null || method !== ctx.req.method) continue;
    if (auth && !checkToken(ctx)) return;
    await handle(ctx, ...match.slice(1));
    return;
  }
  sendJSON(ctx.res, 404, { error: 'not found' });
}
