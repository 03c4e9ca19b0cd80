/**
 * The parsers against real klog output: every line klog v2 and Kubernetes' JSON logger printed for the
 * conformance cases is read back, and written again by klog-ts byte for byte, except where a format
 * cannot carry the difference (listed with the reason).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KRef } from '@klog-ts/core';
import { parseJSON, parseText, RecordFormatter, type LogRecord } from '@klog-ts/ingest';

interface Case {
  id: string;
  expected_text: string;
}

function cases(format: 'text' | 'json'): Case[] {
  const url = new URL(`../tools/conformance/cases/klog-${format}-cases.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as Case[]).filter((c) => c.expected_text !== '');
}

function lines(text: string): string[] {
  return text.slice(0, -1).split('\n');
}

const textCases = cases('text');
const jsonCases = cases('json').map((c) => ({ ...c, expected_text: c.expected_text.replaceAll('<CALLER>', 'oracle/main.go:331') }));

/** Text lines klog-ts cannot read, and why. */
const UNREADABLE_TEXT: Record<string, string> = {
  'kref-special-chars': 'klog prints object references unescaped: a quote and a line feed in a name break the line',
  'legacy-info': 'a legacy message without a header (-skip_headers) is indistinguishable from any other text',
  'legacy-warningf': 'the same',
  'legacy-infof-multiline': 'the same',
};

/** Text lines that read fine but print differently, and why. */
const TEXT_NOT_REPRODUCED: Record<string, string> = {
  'bytes-utf8': 'a []byte prints like a string (%+q); it is read back as the string',
  'bytes-newline': 'the same: the string "a\\nb" prints multi-line',
};

/** JSON lines that read fine but print differently, and why. */
const JSON_NOT_REPRODUCED: Record<string, string> = {
  'error-dup-key-same': 'JSON duplicate keys: the last value wins, as in every JSON reader',
  'kv-dup-same': 'the same',
  'kv-dup-diff': 'the same',
  'kv-dup-three': 'the same',
  'kv-dup-int-vs-string': 'the same',
  'logr-withvalues-logger-key': 'the same',
  'mixed-duplicates': 'the same',
  'logr-withname-withvalues': 'JSON puts bound values before "v"; a record does not know which pairs were bound',
  'multi-calls-withvalues-isolation': 'the same',
};

describe('klog text output read back', () => {
  it('reads every case but the ones listed, and nothing silently', () => {
    const unreadable: string[] = [];
    for (const c of textCases) {
      const { records, errors } = parseText(lines(c.expected_text), { year: 2024 });
      if (errors.length > 0) unreadable.push(c.id);
      else expect(records.length, c.id).toBeGreaterThan(0);
    }
    expect(unreadable.sort()).toEqual(Object.keys(UNREADABLE_TEXT).sort());
  });

  it('writes each record back byte for byte', () => {
    const formatter = new RecordFormatter('text');
    const differ: string[] = [];
    for (const c of textCases) {
      if (c.id in UNREADABLE_TEXT) continue;
      const { records } = parseText(lines(c.expected_text), { year: 2024 });
      if (records.map((r) => formatter.format(r)).join('') !== c.expected_text) differ.push(c.id);
    }
    expect(differ.sort()).toEqual(Object.keys(TEXT_NOT_REPRODUCED).sort());
  });

  it('reads values as klog printed them', () => {
    const record = (id: string): LogRecord => parseText(textCases.find((c) => c.id === id)!.expected_text, { year: 2024 });
    expect(record('kv-many').kv).toEqual([['pod', KRef('kube-system', 'kubedns')], ['status', 'ready'], ['restarts', 3], ['ready', true]]);
    expect(record('str-multiline-then-more').kv).toEqual([['text', 'hello\nworld\n'], ['next', 'x']]);
    expect(record('str-only-newline').kv).toEqual([['key', '\n']]);
    expect(record('str-control').kv).toEqual([['key', '\x00\x01\x1b\x7f']]);
    expect(record('num-int64-large').kv).toEqual([['big', 9007199254740993n], ['min', -9223372036854775808n]]);
    expect(record('num-float-exponents').kv.map(([, v]) => v)).toEqual([1e20, 1e21, 1.5e300, 0.000001, 1e-7, -2.5e-8]);
    expect(record('num-neg-zero').kv).toEqual([['z', -0]]);
    expect(record('map-html-escape').kv).toEqual([['obj', { html: '<a href="x">&</a>' }], ['arr', ['<&>']]]);
    expect(record('kv-int-key').kv).toEqual([['%!s(int=1)', 'value'], ['akey', 'avalue']]);
    expect(record('error-multiline')).toMatchObject({ err: 'line one\nline two\n', kv: [] });
    expect(record('logr-error-withvalues')).toMatchObject({ err: 'boom', logger: 'ctrl', kv: [['a', 1], ['c', 3]] });
    expect(record('header-error-nil')).toMatchObject({ severity: 'E', pid: 12345, caller: { file: 'main.go', line: 333 }, msg: 'msg' });
    expect(record('header-warning')).toMatchObject({ severity: 'W', msg: 'careful', unstructured: true });
    expect(record('header-add-dir').caller).toEqual({ file: 'oracle/main.go', line: 331 });
  });
});

describe('a log of every klog text output, each record given a header', () => {
  const H = 'I0307 09:05:03.012345   12345 main.go:331] ';
  const derived = JSON.parse(readFileSync(new URL('../tools/conformance/derived/spec-text-cases.json', import.meta.url), 'utf8')) as (Case & { calls?: unknown })[];
  const log: string[] = [];
  let headed = 0;
  for (const c of [...(textCases as (Case & { calls?: unknown })[]), ...derived.filter((d) => d.expected_text !== '')]) {
    lines(c.expected_text).forEach((line, i) => {
      // A case's first line starts its record; a case of several calls starts one per quoted message.
      const starts = i === 0 || (c.calls !== undefined && line.startsWith('"'));
      if (starts) headed++;
      log.push(starts ? H + line : line);
    });
  }

  it('loses no entry: every record is read, the one klog cannot print readably (a reference holding a quote and a line feed) in part', () => {
    const { records, errors } = parseText(log, { year: 2024 });
    expect(errors).toEqual([]);
    expect(records).toHaveLength(headed);
    expect(records.filter((r) => r.unparsed !== undefined).map((r) => r.unparsed)).toEqual(['pod="n s/we"ird\nname"']);
  });

  it('--strict drops that record, and reports the line after it', () => {
    const { records, errors } = parseText(log, { year: 2024, strict: true });
    expect(records).toHaveLength(headed - 1);
    expect(errors.map((e) => e.code)).toEqual(['BAD_VALUE', 'NOT_A_RECORD']);
  });
});

describe('Kubernetes JSON output read back', () => {
  it('reads every line of every case', () => {
    for (const c of jsonCases) for (const line of lines(c.expected_text)) expect(() => parseJSON(line), c.id).not.toThrow();
  });

  it('writes each record back byte for byte', () => {
    const formatter = new RecordFormatter('json');
    const differ = jsonCases.filter((c) => lines(c.expected_text).map((l) => formatter.format(parseJSON(l))).join('') !== c.expected_text);
    expect(differ.map((c) => c.id).sort()).toEqual(Object.keys(JSON_NOT_REPRODUCED).sort());
  });

  it('reads the fields and values Kubernetes wrote', () => {
    const record = (id: string, n = 0): LogRecord => parseJSON(lines(jsonCases.find((c) => c.id === id)!.expected_text)[n]);
    expect(record('kv-many')).toMatchObject({ severity: 'I', v: 0, ts: 1709802303012.3457, caller: { file: 'oracle/main.go', line: 331 } });
    expect(record('kv-many').kv[0]).toEqual(['pod', KRef('kube-system', 'kubedns')]);
    expect(record('v-error')).toMatchObject({ severity: 'E', v: undefined, err: 'hello' });
    expect(record('error-nil').kv).toEqual([['pod', 'kubedns']]);
    expect(record('cb-klog-kobjslice').kv).toEqual([['pods', [KRef('kube-system', 'pod-1'), KRef('kube-system', 'pod-2')]]]);
    expect(record('num-int64-large').kv).toEqual([['big', 9007199254740993n], ['min', -9223372036854775808n]]);
    expect(record('num-float-exponents').kv.map(([, v]) => v)).toEqual([1e20, 1e21, 1.5e300, 0.000001, 1e-7, -2.5e-8]);
    expect(record('kv-odd', 0)).toMatchObject({ severity: 'E', kv: [['ignored key', 'akey2']] });
    expect(record('logr-withname-nested').logger).toBe('hello.world');
  });
});
