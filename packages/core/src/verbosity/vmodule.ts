import { baseName } from '../caller/call-site.js';
import { ConfigError } from '../config-error.js';
import { describeValue } from '../config/describe-value.js';
import { compileGlob } from './glob.js';

/** One vmodule entry, in the shape of Kubernetes' LoggingConfiguration. */
export interface VModuleItem {
  /** A Go `filepath.Match` glob: without `/`, matched against the file name without extension; with `/`, the path. */
  filePattern: string;
  /** The V level enabled for matching files (0 entries are ignored, as klog does). */
  verbosity: number;
}

interface CompiledRule {
  readonly matchesPath: boolean;
  readonly regexp: RegExp;
  readonly verbosity: number;
}

const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?|go)$/;
const SYNTAX = 'syntax error: expect comma-separated list of filename=N';

/**
 * Parses klog's `-vmodule` flag: `pattern=N,pattern=N`. Throws ConfigError naming `setting` and the bad
 * entry (not the whole list, where it could be hard to spot).
 */
export function parseVModule(spec: string, setting = 'vmodule'): VModuleItem[] {
  const items: VModuleItem[] = [];
  for (const part of spec.split(',')) {
    if (part === '') continue;
    const pieces = part.split('=');
    if (pieces.length !== 2 || pieces[0] === '' || !/^[+-]?\d+$/.test(pieces[1])) throw new ConfigError(setting, part, SYNTAX);
    items.push({ filePattern: pieces[0], verbosity: Number(pieces[1]) });
  }
  return items;
}

/**
 * Per-file verbosity (klog's `-vmodule`): a pattern without `/` is matched against the caller's file
 * name without its extension (`controller*`), one with `/` against the whole path without extension.
 * The first matching pattern wins; entries with verbosity 0 are ignored, as klog does.
 */
export class VModule {
  readonly items: readonly VModuleItem[];
  readonly #rules: CompiledRule[];
  readonly #byFile = new Map<string, number>();

  constructor(items: readonly VModuleItem[], setting = 'vmodule') {
    this.items = items;
    this.#rules = [];
    for (const item of items) {
      if (typeof item !== 'object' || item === null) throw new ConfigError(setting, item, 'each entry must be a {filePattern, verbosity} object');
      if (typeof item.filePattern !== 'string' || item.filePattern === '') throw new ConfigError(setting, item, 'filePattern must be a non-empty string');
      // Named as the flag would write it, so both forms of a setting give the same message.
      const value = `${item.filePattern}=${describeValue(item.verbosity)}`;
      if (!Number.isInteger(item.verbosity) || item.verbosity < 0 || item.verbosity > 2 ** 31 - 1) {
        throw new ConfigError(setting, value, 'verbosity must be an integer between 0 and 2147483647');
      }
      const regexp = compileGlob(item.filePattern);
      if (regexp === undefined) throw new ConfigError(setting, value, 'malformed file pattern');
      if (item.verbosity > 0) this.#rules.push({ matchesPath: item.filePattern.includes('/'), regexp, verbosity: item.verbosity });
    }
  }

  get empty(): boolean {
    return this.#rules.length === 0;
  }

  /** The verbosity for a source file, or -1 when no pattern matches. Cached per file. */
  levelFor(file: string): number {
    let level = this.#byFile.get(file);
    if (level === undefined) {
      const path = file.replace(SOURCE_EXTENSION, '');
      const name = baseName(path);
      level = this.#rules.find((rule) => rule.regexp.test(rule.matchesPath ? path : name))?.verbosity ?? -1;
      this.#byFile.set(file, level);
    }
    return level;
  }
}
