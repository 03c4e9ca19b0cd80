import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { background, configure, errorS, infoS, KObj, V } from '@klog-ts/core';
import { pinoSink } from '@klog-ts/pino';

afterEach(() => configure({ sink: null, verbosity: 0 }));

describe('the pino backend behind the global logger', () => {
  it('routes entries into an existing pino logger, with levels and pairs', () => {
    const records: string[] = [];
    const pinoLogger = pino({ level: 'debug', base: undefined, timestamp: false }, { write: (line: string) => void records.push(line) });
    configure({ sink: pinoSink(pinoLogger), verbosity: 5 });
    infoS('Pod ready', 'pod', KObj({ metadata: { name: 'p', namespace: 'ns' } }), 'big', 2n ** 60n);
    background().withName('ctrl').withValues('node', 'n1').V(2).info('Checked');
    V(5).infoS('Trace level is below pino debug');
    errorS(new Error('boom'), 'Failed', 'attempt', 3);
    const parsed = records.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toMatchObject({ level: 30, msg: 'Pod ready', v: 0, pod: { name: 'p', namespace: 'ns' }, big: '1152921504606846976' });
    expect(parsed[1]).toMatchObject({ level: 20, msg: 'Checked', v: 2, logger: 'ctrl', node: 'n1' });
    expect(parsed[2]).toMatchObject({ level: 50, msg: 'Failed', attempt: 3, err: { message: 'boom', type: 'Error' } });
    expect(String(parsed[0].caller)).toMatch(/^test\/global-logger\.test\.ts:\d+$/);
  });

  it('writes bound values as they were when bound', () => {
    const records: string[] = [];
    configure({ sink: pinoSink(pino({ base: undefined, timestamp: false }, { write: (line: string) => void records.push(line) })) });
    const config = { user: 'app', password: '' };
    const bound = background().withValues('config', config);
    config.password = 'filled-in-later';
    bound.infoS('Connected');
    expect(records[0]).not.toContain('filled-in-later');
    expect(JSON.parse(records[0])).toMatchObject({ config: { user: 'app', password: '' } });
  });
});
