import { fileURLToPath } from 'node:url';

/** The repository root: child scripts run from there, so `--import tsx` resolves. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Node's arguments to run a TypeScript file from sources, as the root scripts do. */
export function nodeArgsFor(script: string, args: readonly string[] = []): string[] {
  return ['--conditions=@klog-ts/source', '--import', 'tsx', script, ...args];
}
