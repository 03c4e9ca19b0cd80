import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as ts from 'typescript';
import type { TypeScript } from './typescript-api.js';

const packageNames = new Map<string, string | undefined>();

/** The `name` of the nearest package.json at or above `dir` (cached per directory). */
function packageNameOf(dir: string): string | undefined {
  if (packageNames.has(dir)) return packageNames.get(dir);
  const file = join(dir, 'package.json');
  let name: string | undefined;
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
      name = typeof parsed.name === 'string' ? parsed.name : undefined;
    } catch {
      name = undefined; // an unreadable package.json names no package
    }
  } else {
    const parent = dirname(dir);
    name = parent === dir ? undefined : packageNameOf(parent);
  }
  packageNames.set(dir, name);
  return name;
}

/**
 * The identities a declaration is matched by against sink definitions (`SinkDefinition.module`): the
 * `declare module 'x'` name around it, else its file's absolute path and its package's name (for a
 * DefinitelyTyped package, the name it types: `bunyan` for `@types/bunyan`, `@s/p` for `@types/s__p`).
 */
export function modulesOf(ts: TypeScript, decl: ts.Node): string[] {
  for (let node: ts.Node | undefined = decl.parent; node !== undefined; node = node.parent) {
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) return [node.name.text];
  }
  const file = decl.getSourceFile().fileName;
  const pkg = packageNameOf(dirname(file));
  if (pkg === undefined) return [file];
  return pkg.startsWith('@types/') ? [file, pkg, typedPackage(pkg)] : [file, pkg];
}

function typedPackage(types: string): string {
  const name = types.slice('@types/'.length);
  return name.includes('__') ? `@${name.replace('__', '/')}` : name;
}
