/**
 * `pnpm demo`: a toy controller logs the same reconcile pass in klog's text format, then in Kubernetes'
 * JSON format, to the terminal (stdout), at verbosity 2; then a tagged secret is logged by mistake and
 * redacted by the sanitizer, in both formats; then klog-check finds such a mistake before it ships.
 */
import { createLogger, type LogFormat } from '@klog-ts/core';
import { reconcile } from './reconcile.js';
import { checkServiceWithMistake } from './check-service.js';
import { logSecrets } from './secrets.js';

function section(title: string): void {
  process.stdout.write(`\n\x1b[1m── ${title} ──\x1b[0m\n`);
}

for (const format of ['text', 'json'] satisfies LogFormat[]) {
  section(format === 'text' ? 'klog text format (--logging-format=text -v=2)' : 'Kubernetes JSON format (--logging-format=json -v=2)');
  const logger = createLogger({ format, verbosity: 2, output: process.stdout });
  reconcile(logger);
}

section('A secret logged by mistake, redacted by @klog-ts/sanitizer (text, then JSON)');
for (const format of ['text', 'json'] satisfies LogFormat[]) logSecrets(format, process.stdout);

section('klog-check on the example service, with one mistake planted (pre-submit)');
process.stdout.write('Checking a copy of examples/service where the login handler logs the whole user…\n');
process.stdout.write(await checkServiceWithMistake());
