/**
 * Request headers: never logged unless allowlisted; then through the log filter, so the sanitizer with
 * key-name redaction hides the credentials in Authorization and Cookie.
 */
import { createServer } from 'node:http';
import { installSanitizer, type Sanitizer } from '@klog-ts/sanitizer';
import { afterEach, describe, expect, it } from 'vitest';
import { withRequestLogging, type RequestLoggingOptions } from '../src/index.js';
import { captureLogs, eventually, valueOf, type CapturedLogs } from './support/captured-logs.js';
import { listen, type Listening } from './support/listen.js';

const SECRET_HEADERS = { authorization: 'Bearer tok-7f3a9c', cookie: 'session=sess-51be0d; theme=dark', 'user-agent': 'probe/1.0', 'x-tenant': 'blue' };

let server: Listening | undefined;
let sanitizer: Sanitizer | undefined;
afterEach(async () => {
  sanitizer?.uninstall();
  sanitizer = undefined;
  await server?.close();
  server = undefined;
});

async function logOne(options: Omit<RequestLoggingOptions, 'logger'>, format: 'json' | 'text' = 'json'): Promise<CapturedLogs> {
  const logs = captureLogs(format);
  server = await listen(createServer(withRequestLogging((_req, res) => res.end('ok'), { logger: logs.logger, ...options })));
  await (await fetch(server.url, { headers: SECRET_HEADERS })).text();
  await eventually(() => logs.text() !== '', 'the access entry');
  return logs;
}

describe('request headers', () => {
  it('are not logged by default', async () => {
    const logs = await logOne({});
    expect(logs.records()[0].kv.map(([key]) => key)).not.toContain('headers');
    for (const value of Object.values(SECRET_HEADERS)) expect(logs.text()).not.toContain(value);
  });

  it('are logged when allowlisted (any case), as a map of the ones present', async () => {
    const logs = await logOne({ headers: ['User-Agent', 'x-tenant', 'x-absent'] });
    expect(valueOf(logs.records()[0], 'headers')).toEqual({ 'user-agent': 'probe/1.0', 'x-tenant': 'blue' });
    expect(logs.text()).not.toContain('tok-7f3a9c');
  });

  it('go through the sanitizer: with keys: true, Authorization and Cookie are redacted, in JSON and text', async () => {
    sanitizer = installSanitizer({ keys: true });
    const json = await logOne({ headers: ['authorization', 'cookie', 'user-agent'] });
    expect(valueOf(json.records()[0], 'headers')).toEqual({
      authorization: '[REDACTED:password,token]',
      cookie: '[REDACTED:token]',
      'user-agent': 'probe/1.0',
    });
    await server?.close();
    server = undefined;
    const text = await logOne({ headers: ['authorization', 'cookie'] }, 'text');
    expect(text.text()).toContain('headers={"authorization":"[REDACTED:password,token]","cookie":"[REDACTED:token]"}');
    expect(json.text() + text.text()).not.toMatch(/tok-7f3a9c|sess-51be0d/);
  });
});
