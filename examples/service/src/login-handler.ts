import { fromContext } from '@klog-ts/core';
import { readJSONBody, sendJSON, stringField } from './http-io.js';
import type { RequestContext } from './request-context.js';

/**
 * POST /api/login {user, password}. The V(5) record of the request body carries the password, which no
 * type can tag (it is parsed JSON): the sanitizer's key-name redaction keeps it out of the log. Logging the
 * `User` itself would be caught before that, by the ESLint rule `no-secret-logging` (its password field is
 * tagged `@datapolicy('password')`), and at run time by the sanitizer.
 */
export async function login({ req, res, users }: RequestContext): Promise<void> {
  const logger = fromContext();
  const body = await readJSONBody(req);
  logger.V(5).infoS('Login request', 'body', body);
  const name = stringField(body, 'user');
  const user = users.authenticate(name, stringField(body, 'password'));
  if (user === undefined) {
    logger.errorS(new Error('invalid user name or password'), 'Login failed', 'user', name);
    sendJSON(res, 401, { error: 'invalid credentials' });
    return;
  }
  logger.infoS('User logged in', 'user', user.name);
  sendJSON(res, 200, { user: user.name });
}
