import { ConfigError } from '@klog-ts/core';
import { redactionMarker } from './kinds.js';
const DETECTORS = [
    { name: 'bearer', kind: 'token', minLength: 15, hints: ['Bearer ', 'bearer ', 'BEARER '], pattern: /(?<keep>\b[Bb][Ee][Aa][Rr][Ee][Rr][ \t]+)[A-Za-z0-9\-._~+/]{8,}=*/g },
    { name: 'jwt', kind: 'token', minLength: 24, hints: ['eyJ'], pattern: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g },
    {
        name: 'pem-private-key', kind: 'security-key', minLength: 40, hints: ['-----BEGIN '],
        pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)/g,
    },
    { name: 'aws-access-key', kind: 'token', minLength: 20, hints: ['AKIA', 'ASIA'], pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
    {
        name: 'github-token', kind: 'token', minLength: 40, hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
        pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g,
    },
    { name: 'slack-token', kind: 'token', minLength: 15, hints: ['xox'], pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
];
/** Names of all built-in detectors, for docs and validation. */
export const DETECTOR_NAMES = DETECTORS.map((d) => d.name);
export function compileDetectors(option) {
    if (option === undefined || option === false)
        return undefined;
    let enabled;
    if (option === true)
        enabled = DETECTORS;
    else if (Array.isArray(option)) {
        enabled = DETECTORS.filter((d) => option.includes(d.name) || option.includes(d.kind));
        for (const name of option) {
            if (!DETECTORS.some((d) => d.name === name || d.kind === name)) {
                throw new ConfigError('sanitizer detector', name, `unknown (known: ${DETECTOR_NAMES.join(', ')}, or a kind: token, security-key)`);
            }
        }
    }
    else
        throw new ConfigError('sanitizer detectors', option, 'must be true or a list of detector names and kinds');
    if (enabled.length === 0)
        return undefined;
    const minLength = Math.min(...enabled.map((d) => d.minLength));
    // One pass over the string for every hint at once: most strings stop here.
    const hints = new RegExp(enabled.flatMap((d) => d.hints).map((hint) => hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    return {
        minLength,
        detect(text) {
            if (!hints.test(text))
                return undefined;
            let out = text;
            let kinds;
            for (const d of enabled) {
                if (out.length < d.minLength || !d.hints.some((hint) => out.includes(hint)))
                    continue;
                const marker = redactionMarker(d.kind);
                const replaced = out.replace(d.pattern, (...args) => {
                    // With named groups, the replacer's last argument is the groups object.
                    const last = args[args.length - 1];
                    return (typeof last === 'object' && last !== null ? (last.keep ?? '') : '') + marker;
                });
                if (replaced !== out) {
                    out = replaced;
                    (kinds ??= []).push(d.kind);
                }
            }
            return kinds === undefined ? undefined : { text: out, kinds };
        },
    };
}
