/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them in the exported records. */
import { SeverityNumber } from '@opentelemetry/api-logs';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { afterEach, describe, expect, it } from 'vitest';
import { configure, createLogger, errorf, infoln, KObj, KRef, setLogFilter, warning, type Logger, type LoggerOptions } from '@klog-ts/core';
import { datapolicy, installSanitizer, registerDataPolicy, secret } from '@klog-ts/sanitizer';
import { disableTraceCorrelation, enableTraceCorrelation } from '@klog-ts/otel';
import { otelLogsSink } from '@klog-ts/otel/logs';
import { inSpan, loggerProvider, takeRecords } from './otel-sdk.js';

/** A logger whose entries go to the global logger provider (the in-memory exporter), at a fixed time. */
function bridged(options: LoggerOptions = {}): Logger {
  return createLogger({ sink: otelLogsSink(), caller: false, verbosity: 10, clock: () => 1_709_802_303_012_345_678n, ...options });
}

afterEach(() => {
  disableTraceCorrelation();
  setLogFilter(undefined);
  configure({ sink: null });
  takeRecords();
});

describe('a record per entry', () => {
  it('keeps the time, the message as body, and the pairs as attributes', () => {
    const log = bridged();
    log.withName('controller').withValues('replicaSet', KRef('shop', 'web')).infoS('Pod synced', 'pod', KObj({ metadata: { name: 'web-1', namespace: 'shop' } }), 'attempt', 2, 'ok', true, 'latency', 1.5);
    const [record] = takeRecords();
    expect(record.hrTime).toEqual([1_709_802_303, 12_345_678]);
    expect(record.body).toBe('Pod synced');
    expect(record.severityNumber).toBe(SeverityNumber.INFO);
    expect(record.severityText).toBe('INFO');
    expect(record.instrumentationScope.name).toBe('@klog-ts/otel');
    expect({ ...record.attributes }).toEqual({
      replicaSet: { name: 'web', namespace: 'shop' },
      pod: { name: 'web-1', namespace: 'shop' },
      attempt: 2,
      ok: true,
      latency: 1.5,
      v: 0,
      logger: 'controller',
    });
  });

  it('maps severities and V levels to SeverityNumber', () => {
    const log = bridged();
    for (let level = 0; level <= 9; level++) log.V(level).infoS('Verbose');
    log.errorS(undefined, 'Failed');
    const global = takeRecords();
    const levels = global.map((record) => [record.severityNumber, record.severityText]);
    expect(levels).toEqual([
      [SeverityNumber.INFO, 'INFO'],
      [SeverityNumber.DEBUG4, 'INFO'],
      [SeverityNumber.DEBUG3, 'INFO'],
      [SeverityNumber.DEBUG2, 'INFO'],
      [SeverityNumber.DEBUG, 'INFO'],
      [SeverityNumber.TRACE4, 'INFO'],
      [SeverityNumber.TRACE3, 'INFO'],
      [SeverityNumber.TRACE2, 'INFO'],
      [SeverityNumber.TRACE, 'INFO'],
      [SeverityNumber.TRACE, 'INFO'],
      [SeverityNumber.ERROR, 'ERROR'],
    ]);
    // The V level itself is kept, so V(8) and V(9) stay apart.
    expect(global.slice(8, 10).map((record) => record.attributes.v)).toEqual([8, 9]);
  });

  it('maps warnings and legacy calls (the global logger through the sink)', () => {
    configure({ sink: otelLogsSink(), caller: false });
    warning('Disk ', 91, '% full');
    errorf('Retry %d failed', 3);
    infoln('Done', 2);
    expect(takeRecords().map((record) => [record.severityNumber, record.severityText, record.body])).toEqual([
      [SeverityNumber.WARN, 'WARNING', 'Disk 91% full'],
      [SeverityNumber.ERROR, 'ERROR', 'Retry 3 failed'],
      [SeverityNumber.INFO, 'INFO', 'Done 2'],
    ]);
  });

  it('writes errors as exception.* attributes (semantic conventions), and the caller as code.*', () => {
    class NotFoundError extends Error {}
    const err = new NotFoundError('pod not found');
    bridged({ caller: true }).errorS(err, 'Lookup failed', 'pod', 'web-1');
    const [record] = takeRecords();
    expect(record.severityNumber).toBe(SeverityNumber.ERROR);
    expect(record.attributes['exception.type']).toBe('NotFoundError');
    expect(record.attributes['exception.message']).toBe('pod not found');
    expect(record.attributes['exception.stacktrace']).toBe(err.stack);
    expect(record.attributes['code.file.path']).toBe(import.meta.filename);
    expect(record.attributes['code.line.number']).toEqual(expect.any(Number));
    expect(record.attributes.pod).toBe('web-1');
    expect(record.attributes.v).toBeUndefined();
  });

  it('writes an error that is not an Error as its message only', () => {
    bridged().errorS('timed out', 'Call failed');
    const [record] = takeRecords();
    expect(record.attributes['exception.message']).toBe('timed out');
    expect(record.attributes['exception.type']).toBeUndefined();
  });

  it('renames a pair whose key the bridge writes itself, and keeps a dangling key', () => {
    bridged().withName('svc').infoS('Clash', 'v', 'mine', 'logger', 'also mine', 'dangling');
    const [record] = takeRecords();
    expect({ ...record.attributes }).toEqual({ 'fields.v': 'mine', 'fields.logger': 'also mine', dangling: '(MISSING)', v: 0, logger: 'svc' });
  });

  it('turns every kind of value into an OpenTelemetry value, and never throws', () => {
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const throwing = {
      get broken(): never {
        throw new Error('getter failed');
      },
    };
    bridged().infoS(
      'Values',
      'big', 12n,
      'huge', 2n ** 70n,
      'none', undefined,
      'nil', null,
      'when', new Date(0),
      'bytes', new Uint8Array([1, 2]),
      'list', [1, 'a', [true]],
      'map', new Map<unknown, unknown>([['k', 1], [2, 'two']]),
      'set', new Set([3]),
      'point', new Point(1, 2),
      'cause', new Error('inner'),
      'url', new URL('https://example.test/a'),
      'cycle', cycle,
      'throwing', throwing,
      'symbol', Symbol('s'),
    );
    const [record] = takeRecords();
    expect(record.droppedAttributesCount).toBe(0);
    expect({ ...record.attributes }).toEqual({
      big: 12,
      huge: '1180591620717411303424',
      none: null,
      nil: null,
      when: '1970-01-01T00:00:00.000Z',
      bytes: new Uint8Array([1, 2]),
      list: [1, 'a', [true]],
      map: { k: 1, 2: 'two' },
      set: [3],
      point: { x: 1, y: 2 },
      cause: 'inner',
      url: 'https://example.test/a',
      cycle: { name: 'loop', self: '<cycle>' },
      throwing: { broken: '<panic: getter failed>' },
      symbol: 'Symbol(s)',
      v: 0,
    });
  });

  it('goes to the logger provider it is given, under the scope it is given', () => {
    const exporter = new InMemoryLogRecordExporter();
    const provider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
    createLogger({ sink: otelLogsSink({ loggerProvider: provider, name: 'billing', version: '1.2.3' }) }).infoS('Own provider');
    const [record] = exporter.getFinishedLogRecords();
    expect(record.body).toBe('Own provider');
    expect(record.instrumentationScope).toMatchObject({ name: 'billing', version: '1.2.3' });
    expect(takeRecords()).toEqual([]);
    expect(provider).not.toBe(loggerProvider);
  });
});

describe('trace context', () => {
  it('a record logged inside a span carries its trace context; the correlation pairs are not repeated as attributes', () => {
    enableTraceCorrelation();
    const log = bridged();
    const { span } = inSpan(() => log.infoS('Inside', 'k', 'v'));
    log.infoS('Outside', 'trace_id', 'from the caller');
    const [inside, outside] = takeRecords();
    expect(inside.spanContext).toMatchObject({ traceId: span.spanContext().traceId, spanId: span.spanContext().spanId, traceFlags: 1 });
    expect({ ...inside.attributes }).toEqual({ k: 'v', v: 0 });
    expect(outside.spanContext).toBeUndefined();
    expect(outside.attributes.trace_id).toBe('from the caller');
  });

  it('also without trace correlation (the SDK reads the active context)', () => {
    const log = bridged();
    const { span } = inSpan(() => log.infoS('Inside'));
    const [record] = takeRecords();
    expect(record.spanContext?.spanId).toBe(span.spanContext().spanId);
  });
});

describe('after the sanitizer', () => {
  class Credentials {
    user = 'app';
    @datapolicy('password') password = 'hunter2';
  }

  it('redacted values stay redacted in the exported records: call pairs, bound pairs, tagged fields, errors, the message', () => {
    installSanitizer({ detectors: true, paths: ['req.headers.authorization'] });
    enableTraceCorrelation();
    const bound = bridged().withValues('session', secret('s3cr3t-session', 'token'));
    inSpan(() => {
      bound.infoS('Login with Bearer abcdefghijklmnopqrstuvwxyz', 'credentials', new Credentials(), 'req', { headers: { authorization: 'Basic dXNlcjpodW50ZXIy' } }, 'apiKey', secret('AKIAIOSFODNN7EXAMPLE'));
      bound.errorS(new Error('token ghp_abcdefghijklmnopqrstuvwxyz0123456789 rejected'), 'Push failed');
    });
    const records = takeRecords();
    expect(records).toHaveLength(2);
    const exported = JSON.stringify(records.map((record) => ({ body: record.body, attributes: record.attributes })));
    for (const leaked of ['hunter2', 's3cr3t-session', 'dXNlcjpodW50ZXIy', 'AKIAIOSFODNN7EXAMPLE', 'abcdefghijklmnopqrstuvwxyz', 'ghp_']) expect(exported).not.toContain(leaked);
    expect(records[0].attributes.credentials).toEqual({ user: 'app', password: '[REDACTED:password]' });
    expect(records[0].attributes.session).toBe('[REDACTED:token]');
    expect(records[0].body).toContain('[REDACTED:token]');
    expect(records[0].spanContext?.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a type registered after binding is redacted in entries written afterwards', () => {
    installSanitizer();
    class ApiKey {
      constructor(readonly value: string) {}
    }
    const bound = bridged().withValues('key', new ApiKey('k-123456'));
    registerDataPolicy(ApiKey, 'token');
    bound.infoS('Using key');
    const [record] = takeRecords();
    expect(JSON.stringify(record.attributes)).not.toContain('k-123456');
  });
});
