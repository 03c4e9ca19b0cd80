import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clickhouseRow, parseJSON, parseText } from '@klog-ts/ingest';
import { run } from '../cli/cli-harness.js';

const H = 'I0307 09:05:03.012345   12345 main.go:331] ';
const text = (line: string) => clickhouseRow(parseText(`${H}${line}`, { year: 2024, utc: true }));

describe('clickhouseRow: a record as a row of schema/clickhouse-logs.sql', () => {
  it('puts the standardized keys in their columns and every other pair in kv, in order', () => {
    expect(text('"Pod created" logger="ctrl" pod="kube-system/coredns" node="n1" requestID="r1" count=3 labels={"a":"b"}')).toEqual({
      ts: Date.UTC(2024, 2, 7, 9, 5, 3) + 12.345,
      severity: 'I',
      verbosity: null,
      message: 'Pod created',
      caller: 'main.go:331',
      logger: 'ctrl',
      namespace: 'kube-system',
      pod: 'coredns',
      node: 'n1',
      namespaces: ['kube-system', ''],
      err: null,
      'kv.key': ['requestID', 'count', 'labels'],
      'kv.value': ['r1', '3', '{"a":"b"}'],
      unparsed: '',
    });
  });

  it('reads the same from JSON, with its V level, and an error without one', () => {
    const row = clickhouseRow(parseJSON('{"ts":1709802303012.3457,"caller":"app/pods.ts:61","msg":"Failed","pod":{"name":"web","namespace":"default"},"big":9007199254740993,"err":"boom"}'));
    expect(row).toMatchObject({ ts: 1709802303012.3457, severity: 'E', verbosity: null, caller: 'app/pods.ts:61', namespace: 'default', pod: 'web', err: 'boom', 'kv.key': ['big'], 'kv.value': ['9007199254740993'] });
    expect(clickhouseRow(parseJSON('{"ts":1,"msg":"m","v":4}'))).toMatchObject({ severity: 'I', verbosity: 4, namespaces: [] });
  });

  it('takes the namespace from a "namespace" pair, or else from the first namespaced reference; lists every namespace named', () => {
    expect(text('"Listing" namespace="apps" pods=["apps/a","other/b"]')).toMatchObject({ namespace: 'apps', pod: '', namespaces: ['apps', 'other'] });
    expect(text('"Listing" namespace="" pods=[null,"other/b"] replicaSet="x/rs"')).toMatchObject({ namespace: 'other', namespaces: ['', 'other', 'x'] });
    expect(text('"Scaled" replicaSet="shop/web"')).toMatchObject({ namespace: 'shop', 'kv.value': ['shop/web'] });
  });

  it('keeps a pod or node that is no reference as a pair, and what could not be read in unparsed', () => {
    expect(text('"m" pod="not a ref" node="n 1"')).toMatchObject({ pod: '', node: 'n 1', 'kv.key': ['pod', 'node'] });
    expect(text('"m" a=1 b="cut')).toMatchObject({ 'kv.key': ['a'], unparsed: 'b="cut' });
    expect(clickhouseRow(parseText('"no header" a=1'))).toMatchObject({ ts: 0, severity: '', caller: '' });
  });

  it('klog-ts convert --to clickhouse writes one JSONEachRow line per record', async () => {
    const { code, stdout } = await run(['convert', '--to', 'clickhouse', '--utc', '--year', '2024'], `${H}"a" pod="ns/p"\n{"ts":2,"msg":"b","v":1}\n`);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { message: string; pod: string })).toMatchObject([{ message: 'a', pod: 'p' }, { message: 'b', pod: '' }]);
  });
});

describe('docs/ingestion.md quotes the table and the row as they are', () => {
  const doc = readFileSync(new URL('../../docs/ingestion.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## ClickHouse'), doc.indexOf('\n## ', doc.indexOf('## ClickHouse') + 1));

  it('the table definition is the published file', () => {
    const sql = readFileSync(new URL('../../schema/clickhouse-logs.sql', import.meta.url), 'utf8');
    expect(section).toContain(`\`\`\`sql\n${sql}\`\`\``);
  });

  it('the example row is what clickhouseRow gives for the page\'s first JSON record', () => {
    const record = /^\{"ts".*$/m.exec(doc)![0];
    const row = /```json\n(\{"ts".*"unparsed":""\})\n```/.exec(section)![1];
    expect(JSON.stringify(clickhouseRow(parseJSON(record)))).toBe(row);
  });
});
