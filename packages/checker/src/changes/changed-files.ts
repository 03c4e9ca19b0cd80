import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { CheckerError } from '@klog-ts/taint/errors';
import type { Finding } from '../report/finding.js';

function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const text = typeof stderr === 'string' && stderr.trim() !== '' ? stderr : (error as Error).message;
  return text.trim().split('\n')[0] ?? '';
}

/**
 * The absolute paths of the files changed since `ref` in the git repository around `cwd`: what differs
 * between the merge base of `ref` and HEAD and the working tree (commits, staged and unstaged edits), plus
 * untracked files. A bad ref or a directory outside git is a {@link CheckerError}.
 */
export function changedFiles(ref: string, cwd: string): Set<string> {
  if (ref.startsWith('-') || ref.trim() === '') throw new CheckerError('KLOG_CHECK_USAGE', `--changed-since needs a git ref, got '${ref}' (see --help)`);
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (error) {
    throw new CheckerError('KLOG_CHECK_BAD_REF', `--changed-since needs a git repository: ${firstLine(error)}`);
  }
  let base: string;
  try {
    base = git(['merge-base', ref, 'HEAD'], root).trim();
  } catch {
    throw new CheckerError('KLOG_CHECK_BAD_REF', `--changed-since ${ref}: not a commit this repository knows (fetch it, or name a branch, tag or commit)`);
  }
  const changed = git(['diff', '--name-only', '-z', '--no-renames', base], root);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  return new Set(
    `${changed}${untracked}`
      .split('\0')
      .filter((p) => p !== '')
      .map((p) => resolve(root, p)),
  );
}

/** Whether a finding's path (its source, any step, or the sink) runs through one of `files`. */
export function touchesFiles(finding: Finding, files: ReadonlySet<string>): boolean {
  return files.has(finding.file) || files.has(finding.source.file) || finding.path.some((step) => files.has(step.file));
}
