import { describe, expect, it } from 'vitest';
import { redactionProblem } from './redaction-problem.js';

const SECRETS = ['s3cr3t-one', 's3cr3t-two', 's3cr3t-three'];
const line = (...values: string[]): string => JSON.stringify({ msg: 'Request served', request: { values } });

describe('redactionProblem', () => {
  it('accepts exactly the expected markers and no secret', () => {
    expect(redactionProblem(line('[REDACTED:secret]', 'Bearer [REDACTED:token]', '[REDACTED:password,token]'), 3, SECRETS)).toBeUndefined();
  });

  it('rejects too few or too many markers', () => {
    expect(redactionProblem(line('[REDACTED:secret]', '[REDACTED:secret]', 'plain'), 3, [])).toBe('2 [REDACTED: markers where 3 are expected');
    expect(redactionProblem(line('[REDACTED:secret]', '[REDACTED:secret]', '[REDACTED:secret]', '[REDACTED:secret]'), 3, [])).toBe('4 [REDACTED: markers where 3 are expected');
    expect(redactionProblem(line('[REDACTED:secret]'), 0, [])).toBe('1 [REDACTED: marker where 0 are expected');
  });

  it("rejects a line that redacts something and still writes a secret's bytes", () => {
    expect(redactionProblem(line('[REDACTED:secret]', '[REDACTED:secret]', '[REDACTED:secret]', 'x s3cr3t-two x'), 3, SECRETS)).toBe('1 secret is written: s3cr3t…');
  });

  it("wants every secret in a line that redacts nothing (else there is nothing to redact)", () => {
    expect(redactionProblem(line(...SECRETS), 0, SECRETS)).toBeUndefined();
    expect(redactionProblem(line('s3cr3t-one'), 0, SECRETS)).toBe("2 of the workload's 3 secrets missing from an unredacted line");
  });
});
