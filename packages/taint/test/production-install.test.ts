/**
 * The plugin depends on what it runs: a production install of `@klog-ts/eslint-plugin`, or of the taint
 * engine it shares with `klog-check`, pulls in no ts-morph (about 14.5 MB with its own TypeScript). The
 * packages are read from pnpm's own resolution of the workspace (`pnpm list --prod`: dependencies and the
 * peers they resolve, transitively), the same set `pnpm deploy --prod` installs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../../..');
const TS_MORPH = ['ts-morph', '@ts-morph/common'];

interface Listed {
  readonly version?: string;
  /** Where the package is installed: one folder per version and set of resolved peers. */
  readonly path?: string;
  readonly dependencies?: Record<string, Listed>;
  readonly optionalDependencies?: Record<string, Listed>;
}

interface ProductionInstall {
  /** The workspace package's own dependencies, as pnpm resolved them. */
  readonly direct: string[];
  /** Every package name the install holds, the direct dependencies included. */
  readonly packages: Set<string>;
}

const installs = new Map<string, ProductionInstall>();

function productionInstall(name: string): ProductionInstall {
  const known = installs.get(name);
  if (known !== undefined) return known;
  const json = execFileSync('pnpm', ['list', '--prod', '--depth', 'Infinity', '--json', '--filter', name], { cwd: ROOT, encoding: 'utf8' });
  const [project] = JSON.parse(json) as Listed[];
  if (project === undefined) throw new Error(`pnpm list found no workspace package ${name}`);
  const children = (node: Listed) => Object.entries({ ...node.dependencies, ...node.optionalDependencies });
  const packages = new Set<string>();
  const seen = new Set<string>();
  const walk = (node: Listed): void => {
    for (const [dependency, child] of children(node)) {
      packages.add(dependency);
      const where = child.path ?? `${dependency}@${child.version}`;
      if (seen.has(where)) continue;
      seen.add(where);
      walk(child);
    }
  };
  walk(project);
  const install = { direct: children(project).map(([dependency]) => dependency).sort(), packages };
  installs.set(name, install);
  return install;
}

/** What `package.json` declares for a production install; the install must be current for the list to mean anything. */
function declared(folder: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'packages', folder, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  return Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }).sort();
}

describe.each([
  ['@klog-ts/eslint-plugin', 'eslint-plugin'],
  ['@klog-ts/taint', 'taint'],
])('a production install of %s', (name, folder) => {
  it('resolves the dependencies its package.json declares (else run pnpm install)', () => {
    expect(productionInstall(name).direct).toEqual(declared(folder));
  });

  it('holds no ts-morph', () => {
    const { packages } = productionInstall(name);
    expect(TS_MORPH.filter((pkg) => packages.has(pkg))).toEqual([]);
  });
});

it("sees ts-morph where it is: the checker's production install holds it", () => {
  const { direct, packages } = productionInstall('@klog-ts/checker');
  expect(direct).toEqual(declared('checker'));
  expect(TS_MORPH.filter((pkg) => packages.has(pkg))).toEqual(TS_MORPH);
});
