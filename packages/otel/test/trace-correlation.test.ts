import { setTimeout as sleep } from 'node:timers/promises';
import { context, INVALID_SPAN_CONTEXT, trace } from '@opentelemetry/api';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  background,
  ConfigError,
  configure,
  createLogger,
  errorf,
  fromContext,
  getContextValuesHook,
  infoS,
  KRef,
  setContextValuesHook,
  V,
  warning,
  withLogger,
  type LoggerOptions,
  type LogFormat,
} from '@klog-ts/core';
import { pinoSink } from '@klog-ts/pino';
import { installSanitizer, secret } from '@klog-ts/sanitizer';
import { disableTraceCorrelation, enableTraceCorrelation, traceCorrelationKeys } from '@klog-ts/otel';
import { idPairs, inSpan, unsampledTracer } from './otel-sdk.js';

/** A logger writing into a string: no headers, no caller, a fixed clock. */
function capture(options: LoggerOptions = {}): { log: ReturnType<typeof createLogger>; lines: () => string[] } {
  let text = '';
  const log = createLogger({ headers: false, caller: false, clock: () => 0, output: { write: (chunk: string) => void (text += chunk), flush: () => undefined }, ...options });
  return { log, lines: () => text.split('\n').slice(0, -1) };
}

afterEach(() => {
  disableTraceCorrelation();
  setContextValuesHook(undefined);
  configure({ format: 'text', verbosity: 0, output: process.stderr, headers: true, caller: true, sink: null, filter: null });
});

describe('entries logged inside a span carry its ids', () => {
  it('in the text format, after bound values and before the call pairs', () => {
    enableTraceCorrelation();
    const { log, lines } = capture();
    const { span } = inSpan(() => log.withValues('controller', 'rs').infoS('Synced', 'pod', KRef('shop', 'web-1')));
    expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines()).toEqual([`"Synced" controller="rs" ${idPairs(span)} pod="shop/web-1"`]);
  });

  it('in the JSON format, as string fields', () => {
    enableTraceCorrelation();
    const { log, lines } = capture({ format: 'json' });
    const { span } = inSpan(() => log.infoS('Synced', 'attempt', 2));
    const { traceId, spanId } = span.spanContext();
    expect(lines()).toEqual([`{"ts":0,"msg":"Synced","v":0,"trace_id":"${traceId}","span_id":"${spanId}","trace_flags":"01","attempt":2}`]);
  });

  it('through every logger path: global, background, createLogger, children, V, errors, legacy calls, contextual', () => {
    enableTraceCorrelation();
    for (const format of ['text', 'json'] as LogFormat[]) {
      let text = '';
      configure({ format, output: { write: (chunk: string) => void (text += chunk), flush: () => undefined }, headers: false, caller: false, verbosity: 3 });
      const { span } = inSpan(() => {
        infoS('Global');
        background().withName('svc').withValues('b', 1).V(2).info('Child');
        createLogger({ format, output: { write: (chunk: string) => void (text += chunk), flush: () => undefined }, headers: false, caller: false }).errorS(new Error('boom'), 'Created');
        V(3).infoS('Verbose');
        warning('Legacy ', 42);
        errorf('Legacy %d', 7);
        withLogger(background().withValues('request', 'r1'), () => fromContext().infoS('Contextual'));
      });
      const { traceId, spanId } = span.spanContext();
      const lines = text.split('\n').slice(0, -1);
      expect(lines, format).toHaveLength(7);
      for (const line of lines) {
        if (format === 'text') expect(line, line).toContain(idPairs(span));
        else expect(JSON.parse(line), line).toMatchObject({ trace_id: traceId, span_id: spanId, trace_flags: '01' });
      }
    }
  });

  it('through the pino backend, as fields of the pino record', () => {
    enableTraceCorrelation();
    let text = '';
    const log = createLogger({ sink: pinoSink(pino({ base: undefined, timestamp: false }, { write: (chunk: string) => void (text += chunk) })), caller: false });
    const { span } = inSpan(() => log.withValues('b', 1).infoS('Through pino', 'k', 'v'));
    const { traceId, spanId } = span.spanContext();
    expect(JSON.parse(text)).toEqual({ level: 30, v: 0, b: 1, trace_id: traceId, span_id: spanId, trace_flags: '01', k: 'v', msg: 'Through pino' });
  });

  it('with the flags of an unsampled span (00)', () => {
    enableTraceCorrelation();
    const { log, lines } = capture();
    const { span } = inSpan(() => log.infoS('Unsampled'), unsampledTracer);
    expect(span.spanContext().traceFlags).toBe(0);
    expect(lines()).toEqual([`"Unsampled" ${idPairs(span)}`]);
    expect(lines()[0]).toContain('trace_flags="00"');
  });

  it('under other keys when asked', () => {
    enableTraceCorrelation({ keys: { traceId: 'traceID', spanId: 'spanID' } });
    expect(traceCorrelationKeys()).toEqual({ traceId: 'traceID', spanId: 'spanID', traceFlags: 'trace_flags' });
    const { log, lines } = capture();
    const { span } = inSpan(() => log.infoS('Renamed'));
    const { traceId, spanId } = span.spanContext();
    expect(lines()).toEqual([`"Renamed" traceID="${traceId}" spanID="${spanId}" trace_flags="01"`]);
  });

  it('pass the sanitizer unchanged, while a secret in the same entry is redacted', () => {
    enableTraceCorrelation();
    installSanitizer({ detectors: true, keys: true });
    const { log, lines } = capture();
    const { span } = inSpan(() => log.infoS('Login', 'password', secret('hunter2'), 'header', 'Bearer abcdefghijklmnop'));
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toContain(idPairs(span));
    expect(lines()[0]).not.toContain('hunter2');
    expect(lines()[0]).not.toContain('abcdefghijklmnop');
  });
});

describe('no ids where there is no span', () => {
  it('outside any span, and once the span has ended its scope', () => {
    enableTraceCorrelation();
    const { log, lines } = capture();
    log.infoS('Before');
    inSpan(() => log.infoS('Inside'));
    log.infoS('After');
    expect(lines()[0]).toBe('"Before"');
    expect(lines()[1]).toMatch(/^"Inside" trace_id="[0-9a-f]{32}"/);
    expect(lines()[2]).toBe('"After"');
  });

  it('inside a context whose span has invalid ids', () => {
    enableTraceCorrelation();
    const { log, lines } = capture();
    context.with(trace.setSpanContext(context.active(), INVALID_SPAN_CONTEXT), () => log.infoS('Invalid'));
    expect(lines()).toEqual(['"Invalid"']);
  });

  it('when trace correlation is off (before enabling, after disabling)', () => {
    const { log, lines } = capture();
    inSpan(() => log.infoS('Off'));
    enableTraceCorrelation();
    disableTraceCorrelation();
    inSpan(() => log.infoS('Off again'));
    expect(traceCorrelationKeys()).toBeUndefined();
    expect(lines()).toEqual(['"Off"', '"Off again"']);
  });
});

describe('concurrent spans', () => {
  it('keep their own ids across awaits, interleaved', async () => {
    enableTraceCorrelation();
    const { log, lines } = capture();
    const work = (name: string, delays: number[]) =>
      new Promise<string>((resolve) => {
        inSpan((span) => {
          void (async () => {
            for (const [step, delay] of delays.entries()) {
              await sleep(delay);
              log.infoS('Step', 'task', name, 'step', step);
            }
            resolve(span.spanContext().spanId);
          })();
        });
      });
    const [a, b] = await Promise.all([work('a', [5, 20, 5]), work('b', [1, 10, 30])]);
    expect(a).not.toBe(b);
    const tasks = lines().map((line) => [/task="(\w)"/.exec(line)?.[1], /span_id="(\w+)"/.exec(line)?.[1]]);
    expect(tasks).toHaveLength(6);
    // Interleaved, not one task after the other.
    expect(tasks.map(([task]) => task).join('')).not.toMatch(/^(aaabbb|bbbaaa)$/);
    for (const [task, spanId] of tasks) expect(spanId, String(task)).toBe(task === 'a' ? a : b);
  });
});

describe('configuration', () => {
  it('rejects bad keys with a configuration error, and changes nothing', () => {
    expect(() => enableTraceCorrelation({ keys: { traceId: '' } })).toThrow(ConfigError);
    expect(() => enableTraceCorrelation({ keys: { traceId: 'id', spanId: 'id' } })).toThrow('must be three different keys');
    expect(() => enableTraceCorrelation(null as never)).toThrow('invalid trace correlation options');
    expect(getContextValuesHook()).toBeUndefined();
  });

  it('does not replace a context values hook that something else installed, nor remove it', () => {
    const other = () => ['tenant', 'acme'];
    setContextValuesHook(other);
    expect(() => enableTraceCorrelation()).toThrow('another one is installed');
    disableTraceCorrelation();
    expect(getContextValuesHook()).toBe(other);
  });

  it('can be enabled again, with new keys', () => {
    enableTraceCorrelation();
    enableTraceCorrelation({ keys: { traceFlags: 'flags' } });
    const { log, lines } = capture();
    inSpan(() => log.infoS('Again'));
    expect(lines()[0]).toMatch(/ flags="01"$/);
  });
});
