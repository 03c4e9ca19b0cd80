import { describe, expect, it } from 'vitest';
import { parseJSON, parseText, RecordFormatter } from '@klog-ts/ingest';

describe('RecordFormatter converts between the formats', () => {
  const text = new RecordFormatter('text');
  const json = new RecordFormatter('json');

  it('writes a JSON record as klog text: pid 0, the file name, the microsecond truncated as klog does', () => {
    const record = parseJSON('{"ts":1709802303012.3457,"logger":"ctrl","caller":"app/main.go:12","msg":"Pod deleted","v":2,"pod":{"name":"p","namespace":"ns"},"err":"gone"}');
    const line = text.format(record);
    const d = new Date(1709802303012);
    const mmdd = `${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
    const hms = [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
    expect(line).toBe(`I${mmdd} ${hms}.012345       0 main.go:12] "Pod deleted" logger="ctrl" pod="ns/p" err="gone"\n`);
  });

  it('writes a text record as Kubernetes JSON, an info record getting "v":0', () => {
    const record = parseText('W0307 09:05:03.012345   4242 pkg/main.go:7] "Slow" pods=["a/b",null] big=9223372036854775807', { year: 2024, utc: true });
    expect(json.format(record)).toBe(
      `{"ts":${Date.UTC(2024, 2, 7, 9, 5, 3) + 12.345},"caller":"pkg/main.go:7","msg":"Slow","v":0,"pods":[{"name":"b","namespace":"a"},null],"big":9223372036854775807}\n`,
    );
  });

  it('writes errors without "v" and with "err" last, and legacy records raw (quoted when they span lines)', () => {
    const error = parseText('E0307 09:05:03.000000      1 m.go:1] "Failed" err="boom" a=1', { year: 2024, utc: true });
    expect(json.format(error)).toBe(`{"ts":${Date.UTC(2024, 2, 7, 9, 5, 3)},"caller":"m.go:1","msg":"Failed","a":1,"err":"boom"}\n`);
    const legacy = parseText(['W0307 09:05:03.000000      1 m.go:2] disk 93% full'], { year: 2024 }).records[0];
    expect(text.format(legacy)).toBe('W0307 09:05:03.000000       1 m.go:2] disk 93% full\n');
    // A continuation line could be a forged record: klog-ts writes the message on one line (log injection).
    const multiLine = parseText(['W0307 09:05:03.000000      1 m.go:2] disk 93% full', 'and more'], { year: 2024 }).records[0];
    expect(text.format(multiLine)).toBe('W0307 09:05:03.000000       1 m.go:2] "disk 93% full\\nand more"\n');
  });

  it('writes a headerless record without a header, and as JSON with ts 0 and no caller', () => {
    const record = parseText('"Something failed" err="x" pod="kubedns"');
    expect(text.format(record)).toBe('"Something failed" err="x" pod="kubedns"\n');
    expect(json.format(record)).toBe('{"ts":0,"msg":"Something failed","pod":{"name":"kubedns"},"err":"x"}\n');
  });
});
