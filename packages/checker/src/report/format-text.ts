import { readFileSync } from 'node:fs';
import { codeFrame } from './code-frame.js';
import { displayPath } from './display-path.js';
import type { Finding } from './finding.js';

/** Options of {@link formatText}. */
export interface TextOptions {
  readonly cwd?: string;
  /** Reads a file's text for the code frame (defaults to the file system). */
  readonly readText?: (file: string) => string;
}

/**
 * The human output: per finding, `file:line:col  message  rule`, a code frame at the sink, and the path
 * from the source to the sink, one hop a line.
 */
export function formatText(findings: readonly Finding[], options: TextOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const read = options.readText ?? ((file: string) => readFileSync(file, 'utf8'));
  const texts = new Map<string, string>();
  const textOf = (file: string): string => {
    let text = texts.get(file);
    if (text === undefined) {
      try {
        text = read(file);
      } catch {
        text = '';
      }
      texts.set(file, text);
    }
    return text;
  };
  return findings
    .map((f) => {
      const head = `${displayPath(f.file, cwd)}:${f.line}:${f.column}  error  ${f.message}  ${f.ruleId}`;
      const frame = codeFrame(textOf(f.file), f.line, f.column);
      const path = f.path.map((p) => `    ${displayPath(p.file, cwd)}:${p.line}:${p.column}  ${p.note}`).join('\n');
      return `${head}\n${frame}\n  path:\n${path}\n`;
    })
    .join('\n');
}
