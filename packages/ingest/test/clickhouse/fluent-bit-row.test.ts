/**
 * The Fluent Bit Lua filter (clickhouse/klog-clickhouse-row.lua) writes the rows `klog-ts convert --to
 * clickhouse` writes, but for what Lua cannot keep (the order of keys, JSON null) and what
 * docs/ingestion.md lists. Run with LuaJIT (Fluent Bit's Lua) and lua-cjson; skipped, saying how to get
 * them, when they are missing outside CI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clickhouseRow, DEFAULT_OBJECT_KEYS, parseJSON, type ClickHouseRow } from '@klog-ts/ingest';
import { generateLog } from '../../bench/generate-log.js';

const FILTER = fileURLToPath(new URL('../../clickhouse/klog-clickhouse-row.lua', import.meta.url));
const RUNNER = fileURLToPath(new URL('run-lua-filter.lua', import.meta.url));
const luajit = spawnSync('luajit', ['-e', 'require("cjson")']).status === 0;
const inCI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';

function luaRows(lines: readonly string[]): string[] {
  return execFileSync('luajit', [RUNNER, FILTER], { input: `${lines.join('\n')}\n`, encoding: 'utf8', maxBuffer: 1 << 28 }).trimEnd().split('\n');
}

/** A row with what Lua does not keep made comparable: the pairs by key, the namespaces as a set. */
function comparable(row: ClickHouseRow): object {
  const kv = Object.fromEntries(row['kv.key'].map((key, i) => [key, row['kv.value'][i]]));
  return { ...row, ts: Number(row.ts), verbosity: row.verbosity ?? null, err: row.err ?? null, namespaces: [...row.namespaces].sort(), 'kv.key': Object.keys(kv).sort(), 'kv.value': kv };
}

const LINES = [
  '{"ts":1709802303012.3457,"logger":"pod-controller","caller":"app/pods.ts:40","msg":"Pod created","requestID":"req-7","v":0,"pod":{"name":"coredns","namespace":"kube-system"},"node":{"name":"node-1"}}',
  '{"ts":1709802303020.1,"caller":"app/pods.ts:61","msg":"Failed to create pod","pod":{"name":"coredns","namespace":"kube-system"},"err":"pod already exists"}',
  '{"ts":1709802303030,"caller":"app/pods.ts:10","msg":"Listing pods","v":2,"namespace":"","count":2,"pods":[{"name":"a","namespace":"default"},{"name":"b","namespace":"kube-system"}]}',
  '{"ts":1709802303031,"caller":"app/pods.ts:10","msg":"Listing pods","v":2,"namespace":"nowhere","count":0,"pods":[]}',
  '{"ts":1709802303040.5,"msg":"Scaled","v":4,"replicaSet":{"name":"web","namespace":"shop"},"labels":{"app":"web","tier":"backend"},"ratio":0.42857142857142855,"big":-12,"ok":true,"node":"plain string","target":{"name":"x","namespace":"y"}}',
  '{"ts":1709802303050,"msg":"Request completed","v":1,"requestID":"req-8","method":"GET","path":"/api/pods","status":200,"durationMs":1.234}',
  '{"level":"info","ts":1709802303.0123,"msg":"zap, not Kubernetes"}',
];

if (!luajit && !inCI) {
  it.skip('the Fluent Bit Lua filter: luajit with lua-cjson was not found; install them with `apt-get install luajit lua-cjson`, or run .ci/run', () => undefined);
} else {
  describe('the Fluent Bit Lua filter writes the rows klog-ts writes', () => {
    it('names exactly the object keys the reader knows', () => {
      const lua = readFileSync(FILTER, 'utf8');
      const listed = /local OBJECT_KEYS = \{([^}]*)\}/.exec(lua)![1].match(/"[^"]+"/g)!.map((key) => JSON.parse(key) as string);
      expect(listed).toEqual([...DEFAULT_OBJECT_KEYS]);
    });

    it('for records of every kind of value, and drops lines that are no Kubernetes record', () => {
      if (!luajit) throw new Error('luajit with lua-cjson was not found, and CI is set: install them with `apt-get install luajit lua-cjson`');
      const rows = luaRows(LINES);
      expect(rows.at(-1)).toBe('DROPPED');
      LINES.slice(0, -1).forEach((line, i) => {
        expect(comparable(JSON.parse(rows[i]) as ClickHouseRow), line).toEqual(comparable(clickhouseRow(parseJSON(line))));
      });
    });

    it('for generated controller logs (1 MB)', () => {
      if (!luajit) throw new Error('luajit with lua-cjson was not found, and CI is set');
      const dir = mkdtempSync(join(tmpdir(), 'klog-ts-lua-'));
      try {
        generateLog(join(dir, 'log.json'), 'json', 1_000_000);
        const lines = readFileSync(join(dir, 'log.json'), 'utf8').trimEnd().split('\n');
        const rows = luaRows(lines);
        expect(rows).toHaveLength(lines.length);
        lines.forEach((line, i) => expect(comparable(JSON.parse(rows[i]) as ClickHouseRow), line).toEqual(comparable(clickhouseRow(parseJSON(line)))));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
