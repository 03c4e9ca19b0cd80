import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { tarballEntries, type TarballEntry } from './tarball.js';

/** A publishable package of the workspace (`packages/*`, not private). */
export interface WorkspacePackage {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  /** The names of the workspace packages it needs installed with it (dependencies and required peers). */
  readonly workspaceDependencies: readonly string[];
}

/** A packed package: its tarball and what the tarball holds. */
export interface PackedPackage extends WorkspacePackage {
  readonly tarball: string;
  readonly packedBytes: number;
  readonly unpackedBytes: number;
  readonly files: readonly TarballEntry[];
  /** The package.json in the tarball, as npm will install it. */
  readonly manifest: PackedManifest;
}

/** What is read of a packed package.json. */
export interface PackedManifest {
  readonly name: string;
  readonly exports?: unknown;
  readonly bin?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** Every publishable package under `packages/`, from its package.json, so a new package is included as it is added. */
export function workspacePackages(root: string): WorkspacePackage[] {
  const dirs = readdirSync(path.join(root, 'packages'))
    .map((name) => path.join(root, 'packages', name))
    .filter((dir) => statSync(path.join(dir, 'package.json'), { throwIfNoEntry: false })?.isFile());
  const manifests = dirs.map((dir) => ({ dir, manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest }));
  const names = new Set(manifests.map(({ manifest }) => manifest.name));
  return manifests
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => {
      const required = [
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.peerDependencies ?? {}).filter((peer) => manifest.peerDependenciesMeta?.[peer]?.optional !== true),
      ];
      return { name: manifest.name, version: manifest.version, dir, workspaceDependencies: required.filter((dep) => names.has(dep)) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Packs each package with `pnpm pack` (which rewrites `workspace:` ranges) into `destination`. */
export function packPackages(packages: readonly WorkspacePackage[], destination: string): PackedPackage[] {
  return packages.map((pkg) => {
    const out = execFileSync('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: pkg.dir, encoding: 'utf8' });
    const { filename } = JSON.parse(out.slice(out.indexOf('{'))) as { filename: string };
    const tarball = path.isAbsolute(filename) ? filename : path.join(destination, path.basename(filename));
    const files = tarballEntries(tarball);
    const manifest = files.find((file) => file.path === 'package.json');
    if (manifest === undefined) throw new Error(`${tarball} holds no package.json`);
    return {
      ...pkg,
      tarball,
      packedBytes: statSync(tarball).size,
      unpackedBytes: files.reduce((sum, file) => sum + file.size, 0),
      files,
      manifest: JSON.parse(manifest.data.toString('utf8')) as PackedManifest,
    };
  });
}

/** The tarballs to install for `names`: theirs and those of the workspace packages they need, transitively. */
export function tarballsFor(packed: readonly PackedPackage[], names: readonly string[]): string[] {
  const byName = new Map(packed.map((pkg) => [pkg.name, pkg]));
  const wanted = new Set<string>();
  const visit = (name: string): void => {
    const pkg = byName.get(name);
    if (pkg === undefined) throw new Error(`${name} is not a publishable package of the workspace (found: ${[...byName.keys()].join(', ')})`);
    if (wanted.has(name)) return;
    wanted.add(name);
    pkg.workspaceDependencies.forEach(visit);
  };
  names.forEach(visit);
  return [...wanted].map((name) => byName.get(name)!.tarball);
}
