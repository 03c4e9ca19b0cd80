/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { installSanitizer, registerDataPolicy, sanitize } from '../src/index.js';
import { planFor } from '../src/plan.js';
import { captureLogger, resetFilterAfterEach } from './capture.js';

/** A self-signed certificate made for these tests (public data). */
const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBRDCB96ADAgECAhQ2SFNVCBXOh0BEWNEiV1Fo2olFujAFBgMrZXAwFzEVMBMG
A1UEAwwMa2xvZy10cyB0ZXN0MCAXDTI2MTEyNTE3NTQwOFoYDzIxMjYxMTAxMTc1
NDA4WjAXMRUwEwYDVQQDDAxrbG9nLXRzIHRlc3QwKjAFBgMrZXADIQDnHZVapOiZ
DCM6XPqw/Upur6v4rlZksp0rfTuKKOB1haNTMFEwHQYDVR0OBBYEFCUC/fUaZtMe
RdBVy7rZebBwYAhFMB8GA1UdIwQYMBaAFCUC/fUaZtMeRdBVy7rZebBwYAhFMA8G
A1UdEwEB/wQFMAMBAf8wBQYDK2VwA0EA9f96FHQyT0tNkp5Rrv6LsX5dfYkzX8Pe
JGlGUMhwtTU4NQpPy/3ERrLV/X4RVZ0uolU6TE1MEu8xyh+GRTdgDw==
-----END CERTIFICATE-----
`;

/** A class from a library: it cannot be decorated. */
class V1Secret {
  kind = 'Secret';
  metadata = { name: 'db', namespace: 'prod' };
  data: Record<string, string> | undefined = { password: 'aHVudGVyMg==' };
}

class DerivedSecret extends V1Secret {}

describe('registerDataPolicy', () => {
  resetFilterAfterEach();

  it('tags fields of a class it cannot edit, and of its subclasses; unregistering restores them', () => {
    const secret = new V1Secret();
    expect(sanitize(secret)).toBe(secret);
    const unregister = registerDataPolicy(V1Secret, { data: 'security-key' });
    try {
      expect({ ...sanitize(secret) }).toEqual({ kind: 'Secret', metadata: { name: 'db', namespace: 'prod' }, data: '[REDACTED:security-key]' });
      expect(sanitize(new DerivedSecret()).data).toBe('[REDACTED:security-key]');
      const empty = new V1Secret();
      empty.data = undefined;
      expect(sanitize(empty)).toBe(empty);
    } finally {
      unregister();
    }
    expect(sanitize(secret)).toBe(secret);
  });

  it('caches one plan per class, rebuilt when a registration changes what counts as secret', () => {
    const before = planFor(V1Secret.prototype);
    expect(planFor(V1Secret.prototype)).toBe(before);
    expect(before.fields).toBeUndefined();
    const unregister = registerDataPolicy(V1Secret, { data: 'security-key' });
    const after = planFor(V1Secret.prototype);
    expect(after).not.toBe(before);
    expect(after.fields?.kindsOf('data')).toEqual(['security-key']);
    expect(planFor(V1Secret.prototype)).toBe(after);
    unregister();
    expect(planFor(V1Secret.prototype).fields).toBeUndefined();
  });

  it('marks a whole type as secret', () => {
    class Token {
      value = 'v';
    }
    const unregister = registerDataPolicy(Token, ['token']);
    try {
      expect(sanitize({ t: new Token() })).toEqual({ t: '[REDACTED:token]' });
    } finally {
      unregister();
    }
  });

  it('takes a matcher for values with no class of their own (a Secret manifest as plain JSON)', () => {
    const unregister = registerDataPolicy({ name: 'secret-manifest', test: (v) => (v as { kind?: unknown }).kind === 'Secret' }, { data: 'security-key', stringData: 'security-key' });
    try {
      const manifest = { apiVersion: 'v1', kind: 'Secret', data: { a: 'YQ==' } };
      expect(sanitize({ items: [manifest] })).toEqual({ items: [{ apiVersion: 'v1', kind: 'Secret', data: '[REDACTED:security-key]' }] });
      expect(manifest.data).toEqual({ a: 'YQ==' });
    } finally {
      unregister();
    }
  });

  it('matches field names case-insensitively on request', () => {
    class Env {
      DB_PASSWORD = 'p';
      HOME = '/root';
    }
    const unregister = registerDataPolicy(Env, { db_password: 'password' }, { caseInsensitive: true });
    try {
      expect({ ...sanitize(new Env()) }).toEqual({ DB_PASSWORD: '[REDACTED:password]', HOME: '/root' });
    } finally {
      unregister();
    }
  });

  it('rejects bad targets and policies with a message naming them', () => {
    expect(() => registerDataPolicy(V1Secret, {})).toThrow('registerDataPolicy(V1Secret): the field policy names no field');
    expect(() => registerDataPolicy(V1Secret, { data: 'Secret Key' })).toThrow('registerDataPolicy(V1Secret) field "data": invalid datapolicy kind "Secret Key"');
    expect(() => registerDataPolicy({ name: 'broken' } as never, 'token')).toThrow('registerDataPolicy(broken): the target must be a class or an object with test(value)');
    expect(() => registerDataPolicy(V1Secret, 42 as never)).toThrow('registerDataPolicy(V1Secret): the policy must be kinds');
  });
});

describe('built-in policies (Kubernetes\' GlobalDatapolicyMapping, in Node)', () => {
  resetFilterAfterEach();

  it('fetch Headers: authorization, proxy-authorization, cookie and set-cookie, in any case', () => {
    const headers = new Headers({ Authorization: 'Bearer abc', Cookie: 'session=1', Accept: 'application/json', 'Proxy-Authorization': 'Basic eA==' });
    headers.append('Set-Cookie', 'a=1');
    const clean = sanitize(headers);
    expect(clean).toBeInstanceOf(Headers);
    expect([...clean]).toEqual([
      ['accept', 'application/json'],
      ['authorization', '[REDACTED:password,token]'],
      ['cookie', '[REDACTED:token]'],
      ['proxy-authorization', '[REDACTED:password,token]'],
      ['set-cookie', '[REDACTED:token]'],
    ]);
    expect(headers.get('authorization')).toBe('Bearer abc');
    const plain = new Headers({ accept: 'text/plain' });
    expect(sanitize(plain)).toBe(plain);
  });

  it('KeyObject and X509Certificate are security keys, in both formats', () => {
    const sanitizer = installSanitizer();
    const { privateKey } = generateKeyPairSync('ed25519');
    const certificate = new X509Certificate(CERTIFICATE);
    for (const format of ['text', 'json'] as const) {
      const { logger, take } = captureLogger(format);
      logger.infoS('Keys', 'key', privateKey, 'cert', certificate, 'nested', { cert: certificate });
      const out = take();
      expect(out).not.toContain('BEGIN CERTIFICATE');
      expect(out.split('[REDACTED:security-key]').length - 1).toBe(3);
    }
    expect(sanitizer.metrics().redacted).toEqual({ 'security-key': 6 });
  });
});
