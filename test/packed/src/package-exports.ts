/** One file an `exports` entry points at, under a chain of conditions. */
export interface ExportTarget {
  /** The subpath: `.`, `./parse`, `./schema/*`. */
  readonly subpath: string;
  /** The conditions on the way to it: `['types']`, `['@klog-ts/source']`, `[]` for a plain string. */
  readonly conditions: readonly string[];
  /** The file, relative to the package: `./dist/index.js`. */
  readonly target: string;
}

function targetsOf(value: unknown, subpath: string, conditions: readonly string[], out: ExportTarget[]): void {
  if (typeof value === 'string') out.push({ subpath, conditions, target: value });
  else if (Array.isArray(value)) for (const item of value) targetsOf(item, subpath, conditions, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) targetsOf(inner, subpath, [...conditions, key], out);
  }
}

/** Every file a package.json `exports` field points at (a string, a conditions object, or a subpath map). */
export function exportTargets(exports: unknown): ExportTarget[] {
  const out: ExportTarget[] = [];
  if (typeof exports === 'string' || Array.isArray(exports)) targetsOf(exports, '.', [], out);
  else if (typeof exports === 'object' && exports !== null) {
    const entries = Object.entries(exports);
    if (entries.every(([key]) => key.startsWith('.'))) for (const [subpath, value] of entries) targetsOf(value, subpath, [], out);
    else targetsOf(exports, '.', [], out);
  }
  return out;
}

/**
 * A module that imports every subpath of these packages: `import * as` where the subpath has types (so the
 * published .d.ts files must resolve and compile), a bare `import` for one without (a side-effect entry such
 * as a loader), and nothing for a wildcard (`./schema/*`).
 */
export function everyExportModule(packages: readonly { readonly name: string; readonly exports?: unknown }[]): string {
  const lines: string[] = [];
  const names: string[] = [];
  for (const pkg of packages) {
    const subpaths = new Map<string, boolean>();
    for (const { subpath, conditions } of exportTargets(pkg.exports)) {
      if (subpath.includes('*')) continue;
      subpaths.set(subpath, (subpaths.get(subpath) ?? false) || conditions.includes('types'));
    }
    for (const [subpath, typed] of subpaths) {
      const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
      if (typed) {
        const name = `export${names.length}`;
        names.push(name);
        lines.push(`import * as ${name} from '${specifier}';`);
      } else {
        lines.push(`import '${specifier}';`);
      }
    }
  }
  return `${lines.join('\n')}\n\nexport const modules: readonly object[] = [${names.join(', ')}];\n`;
}
