import { describe, expect, it } from 'vitest';
import { applyBaseline, createBaseline, findSuppression, formatText, RULE_ID, type Finding } from '../src/index.js';
import { createProgress } from '../src/cli/progress.js';
import { codeFrame } from '../src/report/code-frame.js';
import { displayPath } from '../src/report/display-path.js';

function finding(line: number, snippet: string, name = 'password'): Finding {
  return {
    ruleId: RULE_ID,
    file: '/repo/src/a.ts',
    line,
    column: 3,
    sink: 'logger.infoS',
    role: 'log',
    source: { file: '/repo/src/a.ts', line: 1, column: 20, kind: 'credential-name', name },
    path: [
      { file: '/repo/src/a.ts', line: 1, column: 20, note: `source: credential '${name}'` },
      { file: '/repo/src/a.ts', line, column: 3, note: 'is logged by logger.infoS()' },
    ],
    message: `Credential '${name}' is logged by logger.infoS()`,
    snippet,
  };
}

describe('codeFrame', () => {
  it('marks the line and the column, with context and aligned numbers', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(codeFrame(text, 10, 3, 1)).toBe(['   9 | line 9', '> 10 | line 10', '     |   ^', '  11 | line 11'].join('\n'));
  });
  it('clamps at the start of the file', () => {
    expect(codeFrame('only', 1, 1)).toBe('> 1 | only\n    | ^');
  });
});

describe('findSuppression', () => {
  const text = ['// klog-check-ignore-next-line: printed once at bootstrap', 'log(a);', '/* klog-check-ignore-next-line */', 'log(b);', 'log(c);'].join('\n');
  it('accepts a comment with a reason', () => expect(findSuppression(text, 2)).toEqual({ kind: 'valid', reason: 'printed once at bootstrap' }));
  it('rejects one without a reason', () => expect(findSuppression(text, 4)).toEqual({ kind: 'missing-reason' }));
  it('finds nothing above an ordinary line', () => expect(findSuppression(text, 5)).toEqual({ kind: 'none' }));
  it('finds nothing above the first line', () => expect(findSuppression(text, 1)).toEqual({ kind: 'none' }));
});

describe('baseline', () => {
  it('matches findings by file, line text and source, not by line number, with counts', () => {
    const base = createBaseline([finding(5, 'logger.infoS("x", "p", password);'), finding(9, 'logger.infoS("x", "p", password);')], '/repo');
    expect(base.findings).toEqual([{ key: 'src/a.ts|logger.infoS("x", "p", password);|credential-name:password', count: 2 }]);
    const moved = [finding(7, 'logger.infoS("x", "p", password);'), finding(12, 'logger.infoS("x", "p", password);'), finding(20, 'logger.infoS("x", "p", password);')];
    const { fresh, known } = applyBaseline(moved, base, '/repo');
    expect(known.map((f) => f.line)).toEqual([7, 12]);
    expect(fresh.map((f) => f.line)).toEqual([20]);
  });
  it('treats another source on the same line as new', () => {
    const base = createBaseline([finding(5, 'log(x);', 'password')], '/repo');
    expect(applyBaseline([finding(5, 'log(x);', 'token')], base, '/repo').fresh).toHaveLength(1);
  });
});

describe('formatText', () => {
  it('prints the header, the frame and the path relative to cwd', () => {
    const out = formatText([finding(2, 'logger.infoS()')], { cwd: '/repo', readText: () => 'const password = "x";\n  logger.infoS("x", "p", password);\n' });
    expect(out).toContain("src/a.ts:2:3  error  Credential 'password' is logged by logger.infoS()  klog/secret-logging");
    expect(out).toContain('> 2 |   logger.infoS("x", "p", password);');
    expect(out).toContain("  path:\n    src/a.ts:1:20  source: credential 'password'\n    src/a.ts:2:3  is logged by logger.infoS()");
  });
});

describe('displayPath', () => {
  it('is relative with forward slashes', () => expect(displayPath('/repo/src/a.ts', '/repo')).toBe('src/a.ts'));
});

describe('progress', () => {
  it('redraws at most every 100 ms, always at the end, and erases itself', () => {
    let out = '';
    let now = 0;
    const progress = createProgress({ write: (t: string) => (out += t) }, () => now);
    progress.update('files', 1, 3);
    now = 50;
    progress.update('files', 2, 3);
    progress.update('files', 3, 3);
    progress.done();
    expect(out).toBe('\r\x1b[2Kklog-check: reading files 1/3\r\x1b[2Kklog-check: reading files 3/3\r\x1b[2K');
  });
  it('writes nothing when nothing was shown', () => {
    let out = '';
    createProgress({ write: (t: string) => (out += t) }).done();
    expect(out).toBe('');
  });
});
