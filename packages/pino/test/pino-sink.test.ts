import pino10 from 'pino';
import pino9 from 'pino9';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@klog-ts/core';
import { pinoSink, type PinoLike } from '@klog-ts/pino';

type Pino = typeof pino10;

/** The same behaviour from both major versions the peer range allows (9.14 is the last 9). */
const VERSIONS: readonly [string, Pino][] = [
  ['pino 10', pino10],
  ['pino 9', pino9 as unknown as Pino],
];

describe.each(VERSIONS)('%s', (_version, pino) => {
/** Each line pino writes, and the keys in the order written (JSON.parse would hide a duplicate). */
function pinoLines(options: pino10.LoggerOptions = {}, child?: Record<string, unknown>): { logger: pino10.Logger; lines: string[] } {
  const lines: string[] = [];
  const root = pino(options, { write: (line: string) => void lines.push(line) });
  return { logger: child === undefined ? root : root.child(child), lines };
}

function keysOf(line: string): string[] {
  return [...line.matchAll(/[{,]"((?:[^"\\]|\\.)*)":/g)].map((match) => match[1]);
}

describe('pinoSink: klog keys that clash with the keys pino writes itself', () => {
  it('are written as fields.<key>, as logrus does, so that no key appears twice', () => {
    const { logger, lines } = pinoLines();
    const klog = createLogger({ sink: pinoSink(logger), caller: false });
    klog.infoS('Real message', 'msg', 'user msg', 'level', 'debug', 'time', 1, 'pid', 2, 'hostname', 'h', 'pod', 'p');
    const keys = keysOf(lines[0]);
    expect(new Set(keys).size).toBe(keys.length);
    const record = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 30, msg: 'Real message', pid: process.pid, v: 0, pod: 'p' });
    expect(record).toMatchObject({ 'fields.msg': 'user msg', 'fields.level': 'debug', 'fields.time': 1, 'fields.pid': 2, 'fields.hostname': 'h' });
    expect(typeof record.time).toBe('number');
  });

  it('take the keys from the options (messageKey, timestamp, base) and from the logger\'s child bindings', () => {
    const { logger, lines } = pinoLines({ messageKey: 'message', base: undefined, timestamp: false }, { component: 'api' });
    const klog = createLogger({ sink: pinoSink(logger, { messageKey: 'message', reservedKeys: [] }), caller: false });
    klog.infoS('Hello', 'message', 'm', 'msg', 'kept', 'time', 't', 'pid', 'p', 'component', 'c');
    expect(lines[0]).toBe('{"level":30,"component":"api","v":0,"fields.message":"m","msg":"kept","time":"t","pid":"p","fields.component":"c","message":"Hello"}\n');
  });

  it('also covers the keys the sink writes (v, logger, caller, err); among klog pairs the last one wins', () => {
    const { logger, lines } = pinoLines({ base: undefined, timestamp: false });
    const klog = createLogger({ sink: pinoSink(logger), caller: true }).withName('ctrl').withValues('attempt', 1, 'v', 'bound');
    klog.errorS(new Error('boom'), 'Failed', 'err', 'user err', 'caller', 'me', 'logger', 'mine', 'attempt', 2);
    const record = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 50, logger: 'ctrl', 'fields.err': 'user err', 'fields.caller': 'me', 'fields.logger': 'mine', attempt: 2, v: 'bound' });
    expect(record.err).toMatchObject({ message: 'boom' });
    expect(String(record.caller)).toMatch(/^test\/pino-sink\.test\.ts:\d+$/);
    const keys = keysOf(lines[0]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves every key alone when pino nests the merged object (nestedKey)', () => {
    const { logger, lines } = pinoLines({ nestedKey: 'payload', base: undefined, timestamp: false });
    createLogger({ sink: pinoSink(logger, { nestedKey: 'payload' }), caller: false }).infoS('Nested', 'level', 'debug');
    expect(lines[0]).toBe('{"level":30,"payload":{"v":0,"level":"debug"},"msg":"Nested"}\n');
  });

  it('a PinoLike that is not pino gets the default keys renamed', () => {
    const records: object[] = [];
    const record = (obj: object) => void records.push(obj);
    const like: PinoLike = { trace: record, debug: record, info: record, warn: record, error: record, fatal: record };
    createLogger({ sink: pinoSink(like), caller: false }).infoS('Like', 'msg', 1, 'time', 2, 'ok', 3);
    expect(records).toEqual([{ v: 0, 'fields.msg': 1, 'fields.time': 2, ok: 3 }]);
  });
});
});
