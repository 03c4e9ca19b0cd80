import {
  background,
  configure,
  createLogger,
  errorS,
  fromContext,
  info,
  infof,
  infoS,
  V,
  withLogger,
  type Logger,
  type LoggerOptions,
  type LogFormat,
} from '@klog-ts/core';
import { pinoSink } from '@klog-ts/pino';
import pino from 'pino';

/** Where an entry is written: klog-ts's own encoders, or the pino backend. */
export type Backend = LogFormat | 'pino';

/** A logger writing into a string, global or independent, for one backend. */
export interface Target {
  /** The global logger, configured for this backend (package-level functions write through it). */
  readonly global: boolean;
  readonly logger: Logger;
  take(): string;
}

function options(backend: Backend, write: (text: string) => void): LoggerOptions {
  const output = { write, flush: () => undefined };
  if (backend !== 'pino') return { format: backend, output, headers: true, caller: true, clock: () => 0, verbosity: 1, sink: null };
  // pino writes synchronously into any object with write(); timestamp and bindings off for stable text.
  const pinoLogger = pino({ level: 'trace', base: undefined, timestamp: false }, { write });
  return { sink: pinoSink(pinoLogger), output, verbosity: 1, caller: true };
}

export function target(backend: Backend, global: boolean): Target {
  let text = '';
  const write = (chunk: string): void => void (text += chunk);
  let logger: Logger;
  if (global) {
    configure(options(backend, write));
    logger = background();
  } else logger = createLogger(options(backend, write));
  return {
    global,
    logger,
    take: () => {
      const out = text;
      text = '';
      return out;
    },
  };
}

/** Puts the global logger back as the rest of the suite expects it. */
export function resetGlobal(): void {
  configure({ format: 'text', verbosity: 0, output: process.stderr, sink: null, headers: true, caller: true });
}

/** One way a caller can hand a value to klog-ts. `global` paths need the global logger. */
export interface LogPath {
  readonly name: string;
  readonly global?: true;
  log(logger: Logger, value: unknown): void;
}

export const PATHS: readonly LogPath[] = [
  { name: 'infoS value', log: (l, v) => l.infoS('Value', 'value', v) },
  { name: 'errorS err', log: (l, v) => l.errorS(v, 'Failed', 'attempt', 1) },
  { name: 'withValues', log: (l, v) => l.withValues('bound', v).infoS('Bound') },
  { name: 'withName then withValues', log: (l, v) => l.withName('child').withValues('a', 1, 'bound', v).V(1).infoS('Child') },
  { name: 'V(1).info', log: (l, v) => l.V(1).info('Verbose', 'value', v) },
  { name: 'contextual', log: (l, v) => withLogger(l.withName('ctx'), () => fromContext().infoS('Contextual', 'value', v)) },
  { name: 'value as a key', log: (l, v) => l.infoS('Key', v, 1) },
  { name: 'value as the message', log: (l, v) => l.infoS(v as string, 'k', 1) },
  { name: 'value as the logger name', log: (l, v) => l.withName(v as string).infoS('Named') },
  { name: 'global infoS', global: true, log: (_, v) => infoS('Global', 'value', v) },
  { name: 'global errorS', global: true, log: (_, v) => errorS(new Error('outer', { cause: v }), 'Global error') },
  { name: 'legacy info', global: true, log: (_, v) => info('legacy', v) },
  { name: 'legacy infof operand', global: true, log: (_, v) => infof('legacy %v and %s', v, v) },
  { name: 'legacy infof format', global: true, log: (_, v) => infof(v as string, 1) },
  { name: 'global V(1).infoS', global: true, log: (_, v) => V(1).infoS('Verbose', 'value', v) },
  { name: 'global V(1).infof', global: true, log: (_, v) => V(1).infof('verbose %v', v) },
];
