import { describe, expect, it } from 'vitest';
import { files, run } from './cli-harness.js';
import { JSON_LOG, TEXT_LOG } from './fixtures.js';

const UTC = ['--utc', '--year', '2024'];

describe('klog-ts convert', () => {
  it('turns klog text into Kubernetes JSON lines, one per record', async () => {
    const result = await run(['convert', '--to', 'json', ...UTC], TEXT_LOG);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(8);
    expect(records[1]).toEqual({ ts: Number(1709802600000002000n) / 1e6, caller: 'pods.go:40', msg: 'Pod created', v: 0, pod: { name: 'coredns', namespace: 'kube-system' }, node: { name: 'node-1' } });
    expect(records[3]).toMatchObject({ msg: 'disk 93% full', v: 0 });
    expect(records[4]).toMatchObject({ msg: 'Failed to create pod', err: 'pod already exists' });
    expect(records[4]).not.toHaveProperty('v');
  });

  it('gives the text back from its JSON, but for what JSON does not carry: the pid, warnings, raw messages', async () => {
    const json = await run(['convert', '--to', 'json', ...UTC], TEXT_LOG);
    const text = await run(['convert', '--to', 'text', '--utc'], json.stdout);
    expect(text.stdout).toBe(TEXT_LOG.replaceAll('       7 ', '       0 ').replace('W0307 09:30:00.000004       0 pods.go:55] disk 93% full', 'I0307 09:30:00.000004       0 pods.go:55] "disk 93% full"'));
  });

  it('turns JSON into text', async () => {
    const result = await run(['convert', '--to', 'text', '--utc'], JSON_LOG);
    expect(result.stdout.split('\n')[1]).toBe('I0307 09:10:00.000002       0 pods.go:40] "Pod created" pod="kube-system/coredns" node="node-1"');
  });

  it('reads files one after the other, and "-" is stdin', async () => {
    const paths = files({ 'a.log': TEXT_LOG, 'b.log': JSON_LOG });
    const result = await run(['convert', '--to', 'json', ...UTC, paths['a.log'], '-', paths['b.log']], '{"ts":1,"msg":"from stdin","v":0}\n');
    const messages = result.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toHaveLength(17);
    expect(messages[8]).toBe('from stdin');
  });
});

describe('unreadable input', () => {
  const log = `${TEXT_LOG}garbage line\nI0307 10:00:00.000000       7 x.go:1] "Truncated" pod="kube-sys\n{"level":30,"msg":"pino"}\nI0307 10:00:01.000000       7 x.go:2] "After"\n`;

  it('keeps every record, with what could not be read under "unparsed", counts them, and reports only lines that belong to no record', async () => {
    const result = await run(['convert', '--to', 'json', ...UTC, '-q'], `garbage first\n${log}`);
    expect(result.code).toBe(1);
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(10);
    // A line without a header that is no record goes with the text record before it.
    expect(records[7]).toMatchObject({ msg: 'Pod deleted', unparsed: 'garbage line' });
    // The lines without a header after a record read in part (here one from another logger) go with it.
    expect(records[8]).toEqual({ ts: Date.UTC(2024, 2, 7, 10), caller: 'x.go:1', msg: 'Truncated', v: 0, unparsed: 'pod="kube-sys\n{"level":30,"msg":"pino"}' });
    expect(result.stderr).toBe(
      [
        'klog-ts: <stdin>:1:1: not a klog record (no header, no quoted message): "garbage first"',
        'klog-ts: 2 records were read in part: the text that could not be read is kept under "unparsed" (klog-ts query --where unparsed; --strict reports it instead)',
        '',
      ].join('\n'),
    );
  });

  it('attaches the lines without a header after a record read in part to it', async () => {
    const result = await run(['convert', '--to', 'json', ...UTC, '-q'], 'I0307 10:00:00.000000       7 x.go:1] "Ref" pod="n s/we"ird\nname"\n');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ msg: 'Ref', unparsed: 'pod="n s/we"ird\nname"' });
  });

  it('--strict: reports each bad record on stderr with its file and line, converts the rest, and exits 1', async () => {
    const paths = files({ 'mixed.log': log });
    const result = await run(['convert', '--to', 'json', '--strict', ...UTC, paths['mixed.log']]);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(9);
    expect(result.stdout).toContain('"msg":"After"');
    const file = paths['mixed.log'];
    const [first, second, third, summary, ...rest] = result.stderr.split('\n');
    expect([first, second, third]).toEqual([
      `klog-ts: ${file}:12:1: not a klog record (no header, no quoted message): "garbage line"`,
      `klog-ts: ${file}:13:55: unterminated quoted string: "I0307 10:00:00.000000       7 x.go:1] \\"Truncated\\" pod=\\"kube-sys"`,
      `klog-ts: ${file}:14:1: not a Kubernetes JSON record (a number "ts" and a string "msg" are required): "{\\"level\\":30,\\"msg\\":\\"pino\\"}"`,
    ]);
    expect(summary).toMatch(/^klog-ts: 9 records \(0\.0 MB\) in \d+\.\d s, \d+ MB\/s; 3 parse errors$/);
    expect(rest).toEqual(['']);
  });

  it('stops listing errors at --max-errors, and --quiet drops the summary', async () => {
    const result = await run(['convert', '--to', 'json', '--strict', '--max-errors', '1', '-q'], log);
    expect(result.stderr).toBe('klog-ts: <stdin>:12:1: not a klog record (no header, no quoted message): "garbage line"\nklog-ts: 2 more records could not be read (--max-errors 1)\n');
  });
});

describe('usage mistakes: one line on stderr, exit 2', () => {
  it.each([
    [['frob'], 'klog-ts: unknown command "frob": expected convert or query (run "klog-ts --help")\n'],
    [['convert'], 'klog-ts: convert needs --to json, --to text or --to clickhouse (run "klog-ts convert --help")\n'],
    [['convert', '--to', 'yaml'], 'klog-ts: invalid --to "yaml": expected json, text, clickhouse (run "klog-ts convert --help")\n'],
    [['query', '--bogus'], 'klog-ts: Unknown option \'--bogus\' (run "klog-ts query --help")\n'],
    [['query', '--where', 'a~('], 'klog-ts: invalid --where "a~(": Invalid regular expression: /(/: Unterminated group (run "klog-ts query --help")\n'],
    [['query', '--where', '=x'], 'klog-ts: invalid --where "=x": expected key=value, key!=value, key~regex, key>=n or key (run "klog-ts query --help")\n'],
    [['query', '--where', 'v>=two'], 'klog-ts: invalid --where "v>=two": >= needs a number (run "klog-ts query --help")\n'],
    [['query', '--min-severity', 'loud'], 'klog-ts: invalid --min-severity "loud": expected info, warning, error or fatal (or I, W, E, F) (run "klog-ts query --help")\n'],
    [['query', '--since', 'yesterday'], 'klog-ts: invalid --since "yesterday": expected a duration such as 15m or 2h, or a time such as 2024-03-07T09:00:00Z (run "klog-ts query --help")\n'],
    // Date.parse would take these as 2001-05-01, 2001-03-07 and 2024-03-01.
    [['query', '--since', '5'], 'klog-ts: invalid --since "5": expected a duration such as 15m or 2h, or a time such as 2024-03-07T09:00:00Z (run "klog-ts query --help")\n'],
    [['query', '--until', 'March 7'], 'klog-ts: invalid --until "March 7": expected a duration such as 15m or 2h, or a time such as 2024-03-07T09:00:00Z (run "klog-ts query --help")\n'],
    [['query', '--since', '2024-02-30'], 'klog-ts: invalid --since "2024-02-30": expected a duration such as 15m or 2h, or a time such as 2024-03-07T09:00:00Z (run "klog-ts query --help")\n'],
    [['query', '--v', '-1'], 'klog-ts: --v needs a value (one that starts with "-" is written --v=VALUE) (run "klog-ts query --help")\n'],
    [['query', '--v=-1'], 'klog-ts: invalid --v "-1": expected a non-negative integer (run "klog-ts query --help")\n'],
    [['query', '--where'], 'klog-ts: --where needs a value (run "klog-ts query --help")\n'],
    [['query', '-o'], 'klog-ts: --output needs a value (run "klog-ts query --help")\n'],
    [['query', '-o', '-q'], 'klog-ts: -o needs a value (one that starts with "-" is written --output=VALUE) (run "klog-ts query --help")\n'],
    [['convert', '--to', 'json', '--year', '24'], 'klog-ts: invalid --year "24": expected a four-digit year such as 2024 (run "klog-ts convert --help")\n'],
    [['query', '--v', 'high'], 'klog-ts: invalid --v "high": expected a non-negative integer (run "klog-ts query --help")\n'],
    [['query', '--from', 'xml'], 'klog-ts: invalid --from "xml": expected auto, text, json (run "klog-ts query --help")\n'],
    [['query', '/no/such/file.log'], 'klog-ts: cannot read "/no/such/file.log": no such file\n'],
    [['query', '/'], 'klog-ts: cannot read "/": not a file\n'],
  ])('%j', async (argv, stderr) => {
    expect(await run(argv)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('prints help on stdout with --help (exit 0), and on stderr without a command (exit 2)', async () => {
    const help = await run(['query', '--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: klog-ts query/);
    expect(await run([])).toMatchObject({ code: 2, stdout: '' });
  });
});
