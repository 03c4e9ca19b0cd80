// Pins the string detectors (src/detectors.ts): each pattern's edges, the minimum lengths, and the option.
import { describe, expect, it } from 'vitest';
import { createSanitizer, DETECTOR_NAMES, installSanitizer, type DetectorsOption } from '../src/index.js';
import { captureLogger, resetFilterAfterEach } from './capture.js';
import { expectConfigError } from './mutation-helpers.js';

const TOKEN = '[REDACTED:token]';
const KEY = '[REDACTED:security-key]';

/** `text` as a sanitizer with these detectors leaves it. */
function detected(detectors: DetectorsOption | undefined, text: string): unknown {
  return createSanitizer({ detectors }).sanitize(text);
}

/** Asserts what each of `cases` ([input, output]) becomes, with these detectors. */
function expectDetected(detectors: DetectorsOption, cases: readonly (readonly [string, string])[]): void {
  const sanitizer = createSanitizer({ detectors });
  expect(cases.map(([input]) => sanitizer.sanitize(input))).toStrictEqual(cases.map(([, output]) => output));
}

const alnum36 = 'abcdefghijklmnopqrstuvwxyz0123456789';

describe('detectors: bearer', () => {
  it('replaces what follows Bearer, bearer or BEARER and spaces or tabs: at least 8 token characters, then any =', () => {
    expectDetected(['bearer'], [
      ['Bearer abcdefgh', `Bearer ${TOKEN}`],
      ['bearer abcdefgh', `bearer ${TOKEN}`],
      ['BEARER abcdefgh', `BEARER ${TOKEN}`],
      ['bEARER abcdefgh', `bEARER ${TOKEN}`],
      ['Bearer\tabcdefgh', `Bearer\t${TOKEN}`],
      ['Bearer \t abcdefgh', `Bearer \t ${TOKEN}`],
      ['Bearer a-b.c_d~e+f/g==,rest', `Bearer ${TOKEN},rest`],
      ['x Bearer abcdefgh!', `x Bearer ${TOKEN}!`],
      ['Bearer abcdefgh, bearer ijklmnop', `Bearer ${TOKEN}, bearer ${TOKEN}`],
    ]);
  });

  it('leaves fewer than 8 token characters, other spellings, other separators and a word before it', () => {
    for (const text of ['Bearer abcdefg', 'x Bearer abcdefg!', 'Bearer abc!defgh', 'BEarer abcdefgh', 'BeArEr abcdefgh', 'XBearer abcdefgh', 'Bearer:abcdefgh', 'Bearer\nabcdefgh', 'Bearer of bad news']) {
      expect(detected(['bearer'], text)).toBe(text);
    }
  });
});

describe('detectors: jwt', () => {
  it('replaces a signed JWT, and an unsigned (alg none) one with its empty signature', () => {
    expectDetected(['jwt'], [
      ['eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', TOKEN],
      ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl', TOKEN],
      ['a=eyJhbGci.eyJzdWIi.abc-_def rest', `a=${TOKEN} rest`],
      ['eyJhbGci.eyJzdWIi.abc+def', `${TOKEN}+def`],
      ['eyJhbGci.eyJzdWIi.abcdef eyJhbGci.eyJzdWIi.ghijkl', `${TOKEN} ${TOKEN}`],
    ]);
  });

  it('leaves a header or payload shorter than eyJ and 4 characters, a missing second dot and a word before it', () => {
    for (const text of ['eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0', 'eyJabc.eyJabcdefgh.signature', 'eyJabcdefgh.eyJabc.signature', 'eyJabcdefgh.abcdefgh.signature', 'xeyJhbGci.eyJzdWIi.abcdefgh']) {
      expect(detected(['jwt'], text)).toBe(text);
    }
  });

  it('needs 24 characters in the string, even when a detector with a smaller minimum is on', () => {
    expect('eyJhbGci.eyJzdWIi.abcdef').toHaveLength(24);
    for (const detectors of [['jwt'], ['jwt', 'bearer'], true] as const) {
      expect(detected(detectors, 'eyJhbGci.eyJzdWIi.abcdef')).toBe(TOKEN);
      expect(detected(detectors, 'eyJhbGci.eyJzdWIi.abcde')).toBe('eyJhbGci.eyJzdWIi.abcde');
      expect(detected(detectors, 'eyJhbGci.eyJzdWIi.')).toBe('eyJhbGci.eyJzdWIi.');
    }
  });
});

describe('detectors: pem-private-key', () => {
  it('replaces a private key block of any type, up to its END line, or to the end of the string', () => {
    expectDetected(['pem-private-key'], [
      ['-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----\nafter', `${KEY}\nafter`],
      ['x -----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY----- y', `x ${KEY} y`],
      ['-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF\n-----END ENCRYPTED PRIVATE KEY-----', KEY],
      ['-----BEGIN EC2 DSA PRIVATE KEY-----\nMHcC\n-----END EC2 DSA PRIVATE KEY-----!', `${KEY}!`],
      ['key -----BEGIN RSA PRIVATE KEY-----\nMIIBOg', `key ${KEY}`],
      ['-----BEGIN EC PRIVATE KEY-----\na\n-----END EC PRIVATE KEY----- and -----BEGIN PRIVATE KEY-----\nb\n-----END PRIVATE KEY----- end', `${KEY} and ${KEY} end`],
    ]);
  });

  it('leaves public keys, certificates and lowercase headers', () => {
    for (const text of [
      '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----',
      '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----',
      '-----begin private key-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----end private key-----',
      '-----BEGIN rsa PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B',
    ]) {
      expect(detected(['pem-private-key'], text)).toBe(text);
    }
  });

  it('needs 40 characters in the string', () => {
    const header = '-----BEGIN PRIVATE KEY-----';
    expect(detected(true, `${header}\nabcdefghijkl`)).toBe(KEY);
    expect(detected(true, `${header}\nabcdefghijk`)).toBe(`${header}\nabcdefghijk`);
  });
});

describe('detectors: aws-access-key', () => {
  it('replaces AKIA or ASIA and exactly 16 upper-case letters or digits, as a whole word', () => {
    expectDetected(['aws-access-key'], [
      ['AKIAIOSFODNN7EXAMPLE', TOKEN],
      ['ASIAIOSFODNN7EXAMPLE', TOKEN],
      ['id=AKIAIOSFODNN7EXAMPLE;', `id=${TOKEN};`],
      ['AKIA0123456789ABCDEF AKIAZZZZZZZZZZZZZZZZ', `${TOKEN} ${TOKEN}`],
    ]);
    for (const text of ['AKIAIOSFODNN7EXAMPL', 'AKIAIOSFODNN7EXAMPLEX', 'xAKIAIOSFODNN7EXAMPLE', 'akiaiosfodnn7example', 'AKIAiosfodnn7example', 'AKIBIOSFODNN7EXAMPLE', 'AKIA_OSFODNN7EXAMPLE']) {
      expect(detected(['aws-access-key'], text)).toBe(text);
    }
  });
});

describe('detectors: github-token', () => {
  it('replaces ghp_, gho_, ghu_, ghs_ and ghr_ with 36 to 255 letters or digits, as a whole word', () => {
    expectDetected(['github-token'], [
      [`ghp_${alnum36}`, TOKEN],
      [`gho_${alnum36}`, TOKEN],
      [`ghu_${alnum36}`, TOKEN],
      [`ghs_${alnum36}`, TOKEN],
      [`ghr_${alnum36}`, TOKEN],
      [`x ghp_${alnum36.toUpperCase()}.`, `x ${TOKEN}.`],
      [`ghp_${'a'.repeat(255)}`, TOKEN],
    ]);
    for (const text of [`ghp_${alnum36.slice(1)}!`, `ghx_${alnum36}`, `xghp_${alnum36}`, `ghp_${alnum36}_`, `ghp_${'a'.repeat(256)}`, `GHP_${alnum36}`]) {
      expect(detected(['github-token'], text)).toBe(text);
    }
  });

  it('replaces github_pat_ with 22 to 255 letters, digits or underscores, in a string of 40 characters or more', () => {
    expectDetected(['github-token'], [
      ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', TOKEN],
      ['tokens github_pat_1234567890abcdefghijkl', `tokens ${TOKEN}`],
    ]);
    for (const text of ['token github_pat_1234567890abcdefghijkl', 'a long prefix here: github_pat_1234567890abcdefghijk', 'a long prefix here: github_pat_1234567890abcdefghij-kl']) {
      expect(detected(['github-token'], text)).toBe(text);
    }
  });
});

describe('detectors: slack-token', () => {
  it('replaces xoxa-, xoxb-, xoxp-, xoxo-, xoxs- and xoxr- with at least 10 letters, digits or dashes', () => {
    expectDetected(['slack-token'], [
      ['xoxa-1234567890', TOKEN],
      ['xoxb-1234567890', TOKEN],
      ['xoxp-1234567890', TOKEN],
      ['xoxo-1234567890', TOKEN],
      ['xoxs-1234567890', TOKEN],
      ['xoxr-1234567890', TOKEN],
      ['xoxb-12345-67890-abc!', `${TOKEN}!`],
    ]);
    for (const text of ['xoxb-123456789', 'xoxc-1234567890', 'xoxb_1234567890', 'axoxb-1234567890', 'XOXB-1234567890']) {
      expect(detected(['slack-token'], text)).toBe(text);
    }
  });
});

describe('detectors: several in one string', () => {
  resetFilterAfterEach();

  it('replaces every credential, of every detector', () => {
    expect(detected(true, 'Bearer abcdefgh and AKIAIOSFODNN7EXAMPLE, xoxb-1234567890 then -----BEGIN PRIVATE KEY-----\nMIIE')).toBe(
      `Bearer ${TOKEN} and ${TOKEN}, ${TOKEN} then ${KEY}`,
    );
    // The bearer detector runs first and takes the JWT with it: one credential, not two.
    expect(detected(true, 'Authorization: Bearer eyJhbGci.eyJzdWIi.abcdefgh')).toBe(`Authorization: Bearer ${TOKEN}`);
  });

  it('counts one kind per detector that replaced something, and nothing for a hint without a credential', () => {
    const sanitizer = installSanitizer({ detectors: true });
    const { logger, take } = captureLogger('text');
    logger.infoS('Detected', 'a', 'Bearer abcdefgh AKIAIOSFODNN7EXAMPLE AKIAIOSFODNN7EXAMPLE', 'b', 'Bearer of bad news, eyJ', 'c', '-----BEGIN PRIVATE KEY-----\nabcdefghijklmnop');
    expect(take()).toBe(`"Detected" a="Bearer ${TOKEN} ${TOKEN} ${TOKEN}" b="Bearer of bad news, eyJ" c="${KEY}"\n`);
    expect(sanitizer.metrics().redacted).toStrictEqual({ token: 2, 'security-key': 1 });
    logger.infoS('Hint only', 'b', 'Bearer of bad news, eyJ', 'n', 1);
    logger.infoS('Hint first', 'b', 'Bearer of bad news, AKIAIOSFODNN7EXAMPLE');
    expect(sanitizer.metrics().redacted).toStrictEqual({ token: 3, 'security-key': 1 });
  });
});

describe('detectors: the option', () => {
  it('is off when undefined, false or an empty list', () => {
    const text = 'Bearer abcdefgh AKIAIOSFODNN7EXAMPLE';
    for (const detectors of [undefined, false, []] as const) expect(detected(detectors, text)).toBe(text);
  });

  it('names detectors, or kinds: token turns on every token detector, security-key the PEM one', () => {
    const text = 'Bearer abcdefgh eyJhbGci.eyJzdWIi.abcdef AKIAIOSFODNN7EXAMPLE xoxb-1234567890 -----BEGIN PRIVATE KEY-----\nMIIE';
    expect(detected(['token'], text)).toBe(`Bearer ${TOKEN} ${TOKEN} ${TOKEN} ${TOKEN} -----BEGIN PRIVATE KEY-----\nMIIE`);
    expect(detected(['security-key'], text)).toBe(`Bearer abcdefgh eyJhbGci.eyJzdWIi.abcdef AKIAIOSFODNN7EXAMPLE xoxb-1234567890 ${KEY}`);
    expect(detected(['jwt', 'slack-token'], text)).toBe(`Bearer abcdefgh ${TOKEN} AKIAIOSFODNN7EXAMPLE ${TOKEN} -----BEGIN PRIVATE KEY-----\nMIIE`);
    expect(detected(['aws-access-key', 'token'], text)).toBe(detected(['token'], text));
  });

  it('lists its detectors', () => {
    expect(DETECTOR_NAMES).toStrictEqual(['bearer', 'jwt', 'pem-private-key', 'aws-access-key', 'github-token', 'slack-token']);
  });

  it('rejects an unknown name or kind, naming it and what is known', () => {
    const reason = 'unknown (known: bearer, jwt, pem-private-key, aws-access-key, github-token, slack-token, or a kind: token, security-key)';
    for (const name of ['jwtt', 'password', 'JWT', '']) {
      expectConfigError(() => createSanitizer({ detectors: ['jwt', name as never] }), 'sanitizer detector', name, reason);
    }
    expectConfigError(() => createSanitizer({ detectors: [5 as never] }), 'sanitizer detector', 5, reason);
  });

  it('rejects anything but true or a list', () => {
    const reason = 'must be true or a list of detector names and kinds';
    expectConfigError(() => createSanitizer({ detectors: 'jwt' as never }), 'sanitizer detectors', 'jwt', reason);
    expectConfigError(() => createSanitizer({ detectors: 'token' as never }), 'sanitizer detectors', 'token', reason);
    expectConfigError(() => createSanitizer({ detectors: 1 as never }), 'sanitizer detectors', 1, reason);
    const set = new Set(['jwt']);
    expectConfigError(() => createSanitizer({ detectors: set as never }), 'sanitizer detectors', set, reason);
  });
});
