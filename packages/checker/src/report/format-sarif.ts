import { pathToFileURL } from 'node:url';
import { displayPath } from './display-path.js';
import { RULE_ID, type Finding, type Location } from './finding.js';

/** The SARIF rule description shared by every result. */
const RULE = {
  id: RULE_ID,
  name: 'SecretLogging',
  shortDescription: { text: 'A secret reaches a logging call' },
  fullDescription: {
    text:
      'A value tagged with a datapolicy, of a Secret type, revealed from a Secret, or held under a credential-like ' +
      'name flows to a logging call (klog-ts, console, pino, winston, or a configured sink) without being hashed, ' +
      'redacted or masked.',
  },
  help: {
    text:
      'Do not log the secret: log a hash, its length, KObj(...) of the object, or a redacted form. If the flow is ' +
      'safe, add "// klog-check-ignore-next-line: <reason>" above the call.',
  },
  defaultConfiguration: { level: 'error' },
  properties: { tags: ['security', 'external/cwe/cwe-532'], precision: 'high', 'security-severity': '7.5' },
} as const;

/** Options of {@link toSarif}. */
export interface SarifOptions {
  /** Paths are made relative to this directory, which becomes `%SRCROOT%`. */
  readonly cwd?: string;
  readonly toolVersion?: string;
}

function physical(loc: Location, cwd: string): Record<string, unknown> {
  return {
    artifactLocation: { uri: encodeURI(displayPath(loc.file, cwd)), uriBaseId: '%SRCROOT%' },
    region: { startLine: loc.line, startColumn: loc.column },
  };
}

/**
 * A SARIF 2.1.0 log: one run of `klog-check` with one rule, one result per finding (at the sink, with the
 * source as a related location) and a codeFlow from source to sink that GitHub code scanning displays.
 */
export function toSarif(findings: readonly Finding[], options: SarifOptions = {}): Record<string, unknown> {
  const cwd = options.cwd ?? process.cwd();
  const root = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'klog-check',
            semanticVersion: options.toolVersion ?? '0.1.0',
            rules: [RULE],
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        results: findings.map((f) => ({
          ruleId: RULE_ID,
          ruleIndex: 0,
          level: 'error',
          message: { text: f.message },
          locations: [{ physicalLocation: physical(f, cwd) }],
          relatedLocations: [{ id: 1, physicalLocation: physical(f.source, cwd), message: { text: `source: ${f.source.name}` } }],
          partialFingerprints: { klogCheckSinkSource: `${displayPath(f.file, cwd)}|${f.snippet}|${f.source.kind}:${f.source.name}` },
          codeFlows: [
            {
              threadFlows: [
                {
                  locations: f.path.map((p) => ({
                    location: { physicalLocation: physical(p, cwd), message: { text: p.note } },
                  })),
                },
              ],
            },
          ],
        })),
      },
    ],
  };
}

/** {@link toSarif} as pretty-printed JSON. */
export function formatSarif(findings: readonly Finding[], options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(findings, options), null, 2)}\n`;
}
