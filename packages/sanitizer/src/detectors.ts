import { ConfigError } from '@klog-ts/core';
import { redactionMarker } from './kinds.js';

/** A string detector: a pattern for one kind of credential, with a cheap pre-filter. */
interface Detector {
  readonly name: DetectorName;
  readonly kind: string;
  /** No match is possible in a shorter string. */
  readonly minLength: number;
  /** One of these substrings must occur before the pattern runs. */
  readonly hints: readonly string[];
  /** Global pattern. */
  readonly pattern: RegExp;
  /** Whether the pattern's group 1 is kept in front of the marker (`Bearer `). */
  readonly keep?: true;
}

/** The built-in string detectors. */
export type DetectorName = 'bearer' | 'jwt' | 'pem-private-key' | 'aws-access-key' | 'github-token' | 'slack-token';

const DETECTORS: readonly Detector[] = [
  // The pattern admits exactly what the hints admit (Bearer, bearer, BEARER; then a space or a tab): a
  // pre-filter narrower than its pattern would let a credential through unseen.
  {
    name: 'bearer', kind: 'token', minLength: 15,
    // Stryker disable next-line StringLiteral: equivalent, an empty hint occurs in every string: the pre-filter only lets more strings reach the pattern
    hints: ['earer ', 'earer\t', 'EARER ', 'EARER\t'],
    pattern: /(\b[Bb](?:earer|EARER)[ \t]+)[A-Za-z0-9\-._~+/]{8,}=*/g, keep: true,
  },
  {
    name: 'jwt', kind: 'token', minLength: 24,
    // Stryker disable next-line StringLiteral: equivalent, an empty hint occurs in every string: the pre-filter only lets more strings reach the pattern
    hints: ['eyJ'],
    pattern: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  },
  {
    name: 'pem-private-key', kind: 'security-key', minLength: 40,
    // Stryker disable next-line StringLiteral: equivalent, an empty hint occurs in every string: the pre-filter only lets more strings reach the pattern
    hints: ['-----BEGIN '],
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)/g,
  },
  {
    name: 'aws-access-key', kind: 'token', minLength: 20,
    // Stryker disable next-line StringLiteral: equivalent, an empty hint occurs in every string: the pre-filter only lets more strings reach the pattern
    hints: ['AKIA', 'ASIA'],
    pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  },
  {
    name: 'github-token', kind: 'token', minLength: 40,
    // Stryker disable next-line StringLiteral: equivalent, an empty hint occurs in every string: the pre-filter only lets more strings reach the pattern
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g,
  },
  {
    name: 'slack-token', kind: 'token', minLength: 15,
    // Stryker disable next-line StringLiteral: equivalent, an empty hint occurs in every string: the pre-filter only lets more strings reach the pattern
    hints: ['xox'],
    pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  },
];

/** Names of all built-in detectors, for docs and validation. */
export const DETECTOR_NAMES: readonly DetectorName[] = DETECTORS.map((d) => d.name);

/** Which detectors to run: `true` for all, or detector names and/or kinds (`'token'` enables every token detector). */
export type DetectorsOption = boolean | readonly (DetectorName | 'token' | 'security-key')[];

/** A compiled detector set: returns the string with credentials replaced, and the kinds found. */
export interface StringDetectors {
  /** Strings shorter than this cannot match: the first, nearly free test. */
  readonly minLength: number;
  /** The redacted string and the kinds found, or undefined when nothing matched. */
  detect(text: string): { text: string; kinds: string[] } | undefined;
}

export function compileDetectors(option: DetectorsOption | undefined): StringDetectors | undefined {
  if (option === undefined || option === false) return undefined;
  let enabled: readonly Detector[];
  if (option === true) enabled = DETECTORS;
  else if (Array.isArray(option)) {
    enabled = DETECTORS.filter((d) => option.includes(d.name) || option.includes(d.kind as 'token'));
    for (const name of option as unknown[]) {
      if (!DETECTORS.some((d) => d.name === name || d.kind === name)) {
        throw new ConfigError('sanitizer detector', name, `unknown (known: ${DETECTOR_NAMES.join(', ')}, or a kind: token, security-key)`);
      }
    }
  } else throw new ConfigError('sanitizer detectors', option, 'must be true or a list of detector names and kinds');
  if (enabled.length === 0) return undefined;
  // Stryker disable next-line ArrowFunction: equivalent, a NaN minimum rules no string out (the scanner skips only length < minLength), and each detector checks its own
  const minLength = Math.min(...enabled.map((d) => d.minLength));
  const hintsOf = (hints: readonly string[]): RegExp => {
    // Stryker disable next-line ArrowFunction,StringLiteral: equivalent, no built-in hint holds a pattern character, and undefined hints join into empty alternatives, found in every string
    const escaped = hints.map((hint) => hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(escaped.join('|'));
  };
  // One pass over the string for every hint at once: most strings stop here.
  const anyHint = hintsOf(enabled.flatMap((d) => d.hints));
  const compiled = enabled.map((d) => ({
    ...d,
    hint: hintsOf(d.hints),
    // A replacement string, not a function: `$1` puts back what the pattern keeps (the marker has no `$`).
    replacement: (d.keep ? '$1' : '') + redactionMarker(d.kind),
  }));
  return {
    minLength,
    detect(text) {
      if (!anyHint.test(text)) return undefined;
      let out = text;
      let kinds: string[] | undefined;
      for (const d of compiled) {
        if (out.length < d.minLength || !d.hint.test(out)) continue;
        const replaced = out.replace(d.pattern, d.replacement);
        if (replaced !== out) {
          out = replaced;
          (kinds ??= []).push(d.kind);
        }
      }
      return kinds === undefined ? undefined : { text: out, kinds };
    },
  };
}
