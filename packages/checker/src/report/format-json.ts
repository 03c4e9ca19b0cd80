import type { SinkCoverage } from '../project/sink-coverage.js';
import { displayPath } from './display-path.js';
import type { Finding } from './finding.js';

/**
 * The JSON output: `{"findings":[{"file","line","column","sink","source":{"file","line","kind","name"},
 * "path":[...],"message"}],"sinks":[{"sink","calls"}]}`, every path relative to `cwd`; `sinks` (what was
 * checked: the calls each sink entry matched) when given.
 */
export function formatJson(findings: readonly Finding[], cwd: string = process.cwd(), sinks?: readonly SinkCoverage[]): string {
  const rel = (file: string): string => displayPath(file, cwd);
  const out = findings.map((f) => ({
    file: rel(f.file),
    line: f.line,
    column: f.column,
    sink: f.sink,
    source: {
      file: rel(f.source.file),
      line: f.source.line,
      column: f.source.column,
      kind: f.source.kind,
      name: f.source.name,
      ...(f.source.policy === undefined ? {} : { policy: f.source.policy }),
    },
    path: f.path.map((p) => ({ file: rel(p.file), line: p.line, column: p.column, note: p.note })),
    message: f.message,
  }));
  const checked = sinks?.map((s) => ({ sink: s.sink, calls: s.calls }));
  return `${JSON.stringify(checked === undefined ? { findings: out } : { findings: out, sinks: checked }, null, 2)}\n`;
}
