import { context, trace, type Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { createLogger, type Logger } from '@klog-ts/core';
import { disableTraceCorrelation, enableTraceCorrelation } from '@klog-ts/otel';
import type { Adapter } from '../adapter.js';
import { closeKlogDestination, openKlogDestination } from '../destination.js';
import { latencyAt, MESSAGE, NODE, podRef } from '../workload-data.js';

let registered = false;

/** OpenTelemetry as a Node service sets it up: the AsyncLocalStorage context manager and a tracer provider. */
function setUpOpenTelemetry(): void {
  if (registered) return;
  registered = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider());
}

/** W2, written out here rather than shared (see adapters/klog.ts: V8's inline caches stay per adapter). */
function w2(log: Logger): (calls: number) => void {
  return (calls) => {
    for (let i = 0; i < calls; i++) {
      log.infoS(MESSAGE, 'pod', podRef(), 'node', NODE, 'attempt', i, 'latency', latencyAt(i), 'ok', true);
    }
  };
}

/**
 * klog-ts JSON (as the `klog-json` row) with trace correlation on, logging W2 outside any span or inside
 * one sampled span. Correlation is a process-wide hook, so it is on only while this runner runs: the
 * other rows of the same rounds measure klog-ts without it.
 */
export function klogOtelAdapter({ inSpan }: { inSpan: boolean }): Adapter {
  return (workload, destination) => {
    if (workload !== 'W2') return undefined;
    setUpOpenTelemetry();
    const output = openKlogDestination(destination);
    const loop = w2(createLogger({ format: 'json', verbosity: 2, caller: false, output }));
    const span = inSpan ? trace.getTracer('bench').startSpan('W2') : undefined;
    const active: Context | undefined = span === undefined ? undefined : trace.setSpan(context.active(), span);
    return {
      run: (calls) => {
        enableTraceCorrelation();
        try {
          if (active === undefined) loop(calls);
          else context.with(active, loop, undefined, calls);
        } finally {
          disableTraceCorrelation();
        }
      },
      close: () => {
        span?.end();
        return closeKlogDestination(output);
      },
    };
  };
}
