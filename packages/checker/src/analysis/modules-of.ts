import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ts } from 'ts-morph';

const packageNames = new Map<string, string | undefined>();

// Name of the nearest package.json above `dir` (cached per directory).
function packageNameOf(dir: string): string | undefined {
  if (packageNames.has(dir)) return packageNames.get(dir);
  const file = join(dir, 'package.json');
  let name: string | undefined;
  if (existsSync(file)) {
    try {
      name = (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name as string | undefined;
    } catch {
      name = undefined;
    }
  } else {
    const parent = dirname(dir);
    name = parent === dir ? undefined : packageNameOf(parent);
  }
  packageNames.set(dir, name);
  return name;
}

/**
 * The module identities of a declaration, matched against sink definitions: the `declare module 'x'`
 * name around it, else its file's absolute path and its package's name (nearest package.json).
 */
export function modulesOf(decl: ts.Node): string[] {
  for (let n: ts.Node | undefined = decl.parent; n !== undefined; n = n.parent) {
    if (ts.isModuleDeclaration(n) && ts.isStringLiteral(n.name)) return [n.name.text];
  }
  const file = decl.getSourceFile().fileName;
  const pkg = packageNameOf(dirname(file));
  return pkg === undefined ? [file] : [file, pkg];
}
