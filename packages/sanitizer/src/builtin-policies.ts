import { KeyObject, X509Certificate } from 'node:crypto';
import { registerDataPolicy } from './registry.js';

/**
 * The types Kubernetes' datapol maps too (GlobalDatapolicyMapping: http.Header, http.Cookie,
 * x509.Certificate), in their Node forms: fetch `Headers` with credentials in `authorization`,
 * `proxy-authorization`, `cookie` and `set-cookie` (any case), and `KeyObject` and `X509Certificate`
 * as security keys. Plain-object headers (`req.headers`) are covered by key-name redaction.
 */
export const HTTP_HEADER_FIELDS = {
  authorization: ['password', 'token'],
  'proxy-authorization': ['password', 'token'],
  cookie: 'token',
  'set-cookie': 'token',
} as const;

export function registerBuiltinPolicies(): void {
  if (typeof globalThis.Headers === 'function') {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, Headers hands out its names in lower case (the Fetch standard lowercases them), as the names above are
    registerDataPolicy(globalThis.Headers, HTTP_HEADER_FIELDS, { caseInsensitive: true });
  }
  registerDataPolicy(KeyObject, 'security-key');
  registerDataPolicy(X509Certificate, 'security-key');
}
