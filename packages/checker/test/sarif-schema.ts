import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * A validator for the SARIF 2.1.0 JSON schema shipped by @microsoft/jest-sarif (the final 2.1.0 schema,
 * rtm.5). It is written in draft-04, which ajv 8 reads once the draft-04 `$schema`/`id` keywords are dropped;
 * string formats are not checked, and patterns are compiled without the `u` flag (one of them is not valid with it).
 */
export function sarifValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  return ajv.compile(schema);
}
