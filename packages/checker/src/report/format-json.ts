import { displayPath } from './display-path.js';
import type { Finding } from './finding.js';

/**
 * The JSON output: `{"findings":[{"file","line","column","sink","source":{"file","line","kind","name"},
 * "path":[...],"message"}]}`, every path relative to `cwd`.
 */
export function formatJson(findings: readonly Finding[], cwd: string = process.cwd()): string {
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
  return `${JSON.stringify({ findings: out }, null, 2)}\n`;
}
