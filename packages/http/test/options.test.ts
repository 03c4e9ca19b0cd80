import { createServer } from 'node:http';
import { ConfigError } from '@klog-ts/core';
import { afterEach, describe, expect, it } from 'vitest';
import { isValidRequestId, withRequestLogging, type RequestLoggingOptions } from '../src/index.js';
import { expressRequestLogging } from '../src/express/index.js';
import { captureLogs, eventually, valueOf } from './support/captured-logs.js';
import { listen, type Listening } from './support/listen.js';

describe('options', () => {
  it.each<[string, unknown, string]>([
    ['requestIdHeader', { requestIdHeader: 'x request id' }, 'invalid requestIdHeader "x request id": must be an HTTP header name'],
    ['headers', { headers: ['ok', 'bad:name'] }, 'invalid headers "bad:name": must be an HTTP header name'],
    ['headers', { headers: 'authorization' }, 'invalid headers "authorization": must be an array of header names'],
    ['accessLevel', { accessLevel: 1.5 }, 'invalid accessLevel 1.5: must be a non-negative integer'],
    ['logQuery', { logQuery: 'yes' }, 'invalid logQuery "yes": must be a boolean'],
    ['logger', { logger: console }, 'must be a klog-ts Logger'],
    ['generateRequestId', { generateRequestId: 'uuid' }, 'invalid generateRequestId "uuid": must be a function'],
    ['options', 'verbose', 'invalid request logging options "verbose": must be an object'],
  ])('a bad %s throws a ConfigError when the middleware is made', (_name, options, message) => {
    for (const make of [() => withRequestLogging(() => undefined, options as RequestLoggingOptions), () => expressRequestLogging(options as RequestLoggingOptions)]) {
      expect(make).toThrow(ConfigError);
      expect(make).toThrow(message);
    }
  });
});

describe('request IDs', () => {
  it('isValidRequestId: 1 to 128 of letters, digits and -._~:/+=@', () => {
    expect(['a', 'A-z_0.9~:/+=@', 'x'.repeat(128), '4bf92f3577b34da6a3ce929d0e0e4736'].map(isValidRequestId)).toEqual([true, true, true, true]);
    expect(['', 'x'.repeat(129), 'a b', 'a,b', 'a"b', "a'b", 'a\nb', 'a\u0000b', 'ü', 'a;b', 'a\\b', '<a>'].map(isValidRequestId)).toEqual(Array(12).fill(false));
  });

  let server: Listening | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('a generator that throws or returns no string gets a UUID, and the request is served', async () => {
    for (const generateRequestId of [
      () => {
        throw new Error('no ids today');
      },
      () => 42 as unknown as string,
    ]) {
      const logs = captureLogs();
      server = await listen(createServer(withRequestLogging((_req, res) => res.end('ok'), { logger: logs.logger, generateRequestId })));
      expect(await (await fetch(server.url)).text()).toBe('ok');
      await eventually(() => logs.text() !== '', 'the access entry');
      expect(valueOf(logs.records()[0], 'requestID')).toMatch(/^[0-9a-f-]{36}$/);
      await server.close();
      server = undefined;
    }
  });
});
