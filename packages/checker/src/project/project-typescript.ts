import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The major version of the TypeScript a project installs (the nearest `node_modules/typescript` at or above
 * its directory), or undefined when it has none. The checker runs TypeScript 6; a project on 5 expects 5's
 * defaults, which 6 changed (`types` loads no `@types` packages, deprecated options are errors).
 */
export function projectTypeScriptMajor(dir: string): number | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const file = join(at, 'node_modules', 'typescript', 'package.json');
    if (existsSync(file)) {
      try {
        const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
        const major = typeof version === 'string' ? Number.parseInt(version, 10) : Number.NaN;
        return Number.isNaN(major) ? undefined : major;
      } catch {
        return undefined; // an unreadable package.json tells nothing about the version
      }
    }
    if (dirname(at) === at) return undefined;
  }
}

/** Whether any `node_modules/@types` at or above `dir` holds a package. */
export function hasTypesPackages(dir: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules', '@types'))) return true;
    if (dirname(at) === at) return false;
  }
}
